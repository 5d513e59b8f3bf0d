package synth

// The records below are the simulation's truth. Dates may lie beyond the
// window's end (a plan that will end next spring); writers censor them, so
// what is written is what the systems would know at WindowEnd.

type child struct {
	num      int
	id       string // SB000123
	sex      byte   // 'M' or 'F'
	eth      string // CBDS ethnicity code, e.g. WBRI
	dob      day
	disabled string // Annex A answer: a) Yes, b) No, c) Unknown
	uasc     bool
	post     string // home postcode
	district int    // 1..9, the outward code's digit
	upn      string

	contacts []*contact
	refs     []*referral
	plans    []*cpPlan
	periods  []*period
	ehs      []*earlyHelp
	leaver   *leaver

	lastClose day // the latest closure of a CIN episode, to keep episodes apart
	everPlan  bool
	motherOn  day // date a looked-after girl had her own child, or noDay
}

func (c *child) eighteenth() day { return c.dob.addYears(18) }

// Contact outcomes, as the native contacts export writes them.
const (
	outNFA        = "NFA"
	outSignpost   = "NFA - signposting"
	outReferral   = "Referral to social care"
	outEarlyHelp  = "Referral to early intervention"
	outStepAcross = "Step across from MASH"
)

type contact struct {
	c       *child
	date    day
	source  string // bare Annex A source code: 1A .. 10
	brag    string
	outcome string
}

type earlyHelp struct {
	c     *child
	start day
	end   day // assessment completed
	org   string
}

// referral is one referral to children's social care and the CIN episode it
// opens, closed by close.
type referral struct {
	c       *child
	contact *contact
	date    day
	source  string
	nfa     bool
	need    string // N0..N9
	asmt    *assessment
	s47     *s47
	plan    *cpPlan
	period  *period
	cinPlan bool
	close   day
	reason  string // RC1..RC9
	team    string
	worker  string
}

type assessment struct {
	start, auth day
	seen        bool
	support     bool // assessed as requiring children's social care support
}

type s47 struct {
	strat     day // strategy discussion that started the enquiry
	concluded day // when the enquiry concluded
	icpc      day // initial conference, or noDay
	plan      bool
	team      string
	worker    string
}

type cpPlan struct {
	c         *child
	start     day
	end       day
	initCat   string // NEG, PHY, SAB, EMO, MUL
	latestCat string
	prev      int // previous plans in this council, however long ago
	epo       bool
	seenAlone string
	reviews   []day
	team      string
	worker    string
}

// period is one period of care: consecutive SSDA903 episodes joined by X1.
type period struct {
	c       *child
	ref     *referral
	start   day
	end     day
	rec     string
	route   int
	eps     []*episode
	need    string // N1..N8
	uasc    bool
	short   bool // V3 or V4 short breaks
	perm    string
	adopt   *adoption
	reviews []review
	missing []missingEp
	sws     []swEp

	prevPerm, laPerm string
	datePerm         day
}

type episode struct {
	decom, dec day
	rne, ls    string
	place      string
	prov       string
	rec        string
	rpc        string // reason for placement change, on the episode that ends
	plPost     string
	urn        string
	carer      int
}

type adoption struct {
	adm, po, match, placed, order day
	reversed                      day
	reason                        string // RD1..RD4
	ffa                           day
	fosterCarer                   bool
	nb                            int
	sex, ls                       string
}

type review struct {
	date day
	code string // PN0..PN7
}

type missingEp struct {
	kind       string // M or A
	start, end day
	offered    bool
	accepted   bool
}

type swEp struct {
	worker     string
	start, end day
	reason     string
}

// leaver holds what the leaving care service knows of a young person who
// left care at 16 or over.
type leaver struct {
	ceased      day
	eligibility string // Annex A list 9 category
	pa          string
	team        string
	worker      string
	status      [22]leaverStatus // by age, 16..21 used
}

type leaverStatus struct {
	inTouch string // YES, NO, REFU, NREQ
	activ   string // F1..G6 or 0
	accom   string // letter and 1 or 2, or 0
}
