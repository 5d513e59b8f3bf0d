package transform_test

// Tests of the intervention and planning, disabled children and legal
// indicators. Three hand-written fixtures under testdata/indicators/planning_*
// are run through the real pipeline as of 1 April 2026, so January, February
// and March 2026 are reported; the expected values are worked out beside
// them. One more test generates a small synthetic council and checks several
// indicators for every month against a computation written here in Go from
// the generated CSV files.

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"scorecard/synth"
)

// The child protection fixture (testdata/indicators/planning_cp):
//
//	list 7 plans  P06 01/06/2025-15/01/2026; P01 from 10/01/2024, open;
//	              P03 01/11/2025-28/02/2026 (ends on a month's last day);
//	              P05 from 01/12/2025; P04 from 15/12/2025; P02
//	              05/02/2026-20/02/2026 (starts and ends in February); P09
//	              from 10/03/2026
//	episodes      P04 looked after (C1) from 01/02/2026; P05 on short breaks
//	              (V4) from 10/02/2026; P07 and P08 set the cla coverage
//	allocations   P04 with worker W02 to 09/02/2026, then with the team only;
//	              P05 has no allocation; P10's row ends before it starts
//	population    mid-2025: 10,000
//
// On a plan at the month end: January P01 P03 P04 P05; February P01 P04 P05;
// March P01 P04 P05 P09.
func TestPlanningChildProtection(t *testing.T) {
	f := runFixture(t, "planning_cp", "2026-04-01")

	f.check([]want{
		// ACM36: children on a plan per 10,000 of 10,000 children.
		{"ACM36", "2026-01", "all", 4, 4},
		{"ACM36", "2026-02", "all", 3, 3}, // P03 ended on 28/02, P02 on 20/02
		{"ACM36", "2026-03", "all", 4, 4}, // P09 started 10/03

		// ACM37: P04 is looked after from 01/02/2026; P05's V4 short
		// breaks do not count.
		{"ACM37", "2026-01", "all", 0, 0},
		{"ACM37", "2026-02", "all", 1, 1},
		{"ACM37", "2026-03", "all", 1, 1},

		// ACM7: plans ended in the month: P06 on 15/01; P02 (started and
		// ended in February) and P03 (ended on 28/02).
		{"ACM7", "2026-01", "all", 1, 1},
		{"ACM7", "2026-02", "all", 2, 2},
		{"ACM7", "2026-03", "all", 0, 0},

		// ACM8: P01 started 10/01/2024, 2 years on 10/01/2026.
		{"ACM8", "2026-01", "all", 1, 1},
		{"ACM8", "2026-03", "all", 1, 1},

		// ACM9: January P05 (no allocation); February and March P04 (team
		// only since 10/02) and P05. P09 has worker W05.
		{"ACM9", "2026-01", "all", 1, 1},
		{"ACM9", "2026-02", "all", 2, 2},
		{"ACM9", "2026-03", "all", 2, 2},

		// ACM5, visits over the 42 days ending on the month's last day.
		// January (21/12/2025 to 31/01): P01 18/01, P03 25/01, P04 18/01
		// visited, P05 not (its 30/11/2025 visit is before its plan): 3 of 4.
		{"ACM5", "2026-01", "all", 3, 75},
		// February (18/01 to 28/02): P01 yes; P04's 18/01 visit is day 42
		// and counts; P05 no: 2 of 3.
		{"ACM5", "2026-02", "all", 2, 66.67},
		// March (18/02 to 31/03): P01's 17/02 visit is day 43 and does
		// not count; P04 no; P05 20/03 yes; P09 (from 10/03) no: 1 of 4.
		{"ACM5", "2026-03", "all", 1, 25},

		// ACM6, plans open at the month end 3 months or more after their
		// start. January and February: P01 only (P04 first due 15/03, P05
		// 01/03, P03 01/02 but ended 28/02 so not open in February). P01's
		// reviews 05/04/2024 (due 10/04), 01/10/2024 (due 05/10),
		// 01/04/2025 (due 01/04, on the day), 30/09/2025 (due 01/10), next
		// due 30/03/2026: in time.
		{"ACM6", "2026-01", "all", 1, 100},
		{"ACM6", "2026-02", "all", 1, 100},
		// March: P01 reviewed 30/03/2026, on its due date: in time. P04
		// (due 15/03) has only a conference of 20/11/2025, before its plan,
		// which does not count: overdue. P05 (due 01/03) reviewed 10/03:
		// late. P09 is not yet due. 1 of 3.
		{"ACM6", "2026-03", "all", 1, 33.33},
	})

	t.Run("refused allocation", func(t *testing.T) {
		var n int
		err := f.db.QueryRow(`SELECT count(*) FROM etl_reject
			WHERE file_name = 'allocations.csv' AND line = 8`).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("rejects of allocations.csv line 8: got %d, want 1", n)
		}
	})
}

// The children in need fixture (testdata/indicators/planning_cin):
//
//	CIN plans     K09 01/09/2025-10/01/2026; K01 from 10/04/2025; K03
//	              01/06/2025-28/02/2026; K04 from 31/05/2025 (S18); K05 from
//	              01/01/2026; K06 from 01/12/2025; K07 from 01/10/2025
//	              (direct care package); K02 05/02/2026-20/02/2026; K08 from
//	              15/03/2026 (transitions); K10 03/03/2026-25/03/2026
//	allocations   K05 moves into the Disabled Children's Team on 15/02; K06
//	              leaves "DISABILITY Service" on 20/02; K07 and K10 are in
//	              the Disabled Children's Team; K08 sits with a team with no
//	              worker; K99's row ends before it starts
//	list 6, 4, 7  CIN episodes, assessments and CP plans for ACM36.2, ACM35
//	episodes      K17 looked after from 15/03/2026
//
// On a CIN plan at the month end: January K01 K03 K04 K05 K06 K07;
// February K01 K04 K05 K06 K07; March K01 K04 K05 K06 K07 K08. In the DCT
// then: January K06 K07; February and March K05 K07.
func TestPlanningChildrenInNeed(t *testing.T) {
	f := runFixture(t, "planning_cin", "2026-04-01")

	f.check([]want{
		{"ACM11", "2026-01", "all", 6, 6},
		{"ACM11", "2026-02", "all", 5, 5}, // K03 ended on 28/02
		{"ACM11", "2026-03", "all", 6, 6}, // K08 from 15/03; K10 ended 25/03
		{"ACM11B", "2026-01", "all", 4, 4},
		{"ACM11B", "2026-02", "all", 3, 3}, // K01 K04 K06
		{"ACM11B", "2026-03", "all", 4, 4}, // K01 K04 K06 K08
		{"DCT1", "2026-01", "all", 2, 2},
		{"DCT1", "2026-02", "all", 2, 2},
		{"DCT1", "2026-03", "all", 2, 2},

		// ACM10 and ACM17: starts and ends in the month. January: K05
		// starts, K09 ends. February: K02 starts and ends; K03 ends on
		// 28/02. March: K08 and K10 start, K10 ends.
		{"ACM10", "2026-01", "all", 1, 1},
		{"ACM10", "2026-02", "all", 1, 1},
		{"ACM10", "2026-03", "all", 2, 2},
		{"ACM17", "2026-01", "all", 1, 1},
		{"ACM17", "2026-02", "all", 2, 2},
		{"ACM17", "2026-03", "all", 1, 1},
		// DCT2 and DCT5: K05 started in Safeguarding Team 2, so not a DCT
		// start; only K10, in the DCT on 03/03 and 25/03.
		{"DCT2", "2026-01", "all", 0, 0},
		{"DCT2", "2026-03", "all", 1, 1},
		{"DCT5", "2026-02", "all", 0, 0},
		{"DCT5", "2026-03", "all", 1, 1},

		// ACM14: only K08, with the team and no worker, in March.
		{"ACM14", "2026-01", "all", 0, 0},
		{"ACM14", "2026-03", "all", 1, 1},

		// ACM15, not DCT. January: K01 K03 K04 K05; only K01 (10/04/2025,
		// 9 months on 10/01/2026) is over 9 months: 1 of 4. February: K01
		// K04 K06; K04 (31/05/2025) is exactly 9 months on 28/02 and not
		// over: 1 of 3. March: K01 K04 K06 K08; K01 and K04: 2 of 4.
		{"ACM15", "2026-01", "all", 1, 25},
		{"ACM15", "2026-02", "all", 1, 33.33},
		{"ACM15", "2026-03", "all", 2, 50},

		// ACM16, not DCT, not S18 (K04) or transitions (K08). January
		// (visits 21/12/2025 to 31/01): K01 18/01 yes, K03 10/01 yes, K05
		// no (28/12 is before its plan): 2 of 3. February (18/01 to 28/02):
		// K01 yes (18/01 is day 42), K06 no: 1 of 2. March (18/02 to
		// 31/03): K01's 17/02 is day 43, no; K06 01/03 yes: 1 of 2.
		{"ACM16", "2026-01", "all", 2, 66.67},
		{"ACM16", "2026-02", "all", 1, 50},
		{"ACM16", "2026-03", "all", 1, 50},

		// DCT3, DCT and not a direct care package (K07 left out). January:
		// K06 not visited. February and March: K05 visited 20/02.
		{"DCT3", "2026-01", "all", 0, 0},
		{"DCT3", "2026-02", "all", 1, 1},
		{"DCT3", "2026-03", "all", 1, 1},

		// ACM33, not DCT, plan open 6 months or more. January (reviews
		// from 01/08/2025): K01 (10/08, 01/10) yes, K03 none, K04 (30/09)
		// yes: 2 of 3. February (from 29/08/2025): K01 and K04 yes: 2 of 2.
		// March (from 01/10/2025): K01's 01/10 yes, K04's 30/09 no: 1 of 2.
		{"ACM33", "2026-01", "all", 2, 66.67},
		{"ACM33", "2026-02", "all", 2, 100},
		{"ACM33", "2026-03", "all", 1, 50},

		// DCT4, reviews in the 12 months: January K06 (15/01); February
		// and March K05 (10/02). K07's 05/03 review is a direct care
		// package and left out.
		{"DCT4", "2026-01", "all", 1, 1},
		{"DCT4", "2026-02", "all", 1, 1},
		{"DCT4", "2026-03", "all", 1, 1},

		// ACM36.2, CIN episodes open at the month end per 10,000 of
		// 10,000. January K01 K16 K17 K19; February K01 K16 K17 (K02
		// closed on 28/02, K19 on 05/02); March K01 K16 K17 K20 K11.
		{"ACM36.2", "2026-01", "all", 4, 4},
		{"ACM36.2", "2026-02", "all", 3, 3},
		{"ACM36.2", "2026-03", "all", 5, 5},

		// ACM35. January: K16 (authorised 10/01, 14 days on 24/01) and K19
		// wait; K17 (authorised 20/01) not yet 14 days; K18 needed no
		// support. February: K16 on a CP plan from 20/02, K19's episode
		// closed 05/02; K17 waits. March: K17 looked after from 15/03; K20
		// authorised 17/03, 14 days on 31/03, counts.
		{"ACM35", "2026-01", "all", 2, 2},
		{"ACM35", "2026-02", "all", 1, 1},
		{"ACM35", "2026-03", "all", 1, 1},
	})
}

// TestPlanningDCTPattern drops a dct_teams file naming only "Disabled
// Children": K06's "DISABILITY Service" stops being the DCT, so January's
// DCT1 falls to K07 alone and ACM11b rises to 5.
func TestPlanningDCTPattern(t *testing.T) {
	inbox := copyInbox(t, filepath.Join("..", "testdata", "indicators", "planning_cin"))
	err := os.WriteFile(filepath.Join(inbox, "dct_teams.csv"),
		[]byte("Team Name Contains\r\nDisabled Children\r\n"), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	f := runInbox(t, inbox, "2026-04-01")
	f.check([]want{
		{"DCT1", "2026-01", "all", 1, 1},
		{"ACM11B", "2026-01", "all", 5, 5},
		{"DCT1", "2026-02", "all", 2, 2}, // K05 and K07, as before
	})
}

// The legal fixture (testdata/indicators/planning_legal), 10,000 children.
func TestPlanningLegal(t *testing.T) {
	f := runFixture(t, "planning_legal", "2026-04-01")

	f.check([]want{
		// CLA15: January G02 (G01's PLO ended 15/01); February none (G02
		// ended on 28/02); March G03.
		{"CLA15", "2026-01", "all", 1, 1},
		{"CLA15", "2026-02", "all", 0, 0},
		{"CLA15", "2026-03", "all", 1, 1},

		// CLA16: January G01 G05 G06 G08 (G04 concluded 20/01); February
		// G01 G06 G08 (G05 concluded on 28/02); March G01 G07.
		{"CLA16", "2026-01", "all", 4, 4},
		{"CLA16", "2026-02", "all", 3, 3},
		{"CLA16", "2026-03", "all", 2, 2},

		// CLA21.2, all proceedings concluded in the month. January R2:
		// 01/07/2025 to 20/01/2026 is 203 days, 29 weeks. February R3:
		// 01/08/2025 to 28/02/2026, 211 days, 30.14 weeks. March R4 (182
		// days, 26 weeks) and R6 (197 days, 28.14 weeks): 54.14 / 2 = 27.07.
		{"CLA21.2", "2026-01", "all", 29, 29},
		{"CLA21.2", "2026-02", "all", 30.14, 30.14},
		{"CLA21.2", "2026-03", "all", 54.14, 27.07},
		// CLA21 leaves out R3, an exception: February has no proceedings
		// and no average. R4's exception flag is blank, so March is unknown.
		{"CLA21", "2026-01", "all", 29, 29},
		{"CLA21", "2026-02", "all", 0, nullValue},
		{"CLA21", "2026-03", "all", nullValue, nullValue},

		// ACM13: G09's order ended 15/01; G10 from 01/02; G11's ended on
		// 31/03 so it is not in force at March's end.
		{"ACM13", "2026-01", "all", 0, 0},
		{"ACM13", "2026-02", "all", 1, 1},
		{"ACM13", "2026-03", "all", 1, 1},

		// CLA35: applications A1, A2 and A3 (two children, one
		// application) in April 2025 to March 2026: 3 per 10,000.
		{"CLA35", "2025-26", "all", 3, 3},
	})
}

// TestPlanningSyntheticCouncil generates a small synthetic council, runs the
// pipeline on it and checks, for every month reported, ACM5, ACM6, ACM9,
// ACM11, ACM11b, ACM14, ACM16, DCT1, ACM13, CLA16, CLA21 and CLA21.2 against
// a computation
// written here from the generated CSV files.
func TestPlanningSyntheticCouncil(t *testing.T) {
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
	f := runInbox(t, inbox, "2026-12-04")
	g := plLoad(t, inbox)

	ids := []string{"ACM5", "ACM6", "ACM9", "ACM11", "ACM11B", "ACM14", "ACM16", "DCT1",
		"ACM13", "CLA16", "CLA21", "CLA21.2"}
	for _, id := range ids {
		got := f.plNumDen(id)
		if len(got) < 12 {
			t.Errorf("%s: got %d months, want at least 12", id, len(got))
		}
		labels := make([]string, 0, len(got))
		for l := range got {
			labels = append(labels, l)
		}
		sort.Strings(labels)
		for _, label := range labels {
			start, err := time.Parse("2006-01", label)
			if err != nil {
				t.Fatalf("%s period %q: %v", id, label, err)
			}
			want := g.compute(id, start, start.AddDate(0, 1, -1))
			have := got[label]
			if !plApprox(have[0], want[0]) || !plApprox(have[1], want[1]) {
				t.Errorf("%s %s: got %v/%v, want %v/%v", id, label, have[0], have[1],
					want[0], want[1])
			}
		}
	}
}

// plNumDen returns an indicator's 'all' numerator and denominator by period
// label; a NULL is NaN (a count's denominator).
func (f *fixture) plNumDen(id string) map[string][2]float64 {
	f.t.Helper()
	rows, err := f.db.Query(`SELECT period_label, numerator, denominator FROM indicator_values
		WHERE indicator_id = ? AND breakdown = 'all'`, id)
	if err != nil {
		f.t.Fatal(err)
	}
	defer rows.Close()
	out := map[string][2]float64{}
	for rows.Next() {
		var label string
		var n, d *float64
		if err := rows.Scan(&label, &n, &d); err != nil {
			f.t.Fatal(err)
		}
		v := [2]float64{math.NaN(), math.NaN()}
		if n != nil {
			v[0] = *n
		}
		if d != nil {
			v[1] = *d
		}
		out[label] = v
	}
	if err := rows.Err(); err != nil {
		f.t.Fatal(err)
	}
	return out
}

// plApprox reports whether two values agree to within rounding; two NaNs
// (two NULLs) agree.
func plApprox(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) < 1e-6
}

// Rows of the generated files, as the independent computation reads them.
type (
	plInterval struct {
		child      string
		start, end time.Time // end zero: open
	}
	plAlloc struct {
		plInterval
		line         int
		team, worker string
	}
	plProceedings struct {
		plInterval
		days      float64
		exception string
	}
	plFiles struct {
		cpPlans     []plInterval
		cinPlans    []plInterval
		caseType    map[string]string // by child: S18 or TRANS on any plan
		cinVisits   map[string][]time.Time
		supervision []plInterval
		allocs      []plAlloc
		cpVisits    map[string][]time.Time
		cpReviews   map[string][]time.Time
		proceedings []plProceedings
	}
)

func plLoad(t *testing.T, dir string) *plFiles {
	t.Helper()
	g := &plFiles{cpVisits: map[string][]time.Time{}, cpReviews: map[string][]time.Time{},
		cinVisits: map[string][]time.Time{}, caseType: map[string]string{}}
	for _, r := range plReadRows(t, filepath.Join(dir, "AnnexA_List7_CP.csv")) {
		g.cpPlans = append(g.cpPlans, plInterval{r["Child Unique ID"],
			plDate(t, r["Child Protection Plan Start Date"]),
			plDate(t, r["Child Protection Plan End Date"])})
	}
	for _, r := range plReadRows(t, filepath.Join(dir, "cin_plans.csv")) {
		iv := plInterval{r["Child ID"], plDate(t, r["CIN Plan Start Date"]),
			plDate(t, r["CIN Plan End Date"])}
		g.cinPlans = append(g.cinPlans, iv)
		if ct := r["Case Type"]; ct == "S18" || ct == "TRANS" {
			g.caseType[iv.child+iv.start.String()] = ct
		}
	}
	for _, r := range plReadRows(t, filepath.Join(dir, "cin_visits.csv")) {
		g.cinVisits[r["Child ID"]] = append(g.cinVisits[r["Child ID"]],
			plDate(t, r["CIN Visit Date"]))
	}
	for _, r := range plReadRows(t, filepath.Join(dir, "supervision_orders.csv")) {
		g.supervision = append(g.supervision, plInterval{r["Child ID"],
			plDate(t, r["Order Start Date"]), plDate(t, r["Order End Date"])})
	}
	for i, r := range plReadRows(t, filepath.Join(dir, "allocations.csv")) {
		g.allocs = append(g.allocs, plAlloc{
			plInterval: plInterval{r["Child ID"], plDate(t, r["Allocation Start Date"]),
				plDate(t, r["Allocation End Date"])},
			line: i, team: r["Allocated Team"], worker: r["Allocated Worker"]})
	}
	for _, r := range plReadRows(t, filepath.Join(dir, "cp_visits.csv")) {
		g.cpVisits[r["Child ID"]] = append(g.cpVisits[r["Child ID"]],
			plDate(t, r["CP Visit Date"]))
	}
	for _, r := range plReadRows(t, filepath.Join(dir, "cp_reviews.csv")) {
		g.cpReviews[r["Child ID"]] = append(g.cpReviews[r["Child ID"]],
			plDate(t, r["CP Review Conference Date"]))
	}
	for _, r := range plReadRows(t, filepath.Join(dir, "care_proceedings.csv")) {
		iv := plInterval{r["Child ID"], plDate(t, r["Issue Date"]), plDate(t, r["Final Hearing Date"])}
		g.proceedings = append(g.proceedings, plProceedings{iv,
			iv.end.Sub(iv.start).Hours() / 24, r["Exception to Timescale"]})
	}
	return g
}

func plReadRows(t *testing.T, path string) []map[string]string {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	recs, err := csv.NewReader(fh).ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = strings.TrimSpace(rec[i])
		}
		out = append(out, m)
	}
	return out
}

func plDate(t *testing.T, s string) time.Time {
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

// plAddMonths adds calendar months, a day past the month's end falling back
// to its last day (31 January plus one month is 28 February), as DuckDB's
// date arithmetic does.
func plAddMonths(d time.Time, n int) time.Time {
	first := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d.Day(), last)-1)
}

// openAt reports whether the interval is open at the end of day d.
func (iv plInterval) openAt(d time.Time) bool {
	return !iv.start.After(d) && (iv.end.IsZero() || iv.end.After(d))
}

// plOpenChildren maps each child with an interval open at d to the latest
// start among them.
func plOpenChildren(ivs []plInterval, d time.Time) map[string]time.Time {
	out := map[string]time.Time{}
	for _, iv := range ivs {
		if iv.openAt(d) && iv.start.After(out[iv.child]) {
			out[iv.child] = iv.start
		}
	}
	return out
}

// holding is the allocation holding a child's case on day d, or nil.
func (g *plFiles) holding(child string, d time.Time) *plAlloc {
	var best *plAlloc
	for i := range g.allocs {
		a := &g.allocs[i]
		if a.child != child || a.start.After(d) || (!a.end.IsZero() && a.end.Before(d)) {
			continue
		}
		if best == nil || a.start.After(best.start) ||
			(a.start.Equal(best.start) && a.line > best.line) {
			best = a
		}
	}
	return best
}

// compute returns the numerator and denominator of an indicator for the
// month from start to end, NaN for a count's denominator.
func (g *plFiles) compute(id string, start, end time.Time) [2]float64 {
	nan := math.NaN()
	switch id {
	case "ACM5":
		n, d := 0.0, 0.0
		for child, planStart := range plOpenChildren(g.cpPlans, end) {
			d++
			for _, v := range g.cpVisits[child] {
				if !v.Before(end.AddDate(0, 0, -41)) && !v.After(end) && !v.Before(planStart) {
					n++
					break
				}
			}
		}
		return [2]float64{n, d}
	case "ACM6":
		return g.cpReviewsInTime(end)
	case "ACM9", "ACM14", "ACM11", "ACM11B", "DCT1":
		plans := g.cinPlans
		if id == "ACM9" {
			plans = g.cpPlans
		}
		n := 0.0
		for child := range plOpenChildren(plans, end) {
			a := g.holding(child, end)
			dct := a != nil && strings.Contains(strings.ToLower(a.team), "disab")
			switch id {
			case "ACM9", "ACM14":
				if a == nil || a.worker == "" {
					n++
				}
			case "ACM11":
				n++
			case "ACM11B":
				if !dct {
					n++
				}
			case "DCT1":
				if dct {
					n++
				}
			}
		}
		return [2]float64{n, nan}
	case "ACM16":
		return g.cinVisited(end)
	case "ACM13":
		return [2]float64{float64(len(plOpenChildren(g.supervision, end))), nan}
	case "CLA16":
		var ivs []plInterval
		for _, p := range g.proceedings {
			ivs = append(ivs, p.plInterval)
		}
		return [2]float64{float64(len(plOpenChildren(ivs, end))), nan}
	case "CLA21", "CLA21.2":
		sum, n := 0.0, 0.0
		for _, p := range g.proceedings {
			if p.end.IsZero() || p.end.Before(start) || p.end.After(end) {
				continue
			}
			if id == "CLA21.2" || p.exception == "N" {
				sum += p.days / 7
				n++
			}
		}
		return [2]float64{sum, n}
	}
	return [2]float64{nan, nan}
}

// cinVisited is ACM16: children on a CIN plan at end, not held by the DCT
// and with no S18 or TRANS plan open, visited in the 42 days ending on end
// on or after the earliest start of their open plans.
func (g *plFiles) cinVisited(end time.Time) [2]float64 {
	n, d := 0.0, 0.0
	first := map[string]time.Time{}
	excluded := map[string]bool{}
	for _, p := range g.cinPlans {
		if !p.openAt(end) {
			continue
		}
		if s, ok := first[p.child]; !ok || p.start.Before(s) {
			first[p.child] = p.start
		}
		if g.caseType[p.child+p.start.String()] != "" {
			excluded[p.child] = true
		}
	}
	for child, planStart := range first {
		a := g.holding(child, end)
		if excluded[child] || (a != nil && strings.Contains(strings.ToLower(a.team), "disab")) {
			continue
		}
		d++
		for _, v := range g.cinVisits[child] {
			if !v.Before(end.AddDate(0, 0, -41)) && !v.After(end) && !v.Before(planStart) {
				n++
				break
			}
		}
	}
	return [2]float64{n, d}
}

// cpReviewsInTime judges the plans open at end and 3 months old or more:
// every review after the plan's start held by its due date (3 months after
// the start, then 6 after the last review) and the next not yet overdue.
func (g *plFiles) cpReviewsInTime(end time.Time) [2]float64 {
	n, d := 0.0, 0.0
	for _, p := range g.cpPlans {
		if !p.openAt(end) || plAddMonths(p.start, 3).After(end) {
			continue
		}
		d++
		var rs []time.Time
		for _, r := range g.cpReviews[p.child] {
			if r.After(p.start) && !r.After(end) {
				rs = append(rs, r)
			}
		}
		sort.Slice(rs, func(i, j int) bool { return rs[i].Before(rs[j]) })
		due, ok := plAddMonths(p.start, 3), true
		for _, r := range rs {
			if r.After(due) {
				ok = false
			}
			due = plAddMonths(r, 6)
		}
		if ok && due.After(end) {
			n++
		}
	}
	return [2]float64{n, d}
}

// The development fixture (testdata/indicators/planning_dev) holds a year
// of history, so the 12-month look-backs of January to March 2026 are
// covered:
//
//	CP plans    X01 from 10/01/2026, X02 from 15/02/2026, X03 from
//	            20/03/2026; X04's ended 05/01/2026, X05's 09/02/2025
//	CIN (list 6) X02 closed 15/02/2025; X01 closed 10/01/2026; X03 open
//	            from 01/03/2026
//	early help  X01 closed 20/01/2025; X02 closed 14/02/2025; X07
//	            01/01/2025-31/03/2025; X05 from 01/02/2026, X03 from
//	            01/03/2026, X06 from 10/03/2026
//	CIN plans   X04 from 05/01/2026, X05 from 10/02/2026, X06 from
//	            10/03/2026, X07 from 20/03/2026
func TestPlanningDevelopment(t *testing.T) {
	f := runFixture(t, "planning_dev", "2026-04-01")
	f.check([]want{
		// IP-D1, new CP plans with early help in the 12 months before.
		// X01: closed 20/01/2025, after 10/01/2025: yes. X02: closed
		// 14/02/2025, the day before 15/02/2025: no. X03: open since
		// 01/03/2026: yes.
		{"IP-D1", "2026-01", "all", 1, 1},
		{"IP-D1", "2026-02", "all", 0, 0},
		{"IP-D1", "2026-03", "all", 1, 1},
		// IP-D2, new CP plans with an earlier CIN episode closed in the 12
		// months before. X01's episode closed on the plan's start day, not
		// before it: no. X02's closed 15/02/2025, exactly 12 months
		// before: yes. X03's episode is still open: no.
		{"IP-D2", "2026-01", "all", 0, 0},
		{"IP-D2", "2026-02", "all", 1, 1},
		{"IP-D2", "2026-03", "all", 0, 0},
		// IP-D3, new CIN plans after a CP plan ended in the 12 months
		// before or on the day. X04's CP plan ended on its CIN plan's
		// start day: 1 of 1. X05's ended 09/02/2025, a year and a day
		// before: 0 of 1. X06, X07 had none: 0 of 2.
		{"IP-D3", "2026-01", "all", 1, 100},
		{"IP-D3", "2026-02", "all", 0, 0},
		{"IP-D3", "2026-03", "all", 0, 0},
		// IP-D4, new CIN plans with early help in the 12 months before.
		// X04 none: 0 of 1. X05 from 01/02/2026: 1 of 1. X06's began the
		// same day as its plan, not before: no; X07's closed 31/03/2025,
		// after 20/03/2025: yes. 1 of 2.
		{"IP-D4", "2026-01", "all", 0, 0},
		{"IP-D4", "2026-02", "all", 1, 100},
		{"IP-D4", "2026-03", "all", 1, 50},
	})
}
