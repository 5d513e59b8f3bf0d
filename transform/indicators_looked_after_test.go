package transform_test

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"scorecard/extract"
	"scorecard/synth"
)

// The looked-after returns fixture (testdata/indicators/looked_after_returns),
// as of 10 June 2026: two SSDA903 returns, 2024-25 (A) and 2025-26 (B, run on
// to May 2026) with their headers (SEX 1/2 in A, M/F in B), the council's
// native looked-after and private fostering exports, and no population.
//
// Stitching (A's rows, then B's; the stitched history after the arrow):
//
//	S01  A 01/06/2024 open; B the same episode ended 15/07/2025 E4A
//	     -> one episode 01/06/2024 - 15/07/2025 E4A
//	S02  A 10/01/2025 S open; B starts with 01/05/2025 P open (overlap)
//	     -> 10/01/2025 - 01/05/2025 X1, then 01/05/2025 open
//	S03  A 01/02/2025 - 20/03/2025 X1, 20/03/2025 P open; B starts with
//	     15/03/2025 P R1 -> A's 20/03 episode replaced, the first closed
//	     15/03/2025 X1, then 15/03/2025 R1 open
//	S04  A 01/11/2024 - 31/03/2025 X1; B 05/04/2025 P open (gap after X1)
//	     -> 01/11/2024 - 05/04/2025 X1, then 05/04/2025 open
//	S05  A 01/12/2024 open; not in B -> closed 31/03/2025 E99
//	S06  A 01/01/2025 open; B 01/08/2025 S (a new period)
//	     -> closed 31/03/2025 E99 (before 31/07/2025), then 01/08/2025 open
//
// Children (B unless said; legal status, placement, provider):
//
//	K01 01/04/2025 open C2 U1 PR1      K02 01/05/2025 open V2 U4 PR1
//	K03 01/05/2025 open C2 U5 PR4      K04 01/06/2025 open C1 K2 PR4
//	K05 10/01/2026 S J1 R5 - 01/02 X1; 01/02/2026 T J1 K1 - 20/02 E14;
//	    05/03/2026 S J1 K1 open (PR3 throughout)
//	K06 01/07/2025 C2 U4 - 01/12 X1; 01/12/2025 T E1 A5 open
//	K07 01/03/2026 - 05/03/2026 V3 (a short break)
//	K08 15/02/2026 - 31/03/2026 E11 (adopted on a month's last day)
//	K09 01/04/2025 - 01/07/2025 E4A; 01/09/2025 - 15/01/2026 E45 (twice)
//	K10 01/06/2025 - 01/04/2026 E17 V2 P1, born 01/04/2008 (17 years 364
//	    days on 31/03/2026)
//	K11 01/01/2023 S open, born 01/05/2012 (A and B)
//	K12 01/06/2023 S - 01/06/2024 X1 (A); 01/06/2024 P U5 open, born
//	    01/01/2014
//	K13 01/10/2023 L open (A and B: started before the data, no S), born
//	    01/01/2013
//	K14 01/01/2022 S open, born 01/05/2010; K15 the same, born 30/04/2010
//	K16 01/06/2025 - 10/10/2025 E12      K17 01/05/2025 - 20/11/2025 E41
//	K18 01/04/2025 - 12/12/2025 E5 H5    K19 01/04/2025 - 20/12/2025 E6
//	K20 01/05/2025 - 03/06/2025 E4A; 10/06/2025 - 28/06/2025 E41
//	K21 05/05/2026 open
//
// Every child not named with another code is V2 or C2 in U4 with PR1. The
// earliest end a return holds is 01/06/2024, so cla is covered from April
// 2024 to May 2026 and cla_12m from March 2025.
//
// Looked after at 31/03/2026 (the cohort of the month-end percentages): S02,
// S03, S04, S06, K01, K02, K03, K04, K05, K06, K10, K11, K12, K13, K14, K15 =
// 16 (K08 ceased that day, K07 a short break).
func TestLookedAfterReturnsFixture(t *testing.T) {
	f := runFixture(t, "looked_after_returns", "2026-06-10")

	// Both headers load: SEX 1/2 in the 2024-25 return, M/F in 2025-26.
	var files, refused int64
	err := f.db.QueryRow(`SELECT count(*), sum(rows_refused) FROM etl_file`).
		Scan(&files, &refused)
	if err != nil {
		t.Fatal(err)
	}
	if files != 11 || refused != 0 {
		t.Fatalf("files and rows refused: got %d and %d, want 11 and 0", files, refused)
	}

	t.Run("stitched episodes", func(t *testing.T) {
		g := &fixture{t: t, db: f.db}
		g.checkStitched([]stitched{
			{"S01", "2024-06-01", "2025-07-15", "E4A"},
			{"S02", "2025-01-10", "2025-05-01", "X1"},
			{"S02", "2025-05-01", "", ""},
			{"S03", "2025-02-01", "2025-03-15", "X1"},
			{"S03", "2025-03-15", "", ""},
			{"S04", "2024-11-01", "2025-04-05", "X1"},
			{"S04", "2025-04-05", "", ""},
			{"S05", "2024-12-01", "2025-03-31", "E99"},
			{"S06", "2025-01-01", "2025-03-31", "E99"},
			{"S06", "2025-08-01", "", ""},
		})
	})

	f.check([]want{
		// Stitching, through CLA1, CLA2 and CLA4.
		// 31/03/2025: S01, S02, S03, S04, K11, K12, K13, K14, K15 = 9 (S05
		// and S06 closed that day by stitching).
		{"CLA1", "2025-03", "all", 9, 9},
		{"CLA4", "2025-03", "all", 2, 2}, // S05, S06 (E99); S03's X1 not
		// 30/04/2025: the 9 + K01, K09, K18, K19 = 13 (S04 continues).
		{"CLA1", "2025-04", "all", 13, 13},
		{"CLA2", "2025-04", "all", 4, 4}, // S04's P after the gap is no start
		{"CLA2", "2025-08", "all", 1, 1}, // S06's new period
		{"CLA4", "2025-07", "all", 2, 2}, // S01 (from B), K09
		{"CLA4", "2025-06", "all", 1, 1}, // K20 ceased twice: once
		{"CLA1", "2026-03", "all", 16, 16},
		{"CLA4", "2026-03", "all", 1, 1},   // K08 on the 31st (K07 a short break)
		{"CLA1", "2026-04", "all", 15, 15}, // K10 left on 01/04 at 18
		{"CLA4", "2026-04", "all", 1, 1},

		// CLA3: K05's remand of 10/01, the move to K1 on 01/02 continuing
		// it, a new remand on 05/03.
		{"CLA3", "2026-01", "all", 1, 1},
		{"CLA3", "2026-02", "all", 0, 0},
		{"CLA3", "2026-03", "all", 1, 1},

		// CLA6: K04 in K2 with PR4 all month; K05 in K1 with PR3 from
		// 01/02 to 20/02 (19 days) and from 05/03 (27 days in March); R5
		// and S03's R1 with PR1 are not counted.
		{"CLA6", "2026-02", "all", 47.0 / 7, 47.0 / 7}, // (28 + 19) / 7
		{"CLA6", "2026-03", "all", 58.0 / 7, 58.0 / 7}, // (31 + 27) / 7

		// CLA7 March: U1-U6 with PR1: K01, K02, S02, S04, S06, K11, K12,
		// K13, K14, K15 = 10 of 16 (K03 is PR4); CLA7B without K01's U1 = 9.
		{"CLA7", "2026-03", "all", 10, 62.5},
		{"CLA7B", "2026-03", "all", 9, 56.25},

		// CLA30 March: V2 = S02, S03, S06, K02, K10 = 5 of 16.
		{"CLA30", "2026-03", "all", 5, 31.25},

		// CLA19: K06 in A5 from 01/12/2025.
		{"CLA19", "2025-11", "all", 0, 0},
		{"CLA19", "2026-03", "all", 1, 1},

		// PERM-D1 March: foster 11 (U4 7, U5 3, U1 1), adoption K06, with
		// parents K10, secure and children's homes K04 and K05, other
		// residential S03.
		{"PERM-D1", "2026-03", "all", 16, 16},
		{"PERM-D1", "2026-03", "placement_group=foster placements", 11, 11},
		{"PERM-D1", "2026-03", "placement_group=secure and children's homes", 2, 2},
		{"PERM-D1", "2026-03", "placement_group=other residential settings", 1, 1},
		{"PERM-D1", "2026-03", "placement_type=U4", 7, 7},
		{"PERM-D1", "2026-03", "placement_type=U5", 3, 3},

		// CLA8 at 31/03/2026 (20 working days from 01/04/2025 end on
		// 01/05/2025, Easter counted out; from 01/07/2025 on 29/07/2025):
		// K01 25/04, 20/07, 15/01 all on time, next due 15/07/2026: yes.
		// K02 third review 10/03/2026 after 15/02/2026: no.
		// K03 third review 10/02/2026 by 15/02/2026: yes.
		// K06 25/07 (by 29/07), 20/10 (by 25/10), next due 20/04/2026: yes.
		// K11 (care before the data) four reviews, the last 10/11/2025 by
		// 20/11/2025, next due 10/05/2026: yes.
		// K12, K13: one review in the data, years after care began and
		// more than 6 months into the data: late. Others: no review = 4.
		{"CLA8", "2026-03", "all", 4, 4},

		// CLA9 at 31/03/2026 (42 days back is 17/02/2026): K01 20/02 yes,
		// K02 17/02 yes, K03 16/02 no, K04 01/03 yes = 3 of 16.
		{"CLA9", "2026-03", "all", 3, 18.75},

		// CLA36 at 31/03/2026: plans after 31/03/2025: K01 05/04/2025, K02
		// 01/04/2025, K04 10/06/2025; K03's of 31/03/2025 is 12 months old
		// = 3 of 16.
		{"CLA36", "2026-03", "all", 3, 18.75},

		// CLA34 April 2026 (30 months back 31/10/2023, 24 months back
		// 30/04/2024): K11 yes; K12 in care since 01/06/2023 but placed
		// 01/06/2024: no; K13 shown from 01/10/2023 (earlier in truth),
		// meets both: yes; K14 15 years 364 days: yes; K15 16: out = 3 of 4.
		{"CLA34", "2026-04", "all", 3, 75},
		// March: K13's start shown 01/10/2023 is after 30/09/2023 and may be
		// earlier in truth: unknown, so the value is unknown.
		{"CLA34", "2026-03", "all", nullValue, nullValue},
		// May (30/11/2023, 31/05/2024): K11 yes, K12 no, K13 yes, K14 now
		// 16 = 2 of 3.
		{"CLA34", "2026-05", "all", 2, 200.0 / 3},

		// CLA33: each child's last cessation in the month, by reason.
		{"CLA33", "2026-01", "all", 1, 1},   // K09 E45
		{"CLA33.2", "2025-07", "all", 2, 2}, // S01 and K09, E4A
		{"CLA33.2", "2025-06", "all", 0, 0}, // K20's last was E41
		{"CLA33.4", "2025-06", "all", 1, 1}, // K20 E41
		{"CLA33.4", "2025-11", "all", 1, 1}, // K17
		{"CLA33.3", "2026-03", "all", 1, 1}, // K08 E11 on the 31st
		{"CLA33.5", "2025-12", "all", 1, 1}, // K18 E5 (K19's E6 not)
		{"CLA33", "2025-03", "all", 0, 0},   // stitching's E99s have no reason

		// CLA18: adoptions from 1 April: K16 (10/10/2025), K08 (31/03/2026).
		{"CLA18", "2025-09", "all", 0, 0},
		{"CLA18", "2025-10", "all", 1, 1},
		{"CLA18", "2026-02", "all", 1, 1},
		{"CLA18", "2026-03", "all", 2, 2},
		{"CLA18", "2026-04", "all", 0, 0}, // a new year

		// PERM-D3 (previous period ended in the 12 months): September 2025
		// K09 (01/07/2025) and S06 (31/03/2025, by stitching) = 2; January
		// 2026 S06 = 1; April 2026 (from 01/05/2025) K05 (20/02/2026) = 1.
		{"PERM-D3", "2025-09", "all", 2, 2},
		{"PERM-D3", "2026-01", "all", 1, 1},
		{"PERM-D3", "2026-04", "all", 1, 1},

		// PERM-D2: long-term fostering plans in force. January: K11, K12,
		// K01 = 3; February + K13 (from 01/02) = 4; March K12's ended on
		// the 31st = 3.
		{"PERM-D2", "2026-01", "all", 3, 3},
		{"PERM-D2", "2026-02", "all", 4, 4},
		{"PERM-D2", "2026-03", "all", 3, 3},

		// PERM-D4: March SP1 (SP2 ended 15/03); April K10 (SP1 ended on
		// the 30th).
		{"PERM-D4", "2026-03", "all", 1, 1},
		{"PERM-D4", "2026-04", "all", 1, 1},

		// Private fostering. PF3: January P01, P02; March P03.
		{"PF3", "2026-01", "all", 2, 2},
		{"PF3", "2026-02", "all", 0, 0},
		{"PF3", "2026-03", "all", 1, 1},
		// PF1: January P01, P02; February + P03 (from 01/02); March P02
		// ended on the 31st.
		{"PF1", "2026-01", "all", 2, 2},
		{"PF1", "2026-02", "all", 3, 3},
		{"PF1", "2026-03", "all", 2, 2},
		// PF2. January: P01 visited 09/01, next due 20/02: yes; P02
		// notified 20/01, first visit due by 29/01 (7 working days), none:
		// no = 1 of 2. February: P01 visited 25/02: yes; P02 no; P03 not
		// notified until 10/03, first visit not yet due: yes = 2 of 3.
		// March: P01 (next due 08/04), P03 (visited 12/03) = 2 of 2.
		{"PF2", "2026-01", "all", 1, 50},
		{"PF2", "2026-02", "all", 2, 200.0 / 3},
		{"PF2", "2026-03", "all", 2, 100},
	})

	f.checkAbsent([]period{
		{"CLA8", "2025-02"},    // reviews need 12 months of returns
		{"PERM-D3", "2025-02"}, // so do previous periods
		{"CLA9", "2025-04"},    // visits begin in April 2025, less a month
		{"CLA36", "2026-01"},   // care plans begin March 2025, plus 11 months
		{"PERM-D2", "2025-12"}, // the first plan ended in January 2026
		{"PERM-D4", "2026-02"}, // the first arrangement ended in March 2026
		{"PF1", "2025-11"},     // the first arrangement ended in December 2025
	})
}

// stitched is one episode of the warehouse's fact_cla_episode: start and
// end as YYYY-MM-DD, a blank end while open.
type stitched struct {
	child, start, end, reason string
}

// checkStitched compares the episodes of the children named in wants with
// fact_cla_episode, child by child, in start order.
func (f *fixture) checkStitched(wants []stitched) {
	f.t.Helper()
	h, err := extract.NewHasher(fixtureKey)
	if err != nil {
		f.t.Fatal(err)
	}
	byChild := map[string][]stitched{}
	var order []string
	for _, w := range wants {
		if _, ok := byChild[w.child]; !ok {
			order = append(order, w.child)
		}
		byChild[w.child] = append(byChild[w.child], w)
	}
	for _, c := range order {
		rows, err := f.db.Query(`SELECT CAST(start_date AS VARCHAR),
			coalesce(CAST(end_date AS VARCHAR), ''), coalesce(reason_ceased, '')
			FROM fact_cla_episode WHERE child_key = ? ORDER BY start_date`, h.Hash(c))
		if err != nil {
			f.t.Fatal(err)
		}
		var got []stitched
		for rows.Next() {
			s := stitched{child: c}
			if err := rows.Scan(&s.start, &s.end, &s.reason); err != nil {
				f.t.Fatal(err)
			}
			got = append(got, s)
		}
		rows.Close()
		if fmt.Sprint(got) != fmt.Sprint(byChild[c]) {
			f.t.Errorf("%s: got %v, want %v", c, got, byChild[c])
		}
	}
}

// laEp is one stitched SSDA903 episode for the independent computation
// below; end is zero while the episode is open.
type laEp struct {
	child, rne, ls, place, prov, rec string
	start, end                       time.Time
	ret                              int // the return it came from, in year order
}

// laRows reads a CSV file written by the synthetic council into maps from
// heading to value.
func laRows(t *testing.T, path string) []map[string]string {
	t.Helper()
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	recs, err := csv.NewReader(file).ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = rec[i]
		}
		out = append(out, row)
	}
	return out
}

func laDate(t *testing.T, s string) time.Time {
	t.Helper()
	if s == "" {
		return time.Time{}
	}
	d, err := time.Parse("02/01/2006", s)
	if err != nil {
		t.Fatalf("date %q: %v", s, err)
	}
	return d
}

// laReturn is one SSDA903 return's episodes rows and the 31 March that
// ends its year.
type laReturn struct {
	rows    []map[string]string
	yearEnd time.Time
}

// laYearlyReturns reads a folder of yearly returns (SSDA903_2024-25_...),
// in year order.
func laYearlyReturns(t *testing.T, dir string) []laReturn {
	t.Helper()
	all, err := filepath.Glob(filepath.Join(dir, "SSDA903_*_episodes.csv"))
	var files []string
	for _, f := range all {
		if !strings.HasSuffix(f, "_sw_episodes.csv") {
			files = append(files, f)
		}
	}
	if err != nil || len(files) == 0 {
		t.Fatalf("episodes files: %v (%d found)", err, len(files))
	}
	sort.Strings(files)
	var out []laReturn
	for _, path := range files {
		y, err := strconv.Atoi(strings.TrimPrefix(filepath.Base(path), "SSDA903_")[:4])
		if err != nil {
			t.Fatalf("year of %s: %v", path, err)
		}
		out = append(out, laReturn{laRows(t, path),
			time.Date(y+1, time.March, 31, 0, 0, 0, 0, time.UTC)})
	}
	return out
}

// laFileReturns reads one episodes file holding one return, or several told
// apart by a YEAR column (the year each return's financial year starts), in
// year order. A file without YEAR ends its year on the 31 March after its
// latest date.
func laFileReturns(t *testing.T, path, layout string) []laReturn {
	t.Helper()
	byYear := map[int][]map[string]string{}
	var latest time.Time
	for _, row := range laRows(t, path) {
		y := -1
		if v, ok := row["YEAR"]; ok {
			n, err := strconv.Atoi(v)
			if err != nil {
				t.Fatalf("YEAR %q: %v", v, err)
			}
			y = n
		}
		for _, k := range []string{"DECOM", "DEC"} {
			if row[k] != "" {
				d, err := time.Parse(layout, row[k])
				if err != nil {
					t.Fatalf("%s %q: %v", k, row[k], err)
				}
				row[k] = d.Format("02/01/2006")
				if d.After(latest) {
					latest = d
				}
			}
		}
		byYear[y] = append(byYear[y], row)
	}
	var years []int
	for y := range byYear {
		years = append(years, y)
	}
	sort.Ints(years)
	var out []laReturn
	for _, y := range years {
		end := laYearStart(latest).AddDate(1, 0, -1)
		if y >= 0 {
			end = time.Date(y+1, time.March, 31, 0, 0, 0, 0, time.UTC)
		}
		out = append(out, laReturn{byYear[y], end})
	}
	return out
}

// laStitch joins the returns, in order, by the rules of
// sql/model/40_looked_after.sql, written again here: within a return the
// last row for a child and start wins; a later return replaces a child's
// earlier episodes from its first start; an earlier return's episode open
// or overlapping when a later return starts the next is closed at that start
// (X1), or the day before it, no later than its year's 31 March, when the
// next is a new start (E99 if it was open); an X1 end before a later
// continuing episode is extended to it; and an open episode of a child
// absent from later returns is closed at its return's 31 March (E99). It
// also returns 1 April of the year of the earliest end a return holds.
func laStitch(t *testing.T, returns []laReturn) (map[string][]*laEp, time.Time) {
	t.Helper()
	byChild := map[string][]*laEp{}
	var firstEnd time.Time
	for r, ret := range returns {
		fresh := map[string][]*laEp{}
		var order []string
		for _, row := range ret.rows {
			e := &laEp{child: row["CHILD"], rne: row["RNE"], ls: row["LS"],
				place: row["PLACE"], prov: row["PLACE_PROVIDER"], rec: row["REC"],
				start: laDate(t, row["DECOM"]), end: laDate(t, row["DEC"]), ret: r}
			if e.end.IsZero() {
				e.rec = ""
			} else if firstEnd.IsZero() || e.end.Before(firstEnd) {
				firstEnd = e.end
			}
			if _, seen := fresh[e.child]; !seen {
				order = append(order, e.child)
			}
			replaced := false
			for i, old := range fresh[e.child] {
				if old.start.Equal(e.start) {
					fresh[e.child][i], replaced = e, true
				}
			}
			if !replaced {
				fresh[e.child] = append(fresh[e.child], e)
			}
		}
		for _, c := range order {
			first := fresh[c][0].start
			for _, e := range fresh[c] {
				if e.start.Before(first) {
					first = e.start
				}
			}
			var kept []*laEp
			for _, e := range byChild[c] {
				if e.start.Before(first) {
					kept = append(kept, e)
				}
			}
			byChild[c] = append(kept, fresh[c]...)
		}
	}
	for _, eps := range byChild {
		sort.Slice(eps, func(i, j int) bool { return eps[i].start.Before(eps[j].start) })
		for i, a := range eps {
			if i+1 == len(eps) {
				superseded := false
				for _, later := range returns {
					superseded = superseded || later.yearEnd.After(returns[a.ret].yearEnd)
				}
				if a.end.IsZero() && superseded {
					a.end, a.rec = returns[a.ret].yearEnd, "E99"
				}
				continue
			}
			b := eps[i+1]
			if b.ret <= a.ret {
				continue
			}
			switch {
			case (a.end.IsZero() || a.end.After(b.start)) && b.rne == "S":
				day := b.start.AddDate(0, 0, -1)
				if a.end.IsZero() {
					if returns[a.ret].yearEnd.Before(day) {
						day = returns[a.ret].yearEnd
					}
					a.rec = "E99"
				}
				a.end = day
			case a.end.IsZero() || a.end.After(b.start):
				a.end, a.rec = b.start, "X1"
			case a.rec == "X1" && a.end.Before(b.start) && b.rne != "S":
				a.end = b.start
			}
		}
	}
	return byChild, laYearStart(firstEnd)
}

// laYearStart is 1 April of d's financial year.
func laYearStart(d time.Time) time.Time {
	y := d.Year()
	if d.Month() < time.April {
		y--
	}
	return time.Date(y, time.April, 1, 0, 0, 0, 0, time.UTC)
}

func laIn(s string, set ...string) bool {
	for _, x := range set {
		if s == x {
			return true
		}
	}
	return false
}

// laPF is one private fostering arrangement; laPlan one permanence plan.
type laPF struct {
	child            string
	note, start, end time.Time
}

type laPlan struct {
	child, plan string
	start, end  time.Time
}

// laData is what the independent computation reads from the council's files.
type laData struct {
	eps    map[string][]*laEp
	visits map[string][]time.Time
	pf     []laPF
	plans  []laPlan
}

// laMonth recomputes the indicators for the month starting first, straight
// from their definitions, and returns each 'all' numerator by id.
func laMonth(d laData, first time.Time) map[string]float64 {
	end := first.AddDate(0, 1, -1)
	next := first.AddDate(0, 1, 0)
	open := func(s, e time.Time) bool { return !s.After(end) && (e.IsZero() || e.After(end)) }
	inMonth := func(t time.Time) bool { return !t.IsZero() && !t.Before(first) && !t.After(end) }
	got := map[string]float64{}
	cohort := map[string]bool{}
	for c, eps := range d.eps {
		var cur *laEp
		var careStart, curCareStart, prevEnd time.Time
		var lastCease *laEp
		adopted, custody := false, false
		for _, e := range eps {
			if e.ls == "V3" || e.ls == "V4" {
				continue
			}
			if !prevEnd.Equal(e.start) {
				careStart = e.start
			}
			if open(e.start, e.end) {
				cur, curCareStart = e, careStart
			}
			// CLA3: a remand in custody that does not continue one.
			in := e.ls == "J1" && laIn(e.place, "R5", "K1")
			if in && !(custody && prevEnd.Equal(e.start)) && inMonth(e.start) {
				got["CLA3"]++
			}
			custody = in
			prevEnd = e.end
			// CLA6: days in external residential care, in weeks.
			if laIn(e.place, "K1", "K2", "R1", "S1") && laIn(e.prov, "PR2", "PR3", "PR4", "PR5") {
				from, to := e.start, next
				if from.Before(first) {
					from = first
				}
				if !e.end.IsZero() && e.end.Before(to) {
					to = e.end
				}
				if to.After(from) {
					got["CLA6"] += to.Sub(from).Hours() / 24 / 7
				}
			}
			if e.rec != "X1" && inMonth(e.end) && (lastCease == nil || !e.end.Before(lastCease.end)) {
				lastCease = e
			}
			if laIn(e.rec, "E11", "E12") && !e.end.Before(laYearStart(end)) && !e.end.After(end) {
				adopted = true
			}
		}
		if adopted {
			got["CLA18"]++
		}
		if lastCease != nil {
			got["CLA4"]++
		}
		if lastCease != nil && laIn(lastCease.rec, "E4A", "E4B") {
			got["CLA33.2"]++
		}
		if cur == nil {
			continue
		}
		cohort[c] = true
		got["CLA1"]++
		if laIn(cur.place, "U1", "U2", "U3", "U4", "U5", "U6") && cur.prov == "PR1" {
			got["CLA7"]++
			if laIn(cur.place, "U4", "U5", "U6") {
				got["CLA7B"]++
			}
		}
		if cur.ls == "V2" {
			got["CLA30"]++
		}
		if laIn(cur.place, "A3", "A4", "A5", "A6") {
			got["CLA19"]++
		}
		var last time.Time
		for _, v := range d.visits[c] {
			if !v.Before(curCareStart) && !v.After(end) && v.After(last) {
				last = v
			}
		}
		if !last.IsZero() && !last.Before(end.AddDate(0, 0, -42)) {
			got["CLA9"]++
		}
	}
	fostered := map[string]bool{}
	for _, a := range d.pf {
		if open(a.start, a.end) {
			fostered[a.child] = true
		}
		if inMonth(a.note) {
			got["PF3"]++
		}
	}
	got["PF1"] = float64(len(fostered))
	since := map[string]time.Time{}
	plan := map[string]string{}
	for _, p := range d.plans {
		if cohort[p.child] && open(p.start, p.end) && !p.start.Before(since[p.child]) {
			since[p.child], plan[p.child] = p.start, p.plan
		}
	}
	for _, p := range plan {
		if p == "FOSTERING" {
			got["PERM-D2"]++
		}
	}
	return got
}

// TestLookedAfterOnSyntheticCouncil generates a small synthetic council,
// runs the pipeline on it, and recomputes the looked-after and private
// fostering indicators for every month the warehouse reports from the
// generated CSV files, stitching the yearly SSDA903 returns again here.
func TestLookedAfterOnSyntheticCouncil(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a synthetic council")
	}
	const asOf = "2026-12-04"
	day, _ := time.Parse(time.DateOnly, asOf)
	dir := t.TempDir()
	cfg := synth.DefaultConfig(day)
	cfg.Children, cfg.Years = 20000, 2
	start := time.Now()
	if _, err := synth.Generate(dir, cfg); err != nil {
		t.Fatal(err)
	}
	t.Logf("generated in %v", time.Since(start))

	// Read the files before the run, which may move some of them.
	eps, firstDay := laStitch(t, laYearlyReturns(t, dir))
	data := laData{eps: eps, visits: map[string][]time.Time{}}
	for _, row := range laRows(t, filepath.Join(dir, "CLA_visits.csv")) {
		data.visits[row["Child ID"]] = append(data.visits[row["Child ID"]],
			laDate(t, row["CLA Visit Date"]))
	}
	for _, row := range laRows(t, filepath.Join(dir, "Private_fostering.csv")) {
		data.pf = append(data.pf, laPF{child: row["Child ID"],
			note:  laDate(t, row["PF Notification Date"]),
			start: laDate(t, row["PF Arrangement Start Date"]),
			end:   laDate(t, row["PF Arrangement End Date"])})
	}
	for _, row := range laRows(t, filepath.Join(dir, "CLA_permanence_plans.csv")) {
		data.plans = append(data.plans, laPlan{child: row["Child ID"],
			plan:  row["Permanence Plan"],
			start: laDate(t, row["Permanence Plan Start Date"]),
			end:   laDate(t, row["Permanence Plan End Date"])})
	}

	start = time.Now()
	f := runInbox(t, dir, asOf)
	t.Logf("pipeline ran in %v", time.Since(start))

	// Every month from the first return's 1 April to the month before the
	// as-of date is covered by the returns.
	var months []time.Time
	for m := firstDay; m.AddDate(0, 1, 0).Before(day); m = m.AddDate(0, 1, 0) {
		months = append(months, m)
	}
	if len(months) < 24 {
		t.Fatalf("months covered: got %d, want at least 24", len(months))
	}
	want := map[string]map[string]float64{}
	for _, m := range months {
		want[m.Format("2006-01")] = laMonth(data, m)
	}
	ids := []string{"CLA1", "CLA3", "CLA6", "CLA7", "CLA7B", "CLA9", "CLA18", "CLA19",
		"CLA30", "CLA33.2", "PF1", "PF3", "PERM-D2"}
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			got := f.values(id)
			if len(got) < 12 {
				t.Fatalf("periods: got %d, want at least 12", len(got))
			}
			var nonZero int
			for label, g := range got {
				w, ok := want[label]
				if !ok {
					t.Errorf("%s: a value for a month the returns do not cover", label)
					continue
				}
				if math.Abs(g-w[id]) > 1e-9 {
					t.Errorf("%s: got %v, want %v", label, g, w[id])
				}
				if g != 0 {
					nonZero++
				}
			}
			if nonZero == 0 {
				t.Errorf("every month is zero: the comparison proves nothing")
			}
		})
	}
	for _, id := range []string{"CLA1", "CLA3", "CLA7", "CLA18", "CLA33.2"} {
		if got := len(f.values(id)); got != len(months) {
			t.Errorf("%s periods: got %d, want %d", id, got, len(months))
		}
	}
}

// TestLookedAfterOnPublicSamples runs the pipeline over the public SSDA903
// samples and recomputes the looked-after indicators for every month from
// their episodes files: the validator's fake data (one return, random codes,
// DD/MM/YYYY) and the regional extract (ISO dates, several yearly returns in
// one file told apart by YEAR, so stitched here as in the model).
func TestLookedAfterOnPublicSamples(t *testing.T) {
	regional := filepath.Join("..", "..", "shared", "data", "public", "ssda903-regional")
	cases := []struct {
		name, dir, layout string
	}{
		{"fake", publicSample, "02/01/2006"},
		{"regional", regional, time.DateOnly},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(tc.dir, "episodes.csv")
			if _, err := os.Stat(path); err != nil {
				t.Skipf("the public samples are not beside the repository: %v", err)
			}
			returns := laFileReturns(t, path, tc.layout)
			eps, firstDay := laStitch(t, returns)
			var latest time.Time
			for _, ret := range returns {
				for _, row := range ret.rows {
					for _, k := range []string{"DECOM", "DEC"} {
						if d := laDate(t, row[k]); d.After(latest) {
							latest = d
						}
					}
				}
			}
			f := runInbox(t, copyInbox(t, tc.dir), "2026-12-04")
			var refused int64
			err := f.db.QueryRow(`SELECT rows_refused FROM etl_file
				WHERE file_name = 'episodes.csv'`).Scan(&refused)
			if err != nil {
				t.Fatal(err)
			}
			if refused != 0 {
				t.Fatalf("episodes.csv rows refused: got %d, want 0", refused)
			}

			want := map[string]map[string]float64{}
			for m := firstDay; !m.After(latest); m = m.AddDate(0, 1, 0) {
				want[m.Format("2006-01")] = laMonth(laData{eps: eps}, m)
			}
			if len(want) < 12 {
				t.Fatalf("months covered: got %d, want at least 12", len(want))
			}
			for _, id := range []string{"CLA1", "CLA3", "CLA4", "CLA6", "CLA7", "CLA7B",
				"CLA18", "CLA19", "CLA30", "CLA33.2"} {
				got := f.values(id)
				if len(got) != len(want) {
					t.Errorf("%s periods: got %d, want %d", id, len(got), len(want))
				}
				for label, w := range want {
					g, ok := got[label]
					if !ok {
						t.Errorf("%s %s: no value, want %v", id, label, w[id])
						continue
					}
					if math.Abs(g-w[id]) > 1e-9 {
						t.Errorf("%s %s: got %v, want %v", id, label, g, w[id])
					}
				}
			}
		})
	}
}
