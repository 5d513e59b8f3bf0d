package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"go.uber.org/zap"

	"scorecard/load"
	"scorecard/pipeline"
	"scorecard/schedules"
)

func init() { commands = append(commands, newDaemonCmd) }

func newDaemonCmd() *cobra.Command {
	var f runFlags
	var scheduleFile, dsn, parquet string
	var pgOpt load.PostgresOptions
	cmd := &cobra.Command{
		Use:   "daemon --inbox DIR [--warehouse FILE] [--schedule FILE]",
		Short: "Run the pipeline on a schedule (nightly by default) until stopped",
		Long: `daemon stays running and runs the jobs of a schedule file at their times (see
docs/scheduling.md); without --schedule it runs the pipeline every night at
02:30 UK time. Two jobs never overlap: one whose time comes while another is
still going is skipped and logged. SIGTERM or Ctrl-C stops it cleanly,
letting a run in progress finish or abandon its working copy.

Jobs: run (the pipeline; then, if --postgres or --parquet is given, publish
and export the new warehouse straight after a run that succeeded), publish
(copy the warehouse to PostgreSQL, needs --postgres) and export (write
Parquet, needs --parquet).`,
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
			if dsn == "" {
				dsn = os.Getenv(postgresEnv)
			}
			if dsn != "" {
				if err := pgOpt.Check(); err != nil {
					return usageError{errors.New(strings.TrimPrefix(err.Error(), "load: "))}
				}
			}
			entries, err := loadSchedule(scheduleFile)
			if err != nil {
				return err
			}
			serve := func(ctx context.Context) error {
				if dsn != "" {
					sum, err := publishWarehouse(ctx, cfg.Warehouse, dsn, pgOpt)
					if err != nil {
						return err
					}
					log.Info("published to PostgreSQL", zap.String("schema", pgOpt.Schema),
						zap.Int64("rows", sum.Rows()), zap.Duration("duration", sum.Duration))
				}
				if parquet != "" {
					sum, err := exportWarehouse(ctx, cfg.Warehouse, parquet)
					if err != nil {
						return err
					}
					log.Info("exported Parquet", zap.String("folder", parquet),
						zap.Int("tables", len(sum.Tables)))
				}
				return nil
			}
			jobs := map[string]schedules.Job{
				"run": func(ctx context.Context) error {
					// A zero --as-of lets each run take its own day.
					_, err := pipeline.Run(ctx, cfg)
					if errors.Is(err, pipeline.ErrNeedsAttention) {
						log.Warn("run needs attention", zap.Error(err))
					} else if err != nil {
						return err
					}
					return serve(ctx)
				},
			}
			if dsn != "" {
				jobs["publish"] = func(ctx context.Context) error {
					_, err := publishWarehouse(ctx, cfg.Warehouse, dsn, pgOpt)
					return err
				}
			}
			if parquet != "" {
				jobs["export"] = func(ctx context.Context) error {
					_, err := exportWarehouse(ctx, cfg.Warehouse, parquet)
					return err
				}
			}
			return schedules.Run(cmd.Context(), log, entries, jobs)
		},
	}
	f.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&scheduleFile, "schedule", "", "schedule file (default: nightly at 02:30)")
	fl.StringVar(&dsn, "postgres", "",
		"publish to this PostgreSQL database after each run (default: $"+postgresEnv+")")
	fl.StringVar(&pgOpt.Schema, "schema", load.DefaultPostgresSchema, "PostgreSQL schema to publish")
	fl.StringVar(&pgOpt.ReaderRole, "reader-role", load.DefaultReaderRole,
		"read-only PostgreSQL role for dashboards")
	fl.DurationVar(&pgOpt.ReaderWait, "wait-readers", load.DefaultReaderWait,
		"longest wait for dashboards' open transactions when publishing")
	fl.StringVar(&parquet, "parquet", "", "export Parquet to this folder after each run")
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
