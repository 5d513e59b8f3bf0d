package synth

import (
	"fmt"
	"sort"
)

// How a period of care begins.
const (
	entEmergency = iota // police protection or an emergency protection order
	entS20              // accommodated with parents' agreement (section 20)
	entCP               // from a CP plan, in care proceedings
	entUASC
	entRemand
)

// Where a period of care is heading.
const (
	rHome = iota
	rAdopt
	rSGO
	rTo18
	rIndep
	rOther
	rRemand
	rUASC
	rAgeAssessed
	rShort
)

// route draws where a period of care will end, by age at entry.
func (s *sim) route(age, entry int) int {
	switch entry {
	case entRemand:
		return rRemand
	case entUASC:
		if s.r.chance(0.05) {
			return rAgeAssessed
		}
		return rUASC
	}
	var opts []opt[int]
	switch {
	case age == 0:
		opts = []opt[int]{{40, rAdopt}, {19, rSGO}, {25, rHome}, {8, rTo18}, {8, rOther}}
	case age < 5:
		opts = []opt[int]{{15, rAdopt}, {20, rSGO}, {40, rHome}, {14, rTo18}, {11, rOther}}
	case age < 10:
		opts = []opt[int]{{14, rSGO}, {46, rHome}, {28, rTo18}, {12, rOther}}
	case age < 16:
		opts = []opt[int]{{4, rSGO}, {48, rHome}, {37, rTo18}, {11, rOther}}
	default:
		opts = []opt[int]{{40, rHome}, {44, rTo18}, {9, rIndep}, {7, rOther}}
	}
	return pick(s.r, opts)
}

type lsChange struct {
	d  day
	ls string
}

type plChange struct {
	d      day
	place  string
	prov   string
	carer  int
	same   bool // same carer as before (RNE T or U)
	post   string
	urn    string
	reason string // why the previous placement ended
}

// newPeriod simulates one period of care from start: its end, legal
// statuses, placements, reviews, missing episodes and social workers.
func (s *sim) newPeriod(c *child, start day, entry int, ref *referral) *period {
	r := s.r
	age := ageAt(c.dob, start)
	eighteen := c.eighteenth()
	p := &period{c: c, ref: ref, start: start, uasc: entry == entUASC}
	p.need = "N1"
	if ref != nil && ref.need >= "N1" && ref.need <= "N8" {
		p.need = ref.need
	}
	if entry == entUASC {
		p.need = "N8"
	}
	p.route = s.route(age, entry)

	// When and how care ends.
	switch p.route {
	case rHome:
		p.end = start + day(clampF(r.lognorm(120, 1.0), 5, 2000))
	case rAdopt:
		p.adopt = s.adoptionPlan(start)
		p.end = p.adopt.order
		if p.adopt.reversed != noDay {
			p.route = rTo18
			p.end = eighteen
			if r.chance(0.4) {
				p.route = rSGO
				p.end = p.adopt.reversed + day(r.between(120, 600))
			}
		}
	case rSGO:
		p.end = start + day(r.between(240, 1000))
	case rTo18, rUASC:
		p.end = eighteen
	case rIndep:
		p.end = maxDay(start+day(r.between(60, 500)), c.dob.addYears(16)+day(r.between(1, 200)))
	case rOther:
		p.end = start + day(r.between(30, 700))
	case rRemand:
		p.end = start + day(r.between(10, 150))
	case rAgeAssessed:
		p.end = start + day(r.between(20, 200))
	}
	if p.end >= eighteen {
		p.end = eighteen
		if p.route != rRemand && p.route != rUASC {
			p.route = rTo18
		}
	}
	if p.end <= start {
		p.end = start + 1
	}

	legal, consent := s.legalStatuses(p, entry, age)
	places := s.placements(p, entry, consent)
	p.rec = s.reasonCeased(p, places[len(places)-1].place)
	p.eps = buildEpisodes(p, legal, places)
	if p.adopt != nil && p.adopt.ffa != noDay && p.adopt.ffa > p.end {
		p.adopt.ffa = noDay
	}
	s.reviews(p)
	s.missing(p)
	s.socialWorkers(p)
	s.previousPermanence(p)
	if c.sex == 'F' && r.chance(0.03) {
		from := maxDay(start, c.dob.addYears(15))
		if from < p.end {
			c.motherOn = from + day(r.IntN(int(p.end-from)))
		}
	}
	c.periods = append(c.periods, p)
	s.periods = append(s.periods, p)
	if ref != nil {
		ref.period = p
	}
	return p
}

// adoptionPlan lays out an adoption: the agency decision, placement order,
// match, placement and order. A few decisions are reversed before a match.
func (s *sim) adoptionPlan(start day) *adoption {
	r := s.r
	a := &adoption{ffa: noDay, reversed: noDay}
	a.adm = start + day(r.between(90, 300))
	a.po = a.adm + day(r.between(30, 150))
	if r.chance(0.1) {
		a.reversed = a.adm + day(r.between(60, 400))
		a.reason = pick(r, []opt[string]{{25, "RD1"}, {20, "RD2"}, {40, "RD3"}, {15, "RD4"}})
		if a.reason == "RD2" || a.po >= a.reversed {
			a.po = noDay
		}
		a.match, a.placed, a.order = noDay, noDay, noDay
		return a
	}
	a.match = a.po + day(r.between(30, 270))
	a.placed = a.match + day(r.between(7, 42))
	a.order = a.placed + day(r.between(120, 330))
	a.nb = 2
	switch u := r.Float64(); {
	case u < 0.15:
		a.nb, a.sex, a.ls = 1, "F1", "L0"
	case u < 0.17:
		a.nb, a.sex, a.ls = 1, "M1", "L0"
	case u < 0.81:
		a.sex, a.ls = "MF", pick(r, []opt[string]{{70, "L11"}, {30, "L3"}})
	default:
		a.sex = pick(r, []opt[string]{{55, "MM"}, {45, "FF"}})
		a.ls = pick(r, []opt[string]{{60, "L12"}, {40, "L4"}})
	}
	return a
}

// legalStatuses lays out the period's legal statuses in date order, and says
// whether an adoption goes ahead with the parents' consent (no care order).
func (s *sim) legalStatuses(p *period, entry, age int) ([]lsChange, bool) {
	r := s.r
	var out []lsChange
	add := func(d day, ls string) {
		if d > p.start && d >= p.end-1 {
			return
		}
		if n := len(out); n > 0 && d <= out[n-1].d {
			d = out[n-1].d + 1
			if d >= p.end-1 {
				return
			}
		}
		out = append(out, lsChange{d, ls})
	}
	cur := ""
	switch entry {
	case entCP:
		cur = "C1"
		add(p.start, cur)
	case entEmergency:
		first, days := "L1", r.between(1, 3)
		if r.chance(0.5) {
			first, days = "L2", r.between(3, 8)
		}
		add(p.start, first)
		cur = pick(r, []opt[string]{{70, "C1"}, {30, "V2"}})
		add(p.start+day(days), cur)
	case entRemand:
		cur = "J1"
		add(p.start, cur)
	case entUASC:
		cur = "V2"
		add(p.start, cur)
	default:
		cur = "V2"
		add(p.start, cur)
	}
	if cur == "J1" {
		return out, false
	}

	// Care proceedings for those staying long, unless adoption is by consent.
	a := p.adopt
	consent := false
	if a != nil && cur == "V2" && a.reversed == noDay && r.chance(0.3) {
		consent = true
		a.po = noDay
	}
	c1 := out[len(out)-1].d
	long := p.route == rTo18 || p.route == rSGO
	if cur == "V2" && age < 14 && p.route != rUASC && !consent &&
		((long && r.chance(0.75)) || p.route == rAdopt || a != nil) {
		c1 = p.start + day(r.between(20, 200))
		if p.adopt != nil && c1 >= p.adopt.adm {
			c1 = p.start + day(r.between(10, int(p.adopt.adm-p.start)))
		}
		add(c1, "C1")
		cur = "C1"
	}
	if cur != "C1" {
		return out, consent
	}
	if a != nil && a.po != noDay && a.po > c1 {
		// The placement order is made with the final care order; if the plan
		// for adoption is given up, the order is revoked and the care order
		// stands.
		add(a.po, "E1")
		if a.reversed != noDay {
			add(a.reversed+day(r.between(30, 120)), "C2")
		}
		return out, consent
	}
	if p.route == rHome && r.chance(0.6) {
		return out, consent // proceedings end with the child going home
	}
	if p.route == rSGO && r.chance(0.6) {
		return out, consent // proceedings end with a special guardianship order
	}
	add(c1+day(r.between(150, 320)), "C2")
	return out, consent
}

// placementKind draws a placement type and provider for a child of this age.
func (s *sim) placementKind(age, entry int) (string, string) {
	r := s.r
	var opts []opt[string]
	switch {
	case entry == entRemand:
		opts = []opt[string]{{40, "K1"}, {30, "R5"}, {30, "U6"}}
	case entry == entUASC:
		opts = []opt[string]{{50, "U6"}, {30, "K2"}, {20, "Z1"}}
	case age < 5:
		opts = []opt[string]{{66, "U6"}, {28, "U3"}, {4, "R3"}, {2, "P1"}}
	case age < 12:
		opts = []opt[string]{{63, "U6"}, {24, "U3"}, {8, "K2"}, {3, "P1"}, {2, "S1"}}
	case age < 16:
		opts = []opt[string]{{53, "U6"}, {15, "U3"}, {27, "K2"}, {1, "K1"}, {2, "Z1"}, {2, "P1"}}
	default:
		opts = []opt[string]{{42, "U6"}, {10, "U3"}, {28, "K2"}, {15, "Z1"}, {5, "P1"}}
	}
	place := pick(r, opts)
	prov := ""
	switch place {
	case "U6", "U4", "U5":
		prov = pick(r, []opt[string]{{55, "PR1"}, {42, "PR4"}, {3, "PR5"}})
	case "U3", "U1", "U2":
		prov = "PR1"
	case "K2":
		prov = pick(r, []opt[string]{{15, "PR1"}, {78, "PR4"}, {7, "PR5"}})
	case "K1", "R5":
		prov = pick(r, []opt[string]{{70, "PR2"}, {30, "PR3"}})
	case "P1":
		prov = "PR0"
	case "R3", "S1", "Z1":
		prov = pick(r, []opt[string]{{70, "PR4"}, {30, "PR5"}})
	default:
		prov = "PR1"
	}
	return place, prov
}

// newPlacement makes a placement with a new carer, its postcode and URN.
func (s *sim) newPlacement(c *child, d day, place, prov string) plChange {
	r := s.r
	s.nextCarer++
	pc := plChange{d: d, place: place, prov: prov, carer: s.nextCarer}
	in := 0.5
	switch place {
	case "U1", "U2", "U3", "U4", "U5", "U6":
		in = 0.72
		if prov != "PR1" {
			in = 0.45
		}
	case "K2", "S1":
		in = 0.3
	case "K1", "R5":
		in = 0.08
	}
	switch {
	case place == "P1":
		pc.post = c.post
	case r.chance(in):
		pc.post = postcode(r, "SB", 1+r.IntN(9))
	case r.chance(0.7):
		pc.post = postcode(r, "QN", 1+r.IntN(9))
	default:
		pc.post = postcode(r, "QX", 1+r.IntN(9))
	}
	switch {
	case place[0] == 'U' && prov == "PR1":
		pc.urn = "SC900011" // the council's own fostering service
	case place[0] == 'U':
		pc.urn = fmt.Sprintf("SC9001%02d", r.IntN(24))
	case place == "K1" || place == "K2" || place == "R5" || place == "S1" || place == "R3":
		pc.urn = fmt.Sprintf("SC9%05d", 20000+pc.carer%5000)
	default:
		pc.urn = "XXXXXXX"
	}
	return pc
}

var moveReasons = []opt[string]{
	{22, "CARPL"}, {8, "CLOSE"}, {4, "ALLEG"}, {4, "STAND"}, {6, "APPRR"},
	{14, "CREQB"}, {8, "CREQO"}, {12, "CHILD"}, {8, "LAREQ"}, {6, "PLACE"}, {8, "OTHER"},
}

// placements lays out where the child lives during the period.
func (s *sim) placements(p *period, entry int, consent bool) []plChange {
	r := s.r
	c := p.c
	age := ageAt(c.dob, p.start)
	place, prov := s.placementKind(age, entry)
	if p.adopt != nil && p.adopt.reversed == noDay && !consent && r.chance(0.3) {
		place, prov = "U5", "PR1" // fostering for adoption from the start
		p.adopt.ffa = p.start
	}
	out := []plChange{s.newPlacement(c, p.start, place, prov)}

	lock, final := s.plannedMove(p, out[0], age, consent)

	// Unplanned moves: some children move often, most rarely.
	ffa := p.adopt != nil && p.adopt.ffa != noDay
	if entry != entRemand && p.route != rAgeAssessed && !ffa {
		m := r.lognorm(1, 0.9)
		rate := 0.26
		if age >= 10 {
			rate = 0.46
		}
		t := p.start
		if r.chance(0.22 * m) {
			t += day(r.between(3, 60))
			out = s.move(c, out, t, lock, entry)
		}
		for {
			t += day(r.ExpFloat64() * 365 / (rate * m))
			if t >= lock-14 || t > s.w.end+400 {
				break
			}
			out = s.move(c, out, t, lock, entry)
		}
	}

	// Long-term foster carers confirmed: same carer, long-term placement.
	if p.route == rTo18 || (p.route == rSGO && final == nil) {
		last := out[len(out)-1]
		at := maxDay(last.d, p.start) + day(r.between(240, 700))
		if (last.place == "U6" || last.place == "U3") && at < lock-30 && r.chance(0.7) {
			nc := last
			nc.d, nc.same, nc.reason = at, true, "CARPL"
			nc.place = "U4"
			if last.place == "U3" {
				nc.place = "U1"
			}
			out = append(out, nc)
		}
	}

	if final == nil {
		return out
	}
	f, prev := *final, out[len(out)-1]
	switch f.place {
	case "A3", "A5":
		f.carer, f.same, f.post = prev.carer, true, prev.post
	case "A4", "A6":
		s.nextCarer++
		f.carer = s.nextCarer
		area := pick(r, []opt[string]{{40, "SB"}, {40, "QN"}, {20, "QX"}})
		f.post = postcode(r, area, 1+r.IntN(9))
	}
	return append(out, f)
}

// plannedMove is the move that ends a period by plan (to adopters, to the
// special guardians, home to parents, or to supported living at 16), if any,
// and the date from which no unplanned move may happen.
func (s *sim) plannedMove(p *period, first plChange, age int, consent bool) (day, *plChange) {
	r := s.r
	c := p.c
	var f plChange
	switch {
	case p.adopt != nil && p.adopt.placed != noDay:
		if first.place == "U5" || r.chance(0.12) {
			p.adopt.fosterCarer = true
		}
		code := "A6" // placed with a placement order, not with the foster carer
		switch {
		case p.adopt.fosterCarer && consent:
			code = "A3"
		case p.adopt.fosterCarer:
			code = "A5"
		case consent:
			code = "A4"
		}
		f = plChange{d: p.adopt.placed, place: code, prov: "PR1", urn: "XXXXXXX"}
	case p.route == rSGO && r.chance(0.45):
		f = s.newPlacement(c, p.end-day(r.between(60, 300)), "U3", "PR1")
	case p.route == rHome && p.end-p.start > 200 && r.chance(0.35):
		f = s.newPlacement(c, p.end-day(r.between(60, 180)), "P1", "PR0")
	case p.route == rTo18 && age < 16 && r.chance(0.25):
		at := c.dob.addYears(16) + day(r.between(30, 500))
		if at >= p.end-60 {
			return p.end, nil
		}
		f = s.newPlacement(c, at, "Z1", pick(r, []opt[string]{{70, "PR4"}, {30, "PR5"}}))
	default:
		return p.end, nil
	}
	if f.d <= p.start {
		return p.end, nil
	}
	f.reason = "CARPL"
	return f.d, &f
}

// move adds an unplanned move on t, if it leaves two weeks either side.
func (s *sim) move(c *child, out []plChange, t, lock day, entry int) []plChange {
	last := out[len(out)-1]
	if t < last.d+14 || t >= lock-14 {
		return out
	}
	place, prov := s.placementKind(ageAt(c.dob, t), entry)
	pc := s.newPlacement(c, t, place, prov)
	pc.reason = pick(s.r, moveReasons)
	return append(out, pc)
}

// reasonCeased draws the SSDA903 reason care ended.
func (s *sim) reasonCeased(p *period, lastPlace string) string {
	r := s.r
	fostered := lastPlace[0] == 'U'
	switch p.route {
	case rHome:
		return pick(r, []opt[string]{{72, "E4A"}, {28, "E4B"}})
	case rAdopt:
		return pick(r, []opt[string]{{55, "E11"}, {45, "E12"}})
	case rSGO:
		switch {
		case r.chance(0.1):
			return pick(r, []opt[string]{{60, "E47"}, {40, "E48"}})
		case lastPlace == "U3" || lastPlace == "U1":
			return "E45"
		}
		return "E46"
	case rIndep:
		return pick(r, []opt[string]{{80, "E5"}, {20, "E6"}})
	case rOther:
		if ageAt(p.c.dob, p.end) >= 12 && r.chance(0.06) {
			return "E9"
		}
		return pick(r, []opt[string]{
			{38, "E13"}, {26, "E41"}, {20, "E3"}, {5, "E16"}, {1, "E2"}, {10, "E8"},
		})
	case rRemand:
		return pick(r, []opt[string]{{75, "E14"}, {25, "E9"}})
	case rAgeAssessed:
		return "E15"
	}
	if fostered {
		return pick(r, []opt[string]{{45, "E17"}, {25, "E5"}, {15, "E8"}, {10, "E13"}, {5, "E6"}})
	}
	if p.c.disabled == ynYes && r.chance(0.3) {
		return "E7"
	}
	return pick(r, []opt[string]{{60, "E5"}, {5, "E6"}, {25, "E8"}, {10, "E13"}})
}

// buildEpisodes joins legal statuses and placements into SSDA903 episodes: a
// new episode on every change, the old one ending that day with X1.
func buildEpisodes(p *period, legal []lsChange, places []plChange) []*episode {
	type change struct {
		d   day
		ls  *lsChange
		pl  *plChange
		seq int
	}
	var all []change
	for i := range legal {
		all = append(all, change{d: legal[i].d, ls: &legal[i]})
	}
	for i := range places {
		all = append(all, change{d: places[i].d, pl: &places[i]})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].d < all[j].d })

	var eps []*episode
	var cur episode
	for i := 0; i < len(all); {
		d := all[i].d
		var ls *lsChange
		var pl *plChange
		for ; i < len(all) && all[i].d == d; i++ {
			if all[i].ls != nil {
				ls = all[i].ls
			}
			if all[i].pl != nil {
				pl = all[i].pl
			}
		}
		if d >= p.end {
			break
		}
		next := cur
		next.decom, next.rpc, next.rec = d, "", ""
		if ls != nil {
			next.ls = ls.ls
		}
		if pl != nil {
			next.place, next.prov, next.carer = pl.place, pl.prov, pl.carer
			next.plPost, next.urn = pl.post, pl.urn
		}
		switch {
		case len(eps) == 0:
			next.rne = "S"
		case ls != nil && pl != nil && pl.same:
			next.rne = "U"
		case ls != nil && pl != nil:
			next.rne = "B"
		case ls != nil:
			next.rne = "L"
		case pl.same:
			next.rne = "T"
		default:
			next.rne = "P"
		}
		if n := len(eps); n > 0 {
			eps[n-1].dec, eps[n-1].rec = d, "X1"
			if pl != nil {
				eps[n-1].rpc = pl.reason
				if eps[n-1].rpc == "" {
					eps[n-1].rpc = "OTHER"
				}
			}
		}
		e := next
		eps = append(eps, &e)
		cur = next
	}
	last := eps[len(eps)-1]
	last.dec, last.rec = p.end, p.rec
	return eps
}

// reviews: the first within 20 working days, the second within 3 months of
// the first, then every 6 months; a few are late.
func (s *sim) reviews(p *period) {
	r := s.r
	d := s.cal.addWD(p.start, r.between(8, 20))
	gap := func(lo, hi int) day {
		g := day(r.between(lo, hi))
		if r.chance(0.05) {
			g += day(r.between(5, 40))
		}
		return g
	}
	if r.chance(0.04) {
		d += day(r.between(3, 25))
	}
	for n := 0; d < p.end && d <= s.w.end; n++ {
		code := "PN0"
		if ageAt(p.c.dob, d) >= 4 {
			code = pick(r, []opt[string]{
				{45, "PN1"}, {20, "PN2"}, {10, "PN3"}, {10, "PN4"}, {5, "PN5"}, {5, "PN6"}, {5, "PN7"},
			})
		}
		p.reviews = append(p.reviews, review{date: d, code: code})
		if n == 0 {
			d += gap(70, 92)
		} else {
			d += gap(150, 182)
		}
	}
}

// missing adds missing and absent episodes for children aged 11 and over; a
// few children account for most of them.
func (s *sim) missing(p *period) {
	r := s.r
	from := maxDay(p.start, p.c.dob.addYears(11))
	until := minDay(p.end, s.w.end+1)
	if from >= until {
		return
	}
	rate := 0.12
	if r.chance(0.18) {
		rate = r.lognorm(5, 0.7)
	}
	t := from
	for {
		t += day(1 + r.ExpFloat64()*365/rate)
		if t >= until {
			return
		}
		m := missingEp{kind: "M", start: t, offered: r.chance(0.9)}
		if r.chance(0.18) {
			m.kind = "A"
		}
		m.accepted = m.offered && r.chance(0.62)
		m.end = t + day(pick(r, []opt[int]{{45, 0}, {30, 1}, {15, 2}, {10, r.between(3, 10)}}))
		if m.end > p.end {
			m.end = p.end
		}
		p.missing = append(p.missing, m)
		t = m.end
	}
}

var swReasons = []opt[string]{
	{20, "MANAGE"}, {5, "FCONTA"}, {35, "LEFTRL"}, {10, "ORGRST"}, {10, "TSPROC"},
	{8, "ABSENC"}, {3, "CHCHAN"}, {3, "PCCHAN"}, {6, "OTHERS"},
}

// socialWorkers allocates social workers through the period; the last one
// stays until care ends, with no reason recorded.
func (s *sim) socialWorkers(p *period) {
	r := s.r
	t := p.start
	w := s.staff.inCare.pick(r)
	for t <= s.w.end {
		end := t + day(clampF(r.lognorm(330, 0.6), 30, 1500))
		if end >= p.end {
			p.sws = append(p.sws, swEp{worker: w, start: t, end: p.end})
			return
		}
		p.sws = append(p.sws, swEp{worker: w, start: t, end: end, reason: pick(r, swReasons)})
		t = end
		nw := w
		for nw == w {
			nw = s.staff.inCare.pick(r)
		}
		w = nw
	}
}

// previousPermanence records any permanence order that ended an earlier
// period of care in this council.
func (s *sim) previousPermanence(p *period) {
	p.prevPerm = "Z1"
	for _, q := range p.c.periods {
		switch q.rec {
		case "E11", "E12":
			p.prevPerm = "P1"
		case "E45", "E46", "E47", "E48":
			p.prevPerm = "P2"
		case "E41":
			p.prevPerm = "P3"
		default:
			continue
		}
		p.laPerm, p.datePerm = laOwn, q.end
	}
	if p.prevPerm == "Z1" && s.r.chance(0.03) {
		p.prevPerm = "P4"
	}
}

// closeAfterCare closes the CIN episode around a period of care and says how
// the episode ended.
func (s *sim) closeAfterCare(c *child, ref *referral, p *period) int {
	r := s.r
	eighteen := c.eighteenth()
	ref.close, ref.reason = p.end, "RC7"
	kind := kCareOther
	switch p.rec {
	case "E11", "E12":
		ref.reason, kind = "RC1", kCarePerm
	case "E45", "E46", "E47", "E48":
		ref.reason, kind = "RC4", kCarePerm
	case "E41":
		ref.reason, kind = "RC3", kCarePerm
	case "E3":
		ref.reason = "RC5"
	case "E2":
		ref.reason = "RC2"
	case "E15", "E16":
	default:
		if p.end >= eighteen {
			kind = kCare18
			if c.disabled == ynYes {
				ref.reason = "RC6"
			}
			break
		}
		ref.close = p.end + day(r.between(45, 200))
		if p.rec == "E4A" || p.rec == "E4B" {
			kind = kCareHome
		}
	}
	if ref.close > eighteen {
		ref.close = eighteen
	}
	return kind
}
