package transform_test

// Tests of the Intake and Assessment indicators: contacts by outcome, the
// time from contact to referral, early help (CAF) episodes, assessments by
// type, outcome and lateness, rates per 10,000, and section 47 enquiries and
// their conferences. Two hand-written fixtures with every expected value
// worked out beside it, and one synthetic council checked month by month
// against a computation written here in Go from its CSV files.

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"scorecard/synth"
)

var nan = math.NaN()

// The intake front door fixture (testdata/indicators/intake_front_door), as
// of 1 April 2026, so January to March 2026 are reported.
//
// Native contacts, January 2026 (8): K02 referral to early intervention, K03
// referral to social care and K04 NFA (the same child, C03, on the same day:
// two contacts), K05 referral to social care on 31/01 (its referral is dated
// 02/02), K06 step across from MASH, K07 NFA signposting, K08 NFA, K09 no
// outcome yet. February (2): K10 referral to social care, K11 signposting.
// March (1): K12 NFA. K01 (December 2025) opens the contacts' coverage.
//
// Referrals (list 3): C03 20/01/2025 and 15/01/2026 (a re-referral), C04
// 02/02/2026, C09 09/02/2026 and C13 20/02/2026 (no contact: not timed).
//
// Assessments (list 4 and native), working days after the start up to and
// including the authorisation, bank holidays 25 and 26 December and 1 January
// left out:
//
//	C27  01/10/2025 - 08/10/2025   5  list 4 only (assessments are covered
//	                                  from October 2025, late ones, CCA15,
//	                                  three months later: from January)
//	C25  02/01/2026 - 09/01/2026   5  initial, NFA
//	C22  01/12/2025 - 26/02/2026  60  initial, further action
//	C26  05/02/2026 - 12/02/2026   5  list 4 only: no type or outcome
//	C20  24/12/2025 - 02/03/2026  45  initial (Christmas bank holiday weekend
//	                                  and New Year: 48 weekdays, 45 working
//	                                  days, so within); list 4 answers "CS
//	                                  Assessment Updated"
//	C21  05/01/2026 - 10/03/2026  46  initial, NFA
//	C23  02/03/2026 - 10/03/2026   6  initial, NFA
//	C20  02/03/2026 - 20/03/2026  14  subsequent (native only)
//	C24  20/03/2026 - 10/03/2026      authorised before it started: refused
//
// Section 47 enquiries (list 5), working days from the strategy discussion
// to the ICPC:
//
//	C36  10/11/2025  ICPC unnecessary
//	C31  23/12/2025  ICPC 15/01/2026  14 (over Christmas)
//	C30  05/01/2026  ICPC 26/01/2026  15
//	C32  07/01/2026  ICPC 29/01/2026  16
//	C33  20/01/2026  ICPC 15/01/2026  before its strategy discussion
//	C30  20/01/2026  ICPC unnecessary (C30's second enquiry in January)
//	C34  10/02/2026  no outcome yet
//	C35  12/02/2026  ICPC unnecessary
//
// CIN plans: C36 from 20/01/2026 (within 3 months of its enquiry), C31 from
// 05/01/2026 (after the CP plan its ICPC made), and two other children's
// plans ending 05/11/2025 and 20/03/2026: the plans are covered from
// November 2025 to March 2026.
//
// Population: 40,000 children aged 0 to 17 at mid-2024 and mid-2025.
func TestIntakeFrontDoorIndicators(t *testing.T) {
	f := runFixture(t, "intake_front_door", "2026-04-01")
	f.check([]want{
		// Contacts progressing to early intervention: K02 and K06 of 8.
		{"CCA2", "2026-01", "all", 2, 25},
		{"CCA2", "2026-02", "all", 0, 0},
		// NFA without signposting: K04 (C03's second contact that day) and
		// K08 of 8; K09, with no outcome, stays in the denominator.
		{"CCA30", "2026-01", "all", 2, 25},
		{"CCA30", "2026-03", "all", 1, 100},
		// NFA signposting: K07 of 8; K11 of 2.
		{"CCA30B", "2026-01", "all", 1, 12.5},
		{"CCA30B", "2026-02", "all", 1, 50},
		// Referral to social care, by the contact's month: K03 and K05 of 8
		// (K05's referral is in February).
		{"CCA1", "2026-01", "all", 2, 25},
		{"CCA1", "2026-02", "all", 1, 50},
		// Contact to referral: January C03 same day, 0 days; February C04
		// 31/01 to 02/02 = 2 days (the contact in January) and C09 05/02 to
		// 09/02 = 4 days; C13 has no contact and is left out: (2 + 4) / 2.
		{"IA-D1", "2026-01", "all", 0, 0},
		{"IA-D1", "2026-02", "all", 6, 3},
		// Re-referrals: C03's January referral follows 20/01/2025 (within
		// 12 months); February's three children have no earlier referral.
		{"CCA11", "2026-01", "all", 1, 100},
		{"CCA11", "2026-02", "all", 0, 0},
		// Assessments authorised: January C25; February C22 and C26; March
		// C20 (twice), C21, C23; C24 refused is in no count.
		{"CCA12A", "2026-01", "all", 1, 1},
		{"CCA12A", "2026-02", "all", 2, 2},
		{"CCA12A", "2026-03", "all", 4, 4},
		// Initial only, from the native export: February C22 (C26 is list 4
		// only); March C20, C21, C23 (C20's subsequent one is left out).
		{"CCA12B", "2026-01", "all", 1, 1},
		{"CCA12B", "2026-02", "all", 1, 1},
		{"CCA12B", "2026-03", "all", 3, 3},
		// Initial with outcome NFA: January C25; March C21 and C23.
		{"CCA32", "2026-01", "all", 1, 1},
		{"CCA32", "2026-02", "all", 0, 0},
		{"CCA32", "2026-03", "all", 2, 2},
		// Within 45 working days: February C26 of C22, C26; March C20 (45,
		// after the bank holiday weekend), C23 and C20's second of four.
		{"CCA14", "2026-02", "all", 1, 50},
		{"CCA14", "2026-03", "all", 3, 75},
		// Average working days of those over 45: February C22 60; March C21
		// 46.
		{"CCA15", "2026-02", "all", 60, 60},
		{"CCA15", "2026-03", "all", 46, 46},
		// January has no assessment over 45 working days: no average.
		{"CCA15", "2026-01", "all", nan, nullValue},
		// Children with an assessment completed, per 10,000 of 40,000:
		// January 1 (0.25); March C20 (two assessments, one child), C21,
		// C23 = 3 (0.75).
		{"CCA33", "2026-01", "all", 1, 0.25},
		{"CCA33", "2026-03", "all", 3, 0.75},
		// Children with a section 47 starting in January: C30 (twice), C32,
		// C33 = 3 children (0.75 per 10,000), from 4 enquiries (CCA9).
		{"CCA34", "2026-01", "all", 3, 0.75},
		{"CCA9", "2026-01", "all", 4, 4},
		// Enquiries with an outcome that did not progress to an ICPC: by
		// start month, December C31 progressed (0 of 1); January C30's
		// second of C30, C32, C33, C30 (1 of 4); February C35 of C35 (C34
		// still open is left out).
		{"CCA36", "2025-12", "all", 0, 0},
		{"CCA36", "2026-01", "all", 1, 25},
		{"CCA36", "2026-02", "all", 1, 100},
		// ICPCs in January within 15 working days: C31 (14) and C30 (15)
		// of C31, C30, C32 (16) and C33 (dated before its strategy
		// discussion: counted, never within).
		{"CCA13", "2026-01", "all", 2, 50},
		// Enquiries leading to a CIN plan within 3 months: November C36
		// (1 of 1); December C31's plan follows a CP plan (0 of 1); January
		// would need plans to the end of April: unknown, not 0.
		{"CCA35", "2025-11", "all", 1, 100},
		{"CCA35", "2025-12", "all", 0, 0},
		{"CCA35", "2026-01", "all", nullValue, nullValue},
	})
	// icpc_2m: the enquiries start in November 2025, so conferences are
	// reported from January 2026; IA-D1 needs the month of contacts before,
	// so January 2025's referral gives no value.
	f.checkAbsent([]period{
		{"CCA13", "2025-12"}, {"IA-D1", "2025-12"}, {"IA-D1", "2025-01"},
		{"CCA12B", "2025-12"}, {"CCA15", "2025-12"},
	})
	t.Run("assessment authorised before it started is refused", func(t *testing.T) {
		var n int
		err := f.db.QueryRow(`
			SELECT count(*)
			FROM etl_reject
			WHERE file_name = 'assessments.csv'
				AND line = 8
				AND reason LIKE '%10/03/2026 is before%20/03/2026%'`).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("rejects for line 8: got %d, want 1", n)
		}
	})
	t.Run("CS Assessment Updated is staged, not refused", func(t *testing.T) {
		var n int
		err := f.db.QueryRow(`SELECT count(*) FROM cm_assessment
			WHERE needs_support = 'UPDATED'`).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("assessments answered UPDATED: got %d, want 1", n)
		}
	})
	for _, id := range []string{"CCA2", "CCA30", "CCA30B", "IA-D1", "CCA12B", "CCA32",
		"CCA15", "CCA33", "CCA34", "CCA35", "CCA36", "CCA13"} {
		f.checkStatus(id, "computed", "")
	}
}

// The early help fixture (testdata/indicators/intake_early_help), as of 1
// April 2026. CAF episodes (start, route, agreed, closed):
//
//	E1  15/03/2025  other          10/04/2025  open
//	E2  01/05/2025  step across    20/05/2025  20/01/2026
//	E3  30/04/2025  step down      31/05/2025  open
//	E4  31/03/2025  front door     25/04/2025  open
//	E5  05/01/2026  step across    26/01/2026  open
//	E6  12/01/2026  step down      -           03/02/2026 step up (C06's
//	                                           referral that day)
//	E7  10/12/2025  front door     15/01/2026  31/01/2026 (the last day)
//	E8  20/02/2026  closed 10/02/2026, before it started: refused
//	E9  01/06/2025  other          30/06/2025  15/12/2025 (the earliest
//	                                           closure: covered from December)
//	E10 02/03/2026  other          -           open
//
// Referrals: C09 20/12/2025 (E9 closed five days before: not a step up), C11
// 15/01/2026 (no episode), C06 03/02/2026 and C01 10/03/2026 (E1 open).
//
// Open at the month end, and open more than 9 months (start plus 9 months
// before the month end):
//
//	31/12/2025  E1 E2 E3 E4 E7          = 5; over 9: E1 (15/12/2025); E4
//	                                      reaches exactly 9 months: not over
//	31/01/2026  E1 E3 E4 E5 E6          = 5; over 9: E1, E3 (30/01), E4
//	                                      (E2 closed 20/01, E7 on 31/01)
//	28/02/2026  E1 E3 E4 E5             = 4; over 9: E1, E3, E4
//	31/03/2026  E1 E3 E4 E5 E10         = 5; over 9: E1, E3, E4
func TestIntakeEarlyHelpIndicators(t *testing.T) {
	f := runFixture(t, "intake_early_help", "2026-04-01")
	f.check([]want{
		{"CCA7", "2025-12", "all", 5, 5},
		{"CCA7", "2026-01", "all", 5, 5},
		{"CCA7", "2026-02", "all", 4, 4},
		{"CCA7", "2026-03", "all", 5, 5},
		// IA-01 reads the garbled repeat of CCA7 and must agree with it.
		{"IA-01", "2025-12", "all", 5, 5},
		{"IA-01", "2026-02", "all", 4, 4},
		{"CCA31", "2025-12", "all", 1, 20},
		{"CCA31", "2026-01", "all", 3, 60},
		{"CCA31", "2026-02", "all", 3, 75},
		{"CCA31", "2026-03", "all", 3, 60},
		// Assessments agreed: January E5 (26/01) and E7 (15/01).
		{"CCA5", "2025-12", "all", 0, 0},
		{"CCA5", "2026-01", "all", 2, 2},
		// Closed: December E9; January E2 and E7; February E6; E8 refused.
		{"CCA6", "2025-12", "all", 1, 1},
		{"CCA6", "2026-01", "all", 2, 2},
		{"CCA6", "2026-02", "all", 1, 1},
		{"CCA6", "2026-03", "all", 0, 0},
		// Step downs started: January E6. Step across: January E5.
		{"CCA8A", "2026-01", "all", 1, 1},
		{"CCA8A", "2026-02", "all", 0, 0},
		{"CCA8B", "2026-01", "all", 1, 1},
		{"CCA8B", "2025-12", "all", 0, 0},
		// Step ups: February C06 (E6 closes that day), March C01 (E1 open);
		// December C09 came after E9 closed.
		{"CCA8C", "2025-12", "all", 0, 0},
		{"CCA8C", "2026-01", "all", 0, 0},
		{"CCA8C", "2026-02", "all", 1, 1},
		{"CCA8C", "2026-03", "all", 1, 1},
	})
	// The export is covered from its earliest closure (December 2025).
	f.checkAbsent([]period{{"CCA7", "2025-11"}, {"CCA5", "2025-11"}})
	t.Run("episode closed before it started is refused", func(t *testing.T) {
		var n int
		err := f.db.QueryRow(`
			SELECT count(*)
			FROM etl_reject
			WHERE file_name = 'caf_episodes.csv'
				AND line = 9
				AND reason LIKE '%10/02/2026 is before%20/02/2026%'`).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("rejects for line 9: got %d, want 1", n)
		}
	})
	for _, id := range []string{"CCA7", "IA-01", "CCA31", "CCA5", "CCA6", "CCA8A", "CCA8B",
		"CCA8C"} {
		f.checkStatus(id, "computed", "")
	}
}

// TestIntakeOnSyntheticCouncil generates a small synthetic council, runs the
// pipeline on it, and compares intake indicators for every reported month
// with a computation written here in Go from the generated CSV files. Every
// month of the reporting window must be reported.
func TestIntakeOnSyntheticCouncil(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a council")
	}
	inbox := t.TempDir()
	asOf := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	cfg := synth.DefaultConfig(asOf)
	cfg.Children, cfg.Years = 20000, 2
	sum, err := synth.Generate(inbox, cfg)
	if err != nil {
		t.Fatal(err)
	}
	f := runInbox(t, inbox, "2026-12-04")
	g := newIntakeGo(t, inbox)

	want := map[string]map[string]float64{
		"CCA2":   g.contactShare("Referral to early intervention", "Step across from MASH"),
		"CCA30B": g.contactShare("NFA - signposting"),
		"IA-D1":  g.contactToReferral(),
		"CCA7":   g.cafOpen(false),
		"CCA31":  g.cafOpen(true),
		"CCA8A":  g.cafStarts("Step down from social care"),
		"CCA8C":  g.stepUps(),
		"CCA12B": g.initialAssessments(false),
		"CCA32":  g.initialAssessments(true),
		"CCA15":  g.lateAssessments(),
		"CCA13":  g.icpcWithin15(),
		"CCA34":  g.childrenS47Rate(),
		"CCA35":  g.s47ToCINPlan(),
	}
	for id, months := range want {
		t.Run(id, func(t *testing.T) {
			rows, err := f.db.Query(`SELECT period_label, value FROM indicator_values
				WHERE indicator_id = ? AND breakdown = 'all'`, id)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			got := map[string]float64{}
			for rows.Next() {
				var label string
				var v *float64
				if err := rows.Scan(&label, &v); err != nil {
					t.Fatal(err)
				}
				if v == nil {
					// A mean or share with no members has no value.
					if w, ok := months[label]; ok {
						t.Errorf("%s %s: got NULL, want %v", id, label, w)
					}
					continue
				}
				got[label] = *v
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			for m := sum.WindowStart; !m.After(sum.WindowEnd); m = m.AddDate(0, 1, 0) {
				label := m.Format("2006-01")
				v, ok := got[label]
				if _, want := months[label]; !ok && !want {
					continue // reported as NULL: checked above
				}
				if !ok {
					t.Errorf("%s %s: not reported", id, label)
					continue
				}
				if w := months[label]; math.Abs(v-w) > 1e-6 {
					t.Errorf("%s %s: got %v, want %v", id, label, v, w)
				}
			}
			for label, v := range got {
				if w := months[label]; math.Abs(v-w) > 1e-6 {
					t.Errorf("%s %s: got %v, want %v", id, label, v, w)
				}
			}
		})
	}
}

// intakeGo holds the generated files, read without the pipeline.
type intakeGo struct {
	t        *testing.T
	contacts []map[string]string
	refs     []map[string]string
	caf      []map[string]string
	native   []map[string]string
	list4    []map[string]string
	list5    []map[string]string
	cinPlans []map[string]string
	pop      map[int]float64
	holidays map[time.Time]bool
}

func newIntakeGo(t *testing.T, dir string) *intakeGo {
	g := &intakeGo{t: t, pop: map[int]float64{}, holidays: map[time.Time]bool{}}
	g.contacts = readCSV(t, filepath.Join(dir, "contacts.csv"))
	g.refs = readCSV(t, filepath.Join(dir, "AnnexA_List3_Referrals.csv"))
	g.caf = readCSV(t, filepath.Join(dir, "caf_episodes.csv"))
	g.native = readCSV(t, filepath.Join(dir, "assessments.csv"))
	g.list4 = readCSV(t, filepath.Join(dir, "AnnexA_List4_Assessments.csv"))
	g.list5 = readCSV(t, filepath.Join(dir, "AnnexA_List5_S47.csv"))
	g.cinPlans = readCSV(t, filepath.Join(dir, "cin_plans.csv"))
	for _, r := range readCSV(t, filepath.Join(dir, "population.csv")) {
		var y int
		var n float64
		fmt.Sscan(r["Mid-year"], &y)
		fmt.Sscan(r["Population aged 0 to 17"], &n)
		g.pop[y] = n
	}
	for _, r := range readCSV(t, filepath.Join("..", "sql", "reference", "bank_holidays.csv")) {
		d, err := time.Parse(time.DateOnly, r["date"])
		if err != nil {
			t.Fatal(err)
		}
		g.holidays[d] = true
	}
	return g
}

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	recs, err := csv.NewReader(fh).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		out = append(out, m)
	}
	return out
}

// date reads DD/MM/YYYY; ok is false for a blank or impossible date.
func date(s string) (time.Time, bool) {
	d, err := time.Parse("02/01/2006", s)
	return d, err == nil
}

func month(d time.Time) string { return d.Format("2006-01") }

// workingDays counts the working days after a up to and including b.
func (g *intakeGo) workingDays(a, b time.Time) int {
	n := 0
	for d := a.AddDate(0, 0, 1); !d.After(b); d = d.AddDate(0, 0, 1) {
		if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday && !g.holidays[d] {
			n++
		}
	}
	return n
}

// ratio turns per-month numerators and denominators into values.
func ratio(num, den map[string]float64, scale float64) map[string]float64 {
	out := map[string]float64{}
	for m, d := range den {
		if d != 0 {
			out[m] = scale * num[m] / d
		}
	}
	return out
}

func (g *intakeGo) contactShare(outcomes ...string) map[string]float64 {
	num, den := map[string]float64{}, map[string]float64{}
	for _, c := range g.contacts {
		d, ok := date(c["Date of Contact"])
		if !ok {
			continue // a planted impossible date: refused
		}
		den[month(d)]++
		for _, o := range outcomes {
			if c["Contact Outcome"] == o {
				num[month(d)]++
			}
		}
	}
	return ratio(num, den, 100)
}

func (g *intakeGo) contactToReferral() map[string]float64 {
	byChild := map[string][]time.Time{}
	for _, c := range g.contacts {
		if d, ok := date(c["Date of Contact"]); ok && c["Contact Outcome"] == "Referral to social care" {
			byChild[c["Child ID"]] = append(byChild[c["Child ID"]], d)
		}
	}
	num, den := map[string]float64{}, map[string]float64{}
	for _, r := range g.refs {
		rd, _ := date(r["Date of referral"])
		best := time.Time{}
		for _, cd := range byChild[r["Child Unique ID"]] {
			if !cd.After(rd) && !cd.Before(rd.AddDate(0, 0, -30)) && cd.After(best) {
				best = cd
			}
		}
		if !best.IsZero() {
			num[month(rd)] += rd.Sub(best).Hours() / 24
			den[month(rd)]++
		}
	}
	return ratio(num, den, 1)
}

// cafEp is a CAF episode that the pipeline accepts.
type cafEp struct {
	child               string
	start, closed       time.Time // closed zero when open
	route               string
	closedSet, accepted bool
}

func (g *intakeGo) episodes() []cafEp {
	var out []cafEp
	for _, r := range g.caf {
		e := cafEp{child: r["Child ID"], route: r["Referral Route"]}
		e.start, _ = date(r["Episode Start Date"])
		e.closed, e.closedSet = date(r["Episode Closure Date"])
		agreed, agreedSet := date(r["Assessment Agreed Date"])
		if (e.closedSet && e.closed.Before(e.start)) || (agreedSet && agreed.Before(e.start)) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// monthEnds lists the last day of each month from the reporting window's
// first flow month to the end of 2026.
func monthEnds() []time.Time {
	var out []time.Time
	for m := time.Date(2023, 4, 1, 0, 0, 0, 0, time.UTC); m.Year() < 2027; m = m.AddDate(0, 1, 0) {
		out = append(out, m.AddDate(0, 1, -1))
	}
	return out
}

func (g *intakeGo) cafOpen(share bool) map[string]float64 {
	num, den := map[string]float64{}, map[string]float64{}
	eps := g.episodes()
	for _, end := range monthEnds() {
		for _, e := range eps {
			if e.start.After(end) || (e.closedSet && !e.closed.After(end)) {
				continue
			}
			den[month(end)]++
			if addMonths(e.start, 9).Before(end) {
				num[month(end)]++
			}
		}
	}
	if share {
		return ratio(num, den, 100)
	}
	return den
}

// addMonths is the day n calendar months after d, or the last day of that
// month when it is shorter (31 May and 9 months give 28 February), as
// DuckDB adds an interval of months.
func addMonths(d time.Time, n int) time.Time {
	m := d.AddDate(0, n, 0)
	if m.Day() != d.Day() {
		m = m.AddDate(0, 0, -m.Day())
	}
	return m
}

func (g *intakeGo) cafStarts(route string) map[string]float64 {
	out := map[string]float64{}
	for _, e := range g.episodes() {
		if e.route == route {
			out[month(e.start)]++
		}
	}
	return zeroFill(out)
}

func (g *intakeGo) stepUps() map[string]float64 {
	out := map[string]float64{}
	eps := map[string][]cafEp{}
	for _, e := range g.episodes() {
		eps[e.child] = append(eps[e.child], e)
	}
	for _, r := range g.refs {
		rd, _ := date(r["Date of referral"])
		for _, e := range eps[r["Child Unique ID"]] {
			if !e.start.After(rd) && (!e.closedSet || !e.closed.Before(rd)) {
				out[month(rd)]++
				break
			}
		}
	}
	return zeroFill(out)
}

// zeroFill gives every month of monthEnds a count, zero where none.
func zeroFill(m map[string]float64) map[string]float64 {
	for _, end := range monthEnds() {
		if _, ok := m[month(end)]; !ok {
			m[month(end)] = 0
		}
	}
	return m
}

func (g *intakeGo) initialAssessments(nfa bool) map[string]float64 {
	out := map[string]float64{}
	for _, r := range g.native {
		s, _ := date(r["Assessment Start Date"])
		a, ok := date(r["Assessment Authorisation Date"])
		if !ok || a.Before(s) || r["Assessment Type"] != "Initial" {
			continue
		}
		if !nfa || r["Assessment Outcome"] == "No further action" {
			out[month(a)]++
		}
	}
	return zeroFill(out)
}

// lateAssessments merges list 4 and the native export by child and start
// (native dates win) and averages the working days of those over 45.
func (g *intakeGo) lateAssessments() map[string]float64 {
	auth := map[string][2]time.Time{}
	add := func(child, start, authorised string) {
		s, _ := date(start)
		a, ok := date(authorised)
		if ok && a.Before(s) {
			return // refused
		}
		auth[child+"|"+start] = [2]time.Time{s, a}
	}
	for _, r := range g.list4 {
		add(r["Child Unique ID"], r["Continuous Assessment Start Date"],
			r["Continuous Assessment Date of Authorisation"])
	}
	for _, r := range g.native {
		add(r["Child ID"], r["Assessment Start Date"], r["Assessment Authorisation Date"])
	}
	num, den := map[string]float64{}, map[string]float64{}
	for _, sa := range auth {
		if sa[1].IsZero() {
			continue
		}
		if wd := g.workingDays(sa[0], sa[1]); wd > 45 {
			num[month(sa[1])] += float64(wd)
			den[month(sa[1])]++
		}
	}
	return ratio(num, den, 1)
}

func (g *intakeGo) icpcWithin15() map[string]float64 {
	num, den := map[string]float64{}, map[string]float64{}
	for _, r := range g.list5 {
		s, _ := date(r["Strategy discussion initiating Section 47 Enquiry Start Date"])
		i, ok := date(r["Date of Initial Child Protection Conference"])
		if !ok {
			continue
		}
		den[month(i)]++
		if !i.Before(s) && g.workingDays(s, i) <= 15 {
			num[month(i)]++
		}
	}
	return ratio(num, den, 100)
}

func (g *intakeGo) childrenS47Rate() map[string]float64 {
	children := map[string]map[string]bool{}
	for _, r := range g.list5 {
		s, _ := date(r["Strategy discussion initiating Section 47 Enquiry Start Date"])
		if children[month(s)] == nil {
			children[month(s)] = map[string]bool{}
		}
		children[month(s)][r["Child Unique ID"]] = true
	}
	out := map[string]float64{}
	var months []string
	for m := range children {
		months = append(months, m)
	}
	sort.Strings(months)
	for _, m := range months {
		d, _ := time.Parse("2006-01", m)
		fy := d.Year()
		if d.Month() < time.April {
			fy--
		}
		out[m] = 10000 * float64(len(children[m])) / g.pop[fy]
	}
	return out
}

const icpcPlan = "Did the Initial Child Protection Conference Result in a Child Protection Plan"

func (g *intakeGo) s47ToCINPlan() map[string]float64 {
	starts := map[string][]time.Time{}
	var last time.Time
	for _, r := range g.cinPlans {
		s, _ := date(r["CIN Plan Start Date"])
		e, ended := date(r["CIN Plan End Date"])
		if ended && e.Before(s) {
			continue // refused
		}
		starts[r["Child ID"]] = append(starts[r["Child ID"]], s)
		if s.After(last) {
			last = s
		}
		if ended && e.After(last) {
			last = e
		}
	}
	known := time.Date(last.Year(), last.Month()+1, 0, 0, 0, 0, 0, time.UTC)
	num, den := map[string]float64{}, map[string]float64{}
	unknown := map[string]bool{}
	for _, r := range g.list5 {
		s, _ := date(r["Strategy discussion initiating Section 47 Enquiry Start Date"])
		m := month(s)
		den[m]++
		cin := false
		for _, p := range starts[r["Child Unique ID"]] {
			if !p.Before(s) && !p.After(addMonths(s, 3)) {
				cin = true
			}
		}
		monthEnd := time.Date(s.Year(), s.Month()+1, 0, 0, 0, 0, 0, time.UTC)
		switch {
		case cin && r[icpcPlan] != "a) Yes":
			num[m]++
		case addMonths(monthEnd, 3).After(known):
			unknown[m] = true
		}
	}
	out := ratio(num, den, 100)
	for m := range unknown {
		delete(out, m)
	}
	return out
}
