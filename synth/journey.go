package synth

import (
	"math"
	"time"
)

// Rates per 10,000 children a year at which new journeys begin. They are
// tuned so that the written files fall within REFERENCE.md section 6; the
// tests in rates_test.go check the outcome, not these inputs.
const (
	rateChains      = 314.0 // children referred for the first time (chains of referrals)
	rateContactOnly = 650.0 // children contacted but not (yet) referred
	rateUASC        = 1.6   // unaccompanied asylum-seeking children arriving
	rateRemand      = 0.6   // young people remanded to the council's care
	rateShortBreaks = 0.35  // disabled children starting short-break care
)

// Chances along a journey.
const (
	pReferralNFA = 0.07 // referral closed with no further action, no assessment
	pSupport     = 0.46 // assessed as needing support, without a CP plan
	pStepDown    = 0.25 // closed after assessment and referred to early help
	pStepUp      = 0.06 // an early help episode escalates to a referral
	pPlanAtICPC  = 0.83 // initial conference makes a CP plan
)

// Episode outcomes, which set the chance of a later re-referral.
const (
	kNFA = iota
	kNoSupport
	kCIN
	kCP
	kCareHome
	kCarePerm
	kCareOther
	kCare18
)

var pNext = [...]float64{
	kNFA:       0.43,
	kNoSupport: 0.43,
	kCIN:       0.34,
	kCP:        0.55,
	kCareHome:  0.42,
	kCarePerm:  0.04,
	kCareOther: 0.15,
	kCare18:    0,
}

// sim holds the whole simulated council.
type sim struct {
	cfg   Config
	w     window
	cal   *calendar
	r     rng
	staff *staff
	scale float64 // children / 10,000

	children  []*child
	nextChild int
	nextCarer int
	refs      []*referral
	plans     []*cpPlan
	periods   []*period
	ehs       []*earlyHelp
	contacts  []*contact
}

func newSim(cfg Config, w window, cal *calendar) *sim {
	return &sim{
		cfg:   cfg,
		w:     w,
		cal:   cal,
		r:     newRNG(cfg.Seed, streamCare),
		staff: newStaff(),
		scale: float64(cfg.Children) / 10000,
	}
}

// run walks the days from the start of the warm-up to WindowEnd. Each new
// child's whole journey is simulated when the child first appears.
func (s *sim) run() {
	perDay := s.scale / 365.25
	for d := s.w.simStart; d <= s.w.end; d++ {
		f := s.dayFactor(d)
		for n := s.r.poisson(rateChains * perDay * f); n > 0; n-- {
			age := childAge(s.r)
			c := s.newChild(d, age)
			s.chain(c, d, s.source(age))
		}
		for n := s.r.poisson(rateContactOnly * perDay * f); n > 0; n-- {
			c := s.newChild(d, childAge(s.r))
			s.contactOnly(c, d)
		}
		for n := s.r.poisson(rateUASC * perDay); n > 0; n-- {
			s.uascArrival(d)
		}
		for n := s.r.poisson(rateRemand * perDay); n > 0; n-- {
			s.remand(d)
		}
		for n := s.r.poisson(rateShortBreaks * perDay); n > 0; n-- {
			s.shortBreaks(d)
		}
	}
	s.careLeavers()
}

// dayFactor makes contacts come mostly on working days; the week's mean is 1.
func (s *sim) dayFactor(d day) float64 {
	switch {
	case s.cal.isBankHoliday(d):
		return 0.4
	case d.weekday() == time.Saturday || d.weekday() == time.Sunday:
		return 0.45
	}
	return 1.22
}

var sources = []opt[string]{
	{4, "1A"}, {1, "1B"}, {1, "1C"}, {1, "1D"}, {19, "2A"}, {2, "2B"},
	{3, "3A"}, {2, "3B"}, {0.5, "3C"}, {2, "3D"}, {3, "3E"}, {3.5, "3F"},
	{2, "4"}, {4, "5A"}, {4, "5B"}, {2, "5C"}, {3, "5D"}, {29, "6"},
	{2, "7"}, {4, "8"}, {1, "9"}, {3, "10"},
}

var infantSources = []opt[string]{{4, "3B"}, {2, "3A"}, {3, "3F"}, {1, "3E"}, {1, "3D"}}

// source draws who made a contact; babies come mostly from health.
func (s *sim) source(age int) string {
	if age == 0 && s.r.chance(0.45) {
		return pick(s.r, infantSources)
	}
	src := pick(s.r, sources)
	if age < 4 && (src == "2A" || src == "2B") {
		return pick(s.r, infantSources)
	}
	return src
}

var bragByOutcome = map[string][]opt[string]{
	outReferral:   {{30, "Red"}, {60, "Amber"}, {10, "Green"}},
	outNFA:        {{50, "Blue"}, {45, "Green"}, {5, "Amber"}},
	outSignpost:   {{35, "Blue"}, {60, "Green"}, {5, "Amber"}},
	outEarlyHelp:  {{5, "Blue"}, {70, "Green"}, {25, "Amber"}},
	outStepAcross: {{5, "Blue"}, {60, "Green"}, {35, "Amber"}},
}

// dateTaken reports whether the child already has a contact on d: a child has
// at most one contact a day.
func dateTaken(c *child, d day) bool {
	for _, k := range c.contacts {
		if k.date == d {
			return true
		}
	}
	return false
}

// freeDay is the first day from t with no contact of the child, or, if there
// is none before the 18th birthday, the last free day before t.
func freeDay(c *child, t day) day {
	for d := t; d < c.eighteenth(); d++ {
		if !dateTaken(c, d) {
			return d
		}
	}
	for d := t - 1; ; d-- {
		if !dateTaken(c, d) {
			return d
		}
	}
}

func (s *sim) addContact(c *child, d day, src, outcome string) *contact {
	k := &contact{c: c, date: d, source: src, outcome: outcome}
	k.brag = pick(s.r, bragByOutcome[outcome])
	c.contacts = append(c.contacts, k)
	s.contacts = append(s.contacts, k)
	return k
}

// chain follows a child from a first referral through any re-referrals.
func (s *sim) chain(c *child, first day, src string) {
	t := first
	for {
		ref, kind := s.episode(c, t, src)
		if ref.close > s.w.end {
			return
		}
		p := pNext[kind]
		if c.everPlan {
			p *= 1.3
		}
		if !s.r.chance(p) {
			return
		}
		next := ref.date + s.reReferralGap()
		if lo := ref.close + day(s.r.between(7, 50)); next < lo {
			next = lo
		}
		if next > s.w.end || ageAt(c.dob, next) >= 18 {
			return
		}
		t, src = next, s.source(ageAt(c.dob, next))
	}
}

// reReferralGap is the time from one referral to the next, before allowing
// for how long the first stayed open.
func (s *sim) reReferralGap() day {
	if s.r.chance(0.70) {
		return day(25 + int(340*math.Pow(s.r.Float64(), 1.3)))
	}
	g := 365 + int(s.r.ExpFloat64()*800)
	if g > 4000 {
		g = 4000
	}
	return day(g)
}

// openReferral records the contact that led to a referral and the referral.
func (s *sim) openReferral(c *child, t day, src string, tm *team) *referral {
	t = freeDay(c, t)
	k := s.addContact(c, t, src, outReferral)
	rd := t
	if lag := pick(s.r, []opt[int]{{60, 0}, {20, 1}, {12, 2}, {8, 3}}); lag > 0 {
		rd = s.cal.addWD(t, lag)
	} else if !s.cal.isWork(t) && s.r.chance(0.8) {
		rd = s.cal.nextWD(t)
	}
	if rd > s.w.end || rd >= c.eighteenth() {
		rd = t
	}
	ref := &referral{c: c, contact: k, date: rd, source: src, team: tm.name, worker: tm.pick(s.r)}
	c.refs = append(c.refs, ref)
	s.refs = append(s.refs, ref)
	return ref
}

// assessmentWD draws working days from start to authorisation: 82% within
// 44 (so within 45 however the count is made), a tail out to 70.
func (s *sim) assessmentWD() int {
	switch u := s.r.Float64(); {
	case u < 0.41:
		return s.r.between(5, 25)
	case u < 0.805:
		return s.r.between(26, 44)
	case u < 0.825:
		return 45
	}
	return s.r.between(46, 70)
}

// icpcWD draws working days from strategy discussion to ICPC: 77% within 15.
func (s *sim) icpcWD() int {
	switch u := s.r.Float64(); {
	case u < 0.755:
		return s.r.between(5, 14)
	case u < 0.775:
		return 15
	}
	return s.r.between(16, 32)
}

func (s *sim) assess(ref *referral, support bool) {
	start := ref.date
	if s.r.chance(0.45) {
		start += day(s.r.between(1, 3))
	}
	start = s.cal.nextWD(start)
	if start >= ref.c.eighteenth() {
		start = ref.date
	}
	ref.asmt = &assessment{
		start:   start,
		auth:    s.cal.addWD(start, s.assessmentWD()),
		seen:    s.r.chance(0.97),
		support: support,
	}
}

var needs = []opt[string]{
	{57, "N1"}, {4, "N2"}, {3, "N3"}, {10, "N4"}, {15, "N5"}, {2, "N6"},
	{0.5, "N7"}, {3, "N8"},
}

// episode runs one referral to its closure and says how it ended.
func (s *sim) episode(c *child, t day, src string) (*referral, int) {
	r := s.r
	age := ageAt(c.dob, t)
	eighteen := c.eighteenth()
	s.preContacts(c, t)
	ref := s.openReferral(c, t, src, s.assessTeam(c))

	// Referral closed with no further action.
	if r.chance(pReferralNFA) {
		ref.nfa = true
		ref.need = "N0"
		ref.close = minDay(ref.date+day(r.between(0, 3)), eighteen)
		ref.reason = "RC8"
		s.closed(c, ref)
		return ref, kNFA
	}

	// Section 47 enquiry and conference, or an emergency entry to care.
	direct := age < 17 && r.chance(pDirectCare(age))
	pS := 0.27
	if c.everPlan {
		pS = 0.55
	}
	if age == 0 {
		pS *= 1.25
	}
	if direct {
		pS = 0.65
	}
	var q *s47
	if ref.date < eighteen-30 && r.chance(pS) {
		q = s.enquiry(c, ref, direct)
	}
	plan := q != nil && q.plan
	s.assess(ref, plan || direct || r.chance(pSupport))
	ref.need = pick(r, needs)
	if q != nil && ref.need != "N1" && r.chance(0.6) {
		ref.need = "N1"
	}

	kind := kNoSupport
	switch {
	case direct:
		start := ref.date + day(r.between(0, 10))
		if start >= eighteen-30 {
			start = ref.date
		}
		entry := entS20
		if age < 12 || r.chance(0.3) {
			entry = entEmergency
		}
		p := s.newPeriod(c, start, entry, ref)
		kind = s.closeAfterCare(c, ref, p)
	case plan:
		pl := s.newPlan(c, q.icpc, ref)
		if pl.end < eighteen-60 && r.chance(pCareFromPlan(ageAt(c.dob, pl.end))) {
			p := s.newPeriod(c, pl.end, entCP, ref)
			kind = s.closeAfterCare(c, ref, p)
			break
		}
		ref.cinPlan = true
		ref.close = pl.end + day(r.between(30, 240))
		ref.reason = "RC7"
		kind = kCP
	case ref.asmt.support:
		ref.cinPlan = true
		dur := day(clampF(r.lognorm(228, 0.6), 30, 900))
		ref.close = ref.asmt.auth + dur
		ref.reason = pick(r, []opt[string]{{92, "RC7"}, {5, "RC5"}, {3, "RC6"}})
		kind = kCIN
		if age >= 11 && r.chance(0.03) {
			start := ref.asmt.auth + day(r.between(10, int(dur)))
			if start < eighteen-30 {
				p := s.newPeriod(c, start, entS20, ref)
				kind = s.closeAfterCare(c, ref, p)
			}
		}
	default:
		ref.close = ref.asmt.auth + day(r.between(0, 5))
		ref.reason = "RC8"
		if r.chance(pStepDown) {
			ref.reason = "RC9"
		}
	}
	if ref.close > eighteen {
		ref.close = eighteen
	}
	if ref.close < ref.date {
		ref.close = ref.date
	}
	if ref.reason == "RC9" {
		s.newEarlyHelp(c, ref.close+day(r.between(0, 14)))
	}
	s.openCaseContacts(c, ref)
	s.closed(c, ref)
	return ref, kind
}

func (s *sim) closed(c *child, ref *referral) {
	if ref.close > c.lastClose {
		c.lastClose = ref.close
	}
}

func pDirectCare(age int) float64 {
	switch {
	case age == 0:
		return 0.09
	case age < 10:
		return 0.021
	case age < 16:
		return 0.043
	}
	return 0.06
}

func pCareFromPlan(age int) float64 {
	if age < 1 {
		return 0.3
	}
	return 0.14
}

// enquiry starts a section 47 enquiry and, for some, holds an ICPC.
func (s *sim) enquiry(c *child, ref *referral, direct bool) *s47 {
	r := s.r
	strat := ref.date
	if r.chance(0.55) {
		strat = s.cal.nextWD(strat + day(r.between(1, 6)))
	}
	q := &s47{strat: strat, icpc: noDay}
	pI := 0.37
	if c.everPlan {
		pI = 0.6
	}
	if !direct && r.chance(pI) {
		q.icpc = s.cal.addWD(strat, s.icpcWD())
		q.concluded = s.cal.addWD(strat, r.between(3, 10))
		if q.concluded > q.icpc {
			q.concluded = q.icpc
		}
		q.plan = q.icpc < c.eighteenth()-30 && r.chance(pPlanAtICPC)
		t := s.safeguardTeam(c)
		q.team, q.worker = t.name, t.pick(r)
	} else {
		q.concluded = s.cal.addWD(strat, r.between(3, 20))
		q.team, q.worker = ref.team, ref.worker
	}
	ref.s47 = q
	return q
}

var abuseCategories = []opt[string]{
	{50, "NEG"}, {38, "EMO"}, {6, "PHY"}, {4, "SAB"}, {2, "MUL"},
}

// planDays draws a CP plan's length: a few under 3 months, most 3 to 12
// months, some over a year and a few over two.
func (s *sim) planDays() day {
	switch u := s.r.Float64(); {
	case u < 0.12:
		return day(s.r.between(35, 90))
	case u < 0.67:
		return day(s.r.between(91, 365))
	case u < 0.955:
		return day(s.r.between(366, 729))
	}
	return day(s.r.between(730, 1100))
}

func (s *sim) newPlan(c *child, start day, ref *referral) *cpPlan {
	r := s.r
	t := s.safeguardTeam(c)
	p := &cpPlan{
		c:       c,
		start:   start,
		end:     minDay(start+s.planDays(), c.eighteenth()),
		initCat: pick(r, abuseCategories),
		prev:    len(c.plans),
		epo:     r.chance(0.04),
		team:    t.name,
		worker:  t.pick(r),
	}
	p.latestCat = p.initCat
	if r.chance(0.1) {
		p.latestCat = pick(r, abuseCategories)
	}
	switch age := ageAt(c.dob, start); {
	case age < 4:
		p.seenAlone = pick(r, []opt[string]{{70, ynNo}, {30, ynUnknown}})
	default:
		p.seenAlone = pick(r, []opt[string]{{80, ynYes}, {15, ynNo}, {5, ynUnknown}})
	}
	// Review conferences: first within 3 months, then at most every 6 months.
	d := start + day(r.between(70, 92))
	for d < p.end && d <= s.w.end {
		p.reviews = append(p.reviews, d)
		d += day(r.between(150, 182))
	}
	c.plans = append(c.plans, p)
	c.everPlan = true
	s.plans = append(s.plans, p)
	ref.plan = p
	return p
}

// preContacts adds contacts about the child in the months before a referral
// that went no further.
func (s *sim) preContacts(c *child, t day) {
	n := 0
	if s.r.chance(0.4) {
		n++
	}
	if s.r.chance(0.15) {
		n++
	}
	for i := 0; i < n; i++ {
		d := t - day(s.r.between(7, 150))
		if d <= c.lastClose || d <= c.dob || dateTaken(c, d) {
			continue
		}
		out := pick(s.r, []opt[string]{{60, outNFA}, {40, outSignpost}})
		s.addContact(c, d, s.source(ageAt(c.dob, d)), out)
	}
}

// openCaseContacts adds contacts that arrive while the case is open (police
// notifications and the like); they need no new referral.
func (s *sim) openCaseContacts(c *child, ref *referral) {
	span := int(minDay(ref.close, s.w.end) - ref.date)
	if span < 30 {
		return
	}
	for n := s.r.poisson(float64(span) / 365 * 0.55); n > 0; n-- {
		d := ref.date + day(s.r.between(7, span))
		if d > s.w.end || dateTaken(c, d) || ageAt(c.dob, d) >= 18 {
			continue
		}
		s.addContact(c, d, s.source(ageAt(c.dob, d)), outNFA)
	}
}

var ehOrganisations = []opt[string]{
	{45, "Local authority early help"}, {20, "School"}, {15, "Health visiting service"},
	{10, "Children's centre"}, {10, "Voluntary sector"},
}

func (s *sim) newEarlyHelp(c *child, start day) *earlyHelp {
	e := &earlyHelp{c: c, start: start, org: pick(s.r, ehOrganisations)}
	e.end = s.cal.addWD(s.cal.nextWD(start), s.r.between(8, 60))
	c.ehs = append(c.ehs, e)
	s.ehs = append(s.ehs, e)
	return e
}

// contactOnly follows a child who is contacted but not referred; an early
// help episode sometimes steps up to a referral.
func (s *sim) contactOnly(c *child, d day) {
	r := s.r
	n := 1 + r.poisson(0.5)
	stepUp := noDay
	for i := 0; i < n; i++ {
		if i > 0 {
			d += day(r.between(20, 300))
		}
		if d > s.w.end || ageAt(c.dob, d) >= 18 {
			break
		}
		if dateTaken(c, d) {
			continue
		}
		out := pick(r, []opt[string]{
			{38, outNFA}, {30, outSignpost}, {25, outEarlyHelp}, {7, outStepAcross},
		})
		s.addContact(c, d, s.source(ageAt(c.dob, d)), out)
		if (out == outEarlyHelp && r.chance(0.85)) || (out == outStepAcross && r.chance(0.7)) {
			e := s.newEarlyHelp(c, d+day(r.between(2, 20)))
			if stepUp == noDay && r.chance(pStepUp) {
				stepUp = e.start + day(r.between(20, 250))
			}
		}
	}
	if stepUp <= s.w.end && ageAt(c.dob, stepUp) < 18 {
		s.chain(c, stepUp, "5D")
	}
}

func clampF(x, lo, hi float64) float64 {
	return math.Max(lo, math.Min(hi, x))
}
