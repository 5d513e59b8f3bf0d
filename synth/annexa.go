package synth

import (
	"fmt"
	"sort"
	"time"
)

// Annex A column names, as the Ofsted template and the liia-tools schema
// spell them.
var (
	annexPrefix = []string{
		"Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
	}
	colDisability = "Does the Child have a Disability"
	annexTeam     = []string{"Allocated Team", "Allocated Worker"}
)

func cols(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

var (
	headerL1 = cols(annexPrefix, []string{"Date of Contact", "Contact Source"})
	headerL2 = cols(annexPrefix, []string{
		"Assessment start date", "Assessment completion date",
		"Organisation completing assessment",
	})
	headerL3 = cols(annexPrefix, []string{
		"Date of referral", "Referral Source", "Referral NFA?",
		"Number of Referrals in Last 12 Months",
	}, annexTeam)
	headerL4 = cols(annexPrefix, []string{
		colDisability, "Continuous Assessment Start Date",
		"Child Seen During Continuous Assessment",
		"Continuous Assessment Date of Authorisation",
		"Was the child assessed as requiring LA children's social care support?",
	}, annexTeam)
	headerL5 = cols(annexPrefix, []string{
		colDisability, "Strategy discussion initiating Section 47 Enquiry Start Date",
		"Was an Initial Child Protection Conference deemed unnecessary?",
		"Date of Initial Child Protection Conference",
		"Did the Initial Child Protection Conference Result in a Child Protection Plan",
		"Number of Section 47 Enquiries in the last 12 months",
		"Number of ICPCs in the last 12 months",
	}, annexTeam)
	headerL6 = cols(annexPrefix, []string{
		colDisability, "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen",
		"CIN Closure Date", "Reason for Closure", "Case Status",
	}, annexTeam)
	headerL7 = cols(annexPrefix, []string{
		colDisability, "Child Protection Plan Start Date", "Initial Category of Abuse",
		"Latest Category of Abuse", "Date of the Last Statutory Visit",
		"Was the Child Seen Alone?", "Date of latest review conference",
		"Child Protection Plan End Date",
		"Subject to Emergency Protection Order or Protected Under Police Powers in " +
			"Last Six Months (Y/N)",
		"Number of Previous Child Protection Plans",
	}, annexTeam)
	headerL8 = cols(annexPrefix, []string{
		colDisability,
		"Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
		"Date Started to be Looked After", "Child's Category of Need",
		"Is this a second or subsequent period of being a Looked After Child within " +
			"the last 12 months (Y/N)",
		"Start date of current legal status", "Child's Legal Status",
		"Date of Latest Statutory Review", "Date of Last Social Work Visit",
		"What is the permanence plan for this child?",
		"Date of Last IRO Visit / Contact to the Child", "Date of Last Health Assessment",
		"Date of Last Dental Check", "Number of Placements in the Last 12 months",
		"Date Ceased to be Looked After", "Reason Ceased to be Looked After",
		"Start Date of Most Recent Placement", "Placement Type", "Placement Provider",
		"Placement postcode", "URN of Placement", "Placement Location", "LA of Placement",
		"Number of Episodes the Child has been 'Missing' from their Placement in the " +
			"last 12 months",
		"Number of Episodes the Child has been 'Absent' from their Placement in the " +
			"last 12 months",
		"Was the child offered a Return Interview after their last missing episode (Y/N)?",
		"Did the child accept a Return Interview after their last missing episode (Y/N)?",
	}, annexTeam)
	headerL9 = cols(annexPrefix, []string{
		colDisability,
		"Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
		"Allocated Team", "Allocated Worker", "Allocated Personal Advisor",
		"Eligibility Category", "Latest Pathway Plan Review Date", "LA in Touch",
		"Latest Date of Contact", "Type of Accommodation", "Suitability of Accommodation",
		"Activity Status",
	})
	headerL10 = cols(annexPrefix, []string{
		colDisability, "Family identifier", "Date the Child Entered Care",
		"Date of Decision that Child Should be Placed for Adoption",
		"Date of Placement Order", "Date of Matching Child and Prospective Adopters",
		"Date Placed for Adoption", "Date of Adoption Order",
		"Date of Decision that Child Should No Longer be Placed for Adoption",
		"Reason Why Child No Longer Placed for Adoption",
		"Date the child was placed for fostering in FFA or concurrent planning placement",
	})
	headerContacts = []string{
		"Contact ID", "Child ID", "Date of Contact", "Contact Source", "Final BRAG",
		"Contact Outcome",
	}
)

// Annex A file names.
const (
	fileContacts = "contacts.csv"
	fileL1       = "AnnexA_List1_Contacts.csv"
	fileL4       = "AnnexA_List4_Assessments.csv"
)

// person is the five columns every list starts with; age is taken on the
// row's own date (the contact, the referral, the start of the plan).
func person(c *child, on day) []string {
	return []string{c.id, genderLabels[c.sex], ethnicityLabels[c.eth], c.dob.dmy(),
		itoa(ageAt(c.dob, on))}
}

func personD(c *child, on day) []string { return append(person(c, on), c.disabled) }

func (o *output) inWindow(d day) bool { return d >= o.sim.w.flow && d <= o.sim.w.end }

// plantedContact is a made-up contact whose date does not exist.
type plantedContact struct {
	pos    int // written before the pos-th true contact
	date   string
	child  string
	source string
	brag   string
}

// contactFaults picks three impossible dates in the years written and puts
// each among the contacts of the month it claims.
func (o *output) contactFaults(ks []*contact) []plantedContact {
	s := o.sim
	r := o.faults
	type cand struct{ y, m, d int }
	var cands []cand
	fy, _, _ := s.w.flow.ymd()
	ly, _, _ := s.w.end.ymd()
	for y := fy; y <= ly; y++ {
		bad := []cand{{y, 2, 30}, {y, 2, 31}, {y, 4, 31}, {y, 6, 31}, {y, 9, 31}, {y, 11, 31}}
		if y%4 != 0 {
			bad = append(bad, cand{y, 2, 29})
		}
		for _, b := range bad {
			first := mkDay(b.y, time.Month(b.m), 1)
			if first >= s.w.flow && first.addMonths(1)-1 <= s.w.end {
				cands = append(cands, b)
			}
		}
	}
	var out []plantedContact
	for i := 0; i < 3 && len(cands) > 0; i++ {
		j := r.IntN(len(cands))
		b := cands[j]
		cands = append(cands[:j], cands[j+1:]...)
		next := mkDay(b.y, time.Month(b.m), 1).addMonths(1)
		pos := sort.Search(len(ks), func(k int) bool { return ks[k].date >= next })
		out = append(out, plantedContact{
			pos:    pos,
			date:   fmt.Sprintf("%02d/%02d/%04d", b.d, b.m, b.y),
			child:  fmt.Sprintf("SB%06d", s.nextChild+1+i),
			source: pick(r, sources),
			brag:   pick(r, []opt[string]{{50, "Blue"}, {50, "Green"}}),
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

// writeContacts writes the native contacts export, with its planted faults,
// and Annex A list 1, which holds the same true contacts.
func (o *output) writeContacts() error {
	s := o.sim
	var ks []*contact
	for _, k := range s.contacts {
		if o.inWindow(k.date) {
			ks = append(ks, k)
		}
	}
	sort.SliceStable(ks, func(i, j int) bool {
		if ks[i].date != ks[j].date {
			return ks[i].date < ks[j].date
		}
		return ks[i].c.num < ks[j].c.num
	})
	planted := o.contactFaults(ks)
	err := o.writeTable(fileContacts, "contacts", headerContacts, func(t *table) {
		id, fi := 0, 0
		plant := func(i int) {
			for fi < len(planted) && planted[fi].pos == i {
				f := planted[fi]
				id++
				o.faultList = append(o.faultList, Fault{
					File: fileContacts, Line: t.line(), Column: "Date of Contact",
					Value: f.date, Reason: "date does not exist",
				})
				t.write(fmt.Sprintf("C%07d", id), f.child, f.date, f.source, f.brag, outNFA)
				fi++
			}
		}
		for i, k := range ks {
			plant(i)
			id++
			t.write(fmt.Sprintf("C%07d", id), k.c.id, k.date.dmy(), k.source, k.brag, k.outcome)
		}
		plant(len(ks))
	})
	if err != nil {
		return err
	}
	return o.writeTable(fileL1, "annexa_l1", headerL1, func(t *table) {
		for _, k := range ks {
			t.write(append(person(k.c, k.date), k.date.dmy(), sourceLabels[k.source])...)
		}
	})
}

// writeAnnexA writes lists 2 to 10, one row per event, plan or period.
func (o *output) writeAnnexA() error {
	steps := []func() error{
		o.writeL2, o.writeL3, o.writeL4, o.writeL5, o.writeL6, o.writeL7, o.writeL8,
		o.writeL9, o.writeL10,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func (o *output) writeL2() error {
	var ehs []*earlyHelp
	for _, e := range o.sim.ehs {
		if o.inWindow(e.start) {
			ehs = append(ehs, e)
		}
	}
	sort.SliceStable(ehs, func(i, j int) bool {
		if ehs[i].start != ehs[j].start {
			return ehs[i].start < ehs[j].start
		}
		return ehs[i].c.num < ehs[j].c.num
	})
	return o.writeTable("AnnexA_List2_EarlyHelp.csv", "annexa_l2", headerL2, func(t *table) {
		for _, e := range ehs {
			t.write(append(person(e.c, e.start), e.start.dmy(), o.dateOrBlank(e.end), e.org)...)
		}
	})
}

// sortedRefs lists the referrals keep accepts, in date order.
func (o *output) sortedRefs(date func(*referral) day, keep func(*referral) bool) []*referral {
	var out []*referral
	for _, r := range o.sim.refs {
		if keep(r) {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if di, dj := date(out[i]), date(out[j]); di != dj {
			return di < dj
		}
		return out[i].c.num < out[j].c.num
	})
	return out
}

// countBefore counts the dates in [d minus 12 months, d): the Annex A
// "in the last 12 months" counts, which leave out the row's own event.
func countBefore(dates []day, d day) int {
	from := d.addYears(-1)
	n := 0
	for _, x := range dates {
		if x >= from && x < d {
			n++
		}
	}
	return n
}

func (o *output) writeL3() error {
	refs := o.sortedRefs(func(r *referral) day { return r.date },
		func(r *referral) bool { return o.inWindow(r.date) })
	return o.writeTable("AnnexA_List3_Referrals.csv", "annexa_l3", headerL3, func(t *table) {
		for _, r := range refs {
			var dates []day
			for _, x := range r.c.refs {
				dates = append(dates, x.date)
			}
			t.write(append(person(r.c, r.date), r.date.dmy(), sourceLabels[r.source], yn(r.nfa),
				itoa(countBefore(dates, r.date)), r.team, r.worker)...)
		}
	})
}

func (o *output) writeL4() error {
	s := o.sim
	refs := o.sortedRefs(func(r *referral) day { return r.asmt.start },
		func(r *referral) bool { return r.asmt != nil && o.inWindow(r.asmt.start) })

	// Two made-up assessments authorised before they started.
	type planted struct {
		start, auth day
		c           *child
	}
	var bad []planted
	for i := 0; i < 2; i++ {
		span := int(s.w.end - s.w.flow - 30)
		start := s.cal.nextWD(s.w.flow + day(o.faults.IntN(span)))
		c := &child{num: s.nextChild + 4 + i, sex: 'F', eth: pick(o.faults, ethnicities),
			disabled: ynNo}
		if o.faults.chance(0.5) {
			c.sex = 'M'
		}
		c.id = fmt.Sprintf("SB%06d", c.num)
		c.dob = start - day(o.faults.between(400, 6000))
		bad = append(bad, planted{start: start, auth: start - day(o.faults.between(3, 20)), c: c})
	}
	sort.SliceStable(bad, func(i, j int) bool { return bad[i].start < bad[j].start })

	return o.writeTable(fileL4, "annexa_l4", headerL4, func(t *table) {
		bi := 0
		plant := func(before day) {
			for bi < len(bad) && bad[bi].start <= before {
				b := bad[bi]
				o.faultList = append(o.faultList, Fault{
					File: fileL4, Line: t.line(),
					Column: "Continuous Assessment Date of Authorisation",
					Value:  b.auth.dmy(), Reason: "authorised before the assessment started",
				})
				tm := s.staff.assessNorth
				t.write(append(personD(b.c, b.start), b.start.dmy(), ynYes, b.auth.dmy(), ynNo,
					tm.name, tm.workers[b.c.num%len(tm.workers)])...)
				bi++
			}
		}
		for _, r := range refs {
			a := r.asmt
			plant(a.start)
			support := ""
			if a.auth <= s.w.end {
				support = yn(a.support)
			}
			t.write(append(personD(r.c, a.start), a.start.dmy(), yn(a.seen),
				o.dateOrBlank(a.auth), support, r.team, r.worker)...)
		}
		plant(noDay)
	})
}

func (o *output) writeL5() error {
	s := o.sim
	refs := o.sortedRefs(func(r *referral) day { return r.s47.strat },
		func(r *referral) bool { return r.s47 != nil && o.inWindow(r.s47.strat) })
	return o.writeTable("AnnexA_List5_S47.csv", "annexa_l5", headerL5, func(t *table) {
		for _, r := range refs {
			q := r.s47
			var strats, icpcs []day
			for _, x := range r.c.refs {
				if x.s47 != nil {
					strats = append(strats, x.s47.strat)
					if x.s47.icpc != noDay {
						icpcs = append(icpcs, x.s47.icpc)
					}
				}
			}
			unnecessary, icpc, result := "", "", ""
			if q.concluded <= s.w.end {
				unnecessary = yn(q.icpc == noDay)
			}
			if q.icpc <= s.w.end {
				icpc, result = q.icpc.dmy(), yn(q.plan)
			}
			t.write(append(personD(r.c, q.strat), q.strat.dmy(), unnecessary, icpc, result,
				itoa(countBefore(strats, q.strat)), itoa(countBefore(icpcs, q.strat)),
				q.team, q.worker)...)
		}
	})
}

// caseStatus is the Annex A list 6 status at WindowEnd, the first that
// applies, with the team and worker holding the case then.
func (o *output) caseStatus(r *referral) (string, string, string) {
	s := o.sim
	end := s.w.end
	snap := minDay(r.close, end)
	c := r.c
	sg := s.safeguardTeam(c)
	if r.need == "N2" {
		sg = s.staff.disabled
	}
	cinWorker := sg.workers[c.num%len(sg.workers)]
	status, tm, w := statusAssess, r.team, r.worker
	switch p := r.period; {
	case p != nil && !p.short && p.start <= snap:
		status, tm, w = statusCLA, s.staff.inCare.name, p.workerOn(snap)
		if p.end <= snap {
			status, tm, w = statusCIN, sg.name, cinWorker
		}
	case r.plan != nil && r.plan.start <= snap && r.plan.end > snap:
		status, tm, w = statusCP, r.plan.team, r.plan.worker
	case r.asmt != nil && r.asmt.auth <= snap && r.cinPlan:
		status, tm, w = statusCIN, sg.name, cinWorker
	}
	if r.close <= end {
		status = statusClosed
	}
	return status, tm, w
}

// workerOn is the social worker allocated to the looked-after child on d.
func (p *period) workerOn(d day) string {
	w := ""
	for _, sw := range p.sws {
		if sw.start <= d {
			w = sw.worker
		}
	}
	return w
}

func (o *output) writeL6() error {
	s := o.sim
	d := o.details()
	refs := o.sortedRefs(func(r *referral) day { return r.date },
		func(r *referral) bool { return r.date <= s.w.end && r.close >= s.w.flow })
	return o.writeTable("AnnexA_List6_CIN.csv", "annexa_l6", headerL6, func(t *table) {
		for _, r := range refs {
			snap := minDay(r.close, s.w.end)
			seen := ""
			if !r.nfa {
				seen = maxDay(r.date, snap-day(d.between(0, 30))).dmy()
			}
			closure, reason := "", ""
			if r.close <= s.w.end {
				closure, reason = r.close.dmy(), closureLabels[r.reason]
			}
			status, tm, w := o.caseStatus(r)
			t.write(append(personD(r.c, r.date), r.date.dmy(), needLabels[r.need], seen,
				closure, reason, status, tm, w)...)
		}
	})
}

func (o *output) writeL7() error {
	s := o.sim
	d := o.details()
	plans := append([]*cpPlan(nil), s.plans...)
	plans = filterPlans(plans, func(p *cpPlan) bool {
		return p.start <= s.w.end && p.end >= s.w.flow
	})
	return o.writeTable("AnnexA_List7_CP.csv", "annexa_l7", headerL7, func(t *table) {
		for _, p := range plans {
			snap := minDay(p.end, s.w.end)
			visit := maxDay(p.start, snap-day(d.between(0, 20))).dmy()
			review := ""
			for _, rv := range p.reviews {
				if rv <= snap {
					review = rv.dmy()
				}
			}
			t.write(append(personD(p.c, p.start), p.start.dmy(), abuseLabels[p.initCat],
				abuseLabels[p.latestCat], visit, p.seenAlone, review, o.dateOrBlank(p.end),
				yn(p.epo), itoa(p.prev), p.team, p.worker)...)
		}
	})
}

func filterPlans(ps []*cpPlan, keep func(*cpPlan) bool) []*cpPlan {
	var out []*cpPlan
	for _, p := range ps {
		if keep(p) {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].start != out[j].start {
			return out[i].start < out[j].start
		}
		return out[i].c.num < out[j].c.num
	})
	return out
}

// carePeriods lists the periods keep accepts, by start date.
func (o *output) carePeriods(keep func(*period) bool) []*period {
	var out []*period
	for _, p := range o.sim.periods {
		if keep(p) {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].start != out[j].start {
			return out[i].start < out[j].start
		}
		return out[i].c.num < out[j].c.num
	})
	return out
}

// spell is a stay in one placement, which may span several episodes when
// only the legal status changes.
type spell struct {
	start, end day
	ep         *episode
}

func placementSpells(p *period) []spell {
	var out []spell
	for _, e := range p.eps {
		if e.rne == "L" && len(out) > 0 {
			out[len(out)-1].end = e.dec
			out[len(out)-1].ep = e
			continue
		}
		out = append(out, spell{start: e.decom, end: e.dec, ep: e})
	}
	return out
}

// episodeOn is the episode in force on d (the last that started by then).
func (p *period) episodeOn(d day) *episode {
	cur := p.eps[0]
	for _, e := range p.eps {
		if e.decom <= d {
			cur = e
		}
	}
	return cur
}

func (p *period) permanence(snap day, place string) string {
	age := ageAt(p.c.dob, snap)
	switch p.route {
	case rHome:
		return permanenceLabels["home"]
	case rAdopt:
		return permanenceLabels["adopt"]
	case rSGO:
		return permanenceLabels["sgo"]
	case rIndep:
		return permanenceLabels["supported"]
	case rOther, rRemand, rAgeAssessed:
		return permanenceLabels["other"]
	}
	switch {
	case place[0] == 'U':
		return permanenceLabels["fostering"]
	case age >= 16:
		return permanenceLabels["supported"]
	case place == "K2":
		return permanenceLabels["residential"]
	}
	return permanenceLabels["other"]
}

func location(post string) (string, string) {
	switch post[:2] {
	case "SB":
		return "a) In", laOwn
	case "QN":
		return "b) Out", laNeighbour
	}
	return "b) Out", laFar
}

func (o *output) writeL8() error {
	s := o.sim
	d := o.details()
	ps := o.carePeriods(func(p *period) bool {
		return !p.short && p.start <= s.w.end && p.end >= s.w.flow
	})
	return o.writeTable("AnnexA_List8_CLA.csv", "annexa_l8", headerL8, func(t *table) {
		for _, p := range ps {
			snap := minDay(p.end, s.w.end)
			ep := p.episodeOn(snap)

			// Legal status and when it began.
			lsStart, prevLS := p.start, ""
			for _, e := range p.eps {
				if e.decom > snap {
					break
				}
				if e.ls != prevLS {
					lsStart, prevLS = e.decom, e.ls
				}
			}

			// Placements in the 12 months to the snapshot, and the latest.
			spells := placementSpells(p)
			n12, latest := 0, spells[0].start
			for _, sp := range spells {
				if sp.start <= snap && sp.end >= snap.addYears(-1) {
					n12++
				}
				if sp.start <= snap {
					latest = sp.start
				}
			}
			if n12 == 0 {
				n12 = 1
			}

			// Missing and absent episodes in this period, in the last 12 months.
			miss, away := 0, 0
			offered, accepted := "", ""
			for _, m := range p.missing {
				if m.start > snap {
					break
				}
				if m.start >= snap.addYears(-1) {
					if m.kind == "M" {
						miss++
					} else {
						away++
					}
				}
				offered, accepted = yn(m.offered), ""
				if m.offered {
					accepted = yn(m.accepted)
				}
			}

			second := false
			for _, q := range p.c.periods {
				if q != p && !q.short && q.end < p.start && q.end >= p.start.addYears(-1) {
					second = true
				}
			}
			review, iro := "", ""
			for _, rv := range p.reviews {
				if rv.date <= snap {
					review, iro = rv.date.dmy(), rv.date.dmy()
				}
			}
			health, dental := "", ""
			if snap-p.start >= 20 {
				health = maxDay(p.start+day(d.between(5, 20)), snap-day(d.between(0, 330))).dmy()
			}
			if snap-p.start >= 60 {
				dental = maxDay(p.start+30, snap-day(d.between(0, 360))).dmy()
			}
			ceased, reason := "", ""
			if p.end <= s.w.end {
				ceased, reason = p.end.dmy(), ceasedLabels[p.rec]
			}
			loc, la := location(ep.plPost)
			t.write(append(personD(p.c, p.start),
				yn(p.uasc), p.start.dmy(), needLabels[p.need], yn(second),
				lsStart.dmy(), legalLabels[ep.ls], review,
				maxDay(p.start, snap-day(d.between(0, 35))).dmy(),
				p.permanence(snap, ep.place), iro, health, dental, itoa(n12),
				ceased, reason, latest.dmy(), placementLabels[ep.place],
				providerLabels[ep.prov], ep.plPost, ep.urn, loc, la,
				itoa(miss), itoa(away), offered, accepted,
				s.staff.inCare.name, p.workerOn(snap))...)
		}
	})
}

func (o *output) writeL9() error {
	s := o.sim
	d := o.details()
	type row struct {
		c    *child
		snap day
	}
	var rows []row
	for _, c := range s.children {
		lv := c.leaver
		if lv == nil {
			continue
		}
		snap := minDay(s.w.end, c.dob.addYears(22)-1)
		if snap < s.w.flow || lv.ceased > snap {
			continue
		}
		rows = append(rows, row{c, snap})
	}
	return o.writeTable("AnnexA_List9_CareLeavers.csv", "annexa_l9", headerL9, func(t *table) {
		for _, rw := range rows {
			c, lv := rw.c, rw.c.leaver
			age := ageAt(c.dob, rw.snap)
			st := lv.status[age]
			elig := lv.eligibility
			if elig == "former" && age < 18 {
				elig = "relevant"
			}
			pathway := maxDay(lv.ceased, rw.snap-day(d.between(0, 180))).dmy()
			last := maxDay(lv.ceased, rw.snap-day(d.between(90, 400)))
			accom, suit, activ := "", "", ""
			if st.inTouch == "YES" {
				last = maxDay(lv.ceased, rw.snap-day(d.between(0, 56)))
				accom = accommodationLabels[st.accom[0]]
				suit = "a) Suitable"
				if st.accom[1] == '2' {
					suit = "b) Unsuitable"
				}
				activ = activityLabels[st.activ]
			}
			t.write(append(personD(c, rw.snap), yn(c.uasc), lv.team, lv.worker, lv.pa,
				eligibilityLabels[elig], pathway, inTouchLabels[st.inTouch], last.dmy(),
				accom, suit, activ)...)
		}
	})
}

func (o *output) writeL10() error {
	s := o.sim
	ps := o.carePeriods(func(p *period) bool {
		a := p.adopt
		return a != nil && a.adm <= s.w.end && p.end >= s.w.flow &&
			(a.reversed == noDay || a.reversed >= s.w.flow)
	})
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].adopt.adm < ps[j].adopt.adm })
	return o.writeTable("AnnexA_List10_Adoption.csv", "annexa_l10", headerL10, func(t *table) {
		for _, p := range ps {
			a := p.adopt
			order := noDay
			if p.rec == "E11" || p.rec == "E12" {
				order = p.end
			}
			reason := ""
			if a.reversed <= s.w.end {
				reason = adoptionReversalLabels[a.reason]
			}
			t.write(append(personD(p.c, a.adm), fmt.Sprintf("F%06d", p.c.num),
				p.start.dmy(), a.adm.dmy(), o.dateOrBlank(a.po), o.dateOrBlank(a.match),
				o.dateOrBlank(a.placed), o.dateOrBlank(order), o.dateOrBlank(a.reversed),
				reason, o.dateOrBlank(a.ffa))...)
		}
	})
}

// details is the random stream for snapshot details that no other file
// repeats (dates of the latest visits and checks). It is drawn in file order.
func (o *output) details() rng {
	if o.detail.Rand == nil {
		o.detail = newRNG(o.sim.cfg.Seed, streamReturns)
	}
	return o.detail
}
