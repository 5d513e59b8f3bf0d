package report

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"scorecard/transform"
)

// Errors of Explain, for a command to tell a mistake in what was asked from
// a fact about the warehouse. Each is wrapped in a message that says more.
var (
	// ErrUnknownIndicator: no row of dim_indicator has the id.
	ErrUnknownIndicator = errors.New("unknown indicator")
	// ErrNotComputed: the indicator exists but has no values; the message
	// gives its status_reason.
	ErrNotComputed = errors.New("indicator not computed")
	// ErrNoValue: the indicator has no value for that period and breakdown;
	// the message says which periods it has.
	ErrNoValue = errors.New("no value")
)

// Explanation is one value and the cases behind it.
type Explanation struct {
	Indicator Indicator
	Period    Period
	Breakdown string
	Value     Value
	Cases     []Case // every case, earliest decision first
}

// Explain finds the value of indicator (an id in any case) for period (as
// transform.ParsePeriod reads it) and breakdown ("all" for the whole), and
// every case in its numerator or denominator, with the date that decided it.
// Each keyed hash in a subject key is cut to its first 12 characters.
func Explain(ctx context.Context, db *sql.DB, indicator, period,
	breakdown string) (*Explanation, error) {
	stmts, err := statements()
	if err != nil {
		return nil, err
	}
	ind, err := findIndicator(ctx, db, stmts, indicator)
	if err != nil {
		return nil, err
	}
	if !ind.Computed() {
		return nil, kind(ErrNotComputed, fmt.Errorf("report: %s is not computed: %s", ind.ID,
			ind.StatusReason))
	}
	freq, pid, err := transform.ParsePeriod(period)
	if err != nil {
		return nil, kind(ErrBadPeriod, fmt.Errorf("report: %w", err))
	}

	// The value itself, or a message saying which values there are.
	e := &Explanation{Indicator: ind, Breakdown: breakdown}
	var num, den, val sql.NullFloat64
	err = db.QueryRowContext(ctx, stmts["value"], ind.ID, pid, breakdown).Scan(&num, &den, &val)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, noValue(ctx, db, stmts, ind, freq, pid, period, breakdown)
	}
	if err != nil {
		return nil, fmt.Errorf("report: read the value of %s for %s: %w", ind.ID, pid, err)
	}
	e.Value = Value{Numerator: ptr(num), Denominator: ptr(den), Value: ptr(val)}
	if e.Period, err = readPeriod(ctx, db, stmts, pid); err != nil {
		return nil, fmt.Errorf("report: read period %s: %w", pid, err)
	}
	e.Value.Period = e.Period

	// Every case behind it.
	err = eachRow(ctx, db, stmts["members"], []any{ind.ID, pid, breakdown},
		func(rows *sql.Rows) error {
			var c Case
			var n sql.NullFloat64
			var on sql.NullTime
			if err := rows.Scan(&c.Subject, &n, &c.Denominator, &on, &c.Note); err != nil {
				return err
			}
			c.Numerator = ptr(n)
			if on.Valid {
				c.DecidedOn = &on.Time
			}
			e.Cases = append(e.Cases, c)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("report: read the cases of %s for %s: %w", ind.ID, pid, err)
	}
	return e, nil
}

// findIndicator reads the row of dim_indicator whose id is id in any case.
func findIndicator(ctx context.Context, db *sql.DB, stmts map[string]string,
	id string) (Indicator, error) {
	var canonical string
	err := db.QueryRowContext(ctx, stmts["find_indicator"], strings.TrimSpace(id)).
		Scan(&canonical)
	if errors.Is(err, sql.ErrNoRows) {
		return Indicator{}, kind(ErrUnknownIndicator, fmt.Errorf("report: no indicator %q "+
			"(ids are those of dim_indicator, such as CCA14; the scorecard shows each one)", id))
	}
	if err != nil {
		return Indicator{}, fmt.Errorf("report: find indicator %q: %w", id, err)
	}
	inds, err := Indicators(ctx, db)
	if err != nil {
		return Indicator{}, err
	}
	for _, ind := range inds {
		if ind.ID == canonical {
			return ind, nil
		}
	}
	return Indicator{}, fmt.Errorf("report: indicator %s vanished while read", canonical)
}

// noValue builds the error for a value that is not there, saying which
// periods and breakdowns there are instead.
func noValue(ctx context.Context, db *sql.DB, stmts map[string]string, ind Indicator,
	freq, pid, asked, breakdown string) error {
	var n int
	var first, last sql.NullString
	err := db.QueryRowContext(ctx, stmts["value_range"], ind.ID, breakdown).
		Scan(&n, &first, &last)
	if err != nil {
		return fmt.Errorf("report: read the periods of %s: %w", ind.ID, err)
	}
	var why string
	switch {
	case freq != ind.Frequency:
		why = fmt.Sprintf("%s is reported %s, and %s is a %s", ind.ID,
			frequencyAdverb(ind.Frequency), strings.TrimSpace(asked), freq)
	default:
		why = fmt.Sprintf("%s has no value for %s (%s)", ind.ID, strings.TrimSpace(asked), pid)
		if breakdown != "all" {
			why += " broken down by " + breakdown
		}
	}
	if n == 0 {
		why += fmt.Sprintf("; it has no values broken down by %s", breakdown)
	} else {
		why += fmt.Sprintf("; its %s run from %s to %s", plural(n, "value"),
			first.String, last.String)
	}

	// Other breakdowns of the same period, if that is what was meant.
	var others []string
	err = eachRow(ctx, db, stmts["breakdowns"], []any{ind.ID, pid}, func(rows *sql.Rows) error {
		var b string
		if err := rows.Scan(&b); err != nil {
			return err
		}
		others = append(others, b)
		return nil
	})
	if err != nil {
		return fmt.Errorf("report: read the breakdowns of %s: %w", ind.ID, err)
	}
	if len(others) > 0 {
		why += "; for that period it has the breakdowns " + strings.Join(others, ", ")
	}
	return kind(ErrNoValue, fmt.Errorf("report: %s", why))
}

// Headline says in one line what the value is and what it is made of:
//
//	CCA1 Number and % of Contacts progressing to Referrals to Social Care,
//	Jan 2026 (all): value 40.0%, numerator 2, denominator 5, 5 cases
func (e *Explanation) Headline() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s, %s (%s): value ", e.Indicator.ID, e.Indicator.Title,
		periodName(e.Period), e.Breakdown)
	if e.Value.Value != nil {
		b.WriteString(FormatValue(e.Indicator.Unit, *e.Value.Value))
	} else {
		b.WriteString("none")
		if d := detail(e.Indicator.Unit, nil, e.Value.Numerator, e.Value.Denominator); d != "" {
			b.WriteString(" (" + d + ")")
		}
	}
	b.WriteString(", numerator ")
	b.WriteString(optional(e.Value.Numerator, "not known"))
	b.WriteString(", denominator ")
	switch {
	case e.Value.Denominator != nil:
		b.WriteString(count(*e.Value.Denominator))
		if e.Indicator.Unit == "rate_per_10k" {
			b.WriteString(" (population aged 0 to 17)")
		}
	case e.Indicator.Unit == "count" || e.Indicator.Unit == "hours":
		b.WriteString("none (a count)")
	default:
		b.WriteString("not known")
	}
	fmt.Fprintf(&b, ", %s", plural(len(e.Cases), "case"))
	return b.String()
}

func optional(v *float64, none string) string {
	if v == nil {
		return none
	}
	return count(*v)
}

// DecidedOnText writes a case's decision date as YYYY-MM-DD, or "" when it has
// none.
func (c Case) DecidedOnText() string {
	if c.DecidedOn == nil {
		return ""
	}
	return c.DecidedOn.Format(time.DateOnly)
}
