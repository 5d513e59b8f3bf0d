package transform

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	sqlfs "scorecard/sql"
)

// BuildModel runs the canonical model, sql/model/*.sql in name order, inside
// tx. Each file rebuilds its cm_* tables from staging, so a re-run over the
// same staged rows gives the same tables.
func BuildModel(ctx context.Context, tx *sql.Tx) error {
	if err := sqlfs.ExecDir(ctx, tx, "model"); err != nil {
		return fmt.Errorf("transform: build the canonical model: %w", err)
	}
	return nil
}

// ComputeOptions bound the periods an indicator is reported for.
type ComputeOptions struct {
	RunID int64
	// AsOf is the day the data were taken: only periods that ended before
	// it are reported.
	AsOf time.Time
	// From and To, when not zero, cut the periods to those inside them.
	From, To time.Time
}

// Outcome is what happened to one indicator in a run.
type Outcome struct {
	ID      string
	Periods int
	Values  int
	// Reason is set when the indicator has no values, or lacks some.
	Reason string
}

// Compute computes every indicator of files for every period its frequency
// calls for, replacing fact_indicator and fact_indicator_member, and sets
// each indicator's status in dim_indicator (which LoadCatalogue filled). The
// canonical model and the calendar must be built first, in tx.
func Compute(ctx context.Context, tx *sql.Tx, cat []Indicator, files []IndicatorSQL,
	opt ComputeOptions) ([]Outcome, error) {
	stmts, err := sqlfs.Named("reference/engine.sql")
	if err != nil {
		return nil, fmt.Errorf("transform: %w", err)
	}
	for _, name := range []string{"create_work", "clear_facts", "clear_members"} {
		if _, err := tx.ExecContext(ctx, stmts[name]); err != nil {
			return nil, fmt.Errorf("transform: %s: %w", name, err)
		}
	}
	byID := map[string]Indicator{}
	for _, ind := range cat {
		byID[ind.ID] = ind
	}
	var out []Outcome
	for _, f := range files {
		ind, ok := byID[f.ID]
		if !ok {
			return nil, fmt.Errorf("transform: indicators/%s.sql: %s is not in the catalogue", f.ID, f.ID)
		}
		o, err := computeOne(ctx, tx, stmts, ind, f, opt)
		if err != nil {
			return nil, fmt.Errorf("transform: indicator %s: %w", f.ID, err)
		}
		out = append(out, o)
	}
	if _, err := tx.ExecContext(ctx, stmts["fill_breakdowns"]); err != nil {
		return nil, fmt.Errorf("transform: fill dim_breakdown: %w", err)
	}
	return out, nil
}

func computeOne(ctx context.Context, tx *sql.Tx, stmts map[string]string, ind Indicator,
	f IndicatorSQL, opt ComputeOptions) (Outcome, error) {
	o := Outcome{ID: ind.ID}

	// Periods: those of the indicator's frequency that its sources cover.
	var first, last sql.NullTime
	var domains int
	err := tx.QueryRowContext(ctx, stmts["coverage"], strings.Join(f.Sources, ",")).
		Scan(&first, &last, &domains)
	if err != nil {
		return o, fmt.Errorf("read coverage: %w", err)
	}
	if _, err := tx.ExecContext(ctx, stmts["clear_periods"]); err != nil {
		return o, fmt.Errorf("clear periods: %w", err)
	}
	if domains < len(f.Sources) {
		o.Reason = "no data yet: needs " + ind.Needs
		return o, setStatus(ctx, tx, stmts, ind.ID, "not_computed", o.Reason)
	}
	from, to := first.Time, last.Time
	if !opt.From.IsZero() && opt.From.After(from) {
		from = opt.From
	}
	if !opt.To.IsZero() && opt.To.Before(to) {
		to = opt.To
	}
	res, err := tx.ExecContext(ctx, stmts["fill_periods"], ind.Frequency,
		from.Format(time.DateOnly), to.Format(time.DateOnly), opt.AsOf.Format(time.DateOnly))
	if err != nil {
		return o, fmt.Errorf("fill periods: %w", err)
	}
	n, _ := res.RowsAffected()
	o.Periods = int(n)
	if f.ToDate {
		// The data reach the last covered day or the day before the as-of
		// date, whichever is earlier.
		reach := to
		if dayBefore := opt.AsOf.AddDate(0, 0, -1); dayBefore.Before(reach) {
			reach = dayBefore
		}
		res, err := tx.ExecContext(ctx, stmts["fill_period_to_date"], ind.Frequency,
			from.Format(time.DateOnly), reach.Format(time.DateOnly))
		if err != nil {
			return o, fmt.Errorf("fill the period to date: %w", err)
		}
		n, _ := res.RowsAffected()
		o.Periods += int(n)
	}
	if o.Periods == 0 {
		o.Reason = fmt.Sprintf("no complete %s is covered by the data (%s to %s)",
			ind.Frequency, from.Format(time.DateOnly), to.Format(time.DateOnly))
		return o, setStatus(ctx, tx, stmts, ind.ID, "not_computed", o.Reason)
	}

	// Members, then values.
	q := "INSERT INTO fact_indicator_member\nSELECT\n    $1,\n    m.period_id,\n" +
		"    coalesce(m.breakdown, 'all'),\n    m.subject_key,\n    m.numerator,\n" +
		"    m.denominator,\n    m.decided_on,\n    m.note\nFROM (\n" + f.Query + "\n) AS m"
	if _, err := tx.ExecContext(ctx, q, ind.ID); err != nil {
		return o, fmt.Errorf("find members: %w", err)
	}
	if _, err := tx.ExecContext(ctx, stmts["drop_unreported_members"], ind.ID); err != nil {
		return o, fmt.Errorf("drop members of unreported periods: %w", err)
	}
	res, err = tx.ExecContext(ctx, stmts["aggregate"], ind.ID, ind.Unit, opt.RunID)
	if err != nil {
		return o, fmt.Errorf("aggregate values: %w", err)
	}
	n, _ = res.RowsAffected()
	o.Values = int(n)

	// A rate needs the population of each year it covers.
	if ind.Unit == "rate_per_10k" {
		missing, err := missingYears(ctx, tx, stmts["missing_population"])
		if err != nil {
			return o, err
		}
		if len(missing) > 0 {
			o.Reason = "the 0 to 17 population is not known for mid-year " +
				strings.Join(missing, ", ") + " (add a population file to the inbox)"
		}
		if o.Values == 0 {
			return o, setStatus(ctx, tx, stmts, ind.ID, "not_computed", o.Reason)
		}
	}
	return o, setStatus(ctx, tx, stmts, ind.ID, "computed", o.Reason)
}

func missingYears(ctx context.Context, tx *sql.Tx, q string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("find missing population years: %w", err)
	}
	defer rows.Close()
	var years []string
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, fmt.Errorf("find missing population years: %w", err)
		}
		years = append(years, fmt.Sprint(y))
	}
	return years, rows.Err()
}

func setStatus(ctx context.Context, tx *sql.Tx, stmts map[string]string, id, status,
	reason string) error {
	var r any
	if reason != "" {
		r = reason
	}
	if _, err := tx.ExecContext(ctx, stmts["set_status"], id, status, r); err != nil {
		return fmt.Errorf("set status: %w", err)
	}
	return nil
}
