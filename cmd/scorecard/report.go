package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"scorecard/load"
	"scorecard/report"
)

func init() { commands = append(commands, newReportCmd) }

func newReportCmd() *cobra.Command {
	var warehouse, period, out, targets string
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write the scorecard: one HTML page of every indicator for a period",
		Long: `report reads the published warehouse and writes the scorecard, one HTML file
that opens in any browser without a network: every indicator of the appendix,
section by section, with its latest value for a period ending by the end of
--period, a trend over 13 periods, the change from the period before, its
definition, and a red, amber or green rating where the targets file sets a
target. Indicators not computed are listed with the reason. Each value links
to the pseudonymised cases behind it.

The targets file is a CSV file (docs/targets.example.csv shows one); if it
does not exist the scorecard has no ratings. docs/report.md says how to read
the page.`,
		Example: `  scorecard report
  scorecard report --period 2026-11 --out scorecard-2026-11.html --targets targets.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := os.Stat(warehouse); err != nil {
				return usageError{fmt.Errorf("no warehouse at %s (run 'scorecard run' or "+
					"'scorecard demo' first, or pass --warehouse)", warehouse)}
			}
			db, err := load.OpenReadOnly(warehouse)
			if err != nil {
				return err
			}
			defer db.Close()
			ctx := cmd.Context()
			inds, err := report.Indicators(ctx, db)
			if err != nil {
				return err
			}
			tg, err := report.LoadTargets(targets, inds)
			if err != nil {
				return err
			}
			if _, err := os.Stat(targets); errors.Is(err, os.ErrNotExist) {
				fmt.Fprintf(cmd.ErrOrStderr(), "scorecard: no targets file at %s, so no "+
					"value is rated red, amber or green\n", targets)
			}
			sc, err := report.Build(ctx, db, report.Options{
				Period: period, Targets: tg, Generated: time.Now(),
			})
			if errors.Is(err, report.ErrBadPeriod) {
				return usageError{fmt.Errorf("--period: %w", err)}
			}
			if err != nil {
				return err
			}
			if err := writeReportFile(out, sc); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), reportSummary(out, sc))
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&warehouse, "warehouse", "warehouse.duckdb", "the published warehouse file")
	fl.StringVar(&period, "period", "",
		"report period: 2026-11, 2026-W45, 2026-27 Q3 or 2026-27 (default: the latest month with values)")
	fl.StringVar(&out, "out", "scorecard.html", "the HTML file to write")
	fl.StringVar(&targets, "targets", "targets.csv",
		"targets file (CSV); if it does not exist, nothing is rated")
	return cmd
}

// writeReportFile writes the page beside out and renames it into place, so
// a reader never sees half a page. The file is readable by its owner only,
// since it lists pseudonymised cases; share it on purpose.
func writeReportFile(out string, sc *report.Scorecard) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*")
	if err != nil {
		return fmt.Errorf("report: write %s: %w", out, err)
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, os.Remove(tmp.Name()))
		}
	}()
	if err := sc.WriteHTML(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("report: write %s: %w", out, err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("report: write %s: %w", out, err)
	}
	return nil
}

// reportSummary says in one line what the page holds.
func reportSummary(out string, sc *report.Scorecard) string {
	period := "no values yet"
	if sc.Period != nil {
		period = sc.Period.Label
	}
	return fmt.Sprintf("Wrote %s: period %s, %d of %d indicators computed; "+
		"rated %d red, %d amber, %d green.", out, period, sc.Computed,
		sc.Computed+sc.NotComputed, sc.Red, sc.Amber, sc.Green)
}
