package schedules

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/robfig/cron/v3"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// Job is one unit of scheduled work, such as a nightly run. It should stop
// soon after ctx is cancelled and return an error only when it failed.
type Job func(ctx context.Context) error

// plan is an entry checked against the registered jobs and compiled.
type plan struct {
	name  string
	job   string
	spec  string
	sched cron.Schedule
	run   Job
}

// daemon holds what the firing entries share.
type daemon struct {
	ctx context.Context
	log *zap.Logger

	// mu guards running, the name of the schedule whose job is running, or
	// "" when none is. It is the one lock shared by every entry: two jobs
	// must never work on the warehouse at once, so a job that comes due
	// while another runs is skipped rather than queued behind it.
	mu      sync.Mutex
	running string
}

// Run schedules every entry and runs its job at the times its spec gives,
// until ctx is cancelled. Entries without CRON_TZ= are timed in
// Europe/London.
//
// Only one job runs at a time across all entries: a job that comes due while
// another is running is skipped, with a warning, and waits for its next time.
// A job that fails or panics is logged at Error and the daemon carries on;
// its error is not returned. Times missed while the daemon was not running
// are not made up.
//
// When ctx is cancelled Run stops scheduling, lets a running job see the
// cancellation through its own ctx, waits for it to return, and returns
// nil. An entry whose job is not in jobs (or is nil there), a bad spec, a
// duplicate name or no entries at all is an error returned before anything
// is scheduled.
//
// Run logs through log (nil means no logging) with stable snake_case keys:
// time_zone, next_run, entries, schedule, job, spec, duration, status,
// reason, running, error and stack. It never logs anything a job produces
// other than its error.
func Run(ctx context.Context, log *zap.Logger, entries []Entry, jobs map[string]Job) error {
	if log == nil {
		log = zap.NewNop()
	}
	zone, err := defaultLocation()
	if err != nil {
		return err
	}
	plans, err := check(entries, jobs, zone)
	if err != nil {
		return err
	}

	d := &daemon{ctx: ctx, log: log}
	c := cron.New(cron.WithLocation(zone), cron.WithLogger(cron.DiscardLogger))
	for _, p := range plans {
		c.Schedule(p.sched, cron.FuncJob(func() { d.fire(p) }))
	}

	// Say what will happen before it starts to happen.
	now := time.Now().In(zone)
	startFields := []zap.Field{zap.String("time_zone", DefaultZone)}
	if first, ok := earliest(plans, now); ok {
		startFields = append(startFields, zap.String("next_run", first.Format(time.RFC3339)))
	}
	startFields = append(startFields, zap.Array("entries", planList{plans, now}))
	log.Info("scheduler started", startFields...)
	c.Start()

	// Wait for shutdown, then for the job that is running, if any.
	<-ctx.Done()
	stopped := c.Stop()
	if name := d.current(); name != "" {
		log.Info("scheduler stopping, waiting for the running job", zap.String("schedule", name))
	}
	<-stopped.Done()
	log.Info("scheduler stopped")
	return nil
}

// check matches entries with jobs and compiles their specs.
func check(entries []Entry, jobs map[string]Job, zone *time.Location) ([]plan, error) {
	if len(entries) == 0 {
		return nil, errors.New("schedules: nothing to schedule (the schedule has no entries)")
	}
	registered := strings.Join(slices.Sorted(maps.Keys(jobs)), ", ")
	if registered == "" {
		registered = "none"
	}
	plans := make([]plan, 0, len(entries))
	seen := make(map[string]bool)
	for _, e := range entries {
		name := e.Name
		if name == "" {
			name = e.Job
		}
		where := fmt.Sprintf("entry %q", name)
		if e.Line > 0 {
			where = fmt.Sprintf("entry %q (line %d)", name, e.Line)
		}

		run := jobs[e.Job]
		if run == nil {
			return nil, fmt.Errorf("schedules: %s: unknown job %q (registered jobs: %s)",
				where, e.Job, registered)
		}
		if seen[name] {
			return nil, fmt.Errorf("schedules: %s: duplicate name", where)
		}
		seen[name] = true
		sched, err := compile(e.Spec, zone)
		if err != nil {
			return nil, fmt.Errorf("schedules: %s: %w", where, err)
		}
		plans = append(plans, plan{name: name, job: e.Job, spec: e.Spec, sched: sched, run: run})
	}
	return plans, nil
}

// fire runs p's job unless another job is running or the daemon is
// stopping. The cron library calls it on a goroutine of its own.
func (d *daemon) fire(p plan) {
	if d.ctx.Err() != nil {
		return
	}
	keys := []zap.Field{zap.String("schedule", p.name), zap.String("job", p.job)}
	if other, ok := d.acquire(p.name); !ok {
		d.log.Warn("job skipped", append(keys,
			zap.String("reason", "a job is already running"),
			zap.String("running", other))...)
		return
	}
	defer d.release()

	d.log.Info("job started", keys...)
	start := time.Now()
	stack, err := call(d.ctx, p.run)
	end := append(keys, zap.Duration("duration", time.Since(start)))
	switch {
	case err == nil:
		d.log.Info("job finished", append(end, zap.String("status", "ok"))...)
	case stack != nil:
		d.log.Error("job failed", append(end, zap.String("status", "failed"),
			zap.Error(err), zap.ByteString("stack", stack))...)
	case d.ctx.Err() != nil:
		d.log.Warn("job cancelled", append(end, zap.String("status", "cancelled"),
			zap.Error(err))...)
	default:
		d.log.Error("job failed", append(end, zap.String("status", "failed"),
			zap.Error(err))...)
	}
}

// call runs job and turns a panic into an error with the panic's stack, so
// that one bad run cannot take the daemon down.
func call(ctx context.Context, job Job) (stack []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			stack, err = debug.Stack(), fmt.Errorf("job panicked: %v", r)
		}
	}()
	return nil, job(ctx)
}

// acquire takes the shared lock for the schedule called name. When another
// schedule holds it, acquire returns that schedule's name and false.
func (d *daemon) acquire(name string) (string, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.running != "" {
		return d.running, false
	}
	d.running = name
	return "", true
}

func (d *daemon) release() {
	d.mu.Lock()
	d.running = ""
	d.mu.Unlock()
}

func (d *daemon) current() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.running
}

// earliest returns the first time any plan comes due after now.
func earliest(plans []plan, now time.Time) (time.Time, bool) {
	var first time.Time
	for _, p := range plans {
		next := p.sched.Next(now)
		if !next.IsZero() && (first.IsZero() || next.Before(first)) {
			first = next
		}
	}
	return first, !first.IsZero()
}

// planList logs the plans with their next run times.
type planList struct {
	plans []plan
	now   time.Time
}

func (l planList) MarshalLogArray(enc zapcore.ArrayEncoder) error {
	for _, p := range l.plans {
		err := enc.AppendObject(zapcore.ObjectMarshalerFunc(func(o zapcore.ObjectEncoder) error {
			o.AddString("schedule", p.name)
			o.AddString("job", p.job)
			o.AddString("spec", p.spec)
			o.AddString("next_run", p.sched.Next(l.now).Format(time.RFC3339))
			return nil
		}))
		if err != nil {
			return err
		}
	}
	return nil
}
