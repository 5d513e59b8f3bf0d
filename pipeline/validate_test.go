package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/pipeline"
)

func TestValidateReportsWithoutAWarehouse(t *testing.T) {
	in := inbox(t, "basic")
	addFiles(t, in, "extra")
	checks, err := pipeline.Validate(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]pipeline.FileCheck{}
	for _, c := range checks {
		byName[c.Name] = c
	}
	c := byName["contacts.csv"]
	// contacts.csv: 4 rows, line 4 dated 31/02/2026.
	if c.Kind != "contacts" || c.RowsRead != 4 || c.RowsStaged != 3 || c.RowsRefused != 1 {
		t.Errorf("contacts.csv: got kind %s, %d read, %d staged, %d refused; want contacts, 4, 3, 1",
			c.Kind, c.RowsRead, c.RowsStaged, c.RowsRefused)
	}
	if len(c.First) != 1 || c.First[0].Line != 4 || len(c.Reasons) != 1 ||
		!strings.HasPrefix(c.Reasons[0].Reason, "Date of Contact: ") {
		t.Errorf("contacts.csv: got first refusals %+v and reasons %+v, want line 4 under "+
			"Date of Contact", c.First, c.Reasons)
	}
	if p := byName["notes.csv"].Problem; !strings.Contains(p, "match no known export") {
		t.Errorf("notes.csv: got problem %q, want it unreadable as no known export", p)
	}
	// Nothing was moved and no warehouse was made.
	if _, err := os.Stat(filepath.Join(in, "notes.csv")); err != nil {
		t.Errorf("validate moved or removed notes.csv: %v", err)
	}
	entries, err := os.ReadDir(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), "duckdb") || e.IsDir() {
			t.Errorf("validate left %s in the folder", e.Name())
		}
	}
}
