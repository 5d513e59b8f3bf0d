package synth

import (
	"fmt"
	"sort"
)

// The intervention and planning exports (docs/native-planning.md): CIN plans,
// case allocations, CP and CIN visits and reviews, PLO, care proceedings,
// supervision orders and CAFCASS care applications. Every row is derived
// from the simulated referrals, plans and periods of care, drawing details
// from the planning stream so that the other files stay as they were.

func init() { addWriter("planning", (*output).writePlanning) }

// streamPlanning is the planning family's random stream (see synth.go).
const streamPlanning uint64 = 0x5eed1100

// Native case types of a CIN plan.
const (
	caseCIN   = "CIN"
	caseDCP   = "DCP"
	caseS18   = "S18"
	caseTrans = "TRANS"
)

type cinPlan struct {
	id         string
	c          *child
	start, end day
	caseType   string
}

type allocation struct {
	c          *child
	start, end day
	team       string
	worker     string // blank: held by the team, unallocated
}

type dated struct {
	c    *child
	date day
	code string // seen alone, or application type
	id   string
}

type proceedings struct {
	id, appID    string
	c            *child
	issue, final day
	exception    bool
	order        string
}

type span struct {
	id         string
	c          *child
	start, end day
}

// planning holds what the writer derives before writing.
type planning struct {
	cinPlans    []cinPlan
	allocs      []allocation
	cpVisits    []dated
	cinVisits   []dated
	cpReviews   []dated
	cinReviews  []dated
	plos        []span
	proceedings []proceedings
	supervision []span
}

func (o *output) writePlanning() error {
	s := o.sim
	r := newRNG(s.cfg.Seed, streamPlanning)
	pl := &planning{}
	for _, ref := range s.refs {
		pl.referral(s, r, ref)
	}
	for _, p := range s.plans {
		pl.cpPlan(s, r, p)
	}
	for _, p := range s.periods {
		pl.legal(s, r, p)
	}
	for _, p := range s.plans {
		if !ledToCare(p) && r.chance(0.06) {
			pl.divertedPLO(r, p)
		}
	}
	return o.writePlanningFiles(pl)
}

// ledToCare reports whether the plan's episode went on to care, in which
// case its PLO comes with the care period's proceedings.
func ledToCare(p *cpPlan) bool {
	for _, rf := range p.c.refs {
		if rf.plan == p {
			return rf.period != nil
		}
	}
	return false
}

// referral derives the CIN plan of a referral's episode and who held the
// case.
func (pl *planning) referral(s *sim, r rng, ref *referral) {
	c := ref.c
	dct := s.staff.disabled
	assessEnd := ref.close
	if ref.asmt != nil && ref.asmt.auth < assessEnd {
		assessEnd = ref.asmt.auth
	}
	pl.allocs = append(pl.allocs, allocation{c, ref.date, assessEnd, ref.team, ref.worker})
	if ref.plan != nil {
		pl.allocateCP(r, ref.plan)
	}
	if ref.asmt == nil || !ref.cinPlan {
		return
	}

	// The plan: after the assessment, or when a CP plan steps down.
	var start, end day
	lag := day(r.between(0, 10))
	if r.chance(0.15) {
		lag = day(r.between(11, 40))
	}
	switch {
	case ref.plan != nil:
		start, end = ref.plan.end, ref.close
	case ref.period != nil && !ref.period.short:
		start, end = ref.asmt.auth+lag, ref.period.start
	default:
		start, end = ref.asmt.auth+lag, ref.close
	}
	if end <= start || start >= c.eighteenth() || start > s.w.end {
		return
	}
	isDCT := ref.need == "N2"
	ct := caseCIN
	switch age := ageAt(c.dob, start); {
	case isDCT && r.chance(0.3):
		ct = caseDCP
	case !isDCT && age >= 17 && r.chance(0.5):
		ct = caseTrans
	case !isDCT && r.chance(0.03):
		ct = caseS18
	}
	cp := cinPlan{id: fmt.Sprintf("CINP%07d", len(pl.cinPlans)+1), c: c, start: start,
		end: end, caseType: ct}
	pl.cinPlans = append(pl.cinPlans, cp)

	// Who held it: the safeguarding team or the DCT, some cases waiting with
	// the team a few days, some disabled children moving into the DCT part
	// way through and some moving out of it.
	sg := s.safeguardTeam(c)
	teams := []*team{sg}
	switch {
	case isDCT && ref.team == dct.name && end <= s.w.end && r.chance(0.1):
		teams = []*team{dct, sg}
	case isDCT && ref.team != dct.name && r.chance(0.3):
		teams = []*team{sg, dct}
	case isDCT:
		teams = []*team{dct}
	}
	t := start
	for i, tm := range teams {
		stop := end
		if i < len(teams)-1 {
			stop = start + (end-start)/2
		}
		if stop <= t {
			continue
		}
		if i == 0 && r.chance(0.07) {
			wait := t + day(r.between(3, 30))
			if wait < stop {
				pl.allocs = append(pl.allocs, allocation{c, t, wait - 1, tm.name, ""})
				t = wait
			}
		}
		pl.allocs = append(pl.allocs, allocation{c, t, stop, tm.name, tm.pick(r)})
		t = stop + 1
	}
	pl.cinVisitsAndReviews(s, r, cp, isDCT)
}

// allocateCP hands a plan to its safeguarding worker, a few after some days
// with the team.
func (pl *planning) allocateCP(r rng, p *cpPlan) {
	t := p.start
	if r.chance(0.06) {
		wait := t + day(r.between(3, 20))
		if wait < p.end {
			pl.allocs = append(pl.allocs, allocation{p.c, t, wait - 1, p.team, ""})
			t = wait
		}
	}
	pl.allocs = append(pl.allocs, allocation{p.c, t, p.end, p.team, p.worker})
}

func seenAlone(r rng, c *child, d day) string {
	if ageAt(c.dob, d) < 4 {
		return "N"
	}
	return pick(r, []opt[string]{{80, "Y"}, {15, "N"}, {5, "U"}})
}

// cpPlan draws the plan's visits and takes its review conferences, holding a
// few of the earlier ones late (the latest stays as Annex A list 7 has it).
func (pl *planning) cpPlan(s *sim, r rng, p *cpPlan) {
	for d := p.start + day(r.between(1, 10)); d < p.end && d <= s.w.end; {
		pl.cpVisits = append(pl.cpVisits, dated{c: p.c, date: d, code: seenAlone(r, p.c, d)})
		gap := r.between(5, 28)
		if r.chance(0.07) {
			gap = r.between(43, 70)
		}
		d += day(gap)
	}
	last := -1
	for i, rv := range p.reviews {
		if rv <= s.w.end {
			last = i
		}
	}
	for i, rv := range p.reviews {
		if i < last && r.chance(0.06) {
			limit := p.reviews[i+1] - 1
			if late := rv + day(r.between(5, 40)); late < limit {
				rv = late
			}
		}
		pl.cpReviews = append(pl.cpReviews, dated{c: p.c, date: rv})
	}
}

func (pl *planning) cinVisitsAndReviews(s *sim, r rng, cp cinPlan, isDCT bool) {
	for d := cp.start + day(r.between(2, 15)); d < cp.end && d <= s.w.end; {
		pl.cinVisits = append(pl.cinVisits, dated{c: cp.c, date: d, code: seenAlone(r, cp.c, d)})
		gap := r.between(10, 42)
		if r.chance(0.12) {
			gap = r.between(43, 90)
		}
		d += day(gap)
	}
	lo, hi := 90, 215
	if isDCT {
		lo, hi = 150, 420
	}
	for d := cp.start + day(r.between(60, 120)); d < cp.end && d <= s.w.end; {
		pl.cinReviews = append(pl.cinReviews, dated{c: cp.c, date: d})
		d += day(r.between(lo, hi))
	}
}

// legal derives the proceedings of a period of care: issued when the
// interim care order starts, concluded by the final care or placement order
// or, failing one, when the child leaves care.
func (pl *planning) legal(s *sim, r rng, p *period) {
	if p.short {
		return
	}
	issue, final, order := noDay, noDay, ""
	for _, e := range p.eps {
		switch {
		case issue == noDay && e.ls == "C1":
			issue = e.decom
		case issue != noDay && final == noDay && e.ls == "C2":
			final, order = e.decom, "CO"
		case issue != noDay && final == noDay && e.ls == "E1":
			final, order = e.decom, "PO"
		}
	}
	if issue == noDay {
		return
	}
	super := false
	if final == noDay {
		final = p.end
		switch rec := p.rec; {
		case rec == "E41":
			order = "CAO"
		case rec >= "E45" && rec <= "E48":
			order = "SGO"
		case rec == "E4A" || rec == "E4B" || rec == "E13":
			order = "NOO"
			if r.chance(0.4) {
				order, super = "SO", true
			}
		default:
			order = "NOO"
		}
	}
	weeks := float64(final-issue) / 7
	exc := r.chance(0.03)
	if weeks > 26 {
		exc = r.chance(0.35)
	}
	n := len(pl.proceedings) + 1
	pr := proceedings{id: fmt.Sprintf("PRC%06d", n), appID: fmt.Sprintf("APP%06d", n),
		c: p.c, issue: issue, final: final, exception: exc, order: order}
	pl.proceedings = append(pl.proceedings, pr)
	if super {
		pl.supervision = append(pl.supervision, span{c: p.c, start: final,
			end: final.addYears(1)})
	}
	if rf := p.ref; rf != nil && rf.plan != nil && rf.plan.end <= p.start {
		start := maxDay(rf.plan.start+1, issue-day(r.between(40, 150)))
		if start < issue {
			pl.plos = append(pl.plos, span{id: fmt.Sprintf("PLO%06d", len(pl.plos)+1),
				c: p.c, start: start, end: issue})
		}
	}
}

// divertedPLO puts a family on a plan that did not lead to care into
// pre-proceedings, which then step down.
func (pl *planning) divertedPLO(r rng, p *cpPlan) {
	start := p.start + day(r.between(60, 200))
	if start >= p.end {
		return
	}
	end := minDay(start+day(r.between(60, 140)), p.end)
	pl.plos = append(pl.plos, span{id: fmt.Sprintf("PLO%06d", len(pl.plos)+1), c: p.c,
		start: start, end: end})
}

// writePlanningFiles writes what is open at or after the flow start, dates
// after WindowEnd left blank, in date order.
func (o *output) writePlanningFiles(pl *planning) error {
	w := o.sim.w
	open := func(start, end day) bool { return start <= w.end && end >= w.flow }
	byStart := func(start func(int) day, num func(int) int) func(i, j int) bool {
		return func(i, j int) bool {
			if start(i) != start(j) {
				return start(i) < start(j)
			}
			return num(i) < num(j)
		}
	}
	sort.SliceStable(pl.cinPlans, byStart(func(i int) day { return pl.cinPlans[i].start },
		func(i int) int { return pl.cinPlans[i].c.num }))
	sort.SliceStable(pl.allocs, byStart(func(i int) day { return pl.allocs[i].start },
		func(i int) int { return pl.allocs[i].c.num }))
	for _, ds := range [][]dated{pl.cpVisits, pl.cinVisits, pl.cpReviews, pl.cinReviews} {
		sort.SliceStable(ds, byStart(func(i int) day { return ds[i].date },
			func(i int) int { return ds[i].c.num }))
	}

	err := o.writeTable("cin_plans.csv", "cin_plans", []string{"CIN Plan ID", "Child ID",
		"CIN Plan Start Date", "CIN Plan End Date", "Case Type"}, func(t *table) {
		for _, p := range pl.cinPlans {
			if open(p.start, p.end) {
				t.write(p.id, p.c.id, p.start.dmy(), o.dateOrBlank(p.end), p.caseType)
			}
		}
	})
	if err != nil {
		return err
	}
	err = o.writeTable("allocations.csv", "allocations", []string{"Child ID",
		"Allocation Start Date", "Allocation End Date", "Allocated Team", "Allocated Worker"},
		func(t *table) {
			for _, a := range pl.allocs {
				if open(a.start, a.end) {
					t.write(a.c.id, a.start.dmy(), o.dateOrBlank(a.end), a.team, a.worker)
				}
			}
		})
	if err != nil {
		return err
	}
	events := []struct {
		name, kind, col string
		rows            []dated
		alone           bool
	}{
		{"cp_visits.csv", "cp_visits", "CP Visit Date", pl.cpVisits, true},
		{"cin_visits.csv", "cin_visits", "CIN Visit Date", pl.cinVisits, true},
		{"cp_reviews.csv", "cp_reviews", "CP Review Conference Date", pl.cpReviews, false},
		{"cin_reviews.csv", "cin_reviews", "CIN Review Date", pl.cinReviews, false},
	}
	for _, ev := range events {
		header := []string{"Child ID", ev.col}
		if ev.alone {
			header = append(header, "Child Seen Alone")
		}
		err := o.writeTable(ev.name, ev.kind, header, func(t *table) {
			for _, d := range ev.rows {
				if !o.inWindow(d.date) {
					continue
				}
				if ev.alone {
					t.write(d.c.id, d.date.dmy(), d.code)
				} else {
					t.write(d.c.id, d.date.dmy())
				}
			}
		})
		if err != nil {
			return err
		}
	}
	return o.writeLegal(pl, open)
}

func (o *output) writeLegal(pl *planning, open func(day, day) bool) error {
	sort.SliceStable(pl.plos, func(i, j int) bool { return pl.plos[i].start < pl.plos[j].start })
	sort.SliceStable(pl.proceedings, func(i, j int) bool {
		return pl.proceedings[i].issue < pl.proceedings[j].issue
	})
	sort.SliceStable(pl.supervision, func(i, j int) bool {
		return pl.supervision[i].start < pl.supervision[j].start
	})
	err := o.writeTable("plo.csv", "plo", []string{"PLO ID", "Child ID", "PLO Start Date",
		"PLO End Date"}, func(t *table) {
		for _, p := range pl.plos {
			if open(p.start, p.end) {
				t.write(p.id, p.c.id, p.start.dmy(), o.dateOrBlank(p.end))
			}
		}
	})
	if err != nil {
		return err
	}
	err = o.writeTable("care_proceedings.csv", "care_proceedings", []string{"Proceedings ID",
		"Child ID", "Issue Date", "Final Hearing Date", "Exception to Timescale", "Final Order"},
		func(t *table) {
			for _, p := range pl.proceedings {
				if !open(p.issue, p.final) {
					continue
				}
				exc, order := "N", p.order
				if p.exception {
					exc = "Y"
				}
				if p.final > o.sim.w.end {
					order = ""
				}
				t.write(p.id, p.c.id, p.issue.dmy(), o.dateOrBlank(p.final), exc, order)
			}
		})
	if err != nil {
		return err
	}
	err = o.writeTable("supervision_orders.csv", "supervision_orders", []string{"Child ID",
		"Order Start Date", "Order End Date"}, func(t *table) {
		for _, p := range pl.supervision {
			if open(p.start, p.end) {
				t.write(p.c.id, p.start.dmy(), o.dateOrBlank(p.end))
			}
		}
	})
	if err != nil {
		return err
	}
	return o.writeTable("cafcass_applications.csv", "cafcass_applications",
		[]string{"Application ID", "Child ID", "Application Date", "Application Type"},
		func(t *table) {
			for _, p := range pl.proceedings {
				if o.inWindow(p.issue) {
					t.write(p.appID, p.c.id, p.issue.dmy(), "CARE")
				}
			}
		})
}
