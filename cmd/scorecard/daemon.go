package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"go.uber.org/zap"

	"scorecard/pipeline"
	"scorecard/schedules"
)

func init() { commands = append(commands, newDaemonCmd) }

func newDaemonCmd() *cobra.Command {
	var f runFlags
	var scheduleFile string
	cmd := &cobra.Command{
		Use:   "daemon --inbox DIR [--warehouse FILE] [--schedule FILE]",
		Short: "Run the pipeline on a schedule (nightly by default) until stopped",
		Long: `daemon stays running and runs the pipeline at the times of a schedule file
(see docs/scheduling.md); without --schedule it runs every night at 02:30 UK
time. Two runs never overlap: a run whose time comes while another is still
going is skipped and logged. SIGTERM or Ctrl-C stops it cleanly, letting a
run in progress finish or abandon its working copy.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := f.config()
			if err != nil {
				return err
			}
			log, err := f.logger()
			if err != nil {
				return err
			}
			defer log.Sync() //nolint:errcheck // nothing to do if stderr cannot flush
			cfg.Log = log
			entries, err := loadSchedule(scheduleFile)
			if err != nil {
				return err
			}
			jobs := map[string]schedules.Job{
				"run": func(ctx context.Context) error {
					run := cfg
					run.AsOf = cfg.AsOf // zero: each run takes its own day
					_, err := pipeline.Run(ctx, run)
					if errors.Is(err, pipeline.ErrNeedsAttention) {
						log.Warn("run needs attention", zap.Error(err))
						return nil
					}
					return err
				},
			}
			return schedules.Run(cmd.Context(), log, entries, jobs)
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&scheduleFile, "schedule", "", "schedule file (default: nightly at 02:30)")
	return cmd
}

func loadSchedule(path string) ([]schedules.Entry, error) {
	if path == "" {
		return schedules.Default()
	}
	r, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read the schedule: %w", err)
	}
	defer r.Close()
	return schedules.Parse(r, path)
}
