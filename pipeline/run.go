package pipeline

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"go.uber.org/zap"

	"scorecard/extract"
	"scorecard/load"
	"scorecard/transform"
)

// ErrNeedsAttention means the run landed but some files were quarantined.
var ErrNeedsAttention = errors.New("some files need attention")

// Config is one run's settings.
type Config struct {
	// Inbox is the folder of exports. Sub-folders are not read.
	Inbox string
	// Warehouse is the published DuckDB file.
	Warehouse string
	// Quarantine receives files that cannot be read; by default the folder
	// "quarantine" beside the warehouse.
	Quarantine string
	// Key is the secret for keyed hashes of identifiers (16 bytes or more).
	Key []byte
	// AsOf is the day the exports were taken; periods are reported once they
	// have ended before it. Zero means today.
	AsOf time.Time
	// From and To, when set, bound the periods reported.
	From, To time.Time
	// Log receives step-level logs; nil means none.
	Log *zap.Logger
	// Progress, when set, is called as the run moves on, for a display.
	Progress func(Event)
}

// Event tells a progress display where a run has got to.
type Event struct {
	Step  string // "stage", "transform", "indicators", "publish"
	File  string
	Index int // 1-based position of File among Total
	Total int
}

// FileSummary is what happened to one file of the inbox.
type FileSummary struct {
	Name string
	Kind string
	// Status is loaded, already loaded, or quarantined.
	Status       string
	RowsRead     int64
	RowsStaged   int64
	RowsRefused  int64
	Reason       string
	ExtraColumns []string
}

// File statuses.
const (
	StatusLoaded        = "loaded"
	StatusAlreadyLoaded = "already loaded"
	StatusQuarantined   = "quarantined"
)

// Summary is the outcome of a run.
type Summary struct {
	RunID      int64
	AsOf       time.Time
	Started    time.Time
	Duration   time.Duration
	Files      []FileSummary
	Indicators []transform.Outcome
	// Skipped are inbox entries that are not files (sub-folders, broken
	// links): not read.
	Skipped []string
}

// Totals adds up the files' rows.
func (s *Summary) Totals() (read, staged, refused int64, quarantined int) {
	for _, f := range s.Files {
		if f.Status != StatusLoaded {
			if f.Status == StatusQuarantined {
				quarantined++
			}
			continue
		}
		read += f.RowsRead
		staged += f.RowsStaged
		refused += f.RowsRefused
	}
	return read, staged, refused, quarantined
}

// Computed counts the indicators with values, and their values and periods.
func (s *Summary) Computed() (indicators, values, periods int) {
	for _, o := range s.Indicators {
		if o.Values > 0 {
			indicators++
			values += o.Values
			periods += o.Periods
		}
	}
	return indicators, values, periods
}

// Run runs the pipeline once. See the package comment for its contract.
func Run(ctx context.Context, cfg Config) (*Summary, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	hasher, err := extract.NewHasher(cfg.Key)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w (see 'scorecard keygen')", err)
	}
	lk, err := acquire(cfg.Warehouse)
	if err != nil {
		return nil, err
	}
	defer lk.release()

	r := &run{cfg: cfg, hasher: hasher, log: cfg.Log,
		sum: &Summary{AsOf: cfg.AsOf, Started: time.Now()}}
	err = r.execute(ctx)
	r.sum.Duration = time.Since(r.sum.Started)
	if err != nil {
		r.recordFailure(err)
		return r.sum, err
	}
	_, staged, refused, quarantined := r.sum.Totals()
	ind, values, _ := r.sum.Computed()
	r.log.Info("run finished", zap.Int64("run_id", r.sum.RunID), zap.Int64("rows", staged),
		zap.Int64("rejected", refused), zap.Int("quarantined", quarantined),
		zap.Int("indicators", ind), zap.Int("values", values),
		zap.Duration("duration", r.sum.Duration))
	if quarantined > 0 {
		return r.sum, fmt.Errorf("pipeline: %d file(s) quarantined in %s: %w",
			quarantined, cfg.Quarantine, ErrNeedsAttention)
	}
	return r.sum, nil
}

func (c Config) withDefaults() (Config, error) {
	if c.Inbox == "" || c.Warehouse == "" {
		return c, errors.New("pipeline: both an inbox folder and a warehouse file are needed")
	}
	if c.Quarantine == "" {
		c.Quarantine = filepath.Join(filepath.Dir(c.Warehouse), "quarantine")
	}
	if c.AsOf.IsZero() {
		now := time.Now()
		c.AsOf = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	}
	if c.Log == nil {
		c.Log = zap.NewNop()
	}
	if c.Progress == nil {
		c.Progress = func(Event) {}
	}
	return c, nil
}

// run is the state of one Run call.
type run struct {
	cfg    Config
	hasher *extract.Hasher
	log    *zap.Logger
	sum    *Summary
	ws     *load.Workspace
	db     *sql.DB
	conn   *sql.Conn
}

func (r *run) execute(ctx context.Context) (err error) {
	// Work on a copy; publish it only when everything has succeeded.
	r.ws, err = load.NewWorkspace(r.cfg.Warehouse)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, r.close(), r.ws.Discard())
		}
	}()
	if err := r.open(ctx); err != nil {
		return err
	}
	if err := r.startLedger(ctx); err != nil {
		return err
	}
	r.log.Info("run started", zap.Int64("run_id", r.sum.RunID),
		zap.String("source", r.cfg.Inbox), zap.Time("as_of", r.cfg.AsOf))

	// Extract: stage every new file.
	start := time.Now()
	if err := r.stageInbox(ctx); err != nil {
		return err
	}
	read, staged, refused, quarantined := r.sum.Totals()
	r.log.Info("files staged", zap.Int64("run_id", r.sum.RunID), zap.Int("files", len(r.sum.Files)),
		zap.Int64("rows_read", read), zap.Int64("rows", staged), zap.Int64("rejected", refused),
		zap.Int("quarantined", quarantined), zap.Duration("duration", time.Since(start)))

	// Transform and load in one transaction.
	start = time.Now()
	if err := r.transform(ctx); err != nil {
		return err
	}
	ind, values, _ := r.sum.Computed()
	r.log.Info("indicators computed", zap.Int64("run_id", r.sum.RunID),
		zap.Int("indicators", ind), zap.Int("values", values),
		zap.Duration("duration", time.Since(start)))

	// Publish.
	r.cfg.Progress(Event{Step: "publish"})
	if _, err := r.conn.ExecContext(ctx, "CHECKPOINT"); err != nil {
		return fmt.Errorf("pipeline: checkpoint the working file: %w", err)
	}
	if err := r.close(); err != nil {
		return err
	}
	return r.ws.Publish()
}

func (r *run) open(ctx context.Context) error {
	db, err := load.Open(r.ws.Path)
	if err != nil {
		return err
	}
	r.db = db
	if _, err := load.Migrate(ctx, db); err != nil {
		return err
	}
	if err := extract.CreateStaging(ctx, db, extract.Kinds()); err != nil {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("pipeline: connect to the working file: %w", err)
	}
	r.conn = conn
	return nil
}

func (r *run) close() error {
	var errs []error
	if r.conn != nil {
		errs = append(errs, r.conn.Close())
		r.conn = nil
	}
	if r.db != nil {
		errs = append(errs, r.db.Close())
		r.db = nil
	}
	return errors.Join(errs...)
}
