package pipeline

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"time"

	"go.uber.org/zap"

	"scorecard/load"
	sqlfs "scorecard/sql"
)

func (r *run) startLedger(ctx context.Context) error {
	stmts, err := sqlfs.Named("reference/ledger.sql")
	if err != nil {
		return fmt.Errorf("pipeline: %w", err)
	}
	if err := r.conn.QueryRowContext(ctx, stmts["next_run_id"]).Scan(&r.sum.RunID); err != nil {
		return fmt.Errorf("pipeline: next run id: %w", err)
	}
	_, err = r.conn.ExecContext(ctx, stmts["start_run"], r.sum.RunID, r.sum.Started.UTC(),
		r.cfg.AsOf)
	if err != nil {
		return fmt.Errorf("pipeline: record the run in etl_run: %w", err)
	}
	return r.checkKey(ctx, stmts)
}

// ErrWrongKey means the run's identifier key is not the one the warehouse
// was built with.
var ErrWrongKey = errors.New("the identifier key is not the one this warehouse was built with")

// checkKey refuses a key other than the warehouse's: with it, every child
// would get a second hash and stop joining up with their history.
func (r *run) checkKey(ctx context.Context, stmts map[string]string) error {
	want := r.hasher.Fingerprint()
	var got string
	err := r.conn.QueryRowContext(ctx, stmts["key_fingerprint"]).Scan(&got)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if _, err := r.conn.ExecContext(ctx, stmts["record_key"], want, r.sum.RunID); err != nil {
			return fmt.Errorf("pipeline: record the key fingerprint: %w", err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("pipeline: read the key fingerprint: %w", err)
	case got != want:
		return fmt.Errorf("pipeline: %s: %w (use the key file it was first run with; "+
			"a new key needs a new warehouse)", r.cfg.Warehouse, ErrWrongKey)
	}
	return nil
}

// finishLedger writes the run's outcome; it runs inside the transform
// transaction, so it lands with the run or not at all.
func (r *run) finishLedger(ctx context.Context, exec sqlfs.Execer) error {
	stmts, err := sqlfs.Named("reference/ledger.sql")
	if err != nil {
		return fmt.Errorf("pipeline: %w", err)
	}
	_, staged, refused, quarantined := r.sum.Totals()
	loaded := 0
	for _, f := range r.sum.Files {
		if f.Status == StatusLoaded {
			loaded++
		}
	}
	status := "succeeded"
	if loaded == 0 {
		status = "unchanged"
	}
	msg := fmt.Sprintf("%d new file(s), %d quarantined", loaded, quarantined)
	_, err = exec.ExecContext(ctx, stmts["finish_run"], r.sum.RunID, time.Now().UTC(), status,
		loaded, quarantined, staged, refused, msg)
	if err != nil {
		return fmt.Errorf("pipeline: finish the run in etl_run: %w", err)
	}
	return nil
}

// recordFailure adds a failed run to the published warehouse's ledger,
// through its own working copy so that readers never see a half-written
// file. It is best effort: if it cannot, the failure is logged, and the
// returned error of Run still tells the caller.
func (r *run) recordFailure(cause error) {
	r.log.Error("run failed", zap.Int64("run_id", r.sum.RunID), zap.Error(cause))
	if _, err := os.Stat(r.cfg.Warehouse); err != nil {
		return // nothing published yet: nowhere to record it
	}
	err := func() (err error) {
		ws, err := load.NewWorkspace(r.cfg.Warehouse)
		if err != nil {
			return err
		}
		db, err := load.Open(ws.Path)
		if err != nil {
			return errors.Join(err, ws.Discard())
		}
		ctx := context.Background()
		stmts, err := sqlfs.Named("reference/ledger.sql")
		if err == nil {
			_, err = load.Migrate(ctx, db)
		}
		if err == nil {
			_, err = db.ExecContext(ctx, stmts["record_failed_run"], r.sum.Started.UTC(),
				time.Now().UTC(), r.cfg.AsOf, failureMessage(cause))
		}
		if err == nil {
			_, err = db.ExecContext(ctx, "CHECKPOINT")
		}
		err = errors.Join(err, db.Close())
		if err != nil {
			return errors.Join(err, ws.Discard())
		}
		return ws.Publish()
	}()
	if err != nil {
		r.log.Error("could not record the failed run", zap.Error(err))
	}
}

// failureMessage keeps the ledger's message short; errors carry file names
// and line numbers, never case values.
func failureMessage(err error) string {
	msg := err.Error()
	if len(msg) > 2000 {
		msg = msg[:2000] + "..."
	}
	return msg
}
