package transform_test

// Tests of the health, education and care leaver indicators of the
// Permanence section (COP and CYP rows). Two hand-written fixtures under
// testdata/indicators/outcomes_* hold the edge cases, with every expected
// value worked out beside it; a synthetic council is then checked month by
// month against a computation written here in Go from its files.

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"scorecard/synth"
)

// The health and education fixture (testdata/indicators/outcomes_health), as
// of 1 May 2026, reporting March (D = 31/03/2026) and April (D = 30/04/2026).
// Periods of care (SSDA903 episodes, short breaks left out):
//
//	H01 born 01/06/2015, in care from 01/04/2025: 365 days at 31/03/2026
//	    counting both days: in the health cohort in March and April
//	H02 born 01/06/2015, from 02/04/2025: 364 days at 31/03/2026: not in
//	    March's cohort, in April's
//	H03 born 10/05/2022 (under 5), from 01/01/2024, a placement change on
//	    01/09/2025 (X1) continuing the period: in both cohorts
//	H04 born 01/01/2010, care ended 01/02/2026, a new period from 10/02/2026:
//	    looked after at both month ends, not in either health cohort
//	H05 a short break (V3) only: never looked after here
//	H06 born 15/09/2013, from 01/03/2024: in both cohorts
//	H07 born 01/04/2008 (17 years 364 days on 31/03/2026), from 01/01/2026
//	H08 born 01/05/2009, from 01/06/2024: in both cohorts
//	H98 born 01/01/2022, from 10/04/2026; H99 in care in April 2024 only
//
// Health cohort: March H01, H03, H06, H08 (4); April adds H02 (5).
func TestOutcomesHealthEducation(t *testing.T) {
	f := runFixture(t, "outcomes_health", "2026-05-01")
	f.check([]want{
		// COP9, latest immunisation status in the 12 months: March H01 (N in
		// May 2025, Y in January 2026: Y), H03 (Y in February 2025, over 12
		// months old: none), H06 (Y then N on 01/03/2026: N), H08 (none) =
		// 1/4. April adds H02 (Y on 01/03/2026) = 2/5.
		{"COP9", "2026-03", "all", 1, 25},
		{"COP9", "2026-04", "all", 2, 40},
		// COP10, dental check in the 12 months: H01 on 01/04/2025 (after
		// 31/03/2025: in March; not after 30/04/2025: out in April), H06 on
		// 15/02/2026 from Annex A list 8. March 2/4, April 1/5.
		{"COP10", "2026-03", "all", 2, 50},
		{"COP10", "2026-04", "all", 1, 20},
		// COP11, health assessment in 6 months: H01 on 30/09/2025 is exactly
		// 6 months before 31/03: out; H03 on 01/10/2025 in March, not April
		// (after 30/10/2025 needed); H06 on 20/03/2026 (list 8); H02 on
		// 25/04/2026. March H03, H06 = 2/4; April H06, H02 = 2/5.
		{"COP11", "2026-03", "all", 2, 50},
		{"COP11", "2026-04", "all", 2, 40},
		// COP12, seen by an optician in 12 months, count: H01 (01/06/2025)
		// both months, H06 (01/04/2025) March only; H04 is not in the cohort.
		{"COP12", "2026-03", "all", 2, 2},
		{"COP12", "2026-04", "all", 1, 1},
		// COP33, under 5s: H03 only; development check 15/04/2025 is in
		// March's 12 months, not April's.
		{"COP33", "2026-03", "all", 1, 100},
		{"COP33", "2026-04", "all", 0, 0},
		// COP34, substance misuse identified: H06 Y on 01/11/2025; H01's N
		// does not count; H02's blank outcome on 05/04/2026 counts in April.
		{"COP34", "2026-03", "all", 1, 25},
		{"COP34", "2026-04", "all", 2, 40},
		// COP2 (primary, 5 to 10 at the month end), SDQs of the month of
		// children looked after that day: March H01 scores 13, not more than
		// 13: 0/1. H03 (aged 3) and H05 (short break) are left out. April:
		// H02 scores 17 = 1/1.
		{"COP2", "2026-03", "all", 0, 0},
		{"COP2", "2026-04", "all", 1, 100},
		// COP2.2 (secondary, 11 to 16): March H06 14 (more than 13), H06 10,
		// H04 20 (looked after again since 10/02) = 2/3; April none.
		{"COP2.2", "2026-03", "all", 2, 200.0 / 3},
		{"COP2.2", "2026-04", "all", 0, nullValue},
		// COP13 and COP13B, looked after at the month end aged 5 to 16:
		// H01, H02, H04, H06, H08 (H03 is 3, H07 17). PEP meetings in the 6
		// months to 31/03: H01 01/10/2025, H02 15/03/2026 (H04's 30/09/2025
		// is exactly 6 months back) = 2/5; forms: H01 10/10/2025, H04
		// 05/10/2025 = 2/5. April (after 30/10/2025): meeting H02 = 1/5,
		// forms none = 0/5.
		{"COP13", "2026-03", "all", 2, 40},
		{"COP13B", "2026-03", "all", 2, 40},
		{"COP13", "2026-04", "all", 1, 20},
		{"COP13B", "2026-04", "all", 0, 0},
		// COP30, looked after aged 5 to 15 with no school open: March H02
		// (no school) and H06 (left 28/02/2026, next school 13/04/2026) = 2;
		// April H02 = 1. H04 (16) and H08 (16) are over school age here.
		{"COP30", "2026-03", "all", 2, 2},
		{"COP30", "2026-04", "all", 1, 1},
		// COP31, 2 or more schools in the 24 months: H01 (school ended
		// 20/07/2025, new one) 2; H04 changed school twice (3 schools) and
		// H07 three times (4 schools): each counted once; H06's first school
		// ended 15/03/2024, before 31/03/2024, so March sees one school and
		// April (after 30/04/2024) sees two. March 3, April 4.
		{"COP31", "2026-03", "all", 3, 3},
		{"COP31", "2026-04", "all", 4, 4},
		// COP38, aged 5 to 16 with a school open: March H01 (rated 2, Good)
		// and H04 (3) = 1/2; April adds H06 (unrated) = 1/3.
		{"COP38", "2026-03", "all", 1, 50},
		{"COP38", "2026-04", "all", 1, 100.0 / 3},
		// COP32, results in the 12 months of pupils looked after on results
		// day 21/08/2025: H04 Y, H08 N (H07 was not yet in care; H99's 2024
		// results are over 12 months old) = 1/2 in March and April.
		{"COP32", "2026-03", "all", 1, 50},
		{"COP32", "2026-04", "all", 1, 50},
		// COP34.2: council-wide 62.0% for 2024/25; numerator (0.62 - 1) +
		// (0.62 - 0) = 0.24 over 2 pupils = 12 percentage points (62 - 50).
		{"COP34.2", "2026-03", "all", 0.24, 12},
		// COP35, fixed-term exclusion in 12 months, aged 5 to 16: March H04
		// (10/11/2025; H01's is 20/03/2025, too old; H06's is permanent) =
		// 1/5; April adds H02 (20/04/2026) = 2/5.
		{"COP35", "2026-03", "all", 1, 20},
		{"COP35", "2026-04", "all", 2, 40},
		// COP36 and COP37, March: H01 40 possible 2 + 1, H06 38 possible 0 +
		// 4, H04 36 possible 3 + 0 (H99 is not looked after): unauthorised
		// 5/114 = 4.386%, overall 10/114 = 8.772%. April: H01 3/30.
		{"COP36", "2026-03", "all", 5, 500.0 / 114},
		{"COP37", "2026-03", "all", 10, 1000.0 / 114},
		{"COP36", "2026-04", "all", 3, 10},
		{"COP37", "2026-04", "all", 3, 10},
		// COP1, financial year to date: 2025-26 H07 (convicted 31/03/2026,
		// aged 17 years 364 days), H06 (reprimand and final warning: once);
		// H01 was 9, H04 was between periods of care = 2. April (2026-27):
		// H07 is 18 on 02/04; H06 convicted 15/04 = 1.
		{"COP1", "2026-03", "all", 2, 2},
		{"COP1", "2026-04", "all", 1, 1},
	})
}

// The care leaver fixture (testdata/indicators/outcomes_leavers), as of 1 May
// 2026. Annex A list 9 lists L01 to L10; spells as a care leaver:
//
//	L01 born 31/03/2007, care ended 31/03/2025 (E17): 19 on 31/03/2026, the
//	    period's last day
//	L02 born 15/06/2005, L03 10/10/2004, L05 20/04/2006, L10 01/04/2008: no
//	    episodes, care leavers from their 18th birthdays (L10 from
//	    01/04/2026: 17 years 364 days at 31/03/2026, not yet one)
//	L04 born 20/01/2006, qualifying care leaver
//	L06 care ended 01/03/2024 with another council taking over (E3): never
//	L07 recorded as died on 01/11/2025: not after that day
//	L08 relevant, care ended 15/01/2026, looked after again from 10/04/2026
//	L09 eligible child still looked after: not a care leaver
//
// March: L01, L02, L03, L04, L05, L08 (6); April: L01, L02, L03, L04, L05,
// L10 (6).
func TestOutcomesCareLeavers(t *testing.T) {
	f := runFixture(t, "outcomes_leavers", "2026-05-01")
	f.check([]want{
		{"CYP1", "2026-03", "all", 6, 6},
		{"CYP1", "2026-03", "eligibility=former relevant", 4, 4}, // L01, L02, L03, L05
		{"CYP1", "2026-03", "eligibility=qualifying", 1, 1},      // L04
		{"CYP1", "2026-03", "eligibility=relevant", 1, 1},        // L08
		{"CYP1", "2026-04", "all", 6, 6},
		{"CYP1", "2026-04", "eligibility=former relevant", 5, 5}, // L10 joins

		// CYP6, in touch in the 12 months: March L01 (15/03/2026), L02
		// (01/07/2025), L04 (10/01/2026), L05 (list 9 latest contact
		// 01/03/2026; its own contact of 10/02/2025 is too old); L03 only a
		// failed attempt (NO) and a list 9 date of 15/02/2025; L08 none =
		// 4/6. April adds L10 (visit 25/04/2026) = 5/6.
		{"CYP6", "2026-03", "all", 4, 400.0 / 6},
		{"CYP6", "2026-04", "all", 5, 500.0 / 6},

		// CYP5, visited in 2 months: March L01 (15/03); L04's visit of
		// 31/01/2026 is exactly 2 months back: out; list 9 dates and other
		// contacts are not visits = 1/6. April L01, L10 = 2/6.
		{"CYP5", "2026-03", "all", 1, 100.0 / 6},
		{"CYP5", "2026-04", "all", 2, 200.0 / 6},

		// CYP3, pathway plan reviewed in 6 months: March L01 (01/10/2025),
		// L03 (15/03/2026), L05 (01/01/2026), L08 (list 9, 20/01/2026); L02's
		// list 9 date of 30/09/2025 is exactly 6 months back = 4/6. April
		// (after 30/10/2025): L03, L05, L10 (28/04/2026) = 3/6.
		{"CYP3", "2026-03", "all", 4, 400.0 / 6},
		{"CYP3", "2026-04", "all", 3, 50},

		// CYP7 and CYP8, birthdays in the 12 months of former relevant young
		// people: March L01 19 on 31/03/2026 (visit 15/03: F2, U1), L05 19
		// on 20/04/2025 (10/02/2025, in [20/01/2025, 20/05/2025]: P5, Z1), L02
		// 20 on 15/06/2025 (01/07/2025: G5, B2 unsuitable; the visit of
		// 20/07/2025 is after the month's window), L03 21 on 10/10/2025
		// (only NO: no information). L04 is qualifying; L07 had died; L06's
		// care passed to another council. EET 2/4, suitable 2/4.
		{"CYP7", "2026-03", "all", 2, 50},
		{"CYP7", "2026-03", "age=19", 2, 100},
		{"CYP7", "2026-03", "age=20", 0, 0},
		{"CYP7", "2026-03", "age=21", 0, 0},
		{"CYP8", "2026-03", "all", 2, 50},
		// April: L01 (the latest contact in window is now 20/04/2026: G4,
		// U1), L02, L03, and L05 20 on 20/04/2026 (no native contact in its
		// window: no information). EET 0/4; suitable L01 = 1/4.
		{"CYP7", "2026-04", "all", 0, 0},
		{"CYP7", "2026-04", "age=20", 0, 0},
		{"CYP8", "2026-04", "all", 1, 25},
		{"CYP8", "2026-04", "age=19", 1, 100},
	})
}

// TestOutcomesSyntheticCouncil generates a small synthetic council, runs the
// pipeline on it and compares several indicators, for every month reported,
// with a computation written here from the generated files.
func TestOutcomesSyntheticCouncil(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a council")
	}
	inbox := t.TempDir()
	asOf := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	cfg := synth.DefaultConfig(asOf)
	cfg.Children, cfg.Years = 20000, 2
	if _, err := synth.Generate(inbox, cfg); err != nil {
		t.Fatal(err)
	}
	g := ocLoad(t, inbox)
	f := runInbox(t, inbox, "2026-12-04")

	checks := []struct {
		id      string
		compute func(d int) [2]float64
	}{
		{"COP9", g.cop9},
		{"COP11", g.cop11},
		{"COP36", g.cop36},
		{"COP13", g.cop13},
		{"COP31", g.cop31},
		{"COP1", g.cop1},
		{"COP2.2", g.cop2secondary},
		{"CYP3", g.cyp3},
		{"CYP5", g.cyp5},
		{"CYP1", g.cyp1},
		{"CYP6", g.cyp6},
		{"CYP7", g.cyp7},
		{"CYP8", g.cyp8},
	}
	for _, c := range checks {
		t.Run(c.id, func(t *testing.T) {
			got := ocValues(t, f, c.id)
			if len(got) < 12 {
				t.Fatalf("got %d months, want at least 12", len(got))
			}
			nonZero := 0
			for label, v := range got {
				want := c.compute(ocMonthEnd(t, label))
				if math.Abs(v[0]-want[0]) > 1e-9 || math.Abs(v[1]-want[1]) > 1e-9 {
					t.Errorf("%s: got %v/%v, want %v/%v", label, v[0], v[1], want[0], want[1])
				}
				if want[0] > 0 {
					nonZero++
				}
			}
			if nonZero == 0 {
				t.Errorf("every month's numerator is zero: nothing was compared")
			}
		})
	}
}

// ocValues returns the 'all' numerator and denominator (0 for a count) of
// every month of an indicator, by period label.
func ocValues(t *testing.T, f *fixture, id string) map[string][2]float64 {
	t.Helper()
	rows, err := f.db.Query(`SELECT period_label, coalesce(numerator, -1),
		coalesce(denominator, 0) FROM indicator_values
		WHERE indicator_id = ? AND breakdown = 'all'`, id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string][2]float64{}
	for rows.Next() {
		var label string
		var n, d float64
		if err := rows.Scan(&label, &n, &d); err != nil {
			t.Fatal(err)
		}
		out[label] = [2]float64{n, d}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Days are counted from 1 January 1970, so that dates compare as integers.
func ocDay(y int, m time.Month, d int) int {
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func ocDate(d int) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// ocAddMonths adds months as DuckDB does: a day past the end of the target
// month becomes its last day (31 August less 6 months is 28 February).
func ocAddMonths(d, n int) int {
	t := ocDate(d)
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	day := t.Day()
	if day > last {
		day = last
	}
	return ocDay(first.Year(), first.Month(), day)
}

func ocAge(dob, d int) int {
	b, t := ocDate(dob), ocDate(d)
	a := t.Year() - b.Year()
	if t.Month() < b.Month() || (t.Month() == b.Month() && t.Day() < b.Day()) {
		a--
	}
	return a
}

func ocMonthEnd(t *testing.T, label string) int {
	t.Helper()
	m, err := time.Parse("2006-01", label)
	if err != nil {
		t.Fatalf("period label %q: %v", label, err)
	}
	return ocDay(m.Year(), m.Month(), 1) + ocDaysIn(m) - 1
}

func ocDaysIn(m time.Time) int { return m.AddDate(0, 1, -1).Day() }

// ocParse reads DD/MM/YYYY; ok is false for a blank.
func ocParse(t *testing.T, s string) (int, bool) {
	t.Helper()
	if s == "" {
		return 0, false
	}
	d, err := time.Parse("02/01/2006", s)
	if err != nil {
		t.Fatalf("date %q: %v", s, err)
	}
	return ocDay(d.Year(), d.Month(), d.Day()), true
}

// ocRead reads a CSV file as maps from heading to value.
func ocRead(t *testing.T, path string) []map[string]string {
	t.Helper()
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	recs, err := csv.NewReader(file).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = strings.TrimSpace(rec[i])
		}
		out = append(out, row)
	}
	return out
}

// ocCare is one period of care: [start, end), end -1 while open.
type ocCare struct {
	start, end int
	reason     string
}

func (c ocCare) at(d int) bool { return c.start <= d && (c.end < 0 || c.end > d) }

type ocCheck struct {
	date    int
	kind    string
	outcome string
}

type ocContact struct {
	date                    int
	kind, inTouch, activity string
	accom                   string
	native                  bool
}

type ocSpell struct {
	start, end int
	dob        int
	elig       string
}

// ocCouncil is what the generated files say, read independently of the
// pipeline.
type ocCouncil struct {
	dob        map[string]int
	care       map[string][]ocCare
	checks     map[string][]ocCheck
	attendance map[string]map[string][3]int // child, month 2026-03: possible, auth, unauth
	contacts   map[string][]ocContact
	spells     map[string][]ocSpell
	peps       map[string][]int // meeting dates
	schools    map[string][]ocSchool
	offending  map[string][]int
	sdq        map[string]map[int]int // child, date: score
	reviews    map[string][]int       // pathway plan reviews
}

type ocSchool struct {
	urn        string
	start, end int // end -1 while on roll
}

func ocLoad(t *testing.T, dir string) *ocCouncil {
	t.Helper()
	g := &ocCouncil{dob: map[string]int{}, care: map[string][]ocCare{},
		checks: map[string][]ocCheck{}, attendance: map[string]map[string][3]int{},
		contacts: map[string][]ocContact{}, spells: map[string][]ocSpell{},
		peps: map[string][]int{}, schools: map[string][]ocSchool{},
		offending: map[string][]int{}, sdq: map[string]map[int]int{},
		reviews: map[string][]int{}}
	files := func(pattern string) []string {
		names, err := filepath.Glob(filepath.Join(dir, pattern))
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(names) // financial years in order: a later return wins
		return names
	}

	// Episodes, one per child and start, the latest return's; then periods
	// of care of those that are not short breaks.
	type ep struct {
		start, end int
		ls, rec    string
	}
	eps := map[string]map[int]ep{}
	for _, name := range files("SSDA903_*_episodes.csv") {
		if strings.HasSuffix(name, "_sw_episodes.csv") {
			continue // social worker episodes
		}
		for _, r := range ocRead(t, name) {
			s, _ := ocParse(t, r["DECOM"])
			e, ok := ocParse(t, r["DEC"])
			if !ok {
				e = -1
			}
			if eps[r["CHILD"]] == nil {
				eps[r["CHILD"]] = map[int]ep{}
			}
			eps[r["CHILD"]][s] = ep{s, e, r["LS"], r["REC"]}
		}
	}
	for child, byStart := range eps {
		var list []ep
		for _, e := range byStart {
			if e.ls != "V3" && e.ls != "V4" {
				list = append(list, e)
			}
		}
		sort.Slice(list, func(i, j int) bool { return list[i].start < list[j].start })
		var out []ocCare
		for _, e := range list {
			n := len(out)
			if n > 0 && (out[n-1].end < 0 || e.start <= out[n-1].end) {
				if out[n-1].end >= 0 && (e.end < 0 || e.end >= out[n-1].end) {
					out[n-1].end, out[n-1].reason = e.end, e.rec
				}
				continue
			}
			out = append(out, ocCare{e.start, e.end, e.rec})
		}
		g.care[child] = out
	}
	for _, name := range files("SSDA903_*_header.csv") {
		for _, r := range ocRead(t, name) {
			g.dob[r["CHILD"]], _ = ocParse(t, r["DOB"])
		}
	}

	// Health checks: native, and Annex A list 8's last health assessment.
	type key struct {
		child, kind string
		date        int
	}
	latest := map[key]string{}
	for _, r := range ocRead(t, filepath.Join(dir, "cla_health_checks.csv")) {
		d, _ := ocParse(t, r["Check Date"])
		latest[key{r["Child ID"], r["Check"], d}] = r["Outcome"]
	}
	for _, r := range ocRead(t, filepath.Join(dir, "AnnexA_List8_CLA.csv")) {
		if d, ok := ocParse(t, r["Date of Last Health Assessment"]); ok {
			k := key{r["Child Unique ID"], "HEALTH_ASSESSMENT", d}
			if _, dup := latest[k]; !dup {
				latest[k] = ""
			}
		}
	}
	for k, o := range latest {
		g.checks[k.child] = append(g.checks[k.child], ocCheck{k.date, k.kind, o})
	}

	for _, r := range ocRead(t, filepath.Join(dir, "cla_attendance.csv")) {
		var v [3]int
		for i, h := range []string{"Sessions Possible", "Authorised Absence Sessions",
			"Unauthorised Absence Sessions"} {
			n, err := strconv.Atoi(r[h])
			if err != nil {
				t.Fatal(err)
			}
			v[i] = n
		}
		if g.attendance[r["Child ID"]] == nil {
			g.attendance[r["Child ID"]] = map[string][3]int{}
		}
		g.attendance[r["Child ID"]][r["Month"]] = v
	}

	for _, r := range ocRead(t, filepath.Join(dir, "cla_peps.csv")) {
		if d, ok := ocParse(t, r["PEP Meeting Date"]); ok {
			g.peps[r["Child ID"]] = append(g.peps[r["Child ID"]], d)
		}
	}
	for _, r := range ocRead(t, filepath.Join(dir, "cla_schools.csv")) {
		s, _ := ocParse(t, r["School Start Date"])
		e, ok := ocParse(t, r["School End Date"])
		if !ok {
			e = -1
		}
		g.schools[r["Child ID"]] = append(g.schools[r["Child ID"]], ocSchool{r["School URN"], s, e})
	}
	for _, r := range ocRead(t, filepath.Join(dir, "cla_offending.csv")) {
		d, _ := ocParse(t, r["Outcome Date"])
		g.offending[r["Child ID"]] = append(g.offending[r["Child ID"]], d)
	}
	for _, r := range ocRead(t, filepath.Join(dir, "cla_sdq_scores.csv")) {
		d, _ := ocParse(t, r["SDQ Date"])
		n, err := strconv.Atoi(r["SDQ Score"])
		if err != nil {
			t.Fatal(err)
		}
		if g.sdq[r["Child ID"]] == nil {
			g.sdq[r["Child ID"]] = map[int]int{}
		}
		g.sdq[r["Child ID"]][d] = n
	}
	for _, r := range ocRead(t, filepath.Join(dir, "care_leaver_pathway_plans.csv")) {
		d, _ := ocParse(t, r["Pathway Plan Review Date"])
		g.reviews[r["Child ID"]] = append(g.reviews[r["Child ID"]], d)
	}

	// Care leavers: the register of Annex A list 9 and the contacts.
	elig := map[string]string{
		"a) Relevant child": "RELEVANT", "b) Former relevant child": "FORMER_RELEVANT",
		"c) Qualifying care leaver": "QUALIFYING", "d) Eligible child": "ELIGIBLE",
	}
	type leaver struct {
		dob  int
		elig string
	}
	register := map[string]leaver{}
	for _, r := range ocRead(t, filepath.Join(dir, "AnnexA_List9_CareLeavers.csv")) {
		dob, _ := ocParse(t, r["Date of Birth"])
		register[r["Child Unique ID"]] = leaver{dob, elig[r["Eligibility Category"]]}
		if d, ok := ocParse(t, r["Latest Pathway Plan Review Date"]); ok {
			g.reviews[r["Child Unique ID"]] = append(g.reviews[r["Child Unique ID"]], d)
		}
		if d, ok := ocParse(t, r["Latest Date of Contact"]); ok {
			g.contacts[r["Child Unique ID"]] = append(g.contacts[r["Child Unique ID"]],
				ocContact{date: d, kind: "OTHER", inTouch: "YES"})
		}
	}
	for _, r := range ocRead(t, filepath.Join(dir, "care_leaver_contacts.csv")) {
		d, _ := ocParse(t, r["Contact Date"])
		g.contacts[r["Child ID"]] = append(g.contacts[r["Child ID"]], ocContact{d,
			r["Contact Type"], r["In Touch"], r["Activity"], r["Accommodation"], true})
	}
	for child, l := range register {
		g.spells[child] = g.leaverSpells(child, l.dob, l.elig)
	}
	return g
}

// ocAddYears adds years as DuckDB does (29 February to 28 February).
func ocAddYears(d, n int) int { return ocAddMonths(d, 12*n) }

// leaverSpells follows sql/model/46_care_leavers.sql.
func (g *ocCouncil) leaverSpells(child string, dob int, elig string) []ocSpell {
	periods := g.care[child]
	type start struct {
		day, next int
		reason    string
	}
	var starts []start
	for i, p := range periods {
		if p.end >= 0 && p.end >= ocAddYears(dob, 16) {
			next := -1
			if i+1 < len(periods) {
				next = periods[i+1].start
			}
			starts = append(starts, start{p.end, next, p.reason})
		}
	}
	if len(starts) == 0 {
		open := false
		for _, p := range periods {
			if p.end < 0 || p.end > ocAddYears(dob, 18) {
				open = true
			}
		}
		if open {
			return nil
		}
		starts = append(starts, start{ocAddYears(dob, 18), -1, ""})
	}
	var out []ocSpell
	for _, s := range starts {
		if s.reason == "E2" || s.reason == "E3" {
			continue
		}
		end := ocAddYears(dob, 22)
		if s.next >= 0 && s.next < end {
			end = s.next
		}
		if (s.reason == "E4A" || s.reason == "E4B") && ocAddMonths(s.day, 6) < end {
			end = ocAddMonths(s.day, 6)
		}
		for _, c := range g.contacts[child] {
			if (c.inTouch == "DIED" || c.inTouch == "RHOM") && c.date >= s.day && c.date < end {
				end = c.date
			}
		}
		if end > s.day {
			out = append(out, ocSpell{s.day, end, dob, elig})
		}
	}
	return out
}

// healthCohort: looked after at d, in a period begun on or before the day
// after the same date a year earlier.
func (g *ocCouncil) healthCohort(d int) []string {
	var out []string
	for child, ps := range g.care {
		for _, p := range ps {
			if p.at(d) && p.start <= ocAddYears(d, -1)+1 {
				out = append(out, child)
			}
		}
	}
	return out
}

func (g *ocCouncil) cop9(d int) [2]float64 {
	var n, den float64
	for _, child := range g.healthCohort(d) {
		den++
		best, outcome := -1, ""
		for _, c := range g.checks[child] {
			if c.kind == "IMMUNISATIONS" && c.date > ocAddYears(d, -1) && c.date <= d &&
				c.date > best {
				best, outcome = c.date, c.outcome
			}
		}
		if outcome == "Y" {
			n++
		}
	}
	return [2]float64{n, den}
}

func (g *ocCouncil) cop11(d int) [2]float64 {
	var n, den float64
	for _, child := range g.healthCohort(d) {
		den++
		for _, c := range g.checks[child] {
			if c.kind == "HEALTH_ASSESSMENT" && c.date > ocAddMonths(d, -6) && c.date <= d {
				n++
				break
			}
		}
	}
	return [2]float64{n, den}
}

func (g *ocCouncil) cop36(d int) [2]float64 {
	month := ocDate(d).Format("2006-01")
	first := ocAddMonths(d, 0) - ocDate(d).Day() + 1
	var n, den float64
	for child, months := range g.attendance {
		v, ok := months[month]
		if !ok {
			continue
		}
		for _, p := range g.care[child] {
			if p.start <= d && (p.end < 0 || p.end > first) {
				n += float64(v[2])
				den += float64(v[0])
				break
			}
		}
	}
	return [2]float64{n, den}
}

// current lists the care leavers at d.
func (g *ocCouncil) current(d int) []string {
	var out []string
	for child, spells := range g.spells {
		for _, s := range spells {
			if s.start <= d && s.end > d {
				out = append(out, child)
				break
			}
		}
	}
	return out
}

func (g *ocCouncil) cyp1(d int) [2]float64 {
	return [2]float64{float64(len(g.current(d))), 0}
}

func (g *ocCouncil) cyp6(d int) [2]float64 {
	var n, den float64
	for _, child := range g.current(d) {
		den++
		for _, c := range g.contacts[child] {
			if c.inTouch == "YES" && c.date > ocAddYears(d, -1) && c.date <= d {
				n++
				break
			}
		}
	}
	return [2]float64{n, den}
}

// birthdayStatus gives, for each young person of the CYP7/CYP8 cohort at d,
// the latest contact in touch around the birthday (nil: no information).
func (g *ocCouncil) birthdayStatus(d int) []*ocContact {
	var out []*ocContact
	for child, spells := range g.spells {
		for _, s := range spells {
			if s.elig != "FORMER_RELEVANT" && s.elig != "RELEVANT" {
				continue
			}
			for age := 19; age <= 21; age++ {
				b := ocAddYears(s.dob, age)
				if b <= ocAddYears(d, -1) || b > d || b < s.start || b >= s.end {
					continue
				}
				hi := ocAddMonths(b, 1)
				if d < hi {
					hi = d
				}
				var best *ocContact
				for i, c := range g.contacts[child] {
					if c.native && c.inTouch == "YES" && c.date >= ocAddMonths(b, -3) &&
						c.date <= hi && (best == nil || c.date > best.date) {
						best = &g.contacts[child][i]
					}
				}
				out = append(out, best)
			}
		}
	}
	return out
}

func (g *ocCouncil) cyp7(d int) [2]float64 {
	var n, den float64
	for _, c := range g.birthdayStatus(d) {
		den++
		if c != nil && strings.Contains(" F1 F2 F4 F5 P1 P2 P4 P5 ", " "+c.activity+" ") {
			n++
		}
	}
	return [2]float64{n, den}
}

func (g *ocCouncil) cyp8(d int) [2]float64 {
	var n, den float64
	for _, c := range g.birthdayStatus(d) {
		den++
		if c != nil && len(c.accom) >= 2 && c.accom[1] == '1' {
			n++
		}
	}
	return [2]float64{n, den}
}

// lookedAfter says whether the child was in a period of care on d.
func (g *ocCouncil) lookedAfter(child string, d int) bool {
	for _, p := range g.care[child] {
		if p.at(d) {
			return true
		}
	}
	return false
}

func (g *ocCouncil) cop13(d int) [2]float64 {
	var n, den float64
	for child := range g.care {
		if a := ocAge(g.dob[child], d); !g.lookedAfter(child, d) || a < 5 || a > 16 {
			continue
		}
		den++
		for _, m := range g.peps[child] {
			if m > ocAddMonths(d, -6) && m <= d {
				n++
				break
			}
		}
	}
	return [2]float64{n, den}
}

func (g *ocCouncil) cop31(d int) [2]float64 {
	var n float64
	for child := range g.care {
		if !g.lookedAfter(child, d) {
			continue
		}
		urns := map[string]bool{}
		for _, s := range g.schools[child] {
			if s.start <= d && (s.end < 0 || s.end > ocAddYears(d, -2)) {
				urns[s.urn] = true
			}
		}
		if len(urns) >= 2 {
			n++
		}
	}
	return [2]float64{n, 0}
}

func (g *ocCouncil) cop1(d int) [2]float64 {
	t := ocDate(d)
	fy := t.Year()
	if t.Month() < time.April {
		fy--
	}
	from := ocDay(fy, time.April, 1)
	var n float64
	for child, dates := range g.offending {
		for _, o := range dates {
			a := ocAge(g.dob[child], o)
			if o >= from && o <= d && a >= 10 && a <= 17 && g.lookedAfter(child, o) {
				n++
				break
			}
		}
	}
	return [2]float64{n, 0}
}

func (g *ocCouncil) cop2secondary(d int) [2]float64 {
	first := d - ocDate(d).Day() + 1
	var n, den float64
	for child, byDate := range g.sdq {
		if a := ocAge(g.dob[child], d); a < 11 || a > 16 {
			continue
		}
		for day, score := range byDate {
			if day < first || day > d || score < 0 || score > 40 || !g.lookedAfter(child, day) {
				continue
			}
			den++
			if score > 13 {
				n++
			}
		}
	}
	return [2]float64{n, den}
}

func (g *ocCouncil) cyp3(d int) [2]float64 {
	var n, den float64
	for _, child := range g.current(d) {
		den++
		for _, r := range g.reviews[child] {
			if r > ocAddMonths(d, -6) && r <= d {
				n++
				break
			}
		}
	}
	return [2]float64{n, den}
}

func (g *ocCouncil) cyp5(d int) [2]float64 {
	var n, den float64
	for _, child := range g.current(d) {
		den++
		for _, c := range g.contacts[child] {
			if c.native && c.kind == "VISIT" && c.inTouch == "YES" &&
				c.date > ocAddMonths(d, -2) && c.date <= d {
				n++
				break
			}
		}
	}
	return [2]float64{n, den}
}
