package transform_test

import (
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"scorecard/synth"
)

// TestLibraryNativeFixture checks LIB-01 to LIB-16 (but LIB-09) on
// testdata/indicators/library_native, hand-written native exports and one
// open data events file of a council with three libraries: Central,
// Oldgate (closes mid-April 2026) and Newtown (opens mid-May 2026). The
// as-of date 10 July 2026 is after the financial year 2025-26, its Q4
// (January to March 2026) and 2026-27 Q1 (April to June 2026).
func TestLibraryNativeFixture(t *testing.T) {
	f := runFixture(t, "library_native", "2026-07-10")
	f.check([]want{
		// LIB-01, issues.csv. 2025-26 Q4: I9 (5 Jan), I8 (Oldgate 10 Mar),
		// I1 (31 March): 3, all Adult, all Adult fiction. loans_by_month.csv
		// (open data) adds Farhill's February 40, which no native row
		// counts; its Central January 999 is dropped, as the native export
		// counts Central in January: 3 + 40 = 43.
		{"LIB-01", "2025-26 Q4", "all", 43, 43},
		{"LIB-01", "2025-26 Q4", "site=Central", 2, 2},
		{"LIB-01", "2025-26 Q4", "site=Oldgate", 1, 1},
		{"LIB-01", "2025-26 Q4", "site=Farhill", 40, 40},
		{"LIB-01", "2025-26 Q4", "stock=Adult fiction", 43, 43},
		// Only the native export gives borrower types.
		{"LIB-01", "2025-26 Q4", "borrower=Adult", 3, 3},
		// 2026-27 Q1: I2 (1 April), I3 (sent twice: once), I7, I4, I5, I6 = 6.
		{"LIB-01", "2026-27 Q1", "all", 6, 6},
		{"LIB-01", "2026-27 Q1", "site=Central", 3, 3},   // I2, I3, I4
		{"LIB-01", "2026-27 Q1", "site=Newtown", 2, 2},   // opens in May: I5, I6
		{"LIB-01", "2026-27 Q1", "site=Oldgate", 1, 1},   // closes in April: I7
		{"LIB-01", "2026-27 Q1", "borrower=Adult", 3, 3}, // I2, I5, I7
		// B2 turned from Child (I3) to Young person (I4) in May.
		{"LIB-01", "2026-27 Q1", "borrower=Child", 1, 1},
		{"LIB-01", "2026-27 Q1", "borrower=Young person", 1, 1},
		// I6 has no category: B3's registration says Concession.
		{"LIB-01", "2026-27 Q1", "borrower=Concession", 1, 1},
		{"LIB-01", "2026-27 Q1", "stock=Adult fiction", 2, 2}, // I2, I6
		{"LIB-01", "2026-27 Q1", "stock=Children's fiction", 2, 2},
		{"LIB-01", "2026-27 Q1", "stock=DVD", 1, 1},

		// LIB-02: Q4 borrowers B5, B4, B1 = 3. Q1: B1 (Central and
		// Newtown), B2, B3, B4 = 4; by site Central B1, B2; Newtown B1, B3;
		// Oldgate B4 (the sites add to 5: B1 borrows at two).
		{"LIB-02", "2025-26 Q4", "all", 3, 3},
		{"LIB-02", "2026-27 Q1", "all", 4, 4},
		{"LIB-02", "2026-27 Q1", "site=Central", 2, 2},
		{"LIB-02", "2026-27 Q1", "site=Newtown", 2, 2},
		{"LIB-02", "2026-27 Q1", "site=Oldgate", 1, 1},
		// Categories add to the total, each borrower in the category of
		// their last issue of the quarter: Adult B1, B4; Young person B2
		// (Child on 1 April, Young person on 15 May); Concession B3.
		{"LIB-02", "2026-27 Q1", "borrower=Adult", 2, 2},
		{"LIB-02", "2026-27 Q1", "borrower=Young person", 1, 1},
		{"LIB-02", "2026-27 Q1", "borrower=Concession", 1, 1},

		// LIB-03, 2025-26: 60 + 45 + 90 + 30 = 225 minutes = 3.75 hours;
		// Central 180 minutes = 3; Oldgate 0.75. 1 April 2026 is 2026-27.
		{"LIB-03", "2025-26", "all", 3.75, 3.75},
		{"LIB-03", "2025-26", "site=Central", 3, 3},
		{"LIB-03", "2025-26", "site=Oldgate", 0.75, 0.75},
		// LIB-04: D2's minutes are withheld (x): Central and the total
		// unknown; Oldgate 90 minutes = 1.5 hours.
		{"LIB-04", "2025-26", "all", nullValue, nullValue},
		{"LIB-04", "2025-26", "site=Central", nullValue, nullValue},
		{"LIB-04", "2025-26", "site=Oldgate", 1.5, 1.5},

		// LIB-05, March 2026: U3 (Oldgate, Y) and U2 (Central, Y and Yes,
		// once) = 2. April 2025 and April 2026: no referral, zero.
		{"LIB-05", "2026-03", "all", 2, 2},
		{"LIB-05", "2026-03", "site=Central", 1, 1},
		{"LIB-05", "2025-04", "all", 0, 0},
		{"LIB-05", "2026-04", "all", 0, 0},

		// LIB-06, events.csv: March 2026 12 + 8 (two Rhyme Times the same
		// day are two events) + 6 = 26; Central 20.
		{"LIB-06", "2026-03", "all", 26, 26},
		{"LIB-06", "2026-03", "site=Central", 20, 20},
		{"LIB-06", "2026-03", "outcome=Increased reading and literacy", 20, 20},
		{"LIB-06", "2026-04", "all", 10, 10},
		// May: 15 + x: unknown, never 15.
		{"LIB-06", "2026-05", "all", nullValue, nullValue},
		{"LIB-06", "2026-05", "site=Newtown", nullValue, nullValue},
		{"LIB-06", "2026-06", "all", 9, 9},

		// LIB-07: ISO week 2026-W14, Monday 30 March to Sunday 5 April,
		// spans 2025-26 and 2026-27 and is one week: C1 (twice on 31
		// March, and at Oldgate on 5 April) and C2 = 2 customers.
		{"LIB-07", "2026-W14", "all", 2, 2},
		{"LIB-07", "2026-W14", "site=Newtown", 2, 2},
		{"LIB-07", "2026-W14", "site=Oldgate", 1, 1},
		{"LIB-07", "2026-W15", "all", 1, 1}, // C3 on 6 April
		{"LIB-07", "2026-W10", "all", 1, 1}, // C4 on 2 March
		{"LIB-07", "2026-W11", "all", 0, 0},

		// LIB-08, 2025-26: S1, S2 satisfied of S1 to S4 answered (S5 is
		// blank, S6 is 2026-27): 2 / 4 = 50%. Central 2 / 2; Oldgate 0 / 1.
		{"LIB-08", "2025-26", "all", 2, 50},
		{"LIB-08", "2025-26", "site=Central", 2, 100},
		{"LIB-08", "2025-26", "site=Oldgate", 0, 0},

		// LIB-10: April 1000; May 500 + 700 = 1200; June x + 300: unknown.
		{"LIB-10", "2026-04", "all", 1000, 1000},
		{"LIB-10", "2026-05", "all", 1200, 1200},
		{"LIB-10", "2026-06", "all", nullValue, nullValue},

		// LIB-11, 2025-26: BorrowBox 100 (2025-04) + 150 (written 2026-3) =
		// 250; Ancestry's October sent twice, the later row 45; 295.
		{"LIB-11", "2025-26", "all", 295, 295},
		{"LIB-11", "2025-26", "resource=BorrowBox eBooks", 250, 250},
		{"LIB-11", "2025-26", "resource=Ancestry Library Edition", 45, 45},

		// LIB-12: May LC1 (sent twice, once) and LC2 (no library) = 2.
		{"LIB-12", "2026-05", "all", 2, 2},
		{"LIB-12", "2026-05", "site=Central", 1, 1},
		{"LIB-12", "2026-05", "type=Opening hours", 1, 1},
		{"LIB-12", "2026-06", "all", 1, 1},

		// LIB-13, 2025-26: N1 (1 April 2025) and N2 (31 March 2026, sent
		// twice) = 2; N3 (1 April 2026) is 2026-27.
		{"LIB-13", "2025-26", "all", 2, 2},
		{"LIB-13", "2025-26", "site=Oldgate", 1, 1},
		{"LIB-13", "2025-26", "stock=DVD", 1, 1},
		// LIB-14: W1 and W2 ("Deleted"), W2 with no stock category.
		{"LIB-14", "2025-26", "all", 2, 2},
		{"LIB-14", "2025-26", "stock=Not recorded", 1, 1},

		// LIB-15, 2025-26: placed R1, R2, R3, R6, R4 = 5 (R5 was placed in
		// 2024-25); Central R1, R2, R4.
		{"LIB-15", "2025-26", "all", 5, 5},
		{"LIB-15", "2025-26", "site=Central", 3, 3},
		// Satisfied in the year: R6 0, R1 2, R2 10, R5 11 days (R4 is
		// satisfied in 2026-27, R3 cancelled). n = 4: median rank
		// ceil(2) = 2 -> 2 days; 90th percentile rank ceil(3.6) = 4 -> 11.
		{"LIB-15", "2025-26", "statistic=median_days", 2, 2},
		{"LIB-15", "2025-26", "statistic=p90_days", 11, 11},

		// LIB-16, 2025-26: Central's two face-to-face enquiries of 1 April
		// 2025 (one with no channel), Oldgate's "In person" of 31 March =
		// 3; the telephone enquiry is left out.
		{"LIB-16", "2025-26", "all", 3, 3},
		{"LIB-16", "2025-26", "type=Finding an item", 2, 2},
		{"LIB-16", "2025-26", "type=Membership", 1, 1},
		{"LIB-16", "2025-26", "site=Oldgate", 1, 1},
	})

	// The loan of 31 March and the loans of 1 April fall in different
	// quarters: Q4 has no Children's fiction, which starts on 1 April.
	libraryNoValue(t, f, "LIB-01", "2025-26 Q4", "stock=Children's fiction")
	// Newtown opens in May: no Q4 value.
	libraryNoValue(t, f, "LIB-01", "2025-26 Q4", "site=Newtown")
	// B2 is counted once, as a Young person, not also as a Child.
	libraryNoValue(t, f, "LIB-02", "2026-27 Q1", "borrower=Child")
	// A year not over by the as-of date is not reported; nor a week or a
	// month outside the data, nor events before their unbroken run.
	for _, tc := range []struct{ id, period string }{
		{"LIB-03", "2026-27"},
		{"LIB-15", "2024-25"},
		{"LIB-07", "2026-W18"},
		{"LIB-06", "2024-03"},
		{"LIB-06", "2026-02"},
		{"LIB-10", "2026-07"},
	} {
		t.Run("absent "+tc.id+" "+tc.period, func(t *testing.T) {
			// The current year and week are reported so far, marked to date.
			if tc.period == "2026-27" || tc.period == "2026-W18" {
				if !f.toDate(tc.id, tc.period) {
					t.Errorf("got no value to date, want the period so far")
				}
			}
			var n int
			err := f.db.QueryRow(`SELECT count(*) FROM indicator_values
				WHERE indicator_id = ? AND period_label = ? AND NOT to_date`,
				tc.id, tc.period).Scan(&n)
			if err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("got %d values, want none", n)
			}
		})
	}
}

// TestLibraryNativeSynthetic generates a small synthetic council, runs the
// pipeline on it, and recomputes LIB-02, LIB-03, LIB-05, LIB-07, LIB-10,
// LIB-12 and LIB-15 for every period here, from the generated CSV files
// read with encoding/csv, including which periods are reported: the whole
// periods inside the whole months from each export's first to its last
// row, ended before the as-of date.
func TestLibraryNativeSynthetic(t *testing.T) {
	const asOf = "2026-12-04"
	day, _ := time.Parse(time.DateOnly, asOf)
	dir := t.TempDir()
	cfg := synth.DefaultConfig(day)
	cfg.Children, cfg.Years, cfg.Libraries = 20000, 2, 4
	if _, err := synth.Generate(dir, cfg); err != nil {
		t.Fatal(err)
	}
	f := runInbox(t, dir, asOf)

	pc := libraryNativeRead(t, filepath.Join(dir, "library_pc_sessions.csv"), "Session date")
	teo := libraryNativeRead(t, filepath.Join(dir, "library_teo_entries.csv"), "Entry date")
	web := libraryNativeRead(t, filepath.Join(dir, "library_web_hits.csv"), "Date")
	complaints := libraryNativeRead(t, filepath.Join(dir, "library_complaints.csv"),
		"Date received")
	issues := libraryNativeRead(t, filepath.Join(dir, "library_issues.csv"), "Issue date")
	res := libraryNativeRead(t, filepath.Join(dir, "library_reservations.csv"), "Date placed")

	tests := []struct {
		id, freq string
		rows     []libraryNativeRow
		value    func(rows []libraryNativeRow, start, end time.Time) float64
	}{
		{"LIB-02", "quarter", issues, func(rows []libraryNativeRow, s, e time.Time) float64 {
			return libraryDistinct(rows, s, e, "Borrower ID", nil)
		}},
		{"LIB-03", "year", pc, func(rows []libraryNativeRow, s, e time.Time) float64 {
			mins := 0.0
			for _, r := range rows {
				if !r.date.Before(s) && !r.date.After(e) {
					n, _ := strconv.Atoi(r.cells["Minutes"])
					mins += float64(n)
				}
			}
			return mins / 60
		}},
		{"LIB-05", "month", pc, func(rows []libraryNativeRow, s, e time.Time) float64 {
			return libraryDistinct(rows, s, e, "User ID", func(r libraryNativeRow) bool {
				return r.cells["JCP referral"] == "Y"
			})
		}},
		{"LIB-07", "week", teo, func(rows []libraryNativeRow, s, e time.Time) float64 {
			return libraryDistinct(rows, s, e, "Customer ID", nil)
		}},
		{"LIB-10", "month", web, func(rows []libraryNativeRow, s, e time.Time) float64 {
			n := 0.0
			for _, r := range rows {
				if !r.date.Before(s) && !r.date.After(e) {
					v, _ := strconv.Atoi(r.cells["Page views"])
					n += float64(v)
				}
			}
			return n
		}},
		{"LIB-12", "month", complaints,
			func(rows []libraryNativeRow, s, e time.Time) float64 {
				return libraryDistinct(rows, s, e, "Complaint reference", nil)
			}},
		{"LIB-15", "year", res, func(rows []libraryNativeRow, s, e time.Time) float64 {
			return libraryDistinct(rows, s, e, "Reservation ID", nil)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			got := f.values(tc.id)
			first, last := libraryNativeSpan(tc.rows)
			if tc.id == "LIB-15" {
				// Satisfied and cancelled dates extend the reservations' span.
				for _, r := range tc.rows {
					for _, c := range []string{"Date satisfied", "Date cancelled"} {
						if d, err := time.Parse("02/01/2006", r.cells[c]); err == nil &&
							d.After(last) {
							last = d
						}
					}
				}
			}
			periods := libraryNativePeriods(tc.freq, first, last, day)
			if len(periods) == 0 {
				t.Fatalf("no %s period is covered from %s to %s", tc.freq,
					first.Format(time.DateOnly), last.Format(time.DateOnly))
			}
			t.Logf("%d %s periods, %s to %s", len(periods), tc.freq, periods[0].label,
				periods[len(periods)-1].label)
			if len(got) != len(periods) {
				t.Errorf("periods: got %d, want %d", len(got), len(periods))
			}
			for _, p := range periods {
				want := tc.value(tc.rows, p.start, p.end)
				g, ok := got[p.label]
				if !ok {
					t.Errorf("%s: no value, want %v", p.label, want)
					continue
				}
				if math.Abs(g-want) > 0.005 {
					t.Errorf("%s: got %v, want %v", p.label, g, want)
				}
			}
		})
	}

	// LIB-15's statistics: nearest-rank median and 90th percentile of the
	// days to satisfy of the reservations satisfied in each reported year.
	for label := range f.values("LIB-15") {
		var y int
		fmt.Sscanf(label, "%d-", &y)
		s := time.Date(y, 4, 1, 0, 0, 0, 0, time.UTC)
		e := s.AddDate(1, 0, -1)
		var days []int
		for _, r := range res {
			d, err := time.Parse("02/01/2006", r.cells["Date satisfied"])
			if err != nil || d.Before(s) || d.After(e) {
				continue
			}
			days = append(days, int(d.Sub(r.date).Hours()/24))
		}
		sort.Ints(days)
		for _, st := range []struct {
			name string
			q    float64
		}{{"median_days", 0.5}, {"p90_days", 0.9}} {
			want := float64(days[int(math.Ceil(float64(len(days))*st.q))-1])
			got := f.get("LIB-15", label, "statistic="+st.name)
			if !got.Value.Valid || got.Value.Float64 != want {
				t.Errorf("LIB-15 %s %s: got %v, want %v", label, st.name, got.Value, want)
			}
		}
	}
}

// libraryNativeRow is one row of a generated export, with its date.
type libraryNativeRow struct {
	date  time.Time
	cells map[string]string
}

// libraryNativeRead reads a generated native export, dating each row by
// the named column (DD/MM/YYYY).
func libraryNativeRead(t *testing.T, path, dateCol string) []libraryNativeRow {
	t.Helper()
	recs := libraryReadCSV(t, path)
	var out []libraryNativeRow
	for _, rec := range recs[1:] {
		cells := map[string]string{}
		for i, h := range recs[0] {
			cells[h] = rec[i]
		}
		d, err := time.Parse("02/01/2006", cells[dateCol])
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, libraryNativeRow{date: d, cells: cells})
	}
	return out
}

// libraryDistinct counts distinct values of a column over rows dated from
// s to e that pass keep (nil keeps all).
func libraryDistinct(rows []libraryNativeRow, s, e time.Time, col string,
	keep func(libraryNativeRow) bool) float64 {
	seen := map[string]bool{}
	for _, r := range rows {
		if r.date.Before(s) || r.date.After(e) || (keep != nil && !keep(r)) {
			continue
		}
		seen[r.cells[col]] = true
	}
	return float64(len(seen))
}

func libraryNativeSpan(rows []libraryNativeRow) (first, last time.Time) {
	first, last = rows[0].date, rows[0].date
	for _, r := range rows {
		if r.date.Before(first) {
			first = r.date
		}
		if r.date.After(last) {
			last = r.date
		}
	}
	return first, last
}

type libraryNativePeriod struct {
	label      string
	start, end time.Time
}

// libraryNativePeriods lists the periods of a frequency inside the whole
// months from first's month to last's month, ended before asOf and not in
// asOf's month.
func libraryNativePeriods(freq string, first, last, asOf time.Time) []libraryNativePeriod {
	lo := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC)
	hi := time.Date(last.Year(), last.Month()+1, 0, 0, 0, 0, 0, time.UTC)
	if cut := time.Date(asOf.Year(), asOf.Month(), 0, 0, 0, 0, 0, time.UTC); hi.After(cut) {
		hi = cut
	}
	var out []libraryNativePeriod
	add := func(label string, s, e time.Time) {
		if !s.Before(lo) && !e.After(hi) {
			out = append(out, libraryNativePeriod{label, s, e})
		}
	}
	for s := lo.AddDate(-1, 0, 0); !s.After(hi); {
		var e time.Time
		switch freq {
		case "week":
			for s.Weekday() != time.Monday {
				s = s.AddDate(0, 0, 1)
			}
			e = s.AddDate(0, 0, 6)
			y, w := s.ISOWeek()
			add(fmt.Sprintf("%d-W%02d", y, w), s, e)
		case "month":
			e = s.AddDate(0, 1, -1)
			add(s.Format("2006-01"), s, e)
		case "quarter":
			for int(s.Month())%3 != 1 {
				s = s.AddDate(0, 1, 0)
			}
			e = s.AddDate(0, 3, -1)
			add(libraryQuarter(s), s, e)
		case "year":
			for s.Month() != time.April {
				s = s.AddDate(0, 1, 0)
			}
			e = s.AddDate(1, 0, -1)
			add(fmt.Sprintf("%d-%02d", s.Year(), (s.Year()+1)%100), s, e)
		}
		s = e.AddDate(0, 0, 1)
	}
	return out
}
