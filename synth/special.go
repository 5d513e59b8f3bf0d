package synth

// uascArrival brings an unaccompanied asylum-seeking child into care the day
// they are referred.
func (s *sim) uascArrival(d day) {
	r := s.r
	age := pick(r, []opt[int]{{7, 14}, {18, 15}, {45, 16}, {30, 17}})
	c := s.newChild(d, age)
	if c.eighteenth()-d < 90 {
		c.dob += 120 // at least a few months of childhood left
	}
	c.uasc = true
	c.sex = 'M'
	if r.chance(0.08) {
		c.sex = 'F'
	}
	c.eth = pick(r, uascEthnicities)
	c.disabled = ynNo
	ref := s.openReferral(c, d, pick(r, []opt[string]{{50, "6"}, {30, "7"}, {20, "5C"}}),
		s.assessTeam(c))
	s.assess(ref, true)
	ref.need, ref.cinPlan = "N8", true
	p := s.newPeriod(c, ref.date, entUASC, ref)
	s.closeAfterCare(c, ref, p)
	s.closed(c, ref)
}

// remand brings a young person remanded by the court into the council's care.
func (s *sim) remand(d day) {
	r := s.r
	c := s.newChild(d, r.between(13, 17))
	if c.eighteenth()-d < 60 {
		c.dob += 90
	}
	c.sex = 'M'
	if r.chance(0.1) {
		c.sex = 'F'
	}
	ref := s.openReferral(c, d, pick(r, []opt[string]{{60, "6"}, {40, "7"}}), s.assessTeam(c))
	s.assess(ref, true)
	ref.need, ref.cinPlan = "N6", true
	p := s.newPeriod(c, ref.date+day(r.between(0, 3)), entRemand, ref)
	s.closeAfterCare(c, ref, p)
	s.closed(c, ref)
}

// shortBreaks follows a disabled child whose family has regular short
// breaks: a long CIN episode held by the disabled children's team, and short
// break care recorded as V4 agreements or, for some, as V3 single stays.
func (s *sim) shortBreaks(d day) {
	r := s.r
	c := s.newChild(d, r.between(4, 14))
	c.disabled = ynYes
	ref := s.openReferral(c, d, pick(r, []opt[string]{{40, "3F"}, {30, "5A"}, {30, "2A"}}),
		s.staff.disabled)
	s.assess(ref, true)
	ref.need, ref.cinPlan = "N2", true
	eighteen := c.eighteenth()
	t := ref.asmt.auth + day(r.between(20, 90))
	stop := minDay(eighteen, t+day(r.between(2*365, 8*365)))
	stays := r.chance(0.3)
	place := pick(r, []opt[string]{{60, "K2"}, {40, "U6"}})
	home := s.newPlacement(c, t, place, "PR1")
	for t < stop && t <= s.w.end {
		var end day
		if stays {
			t += day(r.between(0, 25))
			end = t + day(r.between(2, 3))
		} else {
			end = t + day(r.between(180, 365))
		}
		if end > stop {
			end = stop
		}
		if end <= t {
			break
		}
		ls := "V4"
		if stays {
			ls = "V3"
		}
		p := &period{c: c, ref: ref, start: t, end: end, rec: "E8", route: rShort,
			short: true, need: "N2", prevPerm: "Z1"}
		p.eps = []*episode{{
			decom: t, dec: end, rne: "S", ls: ls, place: home.place, prov: home.prov,
			rec: "E8", plPost: home.post, urn: home.urn, carer: home.carer,
		}}
		c.periods = append(c.periods, p)
		s.periods = append(s.periods, p)
		t = end + 1 + day(r.between(0, 20))
		if stays {
			t = end + day(r.between(20, 35))
		}
	}
	ref.close = stop
	ref.reason = "RC7"
	if stop >= eighteen {
		ref.reason = "RC6"
	}
	s.closed(c, ref)
}

var eetActivities = []opt[string]{
	{8, "F1"}, {1, "P1"}, {20, "F2"}, {5, "P2"}, {6, "F4"}, {1, "P4"}, {40, "F5"}, {19, "P5"},
}

var neetActivities = []opt[string]{{20, "G4"}, {60, "G5"}, {20, "G6"}}

var suitableAccommodation = []opt[string]{
	{34, "U"}, {22, "D"}, {12, "B"}, {8, "Z"}, {6, "E"}, {5, "T"}, {3, "K"}, {2, "C"}, {2, "Y"},
}

var unsuitableAccommodation = []opt[string]{
	{20, "V"}, {10, "W"}, {20, "S"}, {20, "X"}, {15, "K"}, {15, "B"},
}

// careLeavers finds the young people who left care at 16 or over and did not
// go home, to adoption or to a permanence order, and draws what the leaving
// care service knows of them on each birthday from 16 to 21.
func (s *sim) careLeavers() {
	r := s.r
	for _, c := range s.children {
		var last *period
		for _, p := range c.periods {
			if !p.short {
				last = p
			}
		}
		if last == nil || last.end > s.w.end || last.end < c.dob.addYears(16) {
			continue
		}
		switch last.rec {
		case "E11", "E12", "E45", "E46", "E47", "E48", "E41", "E2", "E3", "E16", "E15",
			"E4A", "E4B":
			continue
		}
		fourteen := c.dob.addYears(14)
		days := 0
		for _, p := range c.periods {
			if from := maxDay(p.start, fourteen); !p.short && p.end > from {
				days += int(p.end - from)
			}
		}
		lv := &leaver{ceased: last.end, eligibility: "former"}
		if days < 91 {
			lv.eligibility = "qualifying"
		}
		lv.team = s.staff.leaving.name
		lv.worker = s.staff.leaving.pick(r)
		lv.pa = s.staff.leaving.pick(r)
		engaged := r.chance(0.93)
		eet := 0.13
		if r.chance(0.7) {
			eet = 0.8
		}
		for age := 16; age <= 21; age++ {
			st := leaverStatus{inTouch: "YES", activ: "0", accom: "0"}
			if (engaged && r.chance(0.02)) || (!engaged && r.chance(0.85)) {
				st.inTouch = pick(r, []opt[string]{{70, "NO"}, {30, "REFU"}})
				lv.status[age] = st
				continue
			}
			st.activ = pick(r, neetActivities)
			if r.chance(eet) {
				st.activ = pick(r, eetActivities)
			}
			letter := pick(r, suitableAccommodation)
			if letter == "Z" && age > 20 {
				letter = "U"
			}
			st.accom = letter + "1"
			if r.chance(0.045) {
				st.accom = pick(r, unsuitableAccommodation) + "2"
			}
			lv.status[age] = st
		}
		c.leaver = lv
	}
}
