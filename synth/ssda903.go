package synth

import (
	"fmt"
	"sort"
	"time"
)

// SSDA903 tables and their columns (the DfE looked-after children return).
var tables903 = []struct {
	name   string
	header []string
}{
	{"header", []string{"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}},
	{"episodes", []string{"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER",
		"DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"}},
	{"reviews", []string{"CHILD", "DOB", "REVIEW", "REVIEW_CODE"}},
	{"uasc", []string{"CHILD", "SEX", "DOB", "DUC"}},
	{"oc2", []string{"CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
		"IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
		"INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"}},
	{"oc3", []string{"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"}},
	{"ad1", []string{"CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR",
		"SEX_ADOPTR", "LS_ADOPTR"}},
	{"placed_for_adoption", []string{"CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED",
		"REASON_PLACED_CEASED"}},
	{"previous_permanence", []string{"CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"}},
	{"missing", []string{"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"}},
	{"sw_episodes", []string{"CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"}},
}

// write903 writes one return per financial year, from the year holding the
// first flow record to the year holding WindowEnd.
func (o *output) write903() error {
	fy0, _, _ := fyStart(o.sim.w.flow).ymd()
	fy1, _, _ := fyStart(o.sim.w.end).ymd()
	for y := fy0; y <= fy1; y++ {
		if err := o.write903Year(y); err != nil {
			return err
		}
	}
	return nil
}

// year903 is one return's view: what was known at its end (31 March, or
// WindowEnd for the year in progress).
type year903 struct {
	o        *output
	y        int
	from, to day
	complete bool
	periods  []*period // with an episode in the year, by child then start
	leavers  []oc3Row
}

type oc3Row struct {
	c   *child
	age int
}

func (o *output) write903Year(y int) error {
	s := o.sim
	yr := &year903{o: o, y: y, from: mkDay(y, time.April, 1)}
	yearEnd := mkDay(y+1, time.March, 31)
	yr.to = minDay(yearEnd, s.w.end)
	yr.complete = yearEnd <= s.w.end
	yr.periods = o.carePeriods(func(p *period) bool { return p.start <= yr.to && p.end >= yr.from })
	sort.SliceStable(yr.periods, func(i, j int) bool {
		return yr.periods[i].c.num < yr.periods[j].c.num
	})
	// Care leavers whose 19th, 20th or 21st birthday falls in the year.
	for _, c := range s.children {
		if c.leaver == nil {
			continue
		}
		for age := 19; age <= 21; age++ {
			b := c.dob.addYears(age)
			if b >= yr.from && b <= yr.to && c.leaver.ceased < b {
				yr.leavers = append(yr.leavers, oc3Row{c, age})
			}
		}
	}

	fills := map[string]func(*table){
		"header": yr.header, "episodes": yr.episodes, "reviews": yr.reviews, "uasc": yr.uasc,
		"oc2": yr.oc2, "oc3": yr.oc3, "ad1": yr.ad1, "placed_for_adoption": yr.placed,
		"previous_permanence": yr.prevPerm, "missing": yr.missing, "sw_episodes": yr.sw,
	}
	for _, tb := range tables903 {
		name := fmt.Sprintf("SSDA903_%s_%s.csv", fyLabel(y), tb.name)
		if err := o.writeTable(name, "ssda903_"+tb.name, tb.header, fills[tb.name]); err != nil {
			return err
		}
	}
	return nil
}

// at writes d if it had happened by the return's end.
func (yr *year903) at(d day) string {
	if d == noDay || d > yr.to {
		return ""
	}
	return d.dmy()
}

// sex is 1/2 in returns for years ending 31 March 2024 and earlier, M/F after.
func (yr *year903) sex(c *child) string {
	if yr.y+1 <= 2024 {
		if c.sex == 'M' {
			return "1"
		}
		return "2"
	}
	return string(c.sex)
}

func (yr *year903) header(t *table) {
	var kids []*child
	seen := map[int]bool{}
	for _, p := range yr.periods {
		if !seen[p.c.num] {
			seen[p.c.num] = true
			kids = append(kids, p.c)
		}
	}
	for _, l := range yr.leavers {
		if !seen[l.c.num] {
			seen[l.c.num] = true
			kids = append(kids, l.c)
		}
	}
	sort.SliceStable(kids, func(i, j int) bool { return kids[i].num < kids[j].num })
	for _, c := range kids {
		upn := c.upn
		switch {
		case c.uasc:
			upn = "UN2" // never attended school in England
		case ageAt(c.dob, yr.to) < 4:
			upn = "UN1" // too young for school
		}
		mother, mcdob := "", ""
		if c.sex == 'F' && ageAt(c.dob, yr.to) >= 12 {
			mother = "0"
			if c.motherOn <= yr.to {
				mother, mcdob = "1", c.motherOn.dmy()
			}
		}
		t.write(c.id, yr.sex(c), c.dob.dmy(), c.eth, upn, mother, mcdob)
	}
}

func (yr *year903) episodes(t *table) {
	for _, p := range yr.periods {
		for _, e := range p.eps {
			if e.decom > yr.to || e.dec < yr.from {
				continue
			}
			rec, rpc := "", ""
			if e.dec <= yr.to {
				rec, rpc = e.rec, e.rpc
			}
			t.write(p.c.id, e.decom.dmy(), e.rne, e.ls, p.need, e.place, e.prov, yr.at(e.dec),
				rec, rpc, p.c.post, e.plPost, e.urn)
		}
	}
}

func (yr *year903) reviews(t *table) {
	for _, p := range yr.periods {
		for _, rv := range p.reviews {
			if rv.date >= yr.from && rv.date <= yr.to {
				t.write(p.c.id, p.c.dob.dmy(), rv.date.dmy(), rv.code)
			}
		}
	}
}

func (yr *year903) uasc(t *table) {
	last := 0
	for _, p := range yr.periods {
		if p.c.uasc && p.c.num != last {
			last = p.c.num
			t.write(p.c.id, yr.sex(p.c), p.c.dob.dmy(), p.c.eighteenth().dmy())
		}
	}
}

// oc2 covers children looked after for the whole year to 31 March; the year
// in progress has no such cohort yet, so its file holds only the header.
func (yr *year903) oc2(t *table) {
	if !yr.complete {
		return
	}
	r := yr.o.details()
	last := 0
	for _, p := range yr.periods {
		if p.short || p.start > yr.from || p.end <= yr.to || p.c.num == last {
			continue
		}
		last = p.c.num
		age := ageAt(p.c.dob, yr.to)
		score, reason := "", ""
		switch {
		case age < 4 || age > 16:
			reason = "SDQ1"
		case r.chance(0.82):
			score = itoa(int(clampF(14+7*r.NormFloat64(), 0, 40)))
		default:
			reason = pick(r, []opt[string]{{40, "SDQ2"}, {25, "SDQ3"}, {20, "SDQ4"}, {15, "SDQ5"}})
		}
		flag := func(p float64) string {
			if r.chance(p) {
				return "1"
			}
			return "0"
		}
		convicted, check, misuse, received, offered := "", "", "", "", ""
		if age >= 10 {
			convicted = flag(0.03)
			misuse = flag(0.05)
			if misuse == "1" {
				offered = flag(0.9)
				received = "0"
				if offered == "1" {
					received = flag(0.65)
				}
			}
		}
		if age < 5 {
			check = flag(0.88)
		}
		t.write(p.c.id, p.c.dob.dmy(), score, reason, convicted, check, flag(0.86),
			flag(0.8), flag(0.9), misuse, received, offered)
	}
}

func (yr *year903) oc3(t *table) {
	for _, l := range yr.leavers {
		st := l.c.leaver.status[l.age]
		t.write(l.c.id, l.c.dob.dmy(), st.inTouch, st.activ, st.accom)
	}
}

func (yr *year903) ad1(t *table) {
	for _, p := range yr.periods {
		a := p.adopt
		if a == nil || (p.rec != "E11" && p.rec != "E12") || p.end < yr.from || p.end > yr.to {
			continue
		}
		foster := "0"
		if a.fosterCarer {
			foster = "1"
		}
		t.write(p.c.id, p.c.dob.dmy(), a.adm.dmy(), a.match.dmy(), foster, itoa(a.nb),
			a.sex, a.ls)
	}
}

// placed lists children with a decision that they should be placed for
// adoption in force at some time in the year; DATE_PLACED is the decision.
func (yr *year903) placed(t *table) {
	for _, p := range yr.periods {
		a := p.adopt
		if a == nil || a.adm > yr.to || (a.reversed != noDay && a.reversed < yr.from) {
			continue
		}
		reason := ""
		if a.reversed <= yr.to {
			reason = a.reason
		}
		t.write(p.c.id, p.c.dob.dmy(), a.adm.dmy(), yr.at(a.reversed), reason)
	}
}

// prevPerm has a row for each child who started to be looked after in the
// year (short breaks aside), about any earlier permanence order.
func (yr *year903) prevPerm(t *table) {
	last := 0
	for _, p := range yr.periods {
		if p.short || p.start < yr.from || p.c.num == last {
			continue
		}
		last = p.c.num
		date := ""
		if p.laPerm != "" {
			date = p.datePerm.dmy()
		}
		t.write(p.c.id, p.c.dob.dmy(), p.prevPerm, p.laPerm, date)
	}
}

func (yr *year903) missing(t *table) {
	for _, p := range yr.periods {
		for _, m := range p.missing {
			if m.start >= yr.from && m.start <= yr.to {
				t.write(p.c.id, p.c.dob.dmy(), m.kind, m.start.dmy(), yr.at(m.end))
			}
		}
	}
}

func (yr *year903) sw(t *table) {
	for _, p := range yr.periods {
		for _, w := range p.sws {
			if w.start > yr.to || w.end < yr.from {
				continue
			}
			reason := ""
			if w.end <= yr.to {
				reason = w.reason
			}
			t.write(p.c.id, p.c.dob.dmy(), w.worker, w.start.dmy(), yr.at(w.end), reason)
		}
	}
}
