package synth

import (
	"fmt"
	"math"
	"time"
)

// Library files follow the Libraries Hacked open data schemas, with ISO dates.

var branchNames = []string{
	"Central Library", "Ashcombe Library", "Brindle Park Library", "Cotterell Green Library",
	"Dunmore Library", "Elmstead Library", "Fallow Lane Library", "Greyfield Library",
	"Hartwell Library", "Iverley Library", "Juniper Hill Library", "Kestrel Way Library",
	"Larkrise Library", "Meadowbank Library", "Northcote Library", "Orchard Rise Library",
}

// branch is one library. open and close are its first and last days open;
// all branches shut on bank holidays, and all but the central one on Sundays.
type branch struct {
	name        string
	size        float64 // visits on an ordinary weekday
	sundays     bool
	open, close day
	opens       bool // opened within the files' span, so use builds up
}

func (b branch) isOpen(cal *calendar, d day) bool {
	if d < b.open || d > b.close || cal.isBankHoliday(d) {
		return false
	}
	return b.sundays || d.weekday() != time.Sunday
}

func (o *output) branches(r rng) []branch {
	s := o.sim
	n := s.cfg.Libraries
	var bs []branch
	for i := 0; i < n; i++ {
		name := branchNames[i%len(branchNames)]
		if i >= len(branchNames) {
			name = fmt.Sprintf("%s %d", name, i/len(branchNames)+1)
		}
		b := branch{name: name, size: 80 + 370*r.Float64(), open: s.w.flow, close: noDay}
		if i == 0 {
			b.size, b.sundays = 1100, true
		}
		bs = append(bs, b)
	}
	// One branch opens part-way through the window and one closes.
	if n >= 3 {
		span := float64(s.w.end - s.w.start)
		bs[n-1].open = s.cal.nextWD(s.w.start + day(span*0.45))
		bs[n-1].size, bs[n-1].opens = 260, true
		bs[n-2].close = s.w.start + day(span*0.3)
		for !bs[n-2].isOpen(s.cal, bs[n-2].close) {
			bs[n-2].close--
		}
	}
	return bs
}

var dowFactor = [7]float64{0.55, 0.95, 1.0, 1.0, 1.05, 0.95, 1.15}

var monthFactor = [13]float64{0, 0.95, 1.0, 1.0, 0.95, 0.95, 0.95, 1.1, 1.15, 0.95, 1.0, 1.0, 0.8}

// ramp lowers use in a new branch's first two months.
func ramp(b branch, d day) float64 {
	if since := float64(d - b.open); b.opens && since < 60 {
		return 0.6 + 0.4*since/60
	}
	return 1
}

func (o *output) writeLibraries() error {
	s := o.sim
	r := newRNG(s.cfg.Seed, streamLibraries)
	bs := o.branches(r)
	la := s.cfg.Council
	trend := func(d day) float64 { return 1 + 0.02*float64(d-s.w.flow)/365 }

	err := o.writeTable("library_visits.csv", "library_visits",
		[]string{"Local authority", "Library name", "Count start", "Count end", "Count type",
			"Visits"}, func(t *table) {
			for d := s.w.flow; d <= s.w.end; d++ {
				_, m, _ := d.ymd()
				for _, b := range bs {
					if !b.isOpen(s.cal, d) {
						continue
					}
					v := b.size * dowFactor[d.weekday()] * monthFactor[m] * trend(d) * ramp(b, d)
					v *= math.Max(0.2, 1+0.1*r.NormFloat64())
					t.write(la, b.name, d.iso(), d.iso(), "Automatic counter", itoa(int(v+0.5)))
				}
			}
		})
	if err != nil {
		return err
	}
	if err := o.writeLoans(r, bs, trend); err != nil {
		return err
	}
	if err := o.writeEvents(r, bs); err != nil {
		return err
	}
	return o.writeMembership(r)
}

var loanTypes = []struct {
	name  string
	share float64
	drift float64 // change a year
}{
	{"Adult fiction", 0.28, 0}, {"Adult non-fiction", 0.14, -0.02},
	{"Children's fiction", 0.33, 0.02}, {"Children's non-fiction", 0.12, 0},
	{"Audiobook", 0.08, -0.05}, {"DVD", 0.05, -0.15},
}

func (o *output) writeLoans(r rng, bs []branch, trend func(day) float64) error {
	s := o.sim
	return o.writeTable("library_loans.csv", "library_loans",
		[]string{"Local authority", "Library name", "Month", "Type", "Loans"}, func(t *table) {
			for m := firstOfMonth(s.w.flow); m <= s.w.end; m = m.addMonths(1) {
				y, mm, _ := m.ymd()
				last := minDay(m.addMonths(1)-1, s.w.end)
				for _, b := range bs {
					open := 0
					for d := m; d <= last; d++ {
						if b.isOpen(s.cal, d) {
							open++
						}
					}
					if open == 0 {
						continue
					}
					years := float64(m-s.w.flow) / 365
					for _, lt := range loanTypes {
						v := b.size * float64(open) * 0.55 * lt.share * monthFactor[mm] * trend(m)
						v *= math.Pow(1+lt.drift, years) * math.Max(0.3, 1+0.08*r.NormFloat64())
						t.write(s.cfg.Council, b.name, fmt.Sprintf("%04d-%02d", y, mm), lt.name,
							itoa(int(v+0.5)))
					}
				}
			}
		})
}

// Library event outcomes, from the Libraries Hacked events schema.
const (
	ocCulture    = "Cultural and creative enrichment"
	ocReading    = "Increased reading and literacy"
	ocDigital    = "Increased digital access and literacy"
	ocPotential  = "Helping everyone achieve their full potential"
	ocHealth     = "Healthier and happier lives"
	ocProsperity = "Greater prosperity"
	ocCommunity  = "Stronger more resilient communities"
)

var eventKinds = []struct {
	name           string
	main, second   string
	lo, hi         int
	summerOnly     bool
	weight         float64
	largeOnlyBonus bool
}{
	{"Rhyme Time", ocReading, ocHealth, 10, 35, false, 20, false},
	{"Storytime", ocReading, "", 8, 25, false, 12, false},
	{"Code Club", ocDigital, ocPotential, 6, 15, false, 6, false},
	{"Digital Drop-in", ocDigital, ocProsperity, 3, 12, false, 8, false},
	{"Reading Group", ocReading, ocCommunity, 5, 14, false, 8, false},
	{"Knit and Natter", ocCommunity, ocHealth, 5, 15, false, 7, false},
	{"Job Club", ocProsperity, ocPotential, 3, 12, false, 5, false},
	{"Lego Club", ocCulture, "", 8, 30, false, 8, false},
	{"Author Talk", ocCulture, ocReading, 15, 60, false, 2, true},
	{"Homework Help", ocPotential, "", 4, 15, false, 6, false},
	{"Chair Yoga", ocHealth, "", 6, 18, false, 4, false},
	{"Summer Reading Challenge", ocReading, ocCulture, 15, 50, true, 25, false},
}

func (o *output) writeEvents(r rng, bs []branch) error {
	s := o.sim
	return o.writeTable("library_events.csv", "library_events",
		[]string{"Local authority", "Library name", "Event date", "Name", "Main outcome",
			"Secondary outcome", "Attendees"}, func(t *table) {
			for d := s.w.flow; d <= s.w.end; d++ {
				_, m, _ := d.ymd()
				summer := m == 7 || m == 8
				for _, b := range bs {
					if !b.isOpen(s.cal, d) {
						continue
					}
					for n := r.poisson(b.size / 450); n > 0; n-- {
						var opts []opt[int]
						for i, k := range eventKinds {
							if k.summerOnly && !summer {
								continue
							}
							w := k.weight
							if k.largeOnlyBonus && b.size < 500 {
								w /= 4
							}
							opts = append(opts, opt[int]{w, i})
						}
						k := eventKinds[pick(r, opts)]
						att := float64(r.between(k.lo, k.hi)) * ramp(b, d)
						t.write(s.cfg.Council, b.name, d.iso(), k.name, k.main, k.second,
							itoa(int(att+0.5)))
					}
				}
			}
		})
}

// writeMembership writes members by made-up small area at each quarter end.
// The codes look like LSOA codes but lie outside the range in use.
func (o *output) writeMembership(r rng) error {
	s := o.sim
	areas := s.cfg.Children / 1700
	if areas < 10 {
		areas = 10
	}
	base := make([]float64, areas)
	for i := range base {
		base[i] = 150 + 700*r.Float64()
	}
	return o.writeTable("library_membership.csv", "library_membership",
		[]string{"Local authority", "Count date", "Area code", "Members"}, func(t *table) {
			q := 0
			for m := firstOfMonth(s.w.flow); m <= s.w.end; m = m.addMonths(1) {
				_, mm, _ := m.ymd()
				d := m.addMonths(1) - 1
				if mm%3 != 0 || d > s.w.end {
					continue
				}
				q++
				for i, b := range base {
					v := b * (1 + 0.008*float64(q)) * math.Max(0.5, 1+0.03*r.NormFloat64())
					t.write(s.cfg.Council, d.iso(), fmt.Sprintf("E0199%04d", i+1), itoa(int(v+0.5)))
				}
			}
		})
}
