// Command scorecard turns a council's children's services and library
// exports into a performance warehouse. Run "scorecard --help" for the
// commands; the README shows a first run.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"scorecard/pipeline"
)

// Exit codes, documented in the README.
const (
	exitOK        = 0
	exitFailed    = 1
	exitUsage     = 2
	exitAttention = 3
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := newRoot()
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		os.Exit(exitOK)
	case errors.Is(err, pipeline.ErrNeedsAttention):
		fmt.Fprintln(os.Stderr, "scorecard: warning:", err)
		os.Exit(exitAttention)
	case errors.As(err, new(usageError)):
		fmt.Fprintln(os.Stderr, "scorecard:", err)
		fmt.Fprintln(os.Stderr, "Run 'scorecard --help' for the commands and their options.")
		os.Exit(exitUsage)
	default:
		fmt.Fprintln(os.Stderr, "scorecard:", err)
		os.Exit(exitFailed)
	}
}

// usageError is a mistake in how the command was called.
type usageError struct{ error }

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "scorecard",
		Short: "Build a council's performance warehouse from its case-management and library exports",
		Long: `scorecard reads the exports that children's social care and library systems
drop in a folder (Ofsted Annex A lists, SSDA903 returns, the product's own
native exports, library open data files), checks every row, and builds a
DuckDB warehouse of performance indicators for each period they are due.

Start with 'scorecard demo', which makes a synthetic council and runs the
whole job on it. For your own exports, create a key once with
'scorecard keygen', then use 'scorecard run'.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	for _, c := range commands {
		root.AddCommand(c())
	}
	return root
}

// commands make the subcommands; each file adds its own from init, so a
// command lives in one file.
var commands []func() *cobra.Command
