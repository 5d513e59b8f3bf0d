package synth

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// asOf is the run date the tests use: WindowEnd 30 November 2026, window from
// 1 April 2024, flow records from 1 April 2023.
var asOf = time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)

// shared is one DefaultConfig council generated for all the tests that only
// read files, so the suite generates it once.
var shared struct {
	once sync.Once
	dir  string
	sum  Summary
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

func council(t *testing.T) (string, Summary) {
	t.Helper()
	shared.once.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "synth-test-")
		if shared.err == nil {
			shared.sum, shared.err = Generate(shared.dir, DefaultConfig(asOf))
		}
	})
	if shared.err != nil {
		t.Fatalf("generate: %v", shared.err)
	}
	return shared.dir, shared.sum
}

// csvFile is a CSV file read back, with its columns by name.
type csvFile struct {
	name string
	cols map[string]int
	rows [][]string
}

func readCSV(t *testing.T, dir, name string) *csvFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	f := &csvFile{name: name, cols: map[string]int{}, rows: recs[1:]}
	for i, h := range recs[0] {
		f.cols[h] = i
	}
	return f
}

// get is the value of column col in row; a missing column fails the test.
func (f *csvFile) get(t *testing.T, row []string, col string) string {
	t.Helper()
	i, ok := f.cols[col]
	if !ok {
		t.Fatalf("%s: no column %q", f.name, col)
	}
	return row[i]
}

// date parses a DD/MM/YYYY cell; blank gives noDay, and a date that does not
// exist fails the test.
func date(t *testing.T, f *csvFile, row []string, col string) day {
	t.Helper()
	v := f.get(t, row, col)
	if v == "" {
		return noDay
	}
	d, err := time.Parse("02/01/2006", v)
	if err != nil {
		t.Fatalf("%s: column %q: %v", f.name, col, err)
	}
	return dayOf(d)
}

func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	cfg := DefaultConfig(asOf)
	sa, err := Generate(a, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(b, cfg); err != nil {
		t.Fatal(err)
	}
	if len(sa.Files) < 50 {
		t.Fatalf("got %d files, want at least 50", len(sa.Files))
	}
	for _, f := range sa.Files {
		x, err := os.ReadFile(filepath.Join(a, f.Name))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, f.Name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with the same config", f.Name)
		}
	}

	// A different seed must give a different council.
	c := t.TempDir()
	cfg.Seed++
	if _, err := Generate(c, cfg); err != nil {
		t.Fatal(err)
	}
	x, _ := os.ReadFile(filepath.Join(a, fileContacts))
	y, _ := os.ReadFile(filepath.Join(c, fileContacts))
	if bytes.Equal(x, y) {
		t.Errorf("%s is the same for seeds %d and %d", fileContacts, cfg.Seed-1, cfg.Seed)
	}
}

func TestWindow(t *testing.T) {
	cases := []struct {
		name       string
		asOf       time.Time
		years      int
		start, end string
	}{
		// AsOf 4 Dec 2026: WindowEnd 30 Nov 2026 in FY 2026-27; 3 years back
		// from 1 Apr 2026 is 1 Apr 2024.
		{"brief example", asOf, 3, "2024-04-01", "2026-11-30"},
		// AsOf 1 Apr 2026: WindowEnd 31 Mar 2026 is still FY 2025-26.
		{"year end", time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), 1, "2025-04-01",
			"2026-03-31"},
		// AsOf 15 Jan 2025: WindowEnd 31 Dec 2024 in FY 2024-25; 2 years.
		{"january", time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC), 2, "2023-04-01",
			"2024-12-31"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultConfig(tc.asOf)
			cfg.Years = tc.years
			w := newWindow(cfg)
			if got := w.start.iso(); got != tc.start {
				t.Errorf("got WindowStart %s, want %s", got, tc.start)
			}
			if got := w.end.iso(); got != tc.end {
				t.Errorf("got WindowEnd %s, want %s", got, tc.end)
			}
		})
	}
}

func TestSummaryMatchesFiles(t *testing.T) {
	dir, sum := council(t)
	if got, want := sum.WindowStart.Format("2006-01-02"), "2024-04-01"; got != want {
		t.Errorf("got WindowStart %s, want %s", got, want)
	}
	if got, want := sum.WindowEnd.Format("2006-01-02"), "2026-11-30"; got != want {
		t.Errorf("got WindowEnd %s, want %s", got, want)
	}
	for _, f := range sum.Files {
		b, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) {
			t.Errorf("%s starts with a byte order mark", f.Name)
		}
		lines := strings.Count(string(b), "\r\n")
		if lines != f.Rows+1 || strings.Count(string(b), "\n") != lines {
			t.Errorf("%s: got %d CRLF lines, want %d (header and %d rows, all CRLF)",
				f.Name, lines, f.Rows+1, f.Rows)
		}
	}
	// Four SSDA903 years (2023-24 to 2026-27) of 11 tables each.
	n := 0
	for _, f := range sum.Files {
		if strings.HasPrefix(f.Name, "SSDA903_") {
			n++
		}
	}
	if n != 44 {
		t.Errorf("got %d SSDA903 files, want 44", n)
	}
}

func TestFaults(t *testing.T) {
	dir, sum := council(t)
	counts := map[string]int{}
	for _, f := range sum.Faults {
		counts[f.File]++
	}
	if counts[fileContacts] != 3 || counts[fileL4] != 2 || len(sum.Faults) != 5 {
		t.Fatalf("got faults %v, want 3 in %s and 2 in %s", counts, fileContacts, fileL4)
	}
	for _, f := range sum.Faults {
		t.Run(fmt.Sprintf("%s line %d", f.File, f.Line), func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, f.File))
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(b), "\r\n")
			header, err := csv.NewReader(strings.NewReader(lines[0])).Read()
			if err != nil {
				t.Fatal(err)
			}
			rec, err := csv.NewReader(strings.NewReader(lines[f.Line-1])).Read()
			if err != nil {
				t.Fatal(err)
			}
			col := -1
			for i, h := range header {
				if h == f.Column {
					col = i
				}
			}
			if col < 0 {
				t.Fatalf("no column %q", f.Column)
			}
			if rec[col] != f.Value {
				t.Fatalf("got %q in %q on line %d, want %q", rec[col], f.Column, f.Line, f.Value)
			}
			switch f.File {
			case fileContacts:
				if _, err := time.Parse("02/01/2006", f.Value); err == nil {
					t.Errorf("date %s exists, want one that does not", f.Value)
				}
			case fileL4:
				start, err1 := time.Parse("02/01/2006", rec[col-2])
				auth, err2 := time.Parse("02/01/2006", f.Value)
				if err1 != nil || err2 != nil || !auth.Before(start) {
					t.Errorf("got start %s and authorisation %s, want authorisation first",
						rec[col-2], f.Value)
				}
			}
		})
	}
}

func TestConfigs(t *testing.T) {
	cases := []struct {
		name    string
		cfg     Config
		wantErr bool
	}{
		// WindowEnd 30 April 2025, one year: the window is a single month.
		{"one month window", Config{Seed: 7, Children: 8000, Years: 1,
			AsOf: time.Date(2025, 5, 2, 0, 0, 0, 0, time.UTC), Libraries: 2}, false},
		{"many libraries", Config{Seed: 3, Children: 5000, Years: 2, AsOf: asOf,
			Libraries: 20}, false},
		{"defaults filled in", Config{AsOf: asOf, Children: 3000}, false},
		{"no run date", Config{Children: 3000}, true},
		{"too few children", Config{AsOf: asOf, Children: 10}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sum, err := Generate(t.TempDir(), tc.cfg)
			if (err != nil) != tc.wantErr {
				t.Fatalf("got error %v, want error %v", err, tc.wantErr)
			}
			if tc.wantErr {
				return
			}
			rows := map[string]int{}
			for _, f := range sum.Files {
				rows[f.Kind] += f.Rows
			}
			for _, k := range []string{"contacts", "annexa_l3", "annexa_l4", "ssda903_episodes",
				"library_visits", "population"} {
				if rows[k] == 0 {
					t.Errorf("no %s rows", k)
				}
			}
			if len(sum.Faults) != 5 {
				t.Errorf("got %d faults, want 5", len(sum.Faults))
			}
		})
	}
}
