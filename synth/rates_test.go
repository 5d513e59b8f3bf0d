package synth

import (
	"fmt"
	"strconv"
	"testing"
	"time"
)

// measures computes, from the files read back, the national measures of
// REFERENCE.md section 6 for the financial year starting 1 April of fy.
type measures struct {
	t          *testing.T
	dir        string
	cal        *calendar
	population map[int]float64
	l3, l4, l5 *csvFile
	l6, l7     *csvFile
	contacts   *csvFile
}

func newMeasures(t *testing.T, dir string) *measures {
	t.Helper()
	cal, err := newCalendar(mkDay(2015, 1, 1), mkDay(2030, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	m := &measures{t: t, dir: dir, cal: cal, population: map[int]float64{}}
	pop := readCSV(t, dir, "population.csv")
	for _, r := range pop.rows {
		y, _ := strconv.Atoi(pop.get(t, r, "Mid-year"))
		n, _ := strconv.Atoi(pop.get(t, r, "Population aged 0 to 17"))
		m.population[y] = float64(n)
	}
	m.l3 = readCSV(t, dir, "AnnexA_List3_Referrals.csv")
	m.l4 = readCSV(t, dir, fileL4)
	m.l5 = readCSV(t, dir, "AnnexA_List5_S47.csv")
	m.l6 = readCSV(t, dir, "AnnexA_List6_CIN.csv")
	m.l7 = readCSV(t, dir, "AnnexA_List7_CP.csv")
	m.contacts = readCSV(t, dir, fileContacts)
	return m
}

func fyBounds(fy int) (day, day) {
	return mkDay(fy, time.April, 1), mkDay(fy+1, time.March, 31)
}

func (m *measures) per10k(n int, fy int) float64 {
	return float64(n) / m.population[fy] * 10000
}

func share(num, den int) float64 {
	if den == 0 {
		return 0
	}
	return float64(num) / float64(den)
}

// referrals in the year per 10,000, and the share of them that came within
// 12 months of the child's previous referral (referral-based, DfE style).
func (m *measures) referrals(fy int) (float64, float64) {
	t, f := m.t, m.l3
	from, to := fyBounds(fy)
	byChild := map[string][]day{}
	for _, r := range f.rows {
		id := f.get(t, r, "Child Unique ID")
		byChild[id] = append(byChild[id], date(t, f, r, "Date of referral"))
	}
	n, re := 0, 0
	for _, r := range f.rows {
		d := date(t, f, r, "Date of referral")
		if d < from || d > to {
			continue
		}
		n++
		if countBefore(byChild[f.get(t, r, "Child Unique ID")], d) > 0 {
			re++
		}
	}
	return m.per10k(n, fy), share(re, n)
}

func (m *measures) contactsPerReferral(fy int) float64 {
	t := m.t
	from, to := fyBounds(fy)
	nc, nr := 0, 0
	for _, r := range m.contacts.rows {
		d, err := time.Parse("02/01/2006", m.contacts.get(t, r, "Date of Contact"))
		if err == nil && dayOf(d) >= from && dayOf(d) <= to {
			nc++
		}
	}
	for _, r := range m.l3.rows {
		if d := date(t, m.l3, r, "Date of referral"); d >= from && d <= to {
			nr++
		}
	}
	return share(nc, nr)
}

// openAt counts children with a row of f open on day d.
func (m *measures) openAt(f *csvFile, startCol, endCol string, d day) int {
	kids := map[string]bool{}
	for _, r := range f.rows {
		s, e := date(m.t, f, r, startCol), date(m.t, f, r, endCol)
		if s <= d && e > d {
			kids[f.get(m.t, r, "Child Unique ID")] = true
		}
	}
	return len(kids)
}

// assessmentsOnTime is the share of assessments authorised in the year
// within 45 working days of their start (same day = 0).
func (m *measures) assessmentsOnTime(fy int) float64 {
	t, f := m.t, m.l4
	from, to := fyBounds(fy)
	n, ok := 0, 0
	for _, r := range f.rows {
		s := date(t, f, r, "Continuous Assessment Start Date")
		a := date(t, f, r, "Continuous Assessment Date of Authorisation")
		if a < from || a > to || a < s {
			continue
		}
		n++
		if m.cal.wdBetween(s, a) <= 45 {
			ok++
		}
	}
	return share(ok, n)
}

// icpcOnTime is the share of ICPCs in the year held within 15 working days of
// the strategy discussion.
func (m *measures) icpcOnTime(fy int) float64 {
	t, f := m.t, m.l5
	from, to := fyBounds(fy)
	n, ok := 0, 0
	for _, r := range f.rows {
		s := date(t, f, r, "Strategy discussion initiating Section 47 Enquiry Start Date")
		c := date(t, f, r, "Date of Initial Child Protection Conference")
		if c == noDay || c < from || c > to {
			continue
		}
		n++
		if m.cal.wdBetween(s, c) <= 15 {
			ok++
		}
	}
	return share(ok, n)
}

// secondPlans is the share of CP plans starting in the year for a child who
// had a plan before.
func (m *measures) secondPlans(fy int) float64 {
	t, f := m.t, m.l7
	from, to := fyBounds(fy)
	n, again := 0, 0
	for _, r := range f.rows {
		if s := date(t, f, r, "Child Protection Plan Start Date"); s < from || s > to {
			continue
		}
		n++
		if f.get(t, r, "Number of Previous Child Protection Plans") != "0" {
			again++
		}
	}
	return share(again, n)
}

// looked reads the year's SSDA903 episodes: children looked after at 31 March
// (open episode, short breaks left out) and the share of them with 3 or more
// placements in the year. A placement is counted at each episode that starts
// one (RNE S, P, B, T or U) and for the one held when the year began.
func (m *measures) looked(fy int) (float64, float64) {
	t := m.t
	from, _ := fyBounds(fy)
	f := readCSV(t, m.dir, fmt.Sprintf("SSDA903_%s_episodes.csv", fyLabel(fy)))
	open := map[string]bool{}
	places := map[string]int{}
	for _, r := range f.rows {
		id := f.get(t, r, "CHILD")
		ls := f.get(t, r, "LS")
		if ls == "V3" || ls == "V4" {
			continue
		}
		if f.get(t, r, "DEC") == "" {
			open[id] = true
		}
		switch f.get(t, r, "RNE") {
		case "S", "P", "B", "T", "U":
			if date(t, f, r, "DECOM") >= from {
				places[id]++
			}
		}
		if date(t, f, r, "DECOM") < from {
			places[id]++ // the placement held on 1 April
		}
	}
	three := 0
	for id := range open {
		if places[id] >= 3 {
			three++
		}
	}
	return m.per10k(len(open), fy), share(three, len(open))
}

// leavers is the share of care leavers aged 19 to 21 in the year's OC3 in
// education, employment or training, and in suitable accommodation; those
// with no information stay in the denominator.
func (m *measures) leavers(fy int) (float64, float64) {
	t := m.t
	f := readCSV(t, m.dir, fmt.Sprintf("SSDA903_%s_oc3.csv", fyLabel(fy)))
	eet, suitable := 0, 0
	for _, r := range f.rows {
		switch f.get(t, r, "ACTIV") {
		case "F1", "F2", "F4", "F5", "P1", "P2", "P4", "P5":
			eet++
		}
		if a := f.get(t, r, "ACCOM"); len(a) == 2 && a[1] == '1' {
			suitable++
		}
	}
	return share(eet, len(f.rows)), share(suitable, len(f.rows))
}

// TestRates checks the DefaultConfig council against the national ranges of
// REFERENCE.md section 6 in both full financial years of the window. Each
// bound is the published range widened for one council's chance variation.
func TestRates(t *testing.T) {
	dir, _ := council(t)
	m := newMeasures(t, dir)
	for _, fy := range []int{2024, 2025} {
		_, yearEnd := fyBounds(fy)
		refs, reRef := m.referrals(fy)
		cla, three := m.looked(fy)
		eet, suitable := m.leavers(fy)
		cases := []struct {
			name   string
			got    float64
			lo, hi float64
		}{
			// Published 500 to 560 per 10,000.
			{"referrals per 10,000", refs, 470, 590},
			// Published 21% to 23%.
			{"re-referrals within 12 months", reRef, 0.19, 0.25},
			// Not published; the brief asks for about 3.5 contacts a referral.
			{"contacts per referral", m.contactsPerReferral(fy), 3.0, 4.2},
			// Published about 330 per 10,000.
			{"children in need at year end per 10,000",
				m.per10k(m.openAt(m.l6, "CIN Start Date", "CIN Closure Date", yearEnd), fy),
				280, 380},
			// Published 80% to 85%.
			{"assessments within 45 working days", m.assessmentsOnTime(fy), 0.78, 0.87},
			// Published 75% to 80%.
			{"ICPCs within 15 working days", m.icpcOnTime(fy), 0.71, 0.84},
			// Published 40 to 43 per 10,000.
			{"CP plans at year end per 10,000", m.per10k(m.openAt(m.l7,
				"Child Protection Plan Start Date", "Child Protection Plan End Date",
				yearEnd), fy), 36, 48},
			// Published 22% to 24%.
			{"second or later CP plans", m.secondPlans(fy), 0.17, 0.29},
			// Published about 70 per 10,000.
			{"looked after at year end per 10,000", cla, 60, 80},
			// Published about 10%.
			{"looked after with 3 or more placements", three, 0.07, 0.135},
			// Published about 55%.
			{"care leavers 19 to 21 in EET", eet, 0.45, 0.65},
			// Published about 88%.
			{"care leavers 19 to 21 suitably housed", suitable, 0.81, 0.94},
		}
		for _, tc := range cases {
			t.Run(fmt.Sprintf("%s %s", fyLabel(fy), tc.name), func(t *testing.T) {
				t.Logf("got %.3f", tc.got)
				if tc.got < tc.lo || tc.got > tc.hi {
					t.Errorf("got %.3f, want %.3f to %.3f", tc.got, tc.lo, tc.hi)
				}
			})
		}
	}
}
