package main_test

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// frontDoor builds a warehouse from the front door fixture with the run
// command, as of 1 July 2026, and returns its path.
func frontDoor(t *testing.T) string {
	t.Helper()
	inbox := t.TempDir()
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "indicators", "front_door", "*"))
	if len(files) == 0 {
		t.Fatal("the front door fixture is missing")
	}
	copyInto(t, inbox, files...)
	wh := filepath.Join(t.TempDir(), "warehouse.duckdb")
	r := run(t, []string{"SCORECARD_KEY=explain-test-key-not-secret", "SCORECARD_KEY_FILE="},
		"run", "--inbox", inbox, "--warehouse", wh, "--as-of", "2026-07-01",
		"--log-format", "json", "--log-level", "warn")
	if r.code != 0 {
		t.Fatalf("run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	return wh
}

// TestExplainCommand checks the three formats and the exit statuses. The
// value explained is CCA1 for January 2026: contacts K001 (10/01), K002
// (12/01), K003 (15/01, referred to social care), K004 (15/01) and K005
// (31/01, referred) = 2 of 5 = 40%.
func TestExplainCommand(t *testing.T) {
	wh := frontDoor(t)

	table := run(t, nil, "explain", "cca1", "2026-01", "--warehouse", wh)
	if table.code != 0 {
		t.Fatalf("table: exit %d: %s", table.code, table.stderr)
	}
	lines := strings.Split(strings.TrimSpace(table.stdout), "\n")
	if !strings.HasPrefix(lines[0], "CCA1 ") ||
		!strings.Contains(lines[0], "value 40.0%, numerator 2, denominator 5, 5 cases") {
		t.Errorf("table header line: got %q", lines[0])
	}
	// Header line, blank line, column names, five cases.
	if len(lines) != 8 || !strings.HasPrefix(lines[2], "case ") {
		t.Errorf("table: got %d lines, want 8:\n%s", len(lines), table.stdout)
	}
	if got := strings.Count(table.stdout, "referred to social care"); got != 2 {
		t.Errorf("table: got %d cases referred, want 2", got)
	}

	// CSV: the header line goes to standard error, the cases to standard
	// output, first decided first.
	c := run(t, nil, "explain", "CCA1", "2026-01", "--warehouse", wh, "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(c.stdout)).ReadAll()
	if c.code != 0 || err != nil {
		t.Fatalf("csv: exit %d, %v: %s", c.code, err, c.stderr)
	}
	if len(recs) != 6 || strings.Join(recs[0], ",") != "case,decided_on,numerator,denominator,note" {
		t.Errorf("csv: got %q", recs)
	} else if recs[1][1] != "2026-01-10" || recs[5][1] != "2026-01-31" || recs[5][2] != "1" {
		t.Errorf("csv: got first %q and last %q, want K001 on 10/01 first and K005 "+
			"(referred) on 31/01 last", recs[1], recs[5])
	}
	if !strings.Contains(c.stderr, "value 40.0%") {
		t.Errorf("csv: the value's line is not on standard error: %q", c.stderr)
	}

	j := run(t, nil, "explain", "CCA1", "2026-01", "--warehouse", wh, "--format", "json")
	var got struct {
		Indicator string   `json:"indicator"`
		Period    string   `json:"period"`
		Value     *float64 `json:"value"`
		Numerator *float64 `json:"numerator"`
		Cases     []struct {
			Case      string  `json:"case"`
			DecidedOn string  `json:"decided_on"`
			Numerator float64 `json:"numerator"`
		} `json:"cases"`
	}
	if err := json.Unmarshal([]byte(j.stdout), &got); err != nil || j.code != 0 {
		t.Fatalf("json: exit %d, %v:\n%s", j.code, err, j.stdout)
	}
	if got.Indicator != "CCA1" || got.Period != "month:2026-01" || *got.Value != 40 ||
		*got.Numerator != 2 || len(got.Cases) != 5 || len(got.Cases[0].Case) != 12 {
		t.Errorf("json: got %+v", got)
	}

	// Mistakes in what was asked exit 2; facts about the warehouse exit 1.
	errs := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown indicator", []string{"XX9", "2026-01"}, 2, `no indicator "XX9"`},
		{"bad period", []string{"CCA1", "2026-1"}, 2, `period "2026-1"`},
		{"one argument", []string{"CCA1"}, 2, "an indicator and a period"},
		{"not computed", []string{"CLA1", "2026-01"}, 1, "CLA1 is not computed: no data yet"},
		{"no value", []string{"CCA4", "2026-06"}, 1, "its 3 values run from 2025-12 to 2026-02"},
	}
	for _, tc := range errs {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, nil, append([]string{"explain", "--warehouse", wh}, tc.args...)...)
			if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("got exit %d and %q, want exit %d and %q", r.code, r.stderr,
					tc.code, tc.want)
			}
		})
	}
}

// TestReportCommand writes the scorecard of the front door fixture with and
// without a targets file.
func TestReportCommand(t *testing.T) {
	wh := frontDoor(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "scorecard.html")
	targets := filepath.Join(dir, "targets.csv")
	// CCA14 for June 2026 is 1 of 3 = 33.3%, far short of 85: red.
	if err := os.WriteFile(targets, []byte("indicator_id,target,amber_within\nCCA14,85,5\n"),
		0o644); err != nil {
		t.Fatal(err)
	}

	r := run(t, nil, "report", "--warehouse", wh, "--out", out, "--targets", targets)
	if r.code != 0 || !strings.Contains(r.stdout, "period 2026-06") ||
		!strings.Contains(r.stdout, "rated 1 red, 0 amber, 0 green") {
		t.Fatalf("report: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `<span class="rag rag-red">Red</span>`) {
		t.Errorf("the page has no red rating")
	}

	// No targets file: a note, and no ratings.
	r = run(t, nil, "report", "--warehouse", wh, "--out", out, "--period", "2026-02",
		"--targets", filepath.Join(dir, "none.csv"))
	if r.code != 0 || !strings.Contains(r.stderr, "no targets file") ||
		!strings.Contains(r.stdout, "period 2026-02") {
		t.Errorf("report without targets: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// Mistakes exit 2.
	bad := []struct {
		name string
		args []string
		want string
	}{
		{"bad period", []string{"--period", "2026-13"}, "--period"},
		{"unknown indicator in targets", []string{"--targets", writeFile(t, dir, "t.csv",
			"indicator_id,target\nNOPE,1\n")}, "t.csv: line 2"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, nil, append([]string{"report", "--warehouse", wh, "--out", out},
				tc.args...)...)
			if r.code == 0 || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("got exit %d and %q, want a failure saying %q", r.code, r.stderr, tc.want)
			}
		})
	}
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
