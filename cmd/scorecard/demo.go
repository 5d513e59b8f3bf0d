package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"scorecard/load"
	"scorecard/pipeline"
	"scorecard/report"
	"scorecard/synth"
)

func init() { commands = append(commands, newDemoCmd) }

func newDemoCmd() *cobra.Command {
	var (
		dir, asOf, logFormat, logLevel string
		children, years, libraries     int
		seed                           int64
	)
	cmd := &cobra.Command{
		Use:   "demo [--dir DIR]",
		Short: "Make a synthetic council's exports and run the whole job on them",
		Long: `demo writes a synthetic council's exports (Annex A lists, SSDA903 returns,
native contacts, library open data, and a population estimate) into DIR/inbox,
runs the pipeline into DIR/warehouse.duckdb, and prints what it did and the
latest value of each indicator. The council is made up: no real child is in
it. The same --seed and --as-of always give the same files and numbers.

The demo plants a few faulty rows (dates that do not exist, an assessment
authorised before it started) to show how refusals are kept in etl_reject.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			day := time.Now().UTC().Truncate(24 * time.Hour)
			if asOf != "" {
				t, err := time.Parse(time.DateOnly, asOf)
				if err != nil {
					return usageError{fmt.Errorf("--as-of %q is not a date written YYYY-MM-DD", asOf)}
				}
				day = t
			}
			cfg := synth.DefaultConfig(day)
			cfg.Seed, cfg.Children, cfg.Years, cfg.Libraries = seed, children, years, libraries
			if children < 1000 || years < 1 || years > 10 || libraries < 1 {
				return usageError{errors.New("--children must be at least 1000, --years 1 to 10, " +
					"--libraries at least 1")}
			}
			f := runFlags{logFormat: logFormat, logLevel: logLevel}
			log, err := f.logger()
			if err != nil {
				return err
			}
			defer log.Sync() //nolint:errcheck // nothing to do if stderr cannot flush
			return runDemo(cmd, dir, cfg, pipeline.Config{Log: log})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&dir, "dir", "scorecard-demo", "folder for the demo's inbox, key and warehouse")
	fl.StringVar(&asOf, "as-of", "", "date the exports are taken, YYYY-MM-DD (default: today)")
	fl.IntVar(&children, "children", 75000, "the council's population aged 0 to 17")
	fl.IntVar(&years, "years", 3, "financial years of history, up to the month before --as-of")
	fl.IntVar(&libraries, "libraries", 10, "number of library branches")
	fl.Int64Var(&seed, "seed", 1, "random seed: the same seed gives the same council")
	fl.StringVar(&logFormat, "log-format", "auto", "logs as json or console")
	fl.StringVar(&logLevel, "log-level", "warn", "least important logs shown")
	return cmd
}

func runDemo(cmd *cobra.Command, dir string, cfg synth.Config, run pipeline.Config) error {
	out := cmd.OutOrStdout()
	inbox := filepath.Join(dir, "inbox")
	if err := freshDemoDir(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(inbox, 0o755); err != nil {
		return fmt.Errorf("demo: create %s: %w", inbox, err)
	}

	// The demo's own key, made once and kept beside its warehouse.
	keyFile := filepath.Join(dir, "identifier.key")
	if _, err := os.Stat(keyFile); errors.Is(err, os.ErrNotExist) {
		if err := writeNewKey(keyFile); err != nil {
			return err
		}
	}
	key, err := readKey(keyFile)
	if err != nil {
		return err
	}

	start := time.Now()
	lastMonth := time.Date(cfg.AsOf.Year(), cfg.AsOf.Month(), 0, 0, 0, 0, 0, time.UTC)
	fmt.Fprintf(out, "Making a synthetic council of %d children, %d financial year(s) to %s...\n",
		cfg.Children, cfg.Years, lastMonth.Format("January 2006"))
	gen, err := synth.Generate(inbox, cfg)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintf(out, "Wrote %d export files to %s in %s.\n\n", len(gen.Files), inbox,
		time.Since(start).Round(10*time.Millisecond))

	run.Inbox = inbox
	run.Warehouse = filepath.Join(dir, "warehouse.duckdb")
	run.Key = key
	run.AsOf = cfg.AsOf
	run.From, run.To = gen.WindowStart, gen.WindowEnd
	p := newProgress(os.Stderr)
	run.Progress = p.event
	sum, err := pipeline.Run(cmd.Context(), run)
	p.done()
	if sum != nil && sum.RunID > 0 && (err == nil || errors.Is(err, pipeline.ErrNeedsAttention)) {
		printSummary(out, sum, run.Warehouse)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(out)
	if err := printLatest(out, run.Warehouse); err != nil {
		return err
	}
	return writeDemoReport(cmd.Context(), out, run.Warehouse, filepath.Join(dir, "scorecard.html"))
}

// writeDemoReport writes the managers' HTML scorecard of the demo council.
func writeDemoReport(ctx context.Context, w io.Writer, warehouse, out string) error {
	db, err := load.OpenReadOnly(warehouse)
	if err != nil {
		return err
	}
	defer db.Close()
	inds, err := report.Indicators(ctx, db)
	if err != nil {
		return err
	}
	targetsFile := filepath.Join(filepath.Dir(out), "targets.csv")
	if err := os.WriteFile(targetsFile, []byte(demoTargets), 0o644); err != nil {
		return fmt.Errorf("demo: write %s: %w", targetsFile, err)
	}
	tg, err := report.LoadTargets(targetsFile, inds)
	if err != nil {
		return err
	}
	sc, err := report.Build(ctx, db, report.Options{Generated: time.Now(), Targets: tg})
	if err != nil {
		return fmt.Errorf("demo: build the report: %w", err)
	}
	if err := writeReportFile(out, sc); err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, reportSummary(out, sc))
	fmt.Fprintf(w, "Open it in a browser; query the warehouse with: scorecard sql --warehouse %s "+
		"\"SELECT * FROM indicator_values LIMIT 10\"\n", warehouse)
	return nil
}

// printLatest lists each computed indicator's value for its latest period.
func printLatest(w io.Writer, warehouse string) error {
	db, err := load.OpenReadOnly(warehouse)
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.Query(`
		SELECT indicator_id, title, period_label, numerator, value, unit
		FROM indicator_values
		WHERE breakdown = 'all'
		QUALIFY row_number() OVER (PARTITION BY indicator_id ORDER BY period_end DESC) = 1`)
	if err != nil {
		return fmt.Errorf("demo: read the latest values: %w", err)
	}
	defer rows.Close()
	type line struct{ id, text string }
	var lines []line
	for rows.Next() {
		var id, title, period, unit string
		var num, val *float64
		if err := rows.Scan(&id, &title, &period, &num, &val, &unit); err != nil {
			return fmt.Errorf("demo: read the latest values: %w", err)
		}
		if len(title) > 60 {
			title = title[:57] + "..."
		}
		lines = append(lines, line{id, fmt.Sprintf("%s\t%s\t%s\t%s\t", id, title, period,
			formatValue(val, num, unit))})
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("demo: read the latest values: %w", err)
	}
	sort.Slice(lines, func(i, j int) bool { return lines[i].id < lines[j].id })
	fmt.Fprintln(w, "Latest values:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, l := range lines {
		fmt.Fprintln(tw, l.text)
	}
	return tw.Flush()
}

func formatValue(val, num *float64, unit string) string {
	if val == nil {
		return "unknown"
	}
	switch unit {
	case "percent":
		if num != nil {
			return fmt.Sprintf("%.1f%% (%.0f)", *val, *num)
		}
		return fmt.Sprintf("%.1f%%", *val)
	case "rate_per_10k":
		return fmt.Sprintf("%.1f per 10,000", *val)
	case "mean_days":
		return fmt.Sprintf("%.1f days", *val)
	case "mean_weeks":
		return fmt.Sprintf("%.1f weeks", *val)
	}
	return fmt.Sprintf("%.0f", *val)
}

// demoMarker marks a folder as the demo's own, so that a later demo may
// empty it: each demo is a council of its own, and two must not mix.
const demoMarker = ".scorecard-demo"

// freshDemoDir empties a folder an earlier demo made, keeping its key, and
// refuses a folder that has files but is not a demo's.
func freshDemoDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) || (err == nil && len(entries) == 0) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("demo: create %s: %w", dir, err)
		}
		return os.WriteFile(filepath.Join(dir, demoMarker), nil, 0o644)
	}
	if err != nil {
		return fmt.Errorf("demo: read %s: %w", dir, err)
	}
	if _, err := os.Stat(filepath.Join(dir, demoMarker)); err != nil {
		return usageError{fmt.Errorf("%s already holds files that are not a demo's: "+
			"give the demo an empty or new folder with --dir", dir)}
	}
	for _, e := range entries {
		if e.Name() == demoMarker || e.Name() == "identifier.key" {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return fmt.Errorf("demo: clear %s: %w", dir, err)
		}
	}
	return nil
}

// demoTargets are made-up targets for the demo council, near national
// figures, so that its scorecard shows ratings; a council writes its own
// (docs/targets.example.csv).
const demoTargets = `# Made-up targets for the synthetic council of the demo.
indicator_id,target,amber_within,better,note
CCA14,85,5,,Assessments within 45 working days (demo target)
CCA11,21,2,,Re-referrals within 12 months (demo target)
CCA13,80,5,,ICPCs within 15 working days (demo target)
ACM4,22,3,,Second or later CP plans (demo target)
ACM5,95,5,,CP visits in the last 6 weeks (demo target)
CLA14,10,1,,Three or more placements in 12 months (demo target)
CLA9,95,3,,CLA visits within 6 weeks (demo target)
CYP7,55,5,,Care leavers in education or work (demo target)
CYP8,90,3,,Care leavers suitably housed (demo target)
`
