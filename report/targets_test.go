package report_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/report"
)

// catalogue is a small dim_indicator for the targets tests.
var catalogue = []report.Indicator{
	{ID: "CCA14", Unit: "percent", Polarity: "higher_better"},
	{ID: "CCA11", Unit: "percent", Polarity: "lower_better"},
	{ID: "CCA4", Unit: "count", Polarity: "neutral"},
	{ID: "LIB-01", Unit: "count", Polarity: "higher_better"},
}

func TestParseTargets(t *testing.T) {
	const header = "indicator_id,target,amber_within,better,note\n"
	tests := []struct {
		name, file string
		want       map[string]report.Target
	}{
		{"polarity decides", header + "CCA14,85,5,,\nCCA11,22,3,,\n", map[string]report.Target{
			"CCA14": {IndicatorID: "CCA14", Value: 85, AmberWithin: 5, Better: "higher", Line: 2},
			"CCA11": {IndicatorID: "CCA11", Value: 22, AmberWithin: 3, Better: "lower", Line: 3},
		}},
		// Comments and blank lines count as lines; ids in any case; a
		// percent sign and white space are tolerated; better overrides.
		{"as a person writes it", "# targets\n\n" + header + "cca4, 1000 ,50,Lower,busy\n" +
			"lib-01,\"1,200\",,higher,\"a note, with a comma\"\n", map[string]report.Target{
			"CCA4": {IndicatorID: "CCA4", Value: 1000, AmberWithin: 50, Better: "lower",
				Note: "busy", Line: 4},
			"LIB-01": {IndicatorID: "LIB-01", Value: 1200, Better: "higher",
				Note: "a note, with a comma", Line: 5},
		}},
		{"only the required columns", "target,indicator_id\n85%,CCA14\n", map[string]report.Target{
			"CCA14": {IndicatorID: "CCA14", Value: 85, Better: "higher", Line: 2},
		}},
		{"empty file", "", map[string]report.Target{}},
		{"header only", header, map[string]report.Target{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := report.ParseTargets(strings.NewReader(tc.file), "targets.csv", catalogue)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Errorf("got %d targets, want %d: %+v", len(got), len(tc.want), got)
			}
			for id, w := range tc.want {
				if got[id] != w {
					t.Errorf("%s: got %+v, want %+v", id, got[id], w)
				}
			}
		})
	}
}

func TestParseTargetsErrors(t *testing.T) {
	const header = "indicator_id,target,amber_within,better\n"
	tests := []struct {
		name, file, want string
	}{
		// Line 4: two comment lines, the header, then the row.
		{"unknown indicator", "# a\n# b\n" + header + "CCA99,85,5,\n",
			`targets.csv: line 4: no indicator "CCA99"`},
		{"repeated indicator", header + "CCA14,85,5,\ncca14,80,5,\n",
			"line 3: CCA14 already has a target on line 2"},
		{"target not a number", header + "CCA14,high,5,\n", `line 2: CCA14: target: "high" is not`},
		{"no target", header + "CCA14,,5,\n", "line 2: CCA14: target: is empty"},
		{"negative tolerance", header + "CCA14,85,-1,\n", "line 2: CCA14: amber_within -1 is negative"},
		{"neutral without better", header + "CCA4,1000,50,\n", "line 2: CCA4 is neutral"},
		{"better misspelt", header + "CCA14,85,5,up\n", `line 2: CCA14: better "up" is neither`},
		{"unknown column", "indicator_id,target,colour\n", `line 1: unknown column "colour"`},
		{"no target column", "indicator_id,note\n", "line 1: no target column"},
		{"unquoted comma", header + "CCA14,1,200,5,,\n", "line 2: 6 fields, but the header names 4"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := report.ParseTargets(strings.NewReader(tc.file), "targets.csv", catalogue)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestLoadTargets(t *testing.T) {
	// A missing file means no targets.
	got, err := report.LoadTargets(filepath.Join(t.TempDir(), "targets.csv"), catalogue)
	if err != nil || len(got) != 0 {
		t.Errorf("missing file: got %v and %v, want no targets and no error", got, err)
	}

	// A file that is there is read, and its name is in its errors.
	path := filepath.Join(t.TempDir(), "council.csv")
	if err := os.WriteFile(path, []byte("indicator_id,target\nXX,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := report.LoadTargets(path, catalogue); err == nil ||
		!strings.Contains(err.Error(), "council.csv: line 2") {
		t.Errorf("got %v, want an error naming council.csv line 2", err)
	}
}

// TestExampleTargets checks that the documented example reads cleanly
// against a real warehouse's indicators.
func TestExampleTargets(t *testing.T) {
	inds, err := report.Indicators(context.Background(), fixture.db)
	if err != nil {
		t.Fatal(err)
	}
	got, err := report.LoadTargets(filepath.Join("..", "docs", "targets.example.csv"), inds)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 3 {
		t.Errorf("got %d targets from the example, want several", len(got))
	}
}

func TestRate(t *testing.T) {
	higher := report.Target{Value: 85, AmberWithin: 5, Better: "higher"}
	lower := report.Target{Value: 22, AmberWithin: 3, Better: "lower"}
	strict := report.Target{Value: 85, Better: "higher"}
	tests := []struct {
		name  string
		t     report.Target
		value float64
		want  string
	}{
		{"above", higher, 90, report.Green},
		{"on target", higher, 85, report.Green},
		{"just short", higher, 84.9, report.Amber},
		{"short by the tolerance", higher, 80, report.Amber},
		{"beyond the tolerance", higher, 79.9, report.Red},
		{"lower: below", lower, 20, report.Green},
		{"lower: on target", lower, 22, report.Green},
		{"lower: over by the tolerance", lower, 25, report.Amber},
		{"lower: beyond", lower, 25.1, report.Red},
		{"no tolerance: short", strict, 84.9, report.Red},
		{"no tolerance: on target", strict, 85, report.Green},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.t.Rate(tc.value); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestFormatValue(t *testing.T) {
	tests := []struct {
		unit  string
		value float64
		want  string
	}{
		{"percent", 100.0 / 3, "33.3%"},
		{"percent", 40, "40.0%"},
		{"rate_per_10k", 0.75, "0.75 per 10,000"},
		{"rate_per_10k", 70.31, "70.3 per 10,000"},
		{"count", 1033, "1,033"},
		{"count", 1234567, "1,234,567"},
		{"count", 2.5, "2.5"},
		{"count", 0, "0"},
		{"mean_days", 12.345, "12.3 days"},
		{"mean_weeks", 4, "4.0 weeks"},
		{"hours", 1500, "1,500 hours"},
		{"fte", 12.26, "12.3 FTE"},
		{"money", 1200.4, "£1,200"},
		{"percent", -0.04, "0.0%"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			if got := report.FormatValue(tc.unit, tc.value); got != tc.want {
				t.Errorf("FormatValue(%s, %v): got %q, want %q", tc.unit, tc.value, got, tc.want)
			}
		})
	}
}
