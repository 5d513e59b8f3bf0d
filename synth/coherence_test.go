package synth

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// written holds the DefaultConfig council's files read back.
type written struct {
	dir      string
	sum      Summary
	w        window
	cal      *calendar
	contacts *csvFile
	lists    map[int]*csvFile // Annex A lists 1 to 10
	years    []int            // SSDA903 years, by the year they start
	faulty   map[string]map[int]bool
}

func readWritten(t *testing.T) *written {
	t.Helper()
	dir, sum := council(t)
	cal, err := newCalendar(mkDay(2015, 1, 1), mkDay(2030, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	wr := &written{dir: dir, sum: sum, w: newWindow(DefaultConfig(asOf)), cal: cal,
		lists: map[int]*csvFile{}, faulty: map[string]map[int]bool{}}
	wr.contacts = readCSV(t, dir, fileContacts)
	for _, f := range sum.Files {
		if n, ok := strings.CutPrefix(f.Kind, "annexa_l"); ok {
			i, _ := strconv.Atoi(n)
			wr.lists[i] = readCSV(t, dir, f.Name)
		}
	}
	for y := 2023; y <= 2026; y++ {
		wr.years = append(wr.years, y)
	}
	for _, f := range sum.Faults {
		if wr.faulty[f.File] == nil {
			wr.faulty[f.File] = map[int]bool{}
		}
		wr.faulty[f.File][f.Line] = true
	}
	return wr
}

func (wr *written) table903(t *testing.T, y int, table string) *csvFile {
	return readCSV(t, wr.dir, fmt.Sprintf("SSDA903_%s_%s.csv", fyLabel(y), table))
}

// line is the physical line of data row i.
func line(i int) int { return i + 2 }

// code takes the code out of an Annex A label: "a) 1A: Individual" is 1A.
func code(label string) string {
	if _, rest, ok := strings.Cut(label, ") "); ok {
		label = rest
	}
	c, _, _ := strings.Cut(label, ":")
	return c
}

// byChild indexes a list's dates in column col by child.
func byChild(t *testing.T, f *csvFile, col string) map[string][]day {
	out := map[string][]day{}
	for _, r := range f.rows {
		id := f.get(t, r, "Child Unique ID")
		out[id] = append(out[id], date(t, f, r, col))
	}
	return out
}

func anyBetween(ds []day, lo, hi day) bool {
	for _, d := range ds {
		if d >= lo && d <= hi {
			return true
		}
	}
	return false
}

func TestCoherence(t *testing.T) {
	wr := readWritten(t)
	l1, l3, l4, l5, l7, l8 := wr.lists[1], wr.lists[3], wr.lists[4], wr.lists[5], wr.lists[7],
		wr.lists[8]
	flow, end := wr.w.flow, wr.w.end
	for i := 1; i <= 10; i++ {
		if wr.lists[i] == nil {
			t.Fatalf("Annex A list %d was not written", i)
		}
	}

	t.Run("contact dates exist except the planted faults", func(t *testing.T) {
		f := wr.contacts
		for i, r := range f.rows {
			_, err := time.Parse("02/01/2006", f.get(t, r, "Date of Contact"))
			if bad := wr.faulty[fileContacts][line(i)]; (err != nil) != bad {
				t.Fatalf("%s line %d: date %q: parse error %v, planted fault %v",
					f.name, line(i), f.get(t, r, "Date of Contact"), err, bad)
			}
		}
	})

	t.Run("contacts and list 1 agree", func(t *testing.T) {
		f := wr.contacts
		keys := map[string]int{}
		for i, r := range f.rows {
			if !wr.faulty[fileContacts][line(i)] {
				keys[f.get(t, r, "Child ID")+"|"+f.get(t, r, "Date of Contact")+"|"+
					f.get(t, r, "Contact Source")]++
			}
		}
		for i, r := range l1.rows {
			k := l1.get(t, r, "Child Unique ID") + "|" + l1.get(t, r, "Date of Contact") + "|" +
				code(l1.get(t, r, "Contact Source"))
			if keys[k] == 0 {
				t.Fatalf("%s line %d: contact %s is not in %s", l1.name, line(i), k, fileContacts)
			}
			keys[k]--
		}
		for k, n := range keys {
			if n != 0 {
				t.Fatalf("%s: contact %s is not in %s", fileContacts, k, l1.name)
			}
		}
	})

	refDates := byChild(t, l3, "Date of referral")
	t.Run("contacts referred to social care have their referral", func(t *testing.T) {
		f := wr.contacts
		for i, r := range f.rows {
			if wr.faulty[fileContacts][line(i)] || f.get(t, r, "Contact Outcome") != outReferral {
				continue
			}
			d := date(t, f, r, "Date of Contact")
			if !anyBetween(refDates[f.get(t, r, "Child ID")], d, d+7) {
				t.Fatalf("%s line %d: no referral of %s within 7 days on or after %s",
					f.name, line(i), f.get(t, r, "Child ID"), d.dmy())
			}
		}
	})

	t.Run("referrals follow their contact", func(t *testing.T) {
		f := wr.contacts
		contacts := map[string][]day{}
		for i, r := range f.rows {
			if !wr.faulty[fileContacts][line(i)] && f.get(t, r, "Contact Outcome") == outReferral {
				id := f.get(t, r, "Child ID")
				contacts[id] = append(contacts[id], date(t, f, r, "Date of Contact"))
			}
		}
		for i, r := range l3.rows {
			d := date(t, l3, r, "Date of referral")
			if d < flow+7 {
				continue // its contact may fall before the first flow record
			}
			if !anyBetween(contacts[l3.get(t, r, "Child Unique ID")], d-7, d) {
				t.Fatalf("%s line %d: no contact referred to social care in the 7 days to %s",
					l3.name, line(i), d.dmy())
			}
		}
	})

	t.Run("ages are 0 to 17 and match the date of birth", func(t *testing.T) {
		checks := []struct {
			list int
			col  string
		}{
			{1, "Date of Contact"}, {3, "Date of referral"},
			{4, "Continuous Assessment Start Date"},
			{5, "Strategy discussion initiating Section 47 Enquiry Start Date"},
		}
		for _, ck := range checks {
			f := wr.lists[ck.list]
			for i, r := range f.rows {
				dob, d := date(t, f, r, "Date of Birth"), date(t, f, r, ck.col)
				age, err := strconv.Atoi(f.get(t, r, "Age of Child (Years)"))
				if err != nil || age != ageAt(dob, d) || age < 0 || age > 17 {
					t.Fatalf("%s line %d: age %q, born %s, on %s", f.name, line(i),
						f.get(t, r, "Age of Child (Years)"), dob.dmy(), d.dmy())
				}
			}
		}
	})

	t.Run("dates of birth come before every other date", func(t *testing.T) {
		for i := 1; i <= 10; i++ {
			f := wr.lists[i]
			for j, r := range f.rows {
				dob := date(t, f, r, "Date of Birth")
				for col := range f.cols {
					if col == "Date of Birth" || !strings.Contains(strings.ToLower(col), "date") {
						continue
					}
					if d := date(t, f, r, col); d != noDay && d <= dob {
						t.Fatalf("%s line %d: %q %s is not after birth on %s", f.name, line(j),
							col, d.dmy(), dob.dmy())
					}
				}
			}
		}
	})

	t.Run("assessments follow a referral and take 5 to 70 working days", func(t *testing.T) {
		for i, r := range l4.rows {
			if wr.faulty[fileL4][line(i)] {
				continue
			}
			s := date(t, l4, r, "Continuous Assessment Start Date")
			a := date(t, l4, r, "Continuous Assessment Date of Authorisation")
			if a != noDay {
				if n := wr.cal.wdBetween(s, a); a < s || n < 5 || n > 70 {
					t.Fatalf("%s line %d: started %s, authorised %s (%d working days)",
						l4.name, line(i), s.dmy(), a.dmy(), n)
				}
			}
			if s >= flow+30 && !anyBetween(refDates[l4.get(t, r, "Child Unique ID")], s-10, s) {
				t.Fatalf("%s line %d: no referral in the 10 days to %s", l4.name, line(i), s.dmy())
			}
		}
	})

	planStarts := byChild(t, l7, "Child Protection Plan Start Date")
	t.Run("S47s follow a referral and ICPCs make the plans", func(t *testing.T) {
		for i, r := range l5.rows {
			id := l5.get(t, r, "Child Unique ID")
			s := date(t, l5, r, "Strategy discussion initiating Section 47 Enquiry Start Date")
			c := date(t, l5, r, "Date of Initial Child Protection Conference")
			unnecessary := l5.get(t, r, "Was an Initial Child Protection Conference deemed unnecessary?")
			result := l5.get(t, r,
				"Did the Initial Child Protection Conference Result in a Child Protection Plan")
			switch {
			case s >= flow+30 && !anyBetween(refDates[id], s-10, s):
				t.Fatalf("%s line %d: no referral in the 10 days to %s", l5.name, line(i), s.dmy())
			case c != noDay && (c < s || unnecessary != ynNo):
				t.Fatalf("%s line %d: ICPC %s after strategy discussion %s, unnecessary %q",
					l5.name, line(i), c.dmy(), s.dmy(), unnecessary)
			case unnecessary == ynYes && (c != noDay || result != ""):
				t.Fatalf("%s line %d: ICPC unnecessary but held", l5.name, line(i))
			case result == ynYes && !anyBetween(planStarts[id], c, c):
				t.Fatalf("%s line %d: ICPC %s made a plan that list 7 lacks", l5.name, line(i),
					c.dmy())
			}
		}
	})

	t.Run("CP plans end after they start and never overlap", func(t *testing.T) {
		type plan struct {
			start, end day
			prev       int
			line       int
		}
		plans := map[string][]plan{}
		var ids []string
		for i, r := range l7.rows {
			id := l7.get(t, r, "Child Unique ID")
			prev, _ := strconv.Atoi(l7.get(t, r, "Number of Previous Child Protection Plans"))
			if plans[id] == nil {
				ids = append(ids, id)
			}
			plans[id] = append(plans[id], plan{date(t, l7, r, "Child Protection Plan Start Date"),
				date(t, l7, r, "Child Protection Plan End Date"), prev, line(i)})
		}
		for _, id := range ids {
			ps := plans[id]
			for k, p := range ps {
				if p.end < p.start {
					t.Fatalf("%s line %d: plan ends %s before it starts %s", l7.name, p.line,
						p.end.dmy(), p.start.dmy())
				}
				if k == 0 {
					continue
				}
				q := ps[k-1]
				if q.end == noDay || p.start < q.end || p.prev < q.prev+1 {
					t.Fatalf("%s line %d: plan from %s (%d before) overlaps or miscounts the "+
						"plan on line %d (%s to %s, %d before)", l7.name, p.line, p.start.dmy(),
						p.prev, q.line, q.start.dmy(), q.end.dmy(), q.prev)
				}
			}
		}
	})

	t.Run("Annex A counts follow their definitions", func(t *testing.T) {
		for i, r := range l3.rows {
			d := date(t, l3, r, "Date of referral")
			if d < flow.addYears(1) {
				continue // earlier referrals in its 12 months may predate the files
			}
			want := countBefore(refDates[l3.get(t, r, "Child Unique ID")], d)
			if got := l3.get(t, r, "Number of Referrals in Last 12 Months"); got != itoa(want) {
				t.Fatalf("%s line %d: got %s referrals in the 12 months before %s, want %d",
					l3.name, line(i), got, d.dmy(), want)
			}
		}
		strats := byChild(t, l5, "Strategy discussion initiating Section 47 Enquiry Start Date")
		icpcs := byChild(t, l5, "Date of Initial Child Protection Conference")
		for i, r := range l5.rows {
			id := l5.get(t, r, "Child Unique ID")
			s := date(t, l5, r, "Strategy discussion initiating Section 47 Enquiry Start Date")
			if s < flow.addYears(1)+60 {
				continue // an ICPC in its 12 months may belong to an S47 before the files
			}
			gotS := l5.get(t, r, "Number of Section 47 Enquiries in the last 12 months")
			gotI := l5.get(t, r, "Number of ICPCs in the last 12 months")
			if gotS != itoa(countBefore(strats[id], s)) || gotI != itoa(countBefore(icpcs[id], s)) {
				t.Fatalf("%s line %d: got %s S47s and %s ICPCs before %s, want %d and %d",
					l5.name, line(i), gotS, gotI, s.dmy(), countBefore(strats[id], s),
					countBefore(icpcs[id], s))
			}
		}
	})

	t.Run("episodes never overlap and X1 joins them", func(t *testing.T) {
		for _, y := range wr.years {
			f := wr.table903(t, y, "episodes")
			for i, r := range f.rows {
				s, e := date(t, f, r, "DECOM"), date(t, f, r, "DEC")
				rec, rpc := f.get(t, r, "REC"), f.get(t, r, "REASON_PLACE_CHANGE")
				if e != noDay && e < s {
					t.Fatalf("%s line %d: DEC %s before DECOM %s", f.name, line(i), e.dmy(), s.dmy())
				}
				if (e == noDay) != (rec == "") {
					t.Fatalf("%s line %d: DEC %q with REC %q", f.name, line(i),
						f.get(t, r, "DEC"), rec)
				}
				last := i+1 == len(f.rows) || f.rows[i+1][0] != r[0]
				if last {
					if rec == "X1" {
						t.Fatalf("%s line %d: the child's last episode ends X1", f.name, line(i))
					}
					continue
				}
				next := f.rows[i+1]
				ns := date(t, f, next, "DECOM")
				joined := ns == e
				rne := f.get(t, next, "RNE")
				switch {
				case e == noDay:
					t.Fatalf("%s line %d: open episode followed by another", f.name, line(i))
				case ns < e:
					t.Fatalf("%s line %d: next episode starts %s before this ends %s",
						f.name, line(i), ns.dmy(), e.dmy())
				case joined != (rec == "X1"):
					t.Fatalf("%s line %d: REC %s, next DECOM %s, DEC %s", f.name, line(i), rec,
						ns.dmy(), e.dmy())
				case joined && rne == "S", !joined && rne != "S":
					t.Fatalf("%s line %d: next episode has RNE %s", f.name, line(i+1), rne)
				case (rec == "X1" && strings.Contains("PBTU", rne)) != (rpc != ""):
					t.Fatalf("%s line %d: REASON_PLACE_CHANGE %q before RNE %s", f.name, line(i),
						rpc, rne)
				}
			}
		}
	})

	t.Run("returns agree from one year to the next", func(t *testing.T) {
		for _, y := range wr.years[:len(wr.years)-1] {
			f, g := wr.table903(t, y, "episodes"), wr.table903(t, y+1, "episodes")
			next := map[string]bool{}
			for _, r := range g.rows {
				next[r[0]+"|"+g.get(t, r, "DECOM")] = true
			}
			for i, r := range f.rows {
				if f.get(t, r, "DEC") == "" && !next[r[0]+"|"+f.get(t, r, "DECOM")] {
					t.Fatalf("%s line %d: episode open at 31 March is missing from %s",
						f.name, line(i), g.name)
				}
			}
		}
	})

	t.Run("SEX is 1/2 up to 2023-24 and M/F after", func(t *testing.T) {
		for _, y := range wr.years {
			for _, table := range []string{"header", "uasc"} {
				f := wr.table903(t, y, table)
				want := "MF"
				if y+1 <= 2024 {
					want = "12"
				}
				for i, r := range f.rows {
					if s := f.get(t, r, "SEX"); len(s) != 1 || !strings.Contains(want, s) {
						t.Fatalf("%s line %d: SEX %q, want one of %q", f.name, line(i), s, want)
					}
				}
			}
		}
	})

	t.Run("looked-after children match Annex A", func(t *testing.T) {
		dobs := map[string]string{}
		for _, n := range []int{3, 6, 8, 9} {
			f := wr.lists[n]
			for _, r := range f.rows {
				dobs[f.get(t, r, "Child Unique ID")] = f.get(t, r, "Date of Birth")
			}
		}
		starts := map[string]bool{}
		for _, r := range l8.rows {
			starts[r[0]+"|"+l8.get(t, r, "Date Started to be Looked After")] = true
		}
		for _, y := range wr.years {
			h := wr.table903(t, y, "header")
			for i, r := range h.rows {
				if got, want := h.get(t, r, "DOB"), dobs[r[0]]; got != want {
					t.Fatalf("%s line %d: DOB %s, Annex A has %q", h.name, line(i), got, want)
				}
			}
			f := wr.table903(t, y, "episodes")
			for i, r := range f.rows {
				ls := f.get(t, r, "LS")
				if f.get(t, r, "RNE") == "S" && ls != "V3" && ls != "V4" &&
					!starts[r[0]+"|"+f.get(t, r, "DECOM")] {
					t.Fatalf("%s line %d: period of care starting %s is not in %s", f.name,
						line(i), f.get(t, r, "DECOM"), l8.name)
				}
			}
		}
	})

	t.Run("library branches open only on their days", func(t *testing.T) {
		f := readCSV(t, wr.dir, "library_visits.csv")
		first, last := map[string]day{}, map[string]day{}
		var names []string
		for i, r := range f.rows {
			name := f.get(t, r, "Library name")
			d, err := time.Parse("2006-01-02", f.get(t, r, "Count start"))
			if err != nil || f.get(t, r, "Count end") != f.get(t, r, "Count start") {
				t.Fatalf("%s line %d: count from %q to %q", f.name, line(i),
					f.get(t, r, "Count start"), f.get(t, r, "Count end"))
			}
			dd := dayOf(d)
			if wr.cal.isBankHoliday(dd) || (dd.weekday() == time.Sunday && name != "Central Library") {
				t.Fatalf("%s line %d: %s open on %s, a %s", f.name, line(i), name, dd.iso(),
					dd.weekday())
			}
			if _, ok := first[name]; !ok {
				first[name] = dd
				names = append(names, name)
			}
			last[name] = dd
		}
		sort.Strings(names)
		opened, closed := 0, 0
		for _, n := range names {
			if first[n] > wr.w.start {
				opened++
			}
			if last[n] < end-7 {
				closed++
			}
		}
		if len(names) != 10 || opened != 1 || closed != 1 {
			t.Fatalf("got %d branches, %d opening and %d closing in the window, want 10, 1 and 1",
				len(names), opened, closed)
		}
	})

	t.Run("population is near the configured children", func(t *testing.T) {
		f := readCSV(t, wr.dir, "population.csv")
		if len(f.rows) != 4 {
			t.Fatalf("got %d mid-years, want 4 (2023 to 2026)", len(f.rows))
		}
		for i, r := range f.rows {
			n, err := strconv.Atoi(f.get(t, r, "Population aged 0 to 17"))
			if err != nil || n < 72750 || n > 77250 {
				t.Fatalf("%s line %d: population %q, want within 3%% of 75000", f.name, line(i),
					f.get(t, r, "Population aged 0 to 17"))
			}
		}
	})
}
