package pipeline

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"scorecard/load"
	sqlfs "scorecard/sql"
	"scorecard/transform"
)

// transform rebuilds everything downstream of staging in one transaction:
// the canonical model, the calendar, the catalogue, every indicator, the
// case-level facts, and the run's ledger row.
func (r *run) transform(ctx context.Context) error {
	tx, err := r.conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("pipeline: begin the transform: %w", err)
	}
	defer tx.Rollback()

	r.cfg.Progress(Event{Step: "transform"})
	if err := transform.BuildModel(ctx, tx); err != nil {
		return err
	}
	from, to, err := r.calendarRange(ctx, tx)
	if err != nil {
		return err
	}
	if err := transform.BuildCalendar(ctx, tx, from, to); err != nil {
		return err
	}

	r.cfg.Progress(Event{Step: "indicators"})
	cat, err := transform.Catalogue()
	if err != nil {
		return err
	}
	files, err := transform.IndicatorFiles()
	if err != nil {
		return err
	}
	defs := make(map[string]transform.Definition, len(files))
	for _, f := range files {
		defs[f.ID] = f.Def
	}
	if err := transform.LoadCatalogue(ctx, tx, defs); err != nil {
		return err
	}
	r.sum.Indicators, err = transform.Compute(ctx, tx, cat, files, transform.ComputeOptions{
		RunID: r.sum.RunID, AsOf: r.cfg.AsOf, From: r.cfg.From, To: r.cfg.To})
	if err != nil {
		return err
	}

	if err := load.BuildMarts(ctx, tx); err != nil {
		return err
	}
	if err := r.finishLedger(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("pipeline: commit the transform: %w", err)
	}
	return nil
}

// calendarRange covers every date the data and the run can ask about: a
// year before the earliest covered day, for look-backs, to a year after the
// later of the last covered day and the as-of date, for open plans.
func (r *run) calendarRange(ctx context.Context, tx *sql.Tx) (time.Time, time.Time, error) {
	stmts, err := sqlfs.Named("reference/ledger.sql")
	if err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("pipeline: %w", err)
	}
	var first, last sql.NullTime
	if err := tx.QueryRowContext(ctx, stmts["calendar_range"]).Scan(&first, &last); err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("pipeline: read coverage: %w", err)
	}
	from, to := r.cfg.AsOf.AddDate(-1, 0, 0), r.cfg.AsOf
	if first.Valid && first.Time.Before(from) {
		from = first.Time
	}
	if last.Valid && last.Time.After(to) {
		to = last.Time
	}
	return from.AddDate(-1, 0, 0), to.AddDate(1, 0, 0), nil
}
