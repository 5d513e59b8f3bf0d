package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"scorecard/pipeline"
)

// isTerminal reports whether f is a terminal rather than a file or pipe.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progress shows a run's progress on one rewritten line of a terminal, and
// nothing when the output is not a terminal (the logs say it there).
type progress struct {
	w     io.Writer
	on    bool
	start time.Time
	wrote bool
}

func newProgress(f *os.File) *progress {
	return &progress{w: f, on: isTerminal(f), start: time.Now()}
}

func (p *progress) event(e pipeline.Event) {
	if !p.on {
		return
	}
	var line string
	switch e.Step {
	case "stage":
		line = fmt.Sprintf("[%d/%d] reading %s", e.Index, e.Total, e.File)
	case "transform":
		line = "building the model and calendar"
	case "indicators":
		line = "computing indicators"
	case "publish":
		line = "publishing the warehouse"
	default:
		line = e.Step
	}
	line = fmt.Sprintf("%5.1fs  %s", time.Since(p.start).Seconds(), line)
	if len(line) > 78 {
		line = line[:75] + "..."
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.wrote = true
}

func (p *progress) done() {
	if p.wrote {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// printSummary writes what a run did, for a person.
func printSummary(w io.Writer, s *pipeline.Summary, warehouse string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "file\tkind\t rows read\t    staged\t   refused\tstatus")
	for _, f := range s.Files {
		kind := f.Kind
		if kind == "" {
			kind = "-"
		}
		if f.Status != pipeline.StatusLoaded {
			fmt.Fprintf(tw, "%s\t%s\t\t\t\t%s\n", f.Name, kind, f.Status)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%10s\t%10s\t%10s\t%s\n", f.Name, kind, thousands(f.RowsRead),
			thousands(f.RowsStaged), thousands(f.RowsRefused), f.Status)
	}
	tw.Flush()

	read, staged, refused, quarantined := s.Totals()
	loaded := 0
	for _, f := range s.Files {
		if f.Status == pipeline.StatusLoaded {
			loaded++
		}
	}
	ind, values, _ := s.Computed()
	fmt.Fprintf(w, "\nRun %d, as of %s: %d file(s) in the inbox, %d new, %d quarantined.\n",
		s.RunID, s.AsOf.Format(time.DateOnly), len(s.Files), loaded, quarantined)
	fmt.Fprintf(w, "Rows: %s read, %s loaded, %s refused.\n", thousands(read), thousands(staged),
		thousands(refused))
	fmt.Fprintf(w, "Indicators: %d computed, %d values over their periods.\n", ind, values)
	if missing := notComputed(s); len(missing) > 0 {
		fmt.Fprintf(w, "Not computed for want of data: %s.\n", strings.Join(missing, ", "))
	}
	fmt.Fprintf(w, "Time taken: %s. Warehouse: %s\n", s.Duration.Round(10*time.Millisecond), warehouse)
	if refused > 0 {
		fmt.Fprintln(w, "Refused rows, with their line and reason, are in the warehouse table etl_reject.")
	}
	for _, f := range s.Files {
		if f.Status == pipeline.StatusQuarantined {
			fmt.Fprintf(w, "Needs attention: %s: %s.\n", f.Name, f.Reason)
		}
	}
	if len(s.Skipped) > 0 {
		fmt.Fprintf(w, "Not read, as they are not files: %s (only files directly in the "+
			"inbox are read).\n", strings.Join(s.Skipped, ", "))
	}
}

// notComputed lists the indicators that have SQL but no values this run.
func notComputed(s *pipeline.Summary) []string {
	var ids []string
	for _, o := range s.Indicators {
		if o.Values == 0 {
			ids = append(ids, o.ID)
		}
	}
	sort.Strings(ids)
	return ids
}

// thousands writes n with commas between thousands: 208,129.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
