package synth

import (
	"fmt"
	"time"
)

// The health, education and care leaver exports (docs/native-outcomes.md):
// health checks, SDQ scores, personal education plans, schools attended,
// exclusions, attendance, GCSE results and the council-wide GCSE figure,
// convictions, and care leavers' contacts and pathway plan reviews. Every
// event is drawn for a simulated child inside one of their periods of care
// (short breaks aside), or, for care leavers, after their care ended, and
// only events from the first flow day to WindowEnd are written. School
// histories run from the child's first school, so a school begun before the
// window is written with its true start.

func init() { addWriter("outcomes", (*output).writeOutcomes) }

// streamOutcomes is the random stream of these exports.
const streamOutcomes uint64 = 0x5eed1600

// outcomeFiles are the files written, with their kinds and headers.
var outcomeFiles = []struct{ name, kind string }{
	{"cla_health_checks.csv", "cla_health_checks"},
	{"cla_sdq_scores.csv", "cla_sdq_scores"},
	{"cla_peps.csv", "cla_peps"},
	{"cla_schools.csv", "cla_schools"},
	{"cla_exclusions.csv", "cla_exclusions"},
	{"cla_attendance.csv", "cla_attendance"},
	{"cla_gcse_results.csv", "cla_gcse_results"},
	{"gcse_council_comparison.csv", "gcse_council_comparison"},
	{"cla_offending.csv", "cla_offending"},
	{"care_leaver_contacts.csv", "care_leaver_contacts"},
	{"care_leaver_pathway_plans.csv", "care_leaver_pathway_plans"},
}

var outcomeHeaders = map[string][]string{
	"cla_health_checks": {"Child ID", "Check Date", "Check", "Outcome"},
	"cla_sdq_scores":    {"Child ID", "SDQ Date", "SDQ Score"},
	"cla_peps":          {"Child ID", "PEP Meeting Date", "PEP Form Completed Date"},
	"cla_schools": {"Child ID", "School URN", "School Start Date", "School End Date",
		"Ofsted Rating"},
	"cla_exclusions": {"Child ID", "Exclusion Start Date", "Exclusion Type", "Sessions"},
	"cla_attendance": {"Child ID", "Month", "Sessions Possible", "Authorised Absence Sessions",
		"Unauthorised Absence Sessions"},
	"cla_gcse_results": {"Child ID", "Results Date",
		"5 or More A*-C Including English and Maths"},
	"gcse_council_comparison": {"Academic Year End",
		"Percent 5 or More A*-C Including English and Maths"},
	"cla_offending": {"Child ID", "Outcome Date", "Outcome"},
	"care_leaver_contacts": {"Child ID", "Contact Date", "Contact Type", "In Touch", "Activity",
		"Accommodation"},
	"care_leaver_pathway_plans": {"Child ID", "Pathway Plan Review Date"},
}

// outcomeWriter holds the open tables and the window while events are drawn.
type outcomeWriter struct {
	o      *output
	r      rng
	from   day // first day written: the first flow day
	to     day // WindowEnd
	tables map[string]*table
}

func (o *output) writeOutcomes() error {
	s := o.sim
	ow := &outcomeWriter{o: o, r: newRNG(s.cfg.Seed, streamOutcomes), from: s.w.flow,
		to: s.w.end, tables: map[string]*table{}}
	for _, f := range outcomeFiles {
		t, err := o.create(f.name, f.kind, outcomeHeaders[f.kind])
		if err != nil {
			return err
		}
		ow.tables[f.kind] = t
	}

	// Looked-after children: events within each period of care.
	for _, c := range s.children {
		var ps []*period
		for _, p := range c.periods {
			if !p.short && p.start <= ow.to && p.end >= ow.from {
				ps = append(ps, p)
			}
		}
		if len(ps) == 0 {
			continue
		}
		for _, p := range ps {
			ow.health(p)
			ow.education(p)
			ow.offending(p)
		}
		ow.schools(c, ps)
		ow.gcse(c, ps)
	}
	ow.comparison()

	// Care leavers: contacts and pathway plans after care ended.
	for _, c := range s.children {
		if c.leaver != nil {
			ow.leaver(c)
		}
	}

	for _, f := range outcomeFiles {
		if err := o.finish(ow.tables[f.kind]); err != nil {
			return err
		}
	}
	return nil
}

// in says whether d is written: inside the window and inside [lo, hi).
func (ow *outcomeWriter) in(d, lo, hi day) bool {
	return d >= ow.from && d <= ow.to && d >= lo && d < hi
}

func yesNo(b bool) string {
	if b {
		return "Y"
	}
	return "N"
}

// health draws health assessments (with the immunisation status and, from
// 11, a substance misuse screen recorded at each), dental and optician
// checks, development checks under 5, and SDQs from 4 to 17.
func (ow *outcomeWriter) health(p *period) {
	r, c := ow.r, p.c
	t := ow.tables["cla_health_checks"]
	row := func(d day, check, outcome string) {
		if ow.in(d, p.start, p.end) {
			t.write(c.id, d.dmy(), check, outcome)
		}
	}
	for d := p.start + day(r.between(7, 35)); d < p.end && d <= ow.to; {
		row(d, "HEALTH_ASSESSMENT", "")
		row(d, "IMMUNISATIONS", yesNo(r.chance(0.87)))
		if ageAt(c.dob, d) >= 11 {
			row(d, "SUBSTANCE_MISUSE", yesNo(r.chance(0.05)))
		}
		gap := r.between(300, 380)
		if ageAt(c.dob, d) < 5 {
			gap = r.between(150, 190)
		}
		if r.chance(0.08) {
			gap += r.between(20, 120)
		}
		d += day(gap)
	}
	step := func(lo, hi int) day { return day(r.between(lo, hi)) }
	for d := p.start + step(30, 200); d < p.end && d <= ow.to; d += step(280, 430) {
		if !r.chance(0.12) {
			row(d, "DENTAL", "")
		}
	}
	for d := p.start + step(60, 300); d < p.end && d <= ow.to; d += step(330, 460) {
		if !r.chance(0.25) {
			row(d, "OPTICIAN", "")
		}
	}
	for d := p.start + step(20, 120); d < p.end && d <= ow.to; d += step(150, 260) {
		if ageAt(c.dob, d) < 5 && !r.chance(0.1) {
			row(d, "DEVELOPMENT", "")
		}
	}
	sdq := ow.tables["cla_sdq_scores"]
	for d := p.start + step(60, 200); d < p.end && d <= ow.to; d += step(330, 400) {
		a := ageAt(c.dob, d)
		if a < 4 || a > 17 || r.chance(0.15) {
			continue
		}
		score := int(clampF(14+7*r.NormFloat64(), 0, 40))
		if ow.in(d, p.start, p.end) {
			sdq.write(c.id, d.dmy(), itoa(score))
		}
	}
}

// sessionsPossible is a month's half-day sessions in a maintained school, by
// calendar month (August has none).
var sessionsPossible = [13]int{0, 38, 32, 40, 28, 36, 40, 30, 0, 36, 40, 40, 30}

// education draws PEPs each term, exclusions and monthly attendance for a
// child of school age in care.
func (ow *outcomeWriter) education(p *period) {
	r, c := ow.r, p.c
	school := func(d day) bool {
		a := ageAt(c.dob, d)
		return a >= 4 && a <= 16
	}
	pep := ow.tables["cla_peps"]
	step := func(lo, hi int) day { return day(r.between(lo, hi)) }
	for d := p.start + step(10, 45); d < p.end && d <= ow.to; d += step(100, 150) {
		if !school(d) || !ow.in(d, p.start, p.end) || r.chance(0.06) {
			continue
		}
		form := ""
		if f := d + day(r.between(0, 25)); r.chance(0.9) && f <= ow.to {
			form = f.dmy()
		}
		pep.write(c.id, d.dmy(), form)
	}

	excl := ow.tables["cla_exclusions"]
	rate := 0.08
	if r.chance(0.2) {
		rate = 0.6
	}
	next := func() day { return day(1 + r.ExpFloat64()*365/rate) }
	for d := p.start + next(); d < p.end && d <= ow.to; d += next() {
		if !school(d) || !ow.in(d, p.start, p.end) {
			continue
		}
		if d.weekday() == time.Saturday || d.weekday() == time.Sunday {
			continue
		}
		kind, sessions := "FIXED", itoa(r.between(1, 10))
		if r.chance(0.01) {
			kind, sessions = "PERMANENT", ""
		}
		excl.write(c.id, d.dmy(), kind, sessions)
	}

	att := ow.tables["cla_attendance"]
	truant := r.chance(0.1)
	y, m, _ := maxDay(p.start, ow.from).ymd()
	for mo := mkDay(y, time.Month(m), 1); mo <= ow.to && mo < p.end; mo = mo.addMonths(1) {
		_, mm, _ := mo.ymd()
		possible := sessionsPossible[mm]
		a := ageAt(c.dob, mo)
		if possible == 0 || a < 5 || a > 15 || mo.addMonths(1)-1 > ow.to {
			continue
		}
		auth := r.poisson(float64(possible) * 0.045)
		un := r.poisson(float64(possible) * 0.012)
		if truant {
			un = r.poisson(float64(possible) * 0.12)
		}
		if auth+un > possible {
			un = possible - auth
			if un < 0 {
				auth, un = possible, 0
			}
		}
		att.write(c.id, fmt.Sprintf("%04d-%02d", y0(mo), mm), itoa(possible), itoa(auth), itoa(un))
	}
}

func y0(d day) int {
	y, _, _ := d.ymd()
	return y
}

// schools writes a child's schools from the September after their 4th
// birthday to the end of Year 11, if they were in care at school age: a
// change at 11, unplanned moves (more often in care), and a few gaps with no
// school. Each school has one Ofsted rating.
func (ow *outcomeWriter) schools(c *child, ps []*period) {
	r := ow.r
	by, bm, _ := c.dob.ymd()
	entry := by + 4
	if bm >= 9 {
		entry++
	}
	first := mkDay(entry, time.September, 1)
	leave := mkDay(entry+12, time.July, 31) // end of Year 11
	if leave < ow.from || first > ow.to {
		return
	}
	secondary := mkDay(entry+7, time.September, 1)
	t := ow.tables["cla_schools"]
	start := first
	for start < leave && start <= ow.to {
		end := leave
		if start < secondary {
			end = secondary - 1
		}
		if m := start + day(r.between(200, 2400)); m < end && r.chance(0.55) {
			end = m
		}
		urn := fmt.Sprintf("1%05d", r.IntN(90000))
		rating := pick(r, []opt[string]{
			{20, "1"}, {61, "2"}, {13, "3"}, {3, "4"}, {3, ""},
		})
		endText := ""
		if end <= ow.to {
			endText = end.dmy()
		}
		if end >= ow.from.addYears(-3) {
			t.write(c.id, urn, start.dmy(), endText, rating)
		}
		start = end + 1
		if r.chance(0.12) {
			start += day(r.between(20, 150)) // a gap with no school place
		}
	}
}

// gcse writes the Year 11 result of a child in care during that year, on
// the third Thursday of August.
func (ow *outcomeWriter) gcse(c *child, ps []*period) {
	r := ow.r
	by, bm, _ := c.dob.ymd()
	year := by + 16
	if bm >= 9 {
		year++
	}
	results := mkDay(year, time.August, 15)
	for results.weekday() != time.Thursday {
		results++
	}
	if results < ow.from || results > ow.to {
		return
	}
	inYear := false
	for _, p := range ps {
		if p.start <= results && p.end > results.addYears(-1) {
			inYear = true
		}
	}
	if !inYear {
		return
	}
	ow.tables["cla_gcse_results"].write(c.id, results.dmy(), yesNo(r.chance(0.14)))
}

// comparison writes the council-wide GCSE figure for every academic year
// whose results fall in the window.
func (ow *outcomeWriter) comparison() {
	y0, _, _ := ow.from.ymd()
	y1, _, _ := ow.to.ymd()
	for y := y0; y <= y1; y++ {
		if mkDay(y, time.August, 21) < ow.from || mkDay(y, time.August, 15) > ow.to {
			continue
		}
		pct := 58.0 + 4*ow.r.Float64()
		ow.tables["gcse_council_comparison"].write(itoa(y), fmt.Sprintf("%.1f%%", pct))
	}
}

// offending draws convictions, final warnings and reprimands from age 10.
func (ow *outcomeWriter) offending(p *period) {
	r, c := ow.r, p.c
	from := maxDay(p.start, c.dob.addYears(10))
	until := minDay(p.end, c.eighteenth())
	if from >= until {
		return
	}
	rate := 0.03
	if r.chance(0.08) {
		rate = 0.6
	}
	t := ow.tables["cla_offending"]
	next := func() day { return day(1 + r.ExpFloat64()*365/rate) }
	for d := from + next(); d < until; d += next() {
		if !ow.in(d, p.start, p.end) {
			continue
		}
		t.write(c.id, d.dmy(), pick(r, []opt[string]{
			{60, "CONVICTION"}, {25, "FINAL_WARNING"}, {15, "REPRIMAND"},
		}))
	}
}

// leaver draws a care leaver's contacts and pathway plan reviews from the
// day care ended to the day before their 22nd birthday. A contact records
// what the leaving care service knew at that age (leaverStatus): those in
// touch are visited every one to two months and phoned between; those not
// in touch are tried every few months.
func (ow *outcomeWriter) leaver(c *child) {
	r, lv := ow.r, c.leaver
	until := minDay(ow.to+1, c.dob.addYears(22))
	contacts := ow.tables["care_leaver_contacts"]
	for d := lv.ceased + day(r.between(3, 30)); d < until; {
		a := ageAt(c.dob, d)
		if a > 21 {
			break
		}
		st := lv.status[a]
		if st.inTouch == "YES" {
			kind := "VISIT"
			if r.chance(0.45) {
				kind = "OTHER"
			}
			if d >= ow.from {
				contacts.write(c.id, d.dmy(), kind, "YES", st.activ, st.accom)
			}
			d += day(r.between(14, 45))
			if r.chance(0.05) {
				d += day(r.between(30, 90))
			}
			continue
		}
		if d >= ow.from {
			contacts.write(c.id, d.dmy(), "OTHER", st.inTouch, "", "")
		}
		d += day(r.between(45, 120))
	}
	plans := ow.tables["care_leaver_pathway_plans"]
	for d := lv.ceased + day(r.between(0, 30)); d < until; {
		if d >= ow.from {
			plans.write(c.id, d.dmy())
		}
		gap := r.between(150, 182)
		if r.chance(0.1) {
			gap += r.between(20, 90)
		}
		d += day(gap)
	}
}
