package synth

import "fmt"

// The looked-after and private fostering exports (docs/native-looked-after.md):
// statutory visits, care plans, permanence plans, staying put and private
// fostering with its visits. Visits, plans and staying put are derived from
// the simulated periods of care, so no visit or plan falls outside a period
// and staying put follows only a period that ended with reason E17; private
// fostering children are made up and appear in no other file. Details are
// drawn from the looked-after stream so that the other files stay as they
// were.

func init() { addWriter("looked_after", (*output).writeLookedAfter) }

// streamLookedAfter is the looked-after family's random stream (see synth.go).
const streamLookedAfter uint64 = 0x5eed1200

// Private fostering rates: about 1.25 new arrangements a year per 10,000
// children, lasting about ten months at the median (DfE's last private
// fostering statistics, 2015: about 1,500 notifications a year and 1,600
// children privately fostered at 31 March in England).
const (
	pfPerTenThousand = 1.25
	pfMedianDays     = 300
)

func (o *output) writeLookedAfter() error {
	s := o.sim
	r := newRNG(s.cfg.Seed, streamLookedAfter)
	var periods []*period
	for _, p := range s.periods {
		if !p.short && p.end >= s.w.flow && p.start <= s.w.end {
			periods = append(periods, p)
		}
	}

	visits, plans := [][]string{}, [][]string{}
	perm, stay := [][]string{}, [][]string{}
	for _, p := range periods {
		for _, d := range o.claVisits(r, p) {
			visits = append(visits, []string{p.c.id, d.dmy()})
		}
		for _, d := range o.carePlans(r, p) {
			plans = append(plans, []string{p.c.id, d.dmy()})
		}
		if row := o.permanencePlan(r, p); row != nil {
			perm = append(perm, row)
		}
		if row := o.stayingPut(r, p); row != nil {
			stay = append(stay, row)
		}
	}
	pf, pfVisits := o.privateFostering(r)

	files := []struct {
		name, kind string
		header     []string
		rows       [][]string
	}{
		{"CLA_visits.csv", "cla_visits", []string{"Child ID", "CLA Visit Date"}, visits},
		{"CLA_care_plans.csv", "cla_care_plans", []string{"Child ID", "CLA Care Plan Date"},
			plans},
		{"CLA_permanence_plans.csv", "cla_permanence_plans", []string{"Child ID",
			"Permanence Plan", "Permanence Plan Start Date", "Permanence Plan End Date"}, perm},
		{"Staying_put.csv", "staying_put", []string{"Child ID", "Staying Put Start Date",
			"Staying Put End Date"}, stay},
		{"Private_fostering.csv", "private_fostering", []string{"Child ID",
			"PF Notification Date", "PF Arrangement Start Date", "PF Arrangement End Date"}, pf},
		{"Private_fostering_visits.csv", "private_fostering_visits",
			[]string{"Child ID", "PF Visit Date"}, pfVisits},
	}
	for _, f := range files {
		err := o.writeTable(f.name, f.kind, f.header, func(t *table) {
			for _, row := range f.rows {
				t.write(row...)
			}
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// lastDay is the last day anything in a period can happen by WindowEnd.
func (o *output) lastDay(p *period) day {
	return minDay(p.end-1, o.sim.w.end)
}

// claVisits: the first visit within a week of the start, then mostly within
// 6 weeks of the last, one gap in seven running late.
func (o *output) claVisits(r rng, p *period) []day {
	var out []day
	last := o.lastDay(p)
	for d := p.start + day(r.between(1, 7)); d <= last; {
		if d >= o.sim.w.flow {
			out = append(out, d)
		}
		if r.chance(0.14) {
			d += day(r.between(43, 75))
		} else {
			d += day(r.between(18, 42))
		}
	}
	return out
}

// carePlans: a plan within 10 working days of the start, revised every 4 to
// 11 months, now and then lapsing past a year.
func (o *output) carePlans(r rng, p *period) []day {
	var out []day
	last := o.lastDay(p)
	for d := o.sim.cal.addWD(p.start, r.between(0, 10)); d <= last; {
		if d >= o.sim.w.flow {
			out = append(out, d)
		}
		d += day(r.between(120, 330))
		if r.chance(0.15) {
			d += day(r.between(60, 200))
		}
	}
	return out
}

// permanencePlan is agreed at about the second review and stays in force
// until the period ends; short periods end before any plan.
func (o *output) permanencePlan(r rng, p *period) []string {
	agreed := p.start + day(r.between(60, 130))
	if agreed > o.lastDay(p) {
		return nil
	}
	plan := permanenceCode(p.permanence(agreed, p.episodeOn(agreed).place))
	return []string{p.c.id, plan, agreed.dmy(), o.dateOrBlank(p.end)}
}

// permanenceCode turns an Annex A permanence label into the export's code.
func permanenceCode(label string) string {
	codes := map[string]string{
		"home": "HOME", "adopt": "ADOPT", "sgo": "SGO", "supported": "SUPPORTED",
		"residential": "RESIDENTIAL", "fostering": "FOSTERING", "other": "OTHER",
	}
	for _, k := range []string{"home", "adopt", "sgo", "supported", "residential",
		"fostering", "other"} {
		if permanenceLabels[k] == label {
			return codes[k]
		}
	}
	return "OTHER"
}

// stayingPut follows a period that ended at 18 with the young person staying
// with their carers (E17), for a few months to their 21st birthday.
func (o *output) stayingPut(r rng, p *period) []string {
	if p.rec != "E17" || p.end > o.sim.w.end {
		return nil
	}
	end := minDay(p.end+day(r.between(120, 1100)), p.c.dob.addYears(21))
	if end < o.sim.w.flow {
		return nil
	}
	return []string{p.c.id, p.end.dmy(), o.dateOrBlank(end)}
}

// privateFostering makes up arrangements notified from three years before
// the first flow record to WindowEnd, and their visits: the first within 7
// working days of the notification (one in eight late), then within 6 weeks
// in the first year and 12 weeks after, a few late.
func (o *output) privateFostering(r rng) (arr, visits [][]string) {
	s := o.sim
	mean := pfPerTenThousand * s.scale / 12
	n := 0
	for m := firstOfMonth(s.w.flow.addYears(-3)); m <= s.w.end; m = m.addMonths(1) {
		days := int(m.addMonths(1) - m)
		for k := r.poisson(mean); k > 0; k-- {
			n++
			id := fmt.Sprintf("PF%05d", n)
			note := m + day(r.IntN(days))
			start := note - day(r.between(0, 60))
			if r.chance(0.3) {
				start = note + day(r.between(1, 42))
			}
			end := start + day(clampF(r.lognorm(pfMedianDays, 0.8), 28, 2500))
			if note > s.w.end || start > s.w.end || end < s.w.flow {
				continue
			}
			arr = append(arr, []string{id, note.dmy(), start.dmy(), o.dateOrBlank(end)})
			d := s.cal.addWD(note, r.between(1, 7))
			if r.chance(0.12) {
				d = s.cal.addWD(note, r.between(8, 20))
			}
			for d < end && d <= s.w.end {
				if d >= s.w.flow {
					visits = append(visits, []string{id, d.dmy()})
				}
				gap := r.between(21, 42)
				if d >= start.addYears(1) {
					gap = r.between(50, 84)
				}
				if r.chance(0.08) {
					gap += r.between(5, 30)
				}
				d += day(gap)
			}
		}
	}
	return arr, visits
}
