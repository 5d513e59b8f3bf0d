package transform_test

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"scorecard/load"
	"scorecard/pipeline"
)

// publicLibraries is the read-only folder of public library files, beside
// the repository (see shared/data/public/SOURCES.md).
var publicLibraries = filepath.Join("..", "..", "shared", "data", "public", "libraries")

// TestLibraryLoansFixture checks LIB-01 on testdata/indicators/library_loans:
//
//	loans_by_month.csv   Libraries Hacked loans, Month layout:
//	                     Central Jan to Jun 2026, Northgate from May 2026
//	loans_by_period.csv  the older Count start/Count end layout:
//	                     Eastfield by quarter; Westbury 16 Mar to 12 Apr
//	                     (straddles Q4 and Q1) and 13 Apr to 30 Jun
//	monthly-issues-by-branch.csv  a wide file: Central and Eastfield again
//	                     (dropped: the open data schema counts them over the
//	                     same days) and Harbour, April and May only
//	library_usage.csv    Newcastle's long format: Harbour's April again
//	                     (61, which beats the wide file's 60) and Old Mill,
//	                     counted in April and closed (a row of blanks) in
//	                     May and June
//
// The data cover January to June 2026, so the quarters are 2025-26 Q4 and
// 2026-27 Q1; the as-of date 10 July 2026 is after both.
func TestLibraryLoansFixture(t *testing.T) {
	f := runFixture(t, "library_loans", "2026-07-10")
	f.check([]want{
		// 2025-26 Q4 (January to March 2026).
		// Central: 100 + 110 + 120 (March adult) + 30 (March children's) = 360;
		// the wide file's 999s are not added.
		{"LIB-01", "2025-26 Q4", "site=Central", 360, 360},
		// Eastfield: its quarterly count 300; the wide months 101, 102, 97
		// fall inside it and are dropped.
		{"LIB-01", "2025-26 Q4", "site=Eastfield", 300, 300},
		// Total: 360 + 300 = 660 (Westbury's 45 straddles the quarters).
		{"LIB-01", "2025-26 Q4", "all", 660, 660},
		// Adult fiction: 100 + 110 + 120 + 300 = 630; children's: 30.
		{"LIB-01", "2025-26 Q4", "stock=Adult fiction", 630, 630},
		{"LIB-01", "2025-26 Q4", "stock=Children's fiction", 30, 30},

		// 2026-27 Q1 (April to June 2026).
		// Central: 130 + 35 (April) + 140 + 150 = 455.
		{"LIB-01", "2026-27 Q1", "site=Central", 455, 455},
		// Northgate opens in May: 40 + 50 + 5 = 95.
		{"LIB-01", "2026-27 Q1", "site=Northgate", 95, 95},
		// Eastfield: 280 (the wide 90, 95, 95 dropped).
		{"LIB-01", "2026-27 Q1", "site=Eastfield", 280, 280},
		// Westbury: only 13 April to 30 June, 80; the straddling 45 is not
		// counted in either quarter.
		{"LIB-01", "2026-27 Q1", "site=Westbury", 80, 80},
		// Harbour: April 61 from the usage file (not the wide 60), May 70
		// from the wide file, June blank: 61 + 70 = 131.
		{"LIB-01", "2026-27 Q1", "site=Harbour", 131, 131},
		// Old Mill: April 25; the blank rows of May and June are no count,
		// not an unknown one.
		{"LIB-01", "2026-27 Q1", "site=Old Mill", 25, 25},
		// Total: 455 + 95 + 280 + 80 + 131 + 25 = 1066.
		{"LIB-01", "2026-27 Q1", "all", 1066, 1066},
		// Adult fiction: 130 + 140 + 150 + 40 + 50 + 280 + 80 = 870;
		// children's 35; DVD 5 (Harbour and Old Mill give no stock type).
		{"LIB-01", "2026-27 Q1", "stock=Adult fiction", 870, 870},
		{"LIB-01", "2026-27 Q1", "stock=Children's fiction", 35, 35},
		{"LIB-01", "2026-27 Q1", "stock=DVD", 5, 5},
	})

	// Breakdowns without members: a library before it opens, a count that
	// straddles quarters, a blank cell.
	tests := []struct{ period, breakdown string }{
		{"2025-26 Q4", "site=Northgate"},
		{"2025-26 Q4", "site=Westbury"},
		{"2025-26 Q4", "site=Harbour"},
		{"2025-26 Q4", "site=Old Mill"},
		{"2025-26 Q4", "stock=DVD"},
	}
	for _, tc := range tests {
		t.Run("no "+tc.period+" "+tc.breakdown, func(t *testing.T) {
			libraryNoValue(t, f, "LIB-01", tc.period, tc.breakdown)
		})
	}
	// Quarters the data do not wholly cover are not reported.
	f.absent("LIB-01", "2025-26 Q3")
	f.absent("LIB-01", "2026-27 Q2")
	if got := librarySites(t, f, "LIB-01", "2026-27 Q1"); strings.Join(got, ",") !=
		"Central,Eastfield,Harbour,Northgate,Old Mill,Westbury" {
		t.Errorf("LIB-01 2026-27 Q1 sites: got %v, want Central, Eastfield, Harbour, "+
			"Northgate, Old Mill, Westbury", got)
	}
}

// TestLibraryVisitsFixture checks LIB-09 on testdata/indicators/library_visits:
// daily counts for the week of Monday 30 March to Sunday 5 April 2026, which
// spans the end of the financial year 2025-26. Good Friday (3 April) and
// Sunday 5 April have no counts. Eastfield has one weekly manual count and Central
// one monthly counter total for March; neither is split into days.
// physical_visits_resent.csv, read after physical_visits.csv, corrects
// Central's count for 2 April from 377 to 380.
func TestLibraryVisitsFixture(t *testing.T) {
	f := runFixture(t, "library_visits", "2026-04-20")
	f.check([]want{
		// Monday 30 March: Central 410 only.
		{"LIB-09", "2026-03-30", "all", 410, 410},
		{"LIB-09", "2026-03-30", "site=Central", 410, 410},
		// Tuesday 31 March, the last day of 2025-26: 385 + 120 = 505.
		{"LIB-09", "2026-03-31", "all", 505, 505},
		{"LIB-09", "2026-03-31", "site=Central", 385, 385},
		{"LIB-09", "2026-03-31", "site=Northgate", 120, 120},
		// Wednesday 1 April, the first day of 2026-27: 402 + 98 = 500.
		{"LIB-09", "2026-04-01", "all", 500, 500},
		{"LIB-09", "2026-04-01", "site=Central", 402, 402},
		{"LIB-09", "2026-04-01", "site=Northgate", 98, 98},
		// Thursday 2 April: the re-sent count 380 replaces 377, not added.
		{"LIB-09", "2026-04-02", "all", 380, 380},
		{"LIB-09", "2026-04-02", "site=Central", 380, 380},
		// Good Friday: nothing counted, so the total is zero.
		{"LIB-09", "2026-04-03", "all", 0, 0},
		// Saturday 4 April: 295 + 60 = 355.
		{"LIB-09", "2026-04-04", "all", 355, 355},
		{"LIB-09", "2026-04-04", "site=Northgate", 60, 60},
	})
	tests := []struct{ period, breakdown string }{
		{"2026-03-30", "site=Northgate"},
		{"2026-03-30", "site=Eastfield"}, // the weekly count is not split
		{"2026-04-01", "site=Eastfield"},
		{"2026-04-03", "site=Central"},
	}
	for _, tc := range tests {
		t.Run("no "+tc.period+" "+tc.breakdown, func(t *testing.T) {
			libraryNoValue(t, f, "LIB-09", tc.period, tc.breakdown)
		})
	}
	// Days outside the span of one-day counts (30 March to 4 April) are not
	// reported: not 1 March, which the monthly count covers, and not
	// Sunday 5 April, which the weekly count covers but no daily count.
	f.absent("LIB-09", "2026-03-01")
	f.absent("LIB-09", "2026-03-29")
	f.absent("LIB-09", "2026-04-05")
}

// TestLibrarySuppressedFixture checks testdata/indicators/library_suppressed:
// Southfield's May 2026 loans and its visits on 1 June 2026 are withheld (x).
// A withheld count makes its site, its stock type and the total unknown,
// never the sum of the rest.
func TestLibrarySuppressedFixture(t *testing.T) {
	f := runFixture(t, "library_suppressed", "2026-07-10")
	f.check([]want{
		// 2026-27 Q1: Central 130 + 140 + 150 = 420, known.
		{"LIB-01", "2026-27 Q1", "site=Central", 420, 420},
		// Southfield: 12 + x + 3: unknown, and so the total.
		{"LIB-01", "2026-27 Q1", "site=Southfield", nullValue, nullValue},
		{"LIB-01", "2026-27 Q1", "all", nullValue, nullValue},
		// Adult fiction holds the x; DVD is Southfield's 3 alone.
		{"LIB-01", "2026-27 Q1", "stock=Adult fiction", nullValue, nullValue},
		{"LIB-01", "2026-27 Q1", "stock=DVD", 3, 3},
		// 1 June: Central 300 + Southfield x: unknown.
		{"LIB-09", "2026-06-01", "site=Central", 300, 300},
		{"LIB-09", "2026-06-01", "site=Southfield", nullValue, nullValue},
		{"LIB-09", "2026-06-01", "all", nullValue, nullValue},
		// 2 June: 310 + 25 = 335.
		{"LIB-09", "2026-06-02", "all", 335, 335},
	})
}

// TestLibraryLoansPublic runs the pipeline on Barnet's loans (Libraries
// Hacked, by quarter and item type) and Newcastle's wide monthly issues file,
// and compares LIB-01 with sums computed here from the files themselves.
func TestLibraryLoansPublic(t *testing.T) {
	barnet := filepath.Join(publicLibraries, "loans_barnet.csv")
	newcastle := filepath.Join(publicLibraries, "2008-onwards-monthly-issues-by-branch.csv")
	inbox := libraryInbox(t, barnet, newcastle)
	// The wide file's headings run to March 2025.
	f, sum := libraryRun(t, inbox, "2025-04-15")
	for _, fs := range sum.Files {
		if fs.Status != pipeline.StatusLoaded || fs.RowsRefused != 0 {
			t.Errorf("%s: got status %s with %d rows refused (%s), want loaded, none refused",
				fs.Name, fs.Status, fs.RowsRefused, fs.Reason)
		}
	}

	// Barnet: every count is a whole quarter of 2019-20.
	bSite, bStock := libraryBarnetLoans(t, barnet)
	nSite := libraryNewcastleIssues(t, newcastle)
	for _, q := range []string{"2019-20 Q1", "2019-20 Q2"} {
		if len(bSite[q]) == 0 {
			t.Fatalf("loans_barnet.csv: no counts for %s", q)
		}
	}

	// By site, every site of the quarter, and the total of both councils.
	// The wide file's last figures are for August 2024, so the last whole
	// quarter is 2024-25 Q1; 2023-24 Q4 has month headings 2024-1 to 2024-3.
	quarters := []string{"2008-09 Q1", "2019-20 Q1", "2019-20 Q2", "2020-21 Q1",
		"2023-24 Q4", "2024-25 Q1"}
	var wants []want
	for _, q := range quarters {
		sites := map[string]float64{}
		for s, n := range nSite[q] {
			sites[s] = n
		}
		for s, n := range bSite[q] {
			if _, dup := sites[s]; dup {
				t.Fatalf("%s: %s is both a Barnet and a Newcastle library", q, s)
			}
			sites[s] = n
		}
		total := 0.0
		names := librarySortedKeys(sites)
		for _, s := range names {
			wants = append(wants, want{"LIB-01", q, "site=" + s, sites[s], sites[s]})
			total += sites[s]
		}
		wants = append(wants, want{"LIB-01", q, "all", total, total})
		if got := librarySites(t, f, "LIB-01", q); strings.Join(got, "|") !=
			strings.Join(names, "|") {
			t.Errorf("LIB-01 %s sites: got %v, want %v", q, got, names)
		}
		for _, st := range librarySortedKeys(bStock[q]) {
			n := bStock[q][st]
			wants = append(wants, want{"LIB-01", q, "stock=" + st, n, n})
		}
	}
	f.check(wants)
	// The file's months from October 2024 are blank in every figure: no
	// count, so 2024-25 is not wholly covered.
	f.absent("LIB-16", "2024-25")
}

// TestLibraryPublicFolder runs the pipeline on a copy of every public library
// file and checks that each is recognised as the kind it is and that its rows
// are all accounted for: rows read, counted here from the file, equal rows
// staged plus rows refused.
func TestLibraryPublicFolder(t *testing.T) {
	files := []struct{ name, kind string }{
		{"2008-onwards-monthly-issues-by-branch.csv", "library_issues_wide"},
		{"2008-onwards-monthly-visits.csv", "library_visits_wide"},
		{"dashboard_usage.csv", "library_usage"},
		{"events_barnet.csv", "library_events"},
		{"loans_barnet.csv", "library_loans_range"},
		{"membership_bristol.csv", "library_membership"},
		{"physical_visits_newcastle.csv", "library_visits"},
		{"physical_visits_plymouth.csv", "library_visits"},
		{"stock_summary_barnet.csv", "library_stock"},
	}
	kinds := map[string]string{}
	for _, fl := range files {
		kinds[fl.name] = fl.kind
	}
	entries, err := os.ReadDir(publicLibraries)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, e := range entries {
		paths = append(paths, filepath.Join(publicLibraries, e.Name()))
		if _, ok := kinds[e.Name()]; !ok {
			t.Errorf("%s: a public file this test does not know: add its kind", e.Name())
		}
	}
	inbox := libraryInbox(t, paths...)
	f, _ := libraryRun(t, inbox, "2025-04-15")

	var quarantined int
	if err := f.db.QueryRow(`SELECT count(*) FROM etl_quarantine`).Scan(&quarantined); err != nil {
		t.Fatal(err)
	}
	if quarantined != 0 {
		t.Errorf("etl_quarantine: got %d files, want none", quarantined)
	}
	for _, fl := range files {
		name, kind := fl.name, fl.kind
		t.Run(name, func(t *testing.T) {
			var got struct {
				kind                  string
				read, staged, refused int64
			}
			err := f.db.QueryRow(`
				SELECT kind, rows_read, rows_staged, rows_refused
				FROM etl_file
				WHERE file_name = ?`, name).
				Scan(&got.kind, &got.read, &got.staged, &got.refused)
			if err != nil {
				t.Fatalf("etl_file row: %v (was the file recognised?)", err)
			}
			if got.kind != kind {
				t.Errorf("kind: got %s, want %s", got.kind, kind)
			}
			wantRead := libraryCountRows(t, filepath.Join(publicLibraries, name),
				strings.HasSuffix(kind, "_wide"))
			if got.read != wantRead {
				t.Errorf("rows read: got %d, want %d", got.read, wantRead)
			}
			if got.staged+got.refused != got.read {
				t.Errorf("rows staged + refused: got %d + %d = %d, want rows read %d",
					got.staged, got.refused, got.staged+got.refused, got.read)
			}
			if got.refused != 0 {
				t.Errorf("rows refused: got %d, want 0 (%s)", got.refused,
					libraryRejects(t, f, name))
			}
		})
	}
}

// libraryInbox copies files into a new temporary inbox: the public folder is
// read-only and must not be touched by a run.
func libraryInbox(t *testing.T, paths ...string) string {
	t.Helper()
	inbox := filepath.Join(t.TempDir(), "inbox")
	if err := os.Mkdir(inbox, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		in, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		out, err := os.Create(filepath.Join(inbox, filepath.Base(p)))
		if err != nil {
			in.Close()
			t.Fatal(err)
		}
		_, err = io.Copy(out, in)
		in.Close()
		if err := errors.Join(err, out.Close()); err != nil {
			t.Fatal(err)
		}
	}
	return inbox
}

// libraryRun runs the pipeline over an inbox folder given by path, like
// runFixture, and returns the published warehouse and the run's summary. A
// quarantined file fails the test but the warehouse is still opened.
func libraryRun(t *testing.T, inbox, asOf string) (*fixture, *pipeline.Summary) {
	t.Helper()
	day, err := time.Parse(time.DateOnly, asOf)
	if err != nil {
		t.Fatalf("as-of %q: %v", asOf, err)
	}
	wh := filepath.Join(t.TempDir(), "warehouse.duckdb")
	sum, err := pipeline.Run(context.Background(), pipeline.Config{
		Inbox:     inbox,
		Warehouse: wh,
		Key:       fixtureKey,
		AsOf:      day,
	})
	switch {
	case errors.Is(err, pipeline.ErrNeedsAttention):
		for _, fs := range sum.Files {
			if fs.Status == pipeline.StatusQuarantined {
				t.Errorf("%s: quarantined: %s", fs.Name, fs.Reason)
			}
		}
	case err != nil:
		t.Fatalf("run the pipeline on %s: %v", inbox, err)
	}
	db, err := load.OpenReadOnly(wh)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &fixture{t: t, db: db}, sum
}

// libraryNoValue fails the test if the indicator has a value for the period
// and breakdown.
func libraryNoValue(t *testing.T, f *fixture, id, period, breakdown string) {
	t.Helper()
	var n int
	err := f.db.QueryRow(`SELECT count(*) FROM indicator_values
		WHERE indicator_id = ? AND period_label = ? AND breakdown = ? AND NOT to_date`,
		id, period, breakdown).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%s %s %s: got %d values, want none", id, period, breakdown, n)
	}
}

// librarySites lists the site breakdowns of a period, sorted.
func librarySites(t *testing.T, f *fixture, id, period string) []string {
	t.Helper()
	rows, err := f.db.Query(`SELECT substr(breakdown, 6) FROM indicator_values
		WHERE indicator_id = ? AND period_label = ? AND breakdown LIKE 'site=%'
		ORDER BY 1`, id, period)
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

// libraryRejects summarises a file's refusals for a failure message.
func libraryRejects(t *testing.T, f *fixture, name string) string {
	t.Helper()
	rows, err := f.db.Query(`SELECT line, column_name, coalesce(raw_value, ''), reason
		FROM etl_reject WHERE file_name = ? ORDER BY line LIMIT 5`, name)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var line int64
		var col, raw, reason string
		if err := rows.Scan(&line, &col, &raw, &reason); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("line %d %s %q: %s", line, col, raw, reason))
	}
	return strings.Join(out, "; ")
}

func librarySortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// libraryReadCSV reads a whole public file.
func libraryReadCSV(t *testing.T, path string) [][]string {
	t.Helper()
	in, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	r := csv.NewReader(in)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	if len(recs) < 2 {
		t.Fatalf("read %s: no rows", path)
	}
	return recs
}

// libraryCountRows counts the rows a file holds: records after the header that are
// not blank or, for a wide file, cells after the first column that are not
// blank.
func libraryCountRows(t *testing.T, path string, wide bool) int64 {
	t.Helper()
	var n int64
	for _, rec := range libraryReadCSV(t, path)[1:] {
		blank := true
		for i, v := range rec {
			if strings.TrimSpace(v) == "" {
				continue
			}
			blank = false
			if wide && i > 0 {
				n++
			}
		}
		if !wide && !blank {
			n++
		}
	}
	return n
}

// libraryQuarter labels the financial quarter holding day: 2019-20 Q1 for
// April to June 2019.
func libraryQuarter(day time.Time) string {
	y, m := day.Year(), int(day.Month())
	if m < 4 {
		y--
	}
	return fmt.Sprintf("%d-%02d Q%d", y, (y+1)%100, (m+8)%12/3+1)
}

// libraryColumn finds a heading in a header row.
func libraryColumn(t *testing.T, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")) == name {
			return i
		}
	}
	t.Fatalf("no column %q in %v", name, header)
	return -1
}

// libraryBarnetLoans sums loans_barnet.csv by quarter and site, and by quarter and
// item type, over counts whose start and end fall in one quarter.
func libraryBarnetLoans(t *testing.T, path string) (site, stock map[string]map[string]float64) {
	t.Helper()
	recs := libraryReadCSV(t, path)
	lib, start := libraryColumn(t, recs[0], "Library name"), libraryColumn(t, recs[0], "Count start")
	end, typ := libraryColumn(t, recs[0], "Count end"), libraryColumn(t, recs[0], "Type")
	loans := libraryColumn(t, recs[0], "Loans")
	site, stock = map[string]map[string]float64{}, map[string]map[string]float64{}
	add := func(m map[string]map[string]float64, q, k string, n float64) {
		if m[q] == nil {
			m[q] = map[string]float64{}
		}
		m[q][k] += n
	}
	for _, rec := range recs[1:] {
		s, err := time.Parse(time.DateOnly, rec[start])
		if err != nil {
			t.Fatal(err)
		}
		e, err := time.Parse(time.DateOnly, rec[end])
		if err != nil {
			t.Fatal(err)
		}
		n, err := strconv.ParseFloat(rec[loans], 64)
		if err != nil {
			t.Fatal(err)
		}
		q := libraryQuarter(s)
		if libraryQuarter(e) != q {
			continue
		}
		add(site, q, strings.TrimSpace(rec[lib]), n)
		add(stock, q, strings.TrimSpace(rec[typ]), n)
	}
	return site, stock
}

// libraryNewcastleIssues sums the wide monthly issues file by quarter and branch,
// reading the month headings (2019-04, and from 2023 also 2023-1) here.
func libraryNewcastleIssues(t *testing.T, path string) map[string]map[string]float64 {
	t.Helper()
	recs := libraryReadCSV(t, path)
	out := map[string]map[string]float64{}
	for _, rec := range recs[1:] {
		branch := strings.TrimSpace(rec[0])
		for i := 1; i < len(rec); i++ {
			cell := strings.TrimSpace(rec[i])
			if cell == "" {
				continue
			}
			var y, m int
			if _, err := fmt.Sscanf(recs[0][i], "%d-%d", &y, &m); err != nil {
				t.Fatalf("month heading %q: %v", recs[0][i], err)
			}
			n, err := strconv.ParseFloat(cell, 64)
			if err != nil {
				t.Fatal(err)
			}
			q := libraryQuarter(time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC))
			if out[q] == nil {
				out[q] = map[string]float64{}
			}
			out[q][branch] += n
		}
	}
	return out
}

// TestLibraryEventsAndEnquiriesPublic runs the pipeline on Barnet's events
// file and Newcastle's long-format usage file, and compares LIB-06 (event
// attendees by month) and LIB-16 (enquiries by year and site) with sums
// computed here from the files.
func TestLibraryEventsAndEnquiriesPublic(t *testing.T) {
	events := filepath.Join(publicLibraries, "events_barnet.csv")
	usage := filepath.Join(publicLibraries, "dashboard_usage.csv")
	f, _ := libraryRun(t, libraryInbox(t, events, usage), "2025-04-15")

	// LIB-06: Barnet's events run unbroken from January 2018 to October
	// 2019; the handful of events of 2009, 2015 and 2016 before that run
	// do not make the empty months between read as zero.
	recs := libraryReadCSV(t, events)
	date, att := libraryColumn(t, recs[0], "Event date"), libraryColumn(t, recs[0], "Attendees")
	byMonth := map[string]float64{}
	for _, rec := range recs[1:] {
		n, err := strconv.ParseFloat(rec[att], 64)
		if err != nil {
			t.Fatal(err)
		}
		byMonth[rec[date][:7]] += n
	}
	got := f.values("LIB-06")
	if len(got) != 22 {
		t.Errorf("LIB-06 months: got %d, want 22 (2018-01 to 2019-10)", len(got))
	}
	first := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)
	for m := first; m.Before(time.Date(2019, 11, 1, 0, 0, 0, 0, time.UTC)); m = m.AddDate(0, 1, 0) {
		label := m.Format("2006-01")
		if got[label] != byMonth[label] {
			t.Errorf("LIB-06 %s: got %v, want %v", label, got[label], byMonth[label])
		}
	}
	f.absent("LIB-06", "2017-12")
	f.absent("LIB-06", "2016-09")

	// LIB-16: a library's year is the sum of its months' enquiries, or
	// unknown when a month that has figures gives no enquiries (a month
	// blank in every figure is a closed library's month, and no count).
	recs = libraryReadCSV(t, usage)
	type key struct{ year, site string }
	sums, unknown := map[key]float64{}, map[key]bool{}
	latest := map[string][]string{}
	var order []string
	for _, rec := range recs[1:] {
		k := strings.ToLower(strings.TrimSpace(rec[0])) + "|" + rec[1]
		if _, ok := latest[k]; !ok {
			order = append(order, k)
		}
		latest[k] = rec
	}
	for _, k := range order {
		rec := latest[k]
		if strings.TrimSpace(strings.Join(rec[2:], "")) == "" {
			continue
		}
		var y, m int
		if _, err := fmt.Sscanf(rec[1], "%d-%d", &y, &m); err != nil {
			t.Fatal(err)
		}
		if m < 4 {
			y--
		}
		kk := key{fmt.Sprintf("%d-%02d", y, (y+1)%100), strings.TrimSpace(rec[0])}
		n, err := strconv.ParseFloat(strings.TrimSpace(rec[2]), 64)
		if err != nil {
			unknown[kk] = true
			continue
		}
		sums[kk] += n
	}
	var wants []want
	for _, y := range []string{"2008-09", "2016-17", "2019-20", "2023-24"} {
		anyUnknown := false
		total := 0.0
		for k, n := range sums {
			if k.year == y && !unknown[k] {
				wants = append(wants, want{"LIB-16", y, "site=" + k.site, n, n})
				total += n
			}
		}
		for k := range unknown {
			if k.year == y {
				anyUnknown = true
				wants = append(wants, want{"LIB-16", y, "site=" + k.site, nullValue, nullValue})
			}
		}
		if anyUnknown {
			wants = append(wants, want{"LIB-16", y, "all", nullValue, nullValue})
		} else {
			wants = append(wants, want{"LIB-16", y, "all", total, total})
		}
	}
	f.check(wants)
	// The file's months from October 2024 are blank in every figure: no
	// count, so 2024-25 is not wholly covered.
	f.absent("LIB-16", "2024-25")
}
