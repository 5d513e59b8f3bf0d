package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"scorecard/load"
	"scorecard/report"
)

func init() { commands = append(commands, newExplainCmd) }

func newExplainCmd() *cobra.Command {
	var warehouse, breakdown, format string
	cmd := &cobra.Command{
		Use:   "explain INDICATOR PERIOD",
		Short: "List the pseudonymised cases behind one indicator value",
		Long: `explain prints one value of an indicator, its numerator and denominator, and
then every case in them: the case's key, with the keyed hash in it cut to
its first 12 characters, the date that decided it, its share of the numerator
and denominator, and the indicator's note. No name or identifier from the
source system is shown.

INDICATOR is an id such as CCA14, in any case. PERIOD is 2026-11 (a month),
2026-W45 (an ISO week), 2026-27 Q3 (a financial quarter), 2026-27 (a
financial year) or 2026-11-30 (a day), as the indicator is reported.

With --format csv the value's line goes to standard error, so standard
output is plain CSV; with --format json it is part of the one object.`,
		Example: `  scorecard explain CCA14 2026-11
  scorecard explain lib-01 "2026-27 Q2" --breakdown "site=Central Library"
  scorecard explain CCA1 2026-11 --format csv > cca1-2026-11.csv`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usageError{fmt.Errorf("explain takes an indicator and a period, "+
					"such as 'scorecard explain CCA14 2026-11' (got %d arguments)", len(args))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "table" && format != "csv" && format != "json" {
				return usageError{fmt.Errorf("--format %q: want table, csv or json", format)}
			}
			if _, err := os.Stat(warehouse); err != nil {
				return usageError{fmt.Errorf("no warehouse at %s (run 'scorecard run' or "+
					"'scorecard demo' first, or pass --warehouse)", warehouse)}
			}
			db, err := load.OpenReadOnly(warehouse)
			if err != nil {
				return err
			}
			defer db.Close()
			e, err := report.Explain(cmd.Context(), db, args[0], args[1], breakdown)
			switch {
			case errors.Is(err, report.ErrUnknownIndicator), errors.Is(err, report.ErrBadPeriod):
				return usageError{err}
			case err != nil:
				return err
			}
			out := cmd.OutOrStdout()
			switch format {
			case "csv":
				fmt.Fprintln(cmd.ErrOrStderr(), e.Headline())
				return writeExplainCSV(out, e)
			case "json":
				return writeExplainJSON(out, e)
			}
			return writeExplainTable(out, e)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&warehouse, "warehouse", "warehouse.duckdb", "the published warehouse file")
	fl.StringVar(&breakdown, "breakdown", "all",
		"the breakdown of the value, such as 'site=Central Library' (default: the whole)")
	fl.StringVarP(&format, "format", "f", "table", "output as table, csv or json")
	return cmd
}

// explainColumns head the case list in every format.
var explainColumns = []string{"case", "decided_on", "numerator", "denominator", "note"}

// explainRecord writes one case as the columns' text; an unknown numerator
// is empty.
func explainRecord(c report.Case) []string {
	num := ""
	if c.Numerator != nil {
		num = strconv.FormatFloat(*c.Numerator, 'f', -1, 64)
	}
	return []string{c.Subject, c.DecidedOnText(), num,
		strconv.FormatFloat(c.Denominator, 'f', -1, 64), c.Note}
}

func writeExplainTable(w io.Writer, e *report.Explanation) error {
	fmt.Fprintln(w, e.Headline())
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, c := range explainColumns {
		if i > 0 {
			fmt.Fprint(tw, "\t")
		}
		fmt.Fprint(tw, c)
	}
	fmt.Fprintln(tw)
	for _, c := range e.Cases {
		rec := explainRecord(c)
		if rec[2] == "" {
			rec[2] = "unknown"
		}
		for i, f := range rec {
			if i > 0 {
				fmt.Fprint(tw, "\t")
			}
			fmt.Fprint(tw, f)
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

func writeExplainCSV(w io.Writer, e *report.Explanation) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(explainColumns); err != nil {
		return err
	}
	for _, c := range e.Cases {
		if err := cw.Write(explainRecord(c)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// explainJSON is the shape of --format json.
type explainJSON struct {
	Indicator   string     `json:"indicator"`
	Title       string     `json:"title"`
	Unit        string     `json:"unit"`
	Period      string     `json:"period"`
	PeriodLabel string     `json:"period_label"`
	Breakdown   string     `json:"breakdown"`
	Value       *float64   `json:"value"`
	Numerator   *float64   `json:"numerator"`
	Denominator *float64   `json:"denominator"`
	Headline    string     `json:"headline"`
	Cases       []caseJSON `json:"cases"`
}

type caseJSON struct {
	Case        string   `json:"case"`
	DecidedOn   *string  `json:"decided_on"`
	Numerator   *float64 `json:"numerator"`
	Denominator float64  `json:"denominator"`
	Note        string   `json:"note"`
}

func writeExplainJSON(w io.Writer, e *report.Explanation) error {
	out := explainJSON{
		Indicator: e.Indicator.ID, Title: e.Indicator.Title, Unit: e.Indicator.Unit,
		Period: e.Period.ID, PeriodLabel: e.Period.Label, Breakdown: e.Breakdown,
		Value: e.Value.Value, Numerator: e.Value.Numerator, Denominator: e.Value.Denominator,
		Cases: []caseJSON{}, Headline: e.Headline(),
	}
	for _, c := range e.Cases {
		cj := caseJSON{Case: c.Subject, Numerator: c.Numerator, Denominator: c.Denominator,
			Note: c.Note}
		if d := c.DecidedOnText(); d != "" {
			cj.DecidedOn = &d
		}
		out.Cases = append(out.Cases, cj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
