package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"scorecard/pipeline"
)

func init() { commands = append(commands, newValidateCmd) }

// errFilesNeedAttention makes validate exit 3 when a file could not be read.
var errFilesNeedAttention = fmt.Errorf("%w: some could not be read at all (see above)",
	pipeline.ErrNeedsAttention)

func newValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate DIR",
		Short: "Check a folder of exports without touching the warehouse",
		Long: `validate reads every file in DIR exactly as a run would and reports, per file
(and per sheet of a workbook): its kind, its rows, the rows that would be
refused grouped by reason, and the first few refusals with their line
numbers. No warehouse is opened or changed, no file is moved, and no key is
needed. Exit status 3 means some file could not be read at all.`,
		Example: "  scorecard validate /data/exports",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{errors.New("validate needs one folder: scorecard validate DIR")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if st, err := os.Stat(args[0]); err != nil || !st.IsDir() {
				return usageError{fmt.Errorf("%s is not a folder", args[0])}
			}
			checks, err := pipeline.Validate(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			if printChecks(cmd.OutOrStdout(), checks) {
				return errFilesNeedAttention
			}
			return nil
		},
	}
}

// printChecks writes validate's report and says whether any file had a
// problem that would quarantine it.
func printChecks(w io.Writer, checks []pipeline.FileCheck) bool {
	problems := 0
	var read, staged, refused int64
	for _, c := range checks {
		if c.Problem != "" {
			problems++
			fmt.Fprintf(w, "%s\n  NOT READABLE: %s.\n\n", c.Name, c.Problem)
			continue
		}
		read, staged, refused = read+c.RowsRead, staged+c.RowsStaged, refused+c.RowsRefused
		fmt.Fprintf(w, "%s\n  %s (%s, %s)\n  rows: %s read, %s would load, %s refused\n",
			c.Name, c.KindTitle, c.Kind, c.Encoding, thousands(c.RowsRead),
			thousands(c.RowsStaged), thousands(c.RowsRefused))
		if len(c.ExtraColumns) > 0 {
			fmt.Fprintf(w, "  columns not read: %q\n", c.ExtraColumns)
		}
		for _, r := range c.Reasons {
			fmt.Fprintf(w, "  %6s x %s\n", thousands(r.Count), r.Reason)
		}
		for _, r := range c.First {
			fmt.Fprintf(w, "    line %d, %s: %q: %s\n", r.Line, r.Column, r.Value, r.Reason)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d file(s): %d unreadable; rows %s read, %s would load, %s refused.\n",
		len(checks), problems, thousands(read), thousands(staged), thousands(refused))
	return problems > 0
}
