package report_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"scorecard/load"
	"scorecard/pipeline"
)

// The front door fixture (testdata/indicators/front_door), built by the real
// pipeline as of 1 July 2026. Its values, worked out in
// transform/indicators_children_test.go and restated where a test uses them:
//
//	CCA4    contacts: Dec 2025 1, Jan 2026 6, Feb 2026 3
//	CCA1    % of native contacts referred to social care: Jan 2 of 5 = 40%
//	        (K003, K005 of K001 to K005); Feb 1 of 3 = 33.3% (K007 of K006 to K008)
//	CCA10   referrals per 10,000 of 40,000: Jan 4 = 1.00, Feb 3 = 0.75
//	CCA11   repeat referrals: Jan 1 of 4 = 25%, Feb 1 of 3 = 33.3%
//	CCA12A  assessments authorised: Mar 3, Apr 0, May 0, Jun 3
//	CCA14   within 45 working days: Mar 2 of 3, Apr and May none, Jun 1 of 3
//	ACM1, CCA9   child protection conferences and section 47s, to April 2026
//
// CLA1 and the library indicators have no data, so they are not computed.
var fixture struct {
	warehouse string
	db        *sql.DB
}

// fixtureAsOf is the day the fixture's exports were taken.
var fixtureAsOf = time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "scorecard-report")
	if err != nil {
		panic(err)
	}
	code := func() int {
		if err := buildFixture(dir); err != nil {
			fmt.Fprintln(os.Stderr, "build the front door warehouse:", err)
			return 1
		}
		defer fixture.db.Close()
		return m.Run()
	}()
	os.RemoveAll(dir)
	os.Exit(code)
}

// buildFixture copies the front door exports into an inbox under dir and
// runs the pipeline on them.
func buildFixture(dir string) error {
	src := filepath.Join("..", "testdata", "indicators", "front_door")
	inbox := filepath.Join(dir, "inbox")
	if err := os.MkdirAll(inbox, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(inbox, e.Name()), b, 0o644); err != nil {
			return err
		}
	}
	fixture.warehouse = filepath.Join(dir, "warehouse.duckdb")
	_, err = pipeline.Run(context.Background(), pipeline.Config{
		Inbox:     inbox,
		Warehouse: fixture.warehouse,
		Key:       []byte("report-test-key-not-secret"),
		AsOf:      fixtureAsOf,
	})
	if err != nil {
		return err
	}
	fixture.db, err = load.OpenReadOnly(fixture.warehouse)
	return err
}

// subjects returns the full subject keys of an indicator's members for a
// period, straight from the warehouse.
func subjects(t *testing.T, indicator, period string) []string {
	t.Helper()
	rows, err := fixture.db.Query(`SELECT subject_key FROM fact_indicator_member
		WHERE indicator_id = ? AND period_id = ? AND breakdown = 'all'`, indicator, period)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
