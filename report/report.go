// Package report turns the published warehouse into what a service manager
// reads: the scorecard, one self-contained HTML page of every indicator of
// the council's appendix for a period, and the explanation of one value, the
// pseudonymised cases behind it.
//
// The scorecard follows the appendix, section by section. Each computed
// indicator shows its latest value over a period ending on or before the
// report period, written in its unit; a trend over the last 13 periods of its
// frequency; the direction of travel against the period before, judged good
// or bad by the indicator's polarity; and a red, amber or green rating where
// a targets file (see LoadTargets) sets a target. Its definition, numerator,
// denominator, period and authority open on a click. Indicators not computed
// are listed with the reason. Each value links to the cases behind it.
//
// The page refers to nothing outside itself: styles, trend charts (SVG) and
// a few lines of script are inline, so it can be mailed or kept on a shared
// drive and opened without a network.
//
// Cases appear only by their subject key with every keyed hash in it cut to
// its first 12 characters, with the date that decided them and the
// indicator's note. The warehouse holds no names, and neither does the page;
// a hash cannot be turned back into a child without the key and the source
// system.
//
// Every function reads through a *sql.DB that the caller opens (with
// load.OpenReadOnly) and closes; nothing is written to it.
package report

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"scorecard/transform"
)

// TrendPeriods is how many periods a trend covers, the shown one included:
// a year and the same month a year before, for monthly indicators.
const TrendPeriods = 13

// DefaultMaxCases is how many cases the page keeps for each value when
// Options.MaxCases is zero. A value with more says how many were left out;
// 'scorecard explain' lists them all.
const DefaultMaxCases = 2000

// Indicator is one row of dim_indicator.
type Indicator struct {
	ID        string
	Code      string // as printed in the appendix; "" where none
	Title     string
	Section   string
	Frequency string // day, week, month, quarter or year
	Unit      string // count, percent, rate_per_10k, mean_days, ...
	Polarity  string // higher_better, lower_better or neutral

	// What the indicator's SQL file says it computes; empty when not
	// computed.
	Definition, Numerator, Denominator, Period, Authority string

	Status       string // computed or not_computed
	StatusReason string // why not computed, or a caveat on a computed one
}

// Computed reports whether the indicator has values.
func (i Indicator) Computed() bool { return i.Status == "computed" }

// Period is a row of dim_period.
type Period struct {
	ID        string // month:2026-11
	Frequency string
	Label     string // 2026-11
	Start     time.Time
	End       time.Time
}

// Value is one indicator value. Numerator, Denominator and Value are nil
// where the warehouse holds NULL: a count has no denominator, and a
// percentage of nothing has no value.
type Value struct {
	Period                        Period
	Numerator, Denominator, Value *float64
}

// Point is one period of a trend.
type Point struct {
	Period   Period
	Reported bool     // the period has a value row
	Value    *float64 // nil when not reported, or reported without a value
}

// Change is the direction of travel from the previous period's value.
type Change struct {
	// Direction is up, down or flat, compared at the precision shown; ""
	// when the previous period has no value.
	Direction string
	// Judgement is better or worse by the indicator's polarity; "" for a
	// neutral indicator or no change.
	Judgement string
	Previous  *Point // the previous period, when there is one
}

// Case is one pseudonymised member of a value.
type Case struct {
	Subject     string   // the subject key, each keyed hash in it cut to 12 characters
	Numerator   *float64 // nil: the case's count is not known
	Denominator float64
	DecidedOn   *time.Time // the date that put the case in this period
	Note        string
}

// Row is one indicator of the scorecard.
type Row struct {
	Indicator
	Shown *Value // nil: no value over a period ending by the report period
	// Behind is set when a later period of the indicator's frequency has
	// ended by the report period but has no value yet.
	Behind bool
	Trend  []Point // oldest first, the shown period last
	Change Change
	Target *Target
	RAG    string // Red, Amber, Green, or "" when there is no target or value
	Cases  []Case
	// CasesTotal is how many cases the value has; more than len(Cases)
	// when the page keeps only the first MaxCases.
	CasesTotal int
}

// Section is one section of the appendix.
type Section struct {
	Name        string
	Rows        []Row       // computed indicators, in appendix order
	NotComputed []Indicator // the others, in appendix order
}

// Scorecard is everything the page shows.
type Scorecard struct {
	// Period is the report period; nil when the warehouse has no values.
	Period *Period
	// Generated is when the page was made; zero leaves it off the page.
	Generated time.Time
	// RunID and DataAsOf describe the latest run that published the
	// warehouse; zero when the ledger has none.
	RunID    int64
	DataAsOf time.Time
	Sections []Section

	Computed, NotComputed int
	Red, Amber, Green     int
	Targets               int // computed indicators with a target and a value
	MaxCases              int
}

// Options choose what the scorecard shows.
type Options struct {
	// Period is the report period as a person types it (2026-11, 2026-W45,
	// 2026-27 Q3; see transform.ParsePeriod). Empty means the latest month
	// with values.
	Period string
	// Targets rate values red, amber or green; nil means none.
	Targets Targets
	// Generated is printed on the page as when it was made.
	Generated time.Time
	// MaxCases caps the cases kept per value; 0 means DefaultMaxCases.
	MaxCases int
}

// ErrBadPeriod is matched by the error for a period that cannot be read or
// is outside the warehouse's calendar.
var ErrBadPeriod = errors.New("bad period")

// kindError gives an error a kind to match with errors.Is while keeping its
// own message and chain.
type kindError struct{ kind, err error }

func (e *kindError) Error() string   { return e.err.Error() }
func (e *kindError) Unwrap() []error { return []error{e.kind, e.err} }

func kind(k, err error) error { return &kindError{kind: k, err: err} }

// Indicators returns every row of dim_indicator in appendix order.
func Indicators(ctx context.Context, db *sql.DB) ([]Indicator, error) {
	stmts, err := statements()
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, stmts["indicators"])
	if err != nil {
		return nil, fmt.Errorf("report: read dim_indicator: %w", err)
	}
	defer rows.Close()
	var out []Indicator
	for rows.Next() {
		var i Indicator
		err := rows.Scan(&i.ID, &i.Code, &i.Title, &i.Section, &i.Frequency, &i.Unit,
			&i.Polarity, &i.Definition, &i.Numerator, &i.Denominator, &i.Period, &i.Authority,
			&i.Status, &i.StatusReason)
		if err != nil {
			return nil, fmt.Errorf("report: read dim_indicator: %w", err)
		}
		out = append(out, i)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("report: read dim_indicator: %w", err)
	}
	return out, nil
}

// Build reads what the scorecard shows for opt.Period from db.
func Build(ctx context.Context, db *sql.DB, opt Options) (*Scorecard, error) {
	stmts, err := statements()
	if err != nil {
		return nil, err
	}
	inds, err := Indicators(ctx, db)
	if err != nil {
		return nil, err
	}
	sc := &Scorecard{Generated: opt.Generated, MaxCases: opt.MaxCases}
	if sc.MaxCases <= 0 {
		sc.MaxCases = DefaultMaxCases
	}
	if err := readLastRun(ctx, db, stmts, sc); err != nil {
		return nil, err
	}
	sc.Period, err = reportPeriod(ctx, db, stmts, opt.Period)
	if err != nil {
		return nil, err
	}

	// What each indicator shows, when there is a period to show.
	var f facts
	if sc.Period != nil {
		f, err = readFacts(ctx, db, stmts, sc.Period.End, sc.MaxCases)
		if err != nil {
			return nil, err
		}
	}

	// Sections in appendix order, each indicator in its section.
	index := map[string]int{}
	for _, ind := range inds {
		i, ok := index[ind.Section]
		if !ok {
			i = len(sc.Sections)
			index[ind.Section] = i
			sc.Sections = append(sc.Sections, Section{Name: ind.Section})
		}
		s := &sc.Sections[i]
		if !ind.Computed() {
			s.NotComputed = append(s.NotComputed, ind)
			sc.NotComputed++
			continue
		}
		row := f.row(ind, opt.Targets)
		s.Rows = append(s.Rows, row)
		sc.Computed++
		switch row.RAG {
		case Red:
			sc.Red++
		case Amber:
			sc.Amber++
		case Green:
			sc.Green++
		}
		if row.RAG != "" {
			sc.Targets++
		}
	}
	return sc, nil
}

// reportPeriod resolves the period a person asked for, or the latest month
// with values when they asked for none; nil when there are no values.
func reportPeriod(ctx context.Context, db *sql.DB, stmts map[string]string,
	asked string) (*Period, error) {
	id := ""
	if asked == "" {
		err := db.QueryRowContext(ctx, stmts["latest_month"]).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("report: find the latest month with values: %w", err)
		}
	} else {
		_, pid, err := transform.ParsePeriod(asked)
		if err != nil {
			return nil, kind(ErrBadPeriod, fmt.Errorf("report: %w", err))
		}
		id = pid
	}
	p, err := readPeriod(ctx, db, stmts, id)
	if errors.Is(err, sql.ErrNoRows) {
		// The calendar's range only makes the message better; without it the
		// message says there is no calendar.
		var first, last sql.NullTime
		_ = db.QueryRowContext(ctx, stmts["calendar_range"]).Scan(&first, &last)
		if !first.Valid {
			return nil, kind(ErrBadPeriod, fmt.Errorf("report: period %s: the warehouse "+
				"has no calendar (has a run finished?)", asked))
		}
		return nil, kind(ErrBadPeriod, fmt.Errorf("report: period %s is outside the "+
			"warehouse's calendar, %s to %s", asked, first.Time.Format(time.DateOnly),
			last.Time.Format(time.DateOnly)))
	}
	if err != nil {
		return nil, fmt.Errorf("report: read period %s: %w", id, err)
	}
	return &p, nil
}

func readPeriod(ctx context.Context, db *sql.DB, stmts map[string]string,
	id string) (Period, error) {
	var p Period
	err := db.QueryRowContext(ctx, stmts["period"], id).
		Scan(&p.ID, &p.Frequency, &p.Start, &p.End, &p.Label)
	return p, err
}

func readLastRun(ctx context.Context, db *sql.DB, stmts map[string]string,
	sc *Scorecard) error {
	err := db.QueryRowContext(ctx, stmts["last_run"]).Scan(&sc.RunID, &sc.DataAsOf)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("report: read etl_run: %w", err)
	}
	return nil
}

// facts are the values, trends and cases of every indicator for one report
// period, by indicator id.
type facts struct {
	shown      map[string]*Value
	trend      map[string][]Point
	cases      map[string][]Case
	casesTotal map[string]int
	latestDue  map[string]time.Time // by frequency
}

// readFacts reads what each indicator shows for a report period ending on
// end.
func readFacts(ctx context.Context, db *sql.DB, stmts map[string]string, end time.Time,
	maxCases int) (facts, error) {
	f := facts{
		shown:      map[string]*Value{},
		trend:      map[string][]Point{},
		cases:      map[string][]Case{},
		casesTotal: map[string]int{},
		latestDue:  map[string]time.Time{},
	}
	day := end.Format(time.DateOnly)
	steps := []struct {
		name string
		args []any
		scan func(*sql.Rows) error
	}{
		{"latest_due", []any{day}, f.scanLatestDue},
		{"shown", []any{day}, f.scanShown},
		{"trend", []any{day, TrendPeriods}, f.scanTrend},
		{"shown_members", []any{day, maxCases}, f.scanCase},
	}
	for _, s := range steps {
		if err := eachRow(ctx, db, stmts[s.name], s.args, s.scan); err != nil {
			return f, fmt.Errorf("report: read %s for the period ending %s: %w",
				s.name, day, err)
		}
	}
	return f, nil
}

// eachRow runs q and calls scan for every row.
func eachRow(ctx context.Context, db *sql.DB, q string, args []any,
	scan func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (f *facts) scanLatestDue(rows *sql.Rows) error {
	var freq string
	var start time.Time
	if err := rows.Scan(&freq, &start); err != nil {
		return err
	}
	f.latestDue[freq] = start
	return nil
}

func (f *facts) scanShown(rows *sql.Rows) error {
	var id string
	v := &Value{}
	var num, den, val sql.NullFloat64
	err := rows.Scan(&id, &v.Period.ID, &v.Period.Start, &v.Period.End, &v.Period.Label,
		&num, &den, &val)
	if err != nil {
		return err
	}
	v.Numerator, v.Denominator, v.Value = ptr(num), ptr(den), ptr(val)
	f.shown[id] = v
	return nil
}

func (f *facts) scanTrend(rows *sql.Rows) error {
	var id string
	var p Point
	var val sql.NullFloat64
	if err := rows.Scan(&id, &p.Period.ID, &p.Period.Start, &p.Period.Label, &p.Reported,
		&val); err != nil {
		return err
	}
	p.Value = ptr(val)
	f.trend[id] = append(f.trend[id], p)
	return nil
}

func (f *facts) scanCase(rows *sql.Rows) error {
	var id string
	var c Case
	var num sql.NullFloat64
	var on sql.NullTime
	var total int
	if err := rows.Scan(&id, &c.Subject, &num, &c.Denominator, &on, &c.Note,
		&total); err != nil {
		return err
	}
	c.Numerator = ptr(num)
	if on.Valid {
		c.DecidedOn = &on.Time
	}
	f.cases[id] = append(f.cases[id], c)
	f.casesTotal[id] = total
	return nil
}

// row assembles one computed indicator's row.
func (f *facts) row(ind Indicator, targets Targets) Row {
	r := Row{Indicator: ind, Shown: f.shown[ind.ID], Trend: f.trend[ind.ID],
		Cases: f.cases[ind.ID], CasesTotal: f.casesTotal[ind.ID]}
	if t, ok := targets[ind.ID]; ok {
		r.Target = &t
	}
	if r.Shown == nil {
		return r
	}
	r.Shown.Period.Frequency = ind.Frequency
	for i := range r.Trend {
		r.Trend[i].Period.Frequency = ind.Frequency
	}
	if due, ok := f.latestDue[ind.Frequency]; ok && due.After(r.Shown.Period.Start) {
		r.Behind = true
	}
	r.Change = change(ind, r.Shown, r.Trend)
	if r.Target != nil && r.Shown.Value != nil {
		r.RAG = r.Target.Rate(rounded(ind.Unit, *r.Shown.Value))
	}
	return r
}

// change compares the shown value with the previous period's, at the
// precision both are shown to.
func change(ind Indicator, shown *Value, trend []Point) Change {
	var c Change
	if len(trend) < 2 {
		return c
	}
	prev := trend[len(trend)-2]
	c.Previous = &prev
	if shown.Value == nil || prev.Value == nil {
		return c
	}
	now, before := rounded(ind.Unit, *shown.Value), rounded(ind.Unit, *prev.Value)
	switch {
	case now > before:
		c.Direction = "up"
	case now < before:
		c.Direction = "down"
	default:
		c.Direction = "flat"
		return c
	}
	switch {
	case ind.Polarity == "higher_better" && c.Direction == "up",
		ind.Polarity == "lower_better" && c.Direction == "down":
		c.Judgement = "better"
	case ind.Polarity == "higher_better", ind.Polarity == "lower_better":
		c.Judgement = "worse"
	}
	return c
}

func ptr(n sql.NullFloat64) *float64 {
	if !n.Valid {
		return nil
	}
	v := n.Float64
	return &v
}
