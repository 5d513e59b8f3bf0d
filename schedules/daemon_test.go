package schedules

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"
)

// patience bounds every wait in these tests: a wait that takes longer fails
// the test instead of hanging it.
const patience = 3 * time.Second

// startRun runs Run on its own goroutine with an observed logger. The
// returned cancel stops it and done delivers what it returned.
func startRun(t *testing.T, entries []Entry, jobs map[string]Job) (
	cancel context.CancelFunc, done <-chan error, logs *observer.ObservedLogs) {
	t.Helper()
	core, logs := observer.New(zapcore.DebugLevel)
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan error, 1)
	go func() {
		ch <- Run(ctx, zap.New(core), entries, jobs)
		close(ch) // so that the cleanup below does not wait once the test has received
	}()
	t.Cleanup(func() {
		// Stop a daemon that a failed test left running.
		cancel()
		select {
		case <-ch:
		case <-time.After(patience):
		}
	})
	return cancel, ch, logs
}

// wait receives from ch or fails the test after patience.
func wait[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(patience):
		t.Fatalf("waited %s for %s", patience, what)
		panic("unreachable")
	}
}

// wantKeys fails the test unless entry has every key in keys.
func wantKeys(t *testing.T, entry observer.LoggedEntry, keys ...string) map[string]any {
	t.Helper()
	m := entry.ContextMap()
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("%q log line: got keys %v, want key %q", entry.Message, m, k)
		}
	}
	return m
}

func TestRunNeverOverlaps(t *testing.T) {
	var current, peak, runs atomic.Int32
	started := make(chan struct{}, 64)
	release := make(chan struct{})
	job := func(ctx context.Context) error {
		n := current.Add(1)
		defer current.Add(-1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		runs.Add(1)
		started <- struct{}{}
		select {
		case <-release:
		case <-ctx.Done():
		}
		return nil
	}
	// Both entries come due together every 100ms, so without the shared
	// lock the two jobs would start side by side at the first tick.
	entries := []Entry{
		{Spec: "@every 100ms", Job: "load", Name: "a"},
		{Spec: "@every 100ms", Job: "publish", Name: "b"},
	}
	cancel, done, logs := startRun(t, entries, map[string]Job{"load": job, "publish": job})

	// Hold each of three runs for 250ms, long enough for both entries to
	// come due at least twice while it runs.
	for i := range 3 {
		wait(t, started, "a job to start")
		time.Sleep(250 * time.Millisecond)
		select {
		case release <- struct{}{}:
		case <-time.After(patience):
			t.Fatalf("run %d never took its release", i+1)
		}
	}
	cancel()
	if err := wait(t, done, "Run to return"); err != nil {
		t.Fatalf("Run: got error %v, want nil", err)
	}

	if got := peak.Load(); got != 1 {
		t.Errorf("got at most %d jobs running at once, want 1", got)
	}
	if got := runs.Load(); got < 3 {
		t.Errorf("got %d runs, want at least 3", got)
	}
	skips := logs.FilterMessage("job skipped").All()
	if len(skips) == 0 {
		t.Fatal("got no skip warnings, want one for each time that came while a job ran")
	}
	for _, s := range skips {
		if s.Level != zapcore.WarnLevel {
			t.Errorf("skip logged at %s, want warn", s.Level)
		}
		m := wantKeys(t, s, "schedule", "job", "reason", "running")
		if m["schedule"] != "a" && m["schedule"] != "b" {
			t.Errorf("skip: got schedule %v, want a or b", m["schedule"])
		}
		if m["reason"] != "a job is already running" {
			t.Errorf("skip: got reason %v, want %q", m["reason"], "a job is already running")
		}
	}
}

func TestRunCancelWaitsForRunningJob(t *testing.T) {
	started := make(chan struct{})
	var once sync.Once
	var sawDone, finished atomic.Bool
	job := func(ctx context.Context) error {
		once.Do(func() { close(started) })
		select {
		case <-ctx.Done():
			sawDone.Store(true)
		case <-time.After(patience):
			return errors.New("never cancelled")
		}
		// Cleaning up after the cancellation takes a while; Run must wait.
		time.Sleep(200 * time.Millisecond)
		finished.Store(true)
		return ctx.Err()
	}
	before := time.Now()
	cancel, done, logs := startRun(t, []Entry{{Spec: "@every 100ms", Job: "run", Name: "nightly"}},
		map[string]Job{"run": job})

	wait(t, started, "the job to start")
	cancel()
	if err := wait(t, done, "Run to return"); err != nil {
		t.Fatalf("Run: got error %v, want nil", err)
	}
	if !finished.Load() {
		t.Error("Run returned before the running job did")
	}
	if !sawDone.Load() {
		t.Error("the job never saw its ctx cancelled")
	}

	// One start line, with the next run time about 100ms after the start.
	startLines := logs.FilterMessage("scheduler started").All()
	if len(startLines) != 1 {
		t.Fatalf("got %d start lines, want 1", len(startLines))
	}
	m := wantKeys(t, startLines[0], "next_run", "entries", "time_zone")
	next, err := time.Parse(time.RFC3339, m["next_run"].(string))
	if err != nil {
		t.Fatalf("next_run %v: %v", m["next_run"], err)
	}
	// RFC 3339 drops the fraction of a second, so allow a second either side.
	if next.Before(before.Add(-time.Second)) || next.After(time.Now().Add(time.Second)) {
		t.Errorf("got next_run %s, want about %s", next, before.Add(100*time.Millisecond))
	}
	entries, _ := m["entries"].([]any)
	if len(entries) != 1 {
		t.Fatalf("got entries %v, want 1", m["entries"])
	}
	if e, _ := entries[0].(map[string]any); e["schedule"] != "nightly" || e["job"] != "run" ||
		e["spec"] != "@every 100ms" || e["next_run"] == nil {
		t.Errorf("got entry %v, want schedule nightly, job run, spec @every 100ms, next_run",
			entries[0])
	}

	// The interrupted run is reported as cancelled, not failed.
	ends := logs.FilterMessage("job cancelled").All()
	if len(ends) != 1 {
		t.Fatalf("got %d cancelled lines, want 1", len(ends))
	}
	m = wantKeys(t, ends[0], "schedule", "job", "duration", "status", "error")
	if m["status"] != "cancelled" || ends[0].Level != zapcore.WarnLevel {
		t.Errorf("got status %v at %s, want cancelled at warn", m["status"], ends[0].Level)
	}
	if n := logs.FilterMessage("job failed").Len(); n != 0 {
		t.Errorf("got %d failure lines, want 0", n)
	}
}

func TestRunLogsFailureAndGoesOn(t *testing.T) {
	tests := []struct {
		name      string
		fail      func() error
		wantError string
		wantStack bool
	}{
		{
			name:      "error",
			fail:      func() error { return errors.New("extract: inbox not found") },
			wantError: "extract: inbox not found",
		},
		{
			name:      "panic",
			fail:      func() error { panic("index out of range") },
			wantError: "job panicked: index out of range",
			wantStack: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int32
			second := make(chan struct{})
			job := func(ctx context.Context) error {
				switch calls.Add(1) {
				case 1:
					return tc.fail()
				case 2:
					close(second)
				}
				return nil
			}
			cancel, done, logs := startRun(t,
				[]Entry{{Spec: "@every 100ms", Job: "run", Name: "nightly", Line: 3}},
				map[string]Job{"run": job})

			wait(t, second, "a run after the failed one")
			cancel()
			if err := wait(t, done, "Run to return"); err != nil {
				t.Fatalf("Run: got error %v, want nil (a failed job is logged, not returned)",
					err)
			}

			failed := logs.FilterMessage("job failed").All()
			if len(failed) != 1 {
				t.Fatalf("got %d failure lines, want 1", len(failed))
			}
			if failed[0].Level != zapcore.ErrorLevel {
				t.Errorf("got failure at %s, want error", failed[0].Level)
			}
			m := wantKeys(t, failed[0], "schedule", "job", "duration", "status", "error")
			if m["schedule"] != "nightly" || m["job"] != "run" || m["status"] != "failed" {
				t.Errorf("got schedule %v, job %v, status %v, want nightly, run, failed",
					m["schedule"], m["job"], m["status"])
			}
			if _, ok := m["duration"].(time.Duration); !ok {
				t.Errorf("got duration %T, want time.Duration", m["duration"])
			}
			if m["error"] != tc.wantError {
				t.Errorf("got error %v, want %q", m["error"], tc.wantError)
			}
			if _, ok := m["stack"]; ok != tc.wantStack {
				t.Errorf("got stack key %t, want %t", ok, tc.wantStack)
			}

			// Every start has a matching end line, the failure included.
			starts := logs.FilterMessage("job started").Len()
			ends := len(failed) + logs.FilterMessage("job finished").Len() +
				logs.FilterMessage("job cancelled").Len()
			if starts < 2 || starts != ends {
				t.Errorf("got %d start lines and %d end lines, want at least 2 and equal",
					starts, ends)
			}
			for _, e := range logs.FilterMessage("job finished").All() {
				if m := wantKeys(t, e, "schedule", "job", "duration", "status"); m["status"] != "ok" {
					t.Errorf("got finished status %v, want ok", m["status"])
				}
			}
		})
	}
}

func TestRunRejectsBadEntries(t *testing.T) {
	noop := func(context.Context) error { return nil }
	jobs := map[string]Job{"run": noop, "publish": noop}
	tests := []struct {
		name    string
		entries []Entry
		jobs    map[string]Job
		want    string
	}{
		{
			name:    "unknown job",
			entries: []Entry{{Spec: "0 7 * * 1-5", Job: "pubish", Name: "morning", Line: 4}},
			jobs:    jobs,
			want: `schedules: entry "morning" (line 4): unknown job "pubish" ` +
				`(registered jobs: publish, run)`,
		},
		{
			name:    "no jobs registered",
			entries: []Entry{{Spec: "@daily", Job: "run"}},
			jobs:    nil,
			want:    `schedules: entry "run": unknown job "run" (registered jobs: none)`,
		},
		{
			name:    "no entries",
			entries: nil,
			jobs:    jobs,
			want:    "schedules: nothing to schedule",
		},
		{
			name: "duplicate name",
			entries: []Entry{
				{Spec: "@daily", Job: "run"},
				{Spec: "@hourly", Job: "run"},
			},
			jobs: jobs,
			want: `schedules: entry "run": duplicate name`,
		},
		{
			name:    "bad spec",
			entries: []Entry{{Spec: "61 2 * * *", Job: "run", Name: "nightly"}},
			jobs:    jobs,
			want: `schedules: entry "nightly": cron spec "61 2 * * *": ` +
				`minute field "61" is not valid`,
		},
		{
			name:    "descriptor with fields",
			entries: []Entry{{Spec: "@daily 5", Job: "run"}},
			jobs:    jobs,
			want:    `cron spec "@daily 5": descriptor @daily takes no fields after it`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, done, logs := startRun(t, tc.entries, tc.jobs)
			err := wait(t, done, "Run to refuse the entries")
			if err == nil || !strings.HasPrefix(err.Error(), "schedules: ") ||
				!strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got error %v, want one containing %q", err, tc.want)
			}
			if n := logs.Len(); n != 0 {
				t.Errorf("got %d log lines, want none: nothing should start", n)
			}
		})
	}
}

func TestRunDefaultSchedule(t *testing.T) {
	// The built-in schedule starts and stops cleanly with a run job.
	entries, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ran := make(chan struct{}, 1)
	cancel, done, logs := startRun(t, entries, map[string]Job{
		"run": func(context.Context) error { ran <- struct{}{}; return nil },
	})
	deadline := time.Now().Add(patience)
	for logs.FilterMessage("scheduler started").Len() == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for the start line", patience)
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := wait(t, done, "Run to return"); err != nil {
		t.Fatalf("Run: got error %v, want nil", err)
	}
	m := logs.FilterMessage("scheduler started").All()[0].ContextMap()
	next, err := time.Parse(time.RFC3339, m["next_run"].(string))
	if err != nil {
		t.Fatalf("next_run %v: %v", m["next_run"], err)
	}
	zone, err := defaultLocation()
	if err != nil {
		t.Fatal(err)
	}
	if got := next.In(zone).Format("15:04"); got != "02:30" {
		t.Errorf("got next run at %s UK time, want 02:30", got)
	}
	if len(ran) != 0 {
		t.Error("the nightly job ran at once, want it to wait for 02:30")
	}
}
