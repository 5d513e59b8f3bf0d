package synth

import (
	"fmt"
	"sort"
)

// The intake family's native exports (docs/native-intake.md): early help
// (CAF) episodes and single assessments with their type and outcome. Both
// are derived from the simulated children, so that an episode stepped down
// follows its social care case and a step up closes the episode on the day
// of the referral.

func init() {
	addWriter("intake_assessments", (*output).writeAssessments)
	addWriter("intake_caf", (*output).writeCAF)
}

// streamIntake is this family's random stream (see the stream constants in
// synth.go).
const streamIntake uint64 = 0x5eed1000

// CAF episode routes and closure reasons, as the export writes them.
const (
	routeStepAcross = "Step across from MASH"
	routeStepDown   = "Step down from social care"
	routeFrontDoor  = "Referral to early intervention"
	routeOther      = "Other"
	closeStepUp     = "Step up to social care"
)

var cafClosureReasons = []opt[string]{
	{72, "Outcomes met"}, {15, "Family disengaged"}, {5, "Moved out of area"}, {8, "Other"},
}

// cafRow is one early help episode as the export knows it at WindowEnd.
type cafRow struct {
	e              *earlyHelp
	route          string
	agreed, closed day // noDay when not (yet)
	reason         string
}

// cafRoute finds how an episode began from the child's history: a social
// care case closed to early help (RC9) in the 14 days before, or a contact
// whose outcome sent the family to early help in the 20 days before.
func cafRoute(e *earlyHelp) string {
	for _, r := range e.c.refs {
		if r.reason == "RC9" && r.close <= e.start && e.start <= r.close+14 {
			return routeStepDown
		}
	}
	for _, k := range e.c.contacts {
		if k.date < e.start && e.start <= k.date+20 {
			switch k.outcome {
			case outStepAcross:
				return routeStepAcross
			case outEarlyHelp:
				return routeFrontDoor
			}
		}
	}
	return routeOther
}

// cafRows closes every simulated episode: 6 weeks to 11 months after its
// assessment is agreed (a few run longer), or on the day of a referral to
// social care while it is open (a step up; a referral from early help, source
// 5D, within 10 months of the start is one even if drawn later).
func (o *output) cafRows() []cafRow {
	s := o.sim
	r := newRNG(s.cfg.Seed, streamIntake)
	var rows []cafRow
	for _, e := range s.ehs {
		row := cafRow{e: e, route: cafRoute(e), agreed: e.end}
		stay := r.between(42, 330)
		if r.chance(0.08) {
			stay = r.between(331, 640)
		}
		row.closed = minDay(e.end+day(stay), e.c.eighteenth())
		if row.closed < e.start {
			row.closed = e.start // opened in the last days before the 18th birthday
		}
		row.reason = pick(r, cafClosureReasons)
		for _, ref := range e.c.refs {
			if ref.date <= e.start {
				continue
			}
			if ref.date <= row.closed || (ref.source == "5D" && ref.date <= e.start+300) {
				row.closed, row.reason = ref.date, closeStepUp
			}
			break
		}
		if row.agreed > row.closed {
			row.agreed = noDay // closed before its assessment was agreed
		}
		rows = append(rows, row)
	}
	return rows
}

// writeCAF writes every episode open at any time from the first flow day to
// WindowEnd, censored at WindowEnd.
func (o *output) writeCAF() error {
	s := o.sim
	var rows []cafRow
	for _, row := range o.cafRows() {
		if row.e.start <= s.w.end && row.closed >= s.w.flow {
			rows = append(rows, row)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].e.start != rows[j].e.start {
			return rows[i].e.start < rows[j].e.start
		}
		return rows[i].e.c.num < rows[j].e.c.num
	})
	header := []string{"Episode ID", "Child ID", "Episode Start Date", "Referral Route",
		"Assessment Agreed Date", "Episode Closure Date", "Closure Reason"}
	return o.writeTable("caf_episodes.csv", "caf_episodes", header, func(t *table) {
		for i, row := range rows {
			reason := ""
			if row.closed <= s.w.end {
				reason = row.reason
			}
			t.write(fmt.Sprintf("EH%07d", i+1), row.e.c.id, row.e.start.dmy(), row.route,
				o.dateOrBlank(row.agreed), o.dateOrBlank(row.closed), reason)
		}
	})
}

// asmtRow is one single assessment of the native export.
type asmtRow struct {
	c           *child
	start, auth day
	subsequent  bool
	nfa         bool
}

// writeAssessments writes the assessments of Annex A list 4 (the same
// window: started from the first flow day), each initial, and for about one
// in six CIN cases open more than six months after the first assessment a
// subsequent assessment, which list 4 does not hold.
func (o *output) writeAssessments() error {
	s := o.sim
	r := newRNG(s.cfg.Seed, streamIntake+1)
	refs := o.sortedRefs(func(x *referral) day { return x.asmt.start },
		func(x *referral) bool { return x.asmt != nil && o.inWindow(x.asmt.start) })
	var rows []asmtRow
	for _, ref := range refs {
		a := ref.asmt
		rows = append(rows, asmtRow{c: ref.c, start: a.start, auth: a.auth,
			nfa: !a.support && ref.reason != "RC9" && ref.plan == nil && ref.period == nil})
		if !ref.cinPlan || ref.close-a.auth <= 180 || !r.chance(1.0/6) {
			continue
		}
		start := s.cal.nextWD(a.auth + day(r.between(90, 180)))
		if start > s.w.end || start >= ref.close || start >= ref.c.eighteenth() ||
			startTaken(ref.c, start) {
			continue
		}
		rows = append(rows, asmtRow{c: ref.c, start: start,
			auth: s.cal.addWD(start, r.between(8, 40)), subsequent: true})
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].start != rows[j].start {
			return rows[i].start < rows[j].start
		}
		return rows[i].c.num < rows[j].c.num
	})
	header := []string{"Assessment ID", "Child ID", "Assessment Start Date",
		"Assessment Authorisation Date", "Assessment Type", "Assessment Outcome"}
	return o.writeTable("assessments.csv", "assessments", header, func(t *table) {
		for i, row := range rows {
			typ, outcome := "Initial", ""
			if row.subsequent {
				typ = "Subsequent"
			}
			if row.auth <= s.w.end {
				outcome = "Further action"
				if row.nfa {
					outcome = "No further action"
				}
			}
			t.write(fmt.Sprintf("SA%07d", i+1), row.c.id, row.start.dmy(),
				o.dateOrBlank(row.auth), typ, outcome)
		}
	})
}

// startTaken reports whether one of the child's referrals has an assessment
// starting on d: assessments are matched to Annex A list 4 by child and start.
func startTaken(c *child, d day) bool {
	for _, x := range c.refs {
		if x.asmt != nil && x.asmt.start == d {
			return true
		}
	}
	return false
}
