package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"scorecard/pipeline"
)

func init() { commands = append(commands, newRunCmd) }

// runFlags are the settings shared by run and daemon.
type runFlags struct {
	inbox, warehouse, quarantine, keyFile string
	asOf, from, to                        string
	logFormat, logLevel                   string
}

func (f *runFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.inbox, "inbox", "", "folder the exports are dropped in (required)")
	fl.StringVar(&f.warehouse, "warehouse", "warehouse.duckdb", "DuckDB warehouse file to build")
	fl.StringVar(&f.quarantine, "quarantine", "",
		"folder for files that cannot be read (default: 'quarantine' beside the warehouse)")
	fl.StringVar(&f.keyFile, "key-file", "",
		"identifier key file (default: $"+keyEnvFile+", or the key in $"+keyEnv+")")
	fl.StringVar(&f.asOf, "as-of", "",
		"date the exports were taken, YYYY-MM-DD (default: today); periods ending before it are reported")
	fl.StringVar(&f.from, "from", "", "report no period starting before this date, YYYY-MM-DD")
	fl.StringVar(&f.to, "to", "", "report no period ending after this date, YYYY-MM-DD")
	fl.StringVar(&f.logFormat, "log-format", "auto",
		"logs as json or console (auto: console on a terminal, json otherwise)")
	fl.StringVar(&f.logLevel, "log-level", "info", "least important logs shown: debug, info, warn, error")
}

// config turns the flags into a pipeline configuration.
func (f *runFlags) config() (pipeline.Config, error) {
	if f.inbox == "" {
		return pipeline.Config{}, usageError{errors.New("--inbox is required: the folder of exports to read")}
	}
	if st, err := os.Stat(f.inbox); err != nil || !st.IsDir() {
		return pipeline.Config{}, usageError{fmt.Errorf("--inbox %s is not a folder", f.inbox)}
	}
	key, err := readKey(f.keyFile)
	if err != nil {
		return pipeline.Config{}, err
	}
	cfg := pipeline.Config{Inbox: f.inbox, Warehouse: f.warehouse, Quarantine: f.quarantine, Key: key}
	for _, d := range []struct {
		flag, value string
		into        *time.Time
	}{{"--as-of", f.asOf, &cfg.AsOf}, {"--from", f.from, &cfg.From}, {"--to", f.to, &cfg.To}} {
		if d.value == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.value)
		if err != nil {
			return cfg, usageError{fmt.Errorf("%s %q is not a date written YYYY-MM-DD", d.flag, d.value)}
		}
		*d.into = t
	}
	if !cfg.From.IsZero() && !cfg.To.IsZero() && cfg.To.Before(cfg.From) {
		return cfg, usageError{fmt.Errorf("--to %s is before --from %s", f.to, f.from)}
	}
	return cfg, nil
}

// asOfWarning says when an --as-of date is probably a typing mistake.
func asOfWarning(asOf time.Time) string {
	switch {
	case asOf.IsZero():
		return ""
	case asOf.After(time.Now().AddDate(0, 0, 1)):
		return fmt.Sprintf("--as-of %s is in the future: periods after today are reported "+
			"as if their data were complete", asOf.Format(time.DateOnly))
	case asOf.Year() < 2000:
		return fmt.Sprintf("--as-of %s is before 2000: was a digit mistyped?",
			asOf.Format(time.DateOnly))
	}
	return ""
}

// logger builds the zap logger the flags ask for, writing to standard error.
func (f *runFlags) logger() (*zap.Logger, error) {
	level, err := zapcore.ParseLevel(f.logLevel)
	if err != nil {
		return nil, usageError{fmt.Errorf("--log-level %q: want debug, info, warn or error", f.logLevel)}
	}
	format := f.logFormat
	if format == "auto" {
		format = "json"
		if isTerminal(os.Stderr) {
			format = "console"
		}
	}
	var enc zapcore.Encoder
	switch format {
	case "json":
		ec := zap.NewProductionEncoderConfig()
		ec.EncodeTime = zapcore.ISO8601TimeEncoder
		enc = zapcore.NewJSONEncoder(ec)
	case "console":
		ec := zap.NewDevelopmentEncoderConfig()
		ec.EncodeTime = zapcore.TimeEncoderOfLayout("15:04:05")
		enc = zapcore.NewConsoleEncoder(ec)
	default:
		return nil, usageError{fmt.Errorf("--log-format %q: want auto, json or console", f.logFormat)}
	}
	return zap.New(zapcore.NewCore(enc, zapcore.Lock(os.Stderr), level)), nil
}

func newRunCmd() *cobra.Command {
	var f runFlags
	cmd := &cobra.Command{
		Use:   "run --inbox DIR [--warehouse FILE]",
		Short: "Run the pipeline once: stage new exports, compute every indicator, publish",
		Long: `run reads every new file in the inbox, refuses rows it cannot read (each is
kept in etl_reject with its file, line, column, value and reason), rebuilds
every indicator for every complete period, and publishes the warehouse in one
step. A file it cannot recognise is copied to the quarantine folder with a
note saying why, and the run goes on without it.

Running it again on the same inbox changes nothing: files are known by their
content. If anything fails, the published warehouse is left as it was.

Exit status: 0 done; 1 failed (nothing changed); 2 wrong options;
3 done, but some files were quarantined and need attention.`,
		Example: `  scorecard keygen --out ~/scorecard.key
  scorecard run --inbox /data/exports --warehouse /data/warehouse.duckdb --key-file ~/scorecard.key`,
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
			if w := asOfWarning(cfg.AsOf); w != "" {
				fmt.Fprintln(os.Stderr, "scorecard: warning:", w)
			}
			p := newProgress(os.Stderr)
			cfg.Progress = p.event
			sum, err := pipeline.Run(cmd.Context(), cfg)
			p.done()
			if sum != nil && sum.RunID > 0 && (err == nil || errors.Is(err, pipeline.ErrNeedsAttention)) {
				printSummary(cmd.OutOrStdout(), sum, cfg.Warehouse)
			}
			return err
		},
	}
	f.register(cmd)
	return cmd
}
