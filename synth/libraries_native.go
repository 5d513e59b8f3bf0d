package synth

import (
	"fmt"
	"math"
	"sort"
	"time"
)

// The library system's own exports (docs/native-libraries.md) for what the
// Libraries Hacked schemas lack. They use the same branches as
// libraries.go (drawn again from the start of the libraries stream, so the
// sizes, openings and closures agree), open only on the days a branch is
// open, and draw everything else from streamLibraryNative.

func init() { addWriter("libraries", (*output).writeLibraryNative) }

// streamLibraryNative is the libraries family's stream (see synth.go).
const streamLibraryNative uint64 = 0x5eed1300

// libNative holds what the library exports share while they are written.
type libNative struct {
	o  *output
	r  rng
	bs []branch
}

func (o *output) writeLibraryNative() error {
	n := &libNative{
		o:  o,
		r:  newRNG(o.sim.cfg.Seed, streamLibraryNative),
		bs: o.branches(newRNG(o.sim.cfg.Seed, streamLibraries)),
	}
	steps := []func() error{
		n.writeIssues, n.writePCSessions, n.writeWifiSessions, n.writeTEO,
		n.writeSatisfaction, n.writeWebHits, n.writeOnlineSessions, n.writeComplaints,
		n.writeStockMovements, n.writeReservations, n.writeEnquiries,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// days calls f for every day from the flow start to the window end.
func (n *libNative) days(from day, f func(d day, m int)) {
	for d := from; d <= n.o.sim.w.end; d++ {
		_, m, _ := d.ymd()
		f(d, m)
	}
}

// borrower is one library card holder.
type borrower struct {
	id         string
	category   string
	registered day
	home       int
}

var borrowerCategories = []opt[string]{
	{0.55, "Adult"}, {0.28, "Child"}, {0.09, "Young person"}, {0.08, "Concession"},
}

// issuesFrom is the first day of the item-level issues export: the first
// day of the quarter before the one holding the window end, so that at
// least one whole quarter is there. A library system keeps issue history
// this detailed only for a while (and it is large: a quarter of a council's
// issues is some 150,000 rows); the published monthly loans file covers the
// years before.
func (n *libNative) issuesFrom() day {
	y, m, _ := n.o.sim.w.end.ymd()
	return mkDay(y, time.Month((m-1)/3*3+1), 1).addMonths(-3)
}

// writeIssues writes borrower registrations and item-level issues. Each
// branch has a pool of borrowers; a borrowing visit takes one to six items,
// mostly from the stock categories of the borrower's age group.
func (n *libNative) writeIssues() error {
	s, r := n.o.sim, n.r
	from := n.issuesFrom()
	var all []borrower
	pools := make([][]int, len(n.bs))
	for bi, b := range n.bs {
		size := int(b.size * 6)
		for i := 0; i < size; i++ {
			reg := from - day(r.between(30, 3650))
			if r.chance(0.2) {
				reg = from + day(r.between(0, int(s.w.end-from)))
			}
			reg = maxDay(reg, b.open)
			all = append(all, borrower{category: pick(r, borrowerCategories),
				registered: reg, home: bi})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].registered < all[j].registered })
	for i := range all {
		all[i].id = fmt.Sprintf("B%07d", i+1)
		pools[all[i].home] = append(pools[all[i].home], i)
	}
	err := n.o.writeTable("library_borrowers.csv", "library_borrowers",
		[]string{"Borrower ID", "Registration date", "Library name", "Borrower category"},
		func(t *table) {
			for _, b := range all {
				if b.registered <= s.w.end {
					t.write(b.id, b.registered.dmy(), n.bs[b.home].name, b.category)
				}
			}
		})
	if err != nil {
		return err
	}
	item := 0
	return n.o.writeTable("library_issues.csv", "library_issues",
		[]string{"Library name", "Issue date", "Item ID", "Borrower ID", "Borrower category",
			"Stock category"}, func(t *table) {
			n.days(from, func(d day, m int) {
				for bi, b := range n.bs {
					if !b.isOpen(s.cal, d) {
						continue
					}
					pool := pools[bi]
					// Borrowers registered by today: the pool is in registration order.
					k := sort.Search(len(pool), func(i int) bool { return all[pool[i]].registered > d })
					if k == 0 {
						continue
					}
					mean := b.size * 0.55 * dowFactor[d.weekday()] * monthFactor[m] * ramp(b, d)
					for v := r.poisson(mean / 3.5); v > 0; v-- {
						// Frequent borrowers: the square favours the early registered.
						who := all[pool[int(float64(k)*math.Pow(r.Float64(), 1.6))]]
						for j := r.between(1, 6); j > 0; j-- {
							item++
							t.write(b.name, d.dmy(), fmt.Sprintf("I%08d", item%9000000+1),
								who.id, who.category, n.stockFor(who.category))
						}
					}
				}
			})
		})
}

// stockFor draws an item's stock category for a borrower's category.
func (n *libNative) stockFor(category string) string {
	child := category == "Child"
	var opts []opt[string]
	for _, lt := range loanTypes {
		w := lt.share
		isChild := lt.name == "Children's fiction" || lt.name == "Children's non-fiction"
		if child == isChild {
			w *= 6
		}
		opts = append(opts, opt[string]{w, lt.name})
	}
	return pick(n.r, opts)
}

// writePCSessions writes public PC sessions: a branch's users come back, a
// few of them sent by Jobcentre Plus, whose sessions carry the flag.
func (n *libNative) writePCSessions() error {
	s, r := n.o.sim, n.r
	return n.o.writeTable("library_pc_sessions.csv", "library_pc_sessions",
		[]string{"Library name", "Session date", "Computer", "User ID", "Minutes",
			"JCP referral"}, func(t *table) {
			n.days(s.w.flow, func(d day, m int) {
				for bi, b := range n.bs {
					if !b.isOpen(s.cal, d) {
						continue
					}
					users := int(b.size * 3)
					pcs := 4 + int(b.size/60)
					for v := r.poisson(b.size / 60 * dowFactor[d.weekday()] * ramp(b, d)); v > 0; v-- {
						u := r.IntN(users)
						jcp := "N"
						if u%20 == 0 {
							jcp = "Y"
						}
						mins := 15 * r.between(1, 8)
						if r.chance(0.3) {
							mins = r.between(5, 120)
						}
						t.write(b.name, d.dmy(), fmt.Sprintf("PC%02d-%02d", bi+1, r.between(1, pcs)),
							fmt.Sprintf("P%02d%05d", bi+1, u), itoa(mins), jcp)
					}
				}
			})
		})
}

func (n *libNative) writeWifiSessions() error {
	s, r := n.o.sim, n.r
	return n.o.writeTable("library_wifi_sessions.csv", "library_wifi_sessions",
		[]string{"Library name", "Session date", "Device ID", "Minutes"}, func(t *table) {
			n.days(s.w.flow, func(d day, m int) {
				for bi, b := range n.bs {
					if !b.isOpen(s.cal, d) {
						continue
					}
					trend := 1 + 0.05*float64(d-s.w.flow)/365
					for v := r.poisson(b.size / 80 * trend * ramp(b, d)); v > 0; v-- {
						t.write(b.name, d.dmy(), fmt.Sprintf("D%02d%06d", bi+1, r.IntN(int(b.size*5))),
							itoa(int(r.lognorm(45, 0.7))+1))
					}
				}
			})
		})
}

// writeTEO writes door entries outside staffed hours at the branches with
// technology-enabled opening: the two smallest, from the flow start, every
// day they are in service but bank holidays, Sundays included.
func (n *libNative) writeTEO() error {
	s, r := n.o.sim, n.r
	var teo []int
	for i := range n.bs {
		teo = append(teo, i)
	}
	sort.SliceStable(teo, func(i, j int) bool { return n.bs[teo[i]].size < n.bs[teo[j]].size })
	if len(teo) > 2 {
		teo = teo[:2]
	}
	sort.Ints(teo)
	return n.o.writeTable("library_teo_entries.csv", "library_teo_entries",
		[]string{"Library name", "Entry date", "Customer ID", "Entry time"}, func(t *table) {
			n.days(s.w.flow, func(d day, m int) {
				for _, bi := range teo {
					b := n.bs[bi]
					if d < b.open || d > b.close || s.cal.isBankHoliday(d) {
						continue
					}
					mean := 3.0
					if d.weekday() == time.Sunday {
						mean = 5
					}
					for v := r.poisson(mean); v > 0; v-- {
						hour := 8
						if r.chance(0.6) {
							hour = r.between(17, 19)
						}
						t.write(b.name, d.dmy(), fmt.Sprintf("T%02d%04d", bi+1, r.IntN(250)),
							fmt.Sprintf("%02d:%02d", hour, r.IntN(60)))
					}
				}
			})
		})
}

var satisfactionAnswers = []opt[string]{
	{0.46, "Very satisfied"}, {0.34, "Fairly satisfied"},
	{0.10, "Neither satisfied nor dissatisfied"}, {0.06, "Fairly dissatisfied"},
	{0.03, "Very dissatisfied"}, {0.01, ""},
}

// writeSatisfaction writes the continuous customer survey (cards and online).
func (n *libNative) writeSatisfaction() error {
	s, r := n.o.sim, n.r
	id := 0
	return n.o.writeTable("library_satisfaction.csv", "library_satisfaction",
		[]string{"Response ID", "Response date", "Library name", "Overall satisfaction"},
		func(t *table) {
			n.days(s.w.flow, func(d day, m int) {
				for v := r.poisson(3); v > 0; v-- {
					id++
					lib := ""
					if b := n.bs[r.IntN(len(n.bs))]; b.isOpen(s.cal, d) {
						lib = b.name
					}
					t.write(fmt.Sprintf("S%06d", id), d.dmy(), lib, pick(r, satisfactionAnswers))
				}
			})
		})
}

func (n *libNative) writeWebHits() error {
	s, r := n.o.sim, n.r
	return n.o.writeTable("library_web_hits.csv", "library_web_hits",
		[]string{"Date", "Page views"}, func(t *table) {
			n.days(s.w.flow, func(d day, m int) {
				v := 4200 * dowFactor[d.weekday()] * monthFactor[m] * math.Max(0.3, 1+0.12*r.NormFloat64())
				t.write(d.dmy(), itoa(int(v)))
			})
		})
}

var onlineResources = []struct {
	name string
	base float64
}{
	{"BorrowBox eBooks", 5200}, {"Libby eMagazines", 2100}, {"Ancestry Library Edition", 650},
	{"Find My Past", 420}, {"Theory Test Pro", 180}, {"Oxford Reference", 260},
}

func (n *libNative) writeOnlineSessions() error {
	s, r := n.o.sim, n.r
	return n.o.writeTable("library_online_sessions.csv", "library_online_sessions",
		[]string{"Resource", "Month", "Sessions"}, func(t *table) {
			for m := firstOfMonth(s.w.flow); m.addMonths(1)-1 <= s.w.end; m = m.addMonths(1) {
				y, mm, _ := m.ymd()
				for _, o := range onlineResources {
					v := o.base * monthFactor[mm] * math.Max(0.3, 1+0.1*r.NormFloat64())
					t.write(o.name, fmt.Sprintf("%04d-%02d", y, mm), itoa(int(v)))
				}
			}
		})
}

var complaintCategories = []opt[string]{
	{3, "Staff conduct"}, {3, "Stock and reservations"}, {2, "Opening hours"},
	{2, "Buildings and facilities"}, {1, "Fines and charges"}, {2, "Computers and Wi-Fi"},
}

func (n *libNative) writeComplaints() error {
	s, r := n.o.sim, n.r
	id := 0
	return n.o.writeTable("library_complaints.csv", "library_complaints",
		[]string{"Complaint reference", "Date received", "Library name", "Category"},
		func(t *table) {
			n.days(s.w.flow, func(d day, m int) {
				if !s.cal.isWork(d) {
					return
				}
				for v := r.poisson(0.3); v > 0; v-- {
					id++
					lib := ""
					if b := n.bs[r.IntN(len(n.bs))]; r.chance(0.8) && d >= b.open && d <= b.close {
						lib = b.name
					}
					t.write(fmt.Sprintf("LC%05d", id), d.dmy(), lib, pick(r, complaintCategories))
				}
			})
		})
}

// writeStockMovements writes items added to and withdrawn from each
// branch's stock, on working days while the branch is in service.
func (n *libNative) writeStockMovements() error {
	s, r := n.o.sim, n.r
	added := 0
	return n.o.writeTable("library_stock_movements.csv", "library_stock_movements",
		[]string{"Item ID", "Movement date", "Movement", "Library name", "Stock category"},
		func(t *table) {
			n.days(s.w.flow, func(d day, m int) {
				if !s.cal.isWork(d) {
					return
				}
				for _, b := range n.bs {
					if d < b.open || d > b.close {
						continue
					}
					for v := r.poisson(b.size / 300); v > 0; v-- {
						added++
						t.write(fmt.Sprintf("N%08d", added), d.dmy(), "Added", b.name,
							n.stockFor("Adult"))
					}
					for v := r.poisson(b.size / 330); v > 0; v-- {
						t.write(fmt.Sprintf("W%08d", r.IntN(90000000)), d.dmy(), "Withdrawn",
							b.name, n.stockFor("Adult"))
					}
				}
			})
		})
}

// writeReservations writes holds placed on items, with the day each was
// ready for collection (blank while waiting) or cancelled.
func (n *libNative) writeReservations() error {
	s, r := n.o.sim, n.r
	var weights []opt[int]
	for i, b := range n.bs {
		weights = append(weights, opt[int]{b.size, i})
	}
	id := 0
	return n.o.writeTable("library_reservations.csv", "library_reservations",
		[]string{"Reservation ID", "Date placed", "Date satisfied", "Date cancelled",
			"Pickup library"}, func(t *table) {
			n.days(s.w.flow, func(d day, m int) {
				for v := r.poisson(10); v > 0; v-- {
					id++
					b := n.bs[pick(r, weights)]
					if d < b.open || d > b.close {
						continue
					}
					var wait int
					switch x := r.Float64(); {
					case x < 0.4:
						wait = r.between(0, 3)
					case x < 0.8:
						wait = r.between(4, 14)
					default:
						wait = int(r.lognorm(25, 0.6)) + 1
					}
					done, cancelled := "", ""
					if r.chance(0.06) {
						cancelled = n.o.dateOrBlank(d + day(r.between(1, 60)))
					} else {
						done = n.o.dateOrBlank(d + day(wait))
					}
					t.write(fmt.Sprintf("R%07d", id), d.dmy(), done, cancelled, b.name)
				}
			})
		})
}

var enquiryTypes = []opt[string]{
	{5, "Finding an item"}, {3, "Computer and digital help"}, {2, "Membership and accounts"},
	{2, "Local and community information"}, {1, "Reference and research"},
	{1, "Council services"},
}

var enquiryChannels = []opt[string]{{0.8, "Face to face"}, {0.15, "Telephone"}, {0.05, "Email"}}

func (n *libNative) writeEnquiries() error {
	s, r := n.o.sim, n.r
	return n.o.writeTable("library_enquiries.csv", "library_enquiries",
		[]string{"Library name", "Enquiry date", "Enquiry type", "Channel"}, func(t *table) {
			n.days(s.w.flow, func(d day, m int) {
				for _, b := range n.bs {
					if !b.isOpen(s.cal, d) {
						continue
					}
					for v := r.poisson(b.size / 200 * ramp(b, d)); v > 0; v-- {
						t.write(b.name, d.dmy(), pick(r, enquiryTypes), pick(r, enquiryChannels))
					}
				}
			})
		})
}
