package synth

import "fmt"

// Ethnicity of children known to social care, CBDS codes, roughly as in an
// outer London borough.
var ethnicities = []opt[string]{
	{62, "WBRI"}, {1, "WIRI"}, {0.3, "WIRT"}, {7, "WOTH"}, {1, "WROM"},
	{3, "MWBC"}, {1.5, "MWBA"}, {1.5, "MWAS"}, {3, "MOTH"}, {2.5, "AIND"},
	{3.5, "APKN"}, {1.5, "ABAN"}, {2, "AOTH"}, {1.5, "BCRB"}, {4, "BAFR"},
	{1, "BOTH"}, {0.4, "CHNE"}, {2, "OOTH"}, {0.3, "REFU"}, {1, "NOBT"},
}

var uascEthnicities = []opt[string]{
	{30, "AOTH"}, {25, "BAFR"}, {25, "OOTH"}, {10, "BOTH"}, {5, "MOTH"}, {5, "WOTH"},
}

// Letters allowed in the inward part of a postcode.
const inwardLetters = "ABDEFGHJLNPQRSTUWXYZ"

// The council's own district is SB1 to SB9; QN is a made-up neighbouring
// council and QX a made-up council further away. No real postcode area starts
// with Q, and none is SB.
func postcode(r rng, area string, district int) string {
	return fmt.Sprintf("%s%d %d%c%c", area, district, r.IntN(10),
		inwardLetters[r.IntN(len(inwardLetters))],
		inwardLetters[r.IntN(len(inwardLetters))])
}

// Made-up three-digit local authority codes (real ones run from 201 to 938).
const (
	laOwn       = "990"
	laNeighbour = "991"
	laFar       = "992"
)

// upnLetters maps a weighted sum modulo 23 to the UPN check letter.
const upnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ"

// makeUPN builds a 13-character unique pupil number: check letter, the LA
// code, a school number, a two-digit year and a serial, with the DfE check
// letter (digits 2 to 13 weighted 2 to 13, summed, modulo 23).
func makeUPN(r rng, year int) string {
	digits := fmt.Sprintf("%s%04d%02d%03d", laOwn, r.IntN(10000), year%100, r.IntN(1000))
	sum := 0
	for i, ch := range digits {
		sum += int(ch-'0') * (i + 2)
	}
	return string(upnLetters[sum%23]) + digits
}

// Teams and their social workers. Worker ids are numbered across teams.
type team struct {
	name    string
	workers []string
}

type staff struct {
	assessNorth, assessSouth *team
	safeguarding             []*team
	inCare                   *team
	disabled                 *team
	leaving                  *team
}

func newStaff() *staff {
	n := 0
	mk := func(name string, size int) *team {
		t := &team{name: name}
		for i := 0; i < size; i++ {
			n++
			t.workers = append(t.workers, fmt.Sprintf("W%04d", n))
		}
		return t
	}
	st := &staff{}
	st.assessNorth = mk("Assessment Team North", 14)
	st.assessSouth = mk("Assessment Team South", 14)
	for i := 1; i <= 3; i++ {
		st.safeguarding = append(st.safeguarding, mk(fmt.Sprintf("Safeguarding Team %d", i), 12))
	}
	st.inCare = mk("Children in Care Team", 16)
	st.disabled = mk("Disabled Children's Team", 7)
	st.leaving = mk("Leaving Care Team", 9)
	return st
}

func (t *team) pick(r rng) string { return t.workers[r.IntN(len(t.workers))] }

// newChild makes a child aged age on date on.
func (s *sim) newChild(on day, age int) *child {
	r := s.r
	s.nextChild++
	c := &child{num: s.nextChild, motherOn: noDay, lastClose: -1 << 30}
	c.id = fmt.Sprintf("SB%06d", c.num)
	c.sex = 'M'
	if r.chance(0.48) {
		c.sex = 'F'
	}
	c.eth = pick(r, ethnicities)
	// Born on a day that makes the child exactly age on the given date, and
	// never on the date itself.
	hi := on.addYears(-age) - 1
	lo := on.addYears(-age-1) + 1
	c.dob = day(r.between(int(lo), int(hi)))
	if ageAt(c.dob, on) != age {
		c.dob = hi
	}
	c.district = 1 + r.IntN(9)
	c.post = postcode(r, "SB", c.district)
	c.disabled = pick(r, []opt[string]{{90, ynNo}, {8, ynYes}, {2, ynUnknown}})
	y, _, _ := c.dob.ymd()
	c.upn = makeUPN(r, y+5)
	s.children = append(s.children, c)
	return c
}

// childAge draws an age at first contact: many babies, many teenagers.
func childAge(r rng) int {
	band := pick(r, []opt[int]{{13, 0}, {22, 1}, {27, 5}, {30, 10}, {8, 16}})
	switch band {
	case 0:
		return 0
	case 1:
		return r.between(1, 4)
	case 5:
		return r.between(5, 9)
	case 10:
		return r.between(10, 15)
	}
	return r.between(16, 17)
}

// assessTeam is the assessment team for the child's district.
func (s *sim) assessTeam(c *child) *team {
	if c.district <= 5 {
		return s.staff.assessNorth
	}
	return s.staff.assessSouth
}

func (s *sim) safeguardTeam(c *child) *team {
	return s.staff.safeguarding[c.district%len(s.staff.safeguarding)]
}

// Yes/No answers as Ofsted's template writes them.
const (
	ynYes     = "a) Yes"
	ynNo      = "b) No"
	ynUnknown = "c) Unknown"
)

func yn(b bool) string {
	if b {
		return ynYes
	}
	return ynNo
}
