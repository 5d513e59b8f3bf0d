package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"scorecard/load"
)

func init() { commands = append(commands, newPublishCmd) }

// postgresEnv holds a connection string, so that it need not be typed on a
// command line where other users of the machine can see it.
const postgresEnv = "SCORECARD_POSTGRES"

func newPublishCmd() *cobra.Command {
	var dsn, warehouse string
	var opt load.PostgresOptions
	cmd := &cobra.Command{
		Use:   "publish --postgres DSN [--warehouse FILE]",
		Short: "Copy the warehouse's star schema into PostgreSQL for reporting tools",
		Long: `publish copies the published warehouse's dimensions, facts, ledger and the
indicator_values view into a PostgreSQL schema, for Power BI, Tableau,
Metabase or Excel to read over the network. Comments describing each table
and column come too.

Dashboards never see a half-loaded copy: the tables are loaded into a
staging schema, then swapped for the live one in one transaction. A query
running during the swap finishes on the old copy; the next one reads the new.

The read-only role (--reader-role, created without a login if missing) is
granted USAGE on the schema and SELECT on its tables after every publish.
Give dashboards their own logins and make them members of it:
  CREATE ROLE powerbi LOGIN PASSWORD '...';  GRANT scorecard_reader TO powerbi;

DSN is a URL (postgres://user@host:5432/database) or key=value settings.
Keep the password out of it: PostgreSQL's PGPASSWORD variable or a
~/.pgpass file supply it, as they do for psql.`,
		Example: `  scorecard publish --postgres postgres://loader@reports.council.local/reporting
  SCORECARD_POSTGRES='host=10.0.0.5 dbname=reporting user=loader' scorecard publish`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if dsn == "" {
				dsn = os.Getenv(postgresEnv)
			}
			if dsn == "" {
				return usageError{errors.New("--postgres is required: the PostgreSQL database " +
					"to copy into, such as postgres://loader@db.example/reporting (or set $" +
					postgresEnv + ")")}
			}
			if err := opt.Check(); err != nil {
				return usageError{errors.New(strings.TrimPrefix(err.Error(), "load: "))}
			}
			if _, err := os.Stat(warehouse); err != nil {
				return usageError{fmt.Errorf("no warehouse at %s (run 'scorecard run' or "+
					"'scorecard demo' first, or pass --warehouse)", warehouse)}
			}
			sum, err := publishWarehouse(cmd.Context(), warehouse, dsn, opt)
			if err != nil {
				return err
			}
			printPublished(cmd.OutOrStdout(), sum, opt)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&dsn, "postgres", "",
		"PostgreSQL connection string (default: $"+postgresEnv+")")
	fl.StringVar(&warehouse, "warehouse", "warehouse.duckdb", "the published warehouse file")
	fl.StringVar(&opt.Schema, "schema", load.DefaultPostgresSchema,
		"schema dashboards read; replaced whole on every publish")
	fl.StringVar(&opt.ReaderRole, "reader-role", load.DefaultReaderRole,
		"read-only role granted the schema (created NOLOGIN if missing)")
	fl.DurationVar(&opt.ReaderWait, "wait-readers", load.DefaultReaderWait,
		"longest wait for dashboards' open transactions before the swap, and after it")
	return cmd
}

// printPublished writes what publish copied, for a person.
func printPublished(w io.Writer, s *load.PostgresSummary, opt load.PostgresOptions) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "table\trows\t")
	views := 0
	for _, t := range s.Tables {
		name := t.Name
		if t.Kind == "view" {
			name += " (view)"
			views++
		}
		fmt.Fprintf(tw, "%s\t%d\t\n", name, t.Rows)
	}
	tw.Flush()
	role := opt.ReaderRole
	if role == "" {
		role = load.DefaultReaderRole
	}
	fmt.Fprintf(w, "\nCopied %d tables and %d view(s), %d rows, into schema %s on %s in %s.\n",
		len(s.Tables)-views, views, s.Rows(), s.Schema, s.Server,
		s.Duration.Round(10*time.Millisecond))
	fmt.Fprintf(w, "Dashboards read it through role %s.\n", role)
	if s.Waited >= time.Second {
		fmt.Fprintf(w, "Waited %s for dashboards' open transactions.\n",
			s.Waited.Round(100*time.Millisecond))
	}
	if s.StillReading > 0 {
		fmt.Fprintf(w, "%d transaction(s) begun before the copy were still open at the swap; "+
			"a REPEATABLE READ one among them sees the new tables empty until it ends.\n",
			s.StillReading)
	}
	if len(s.Kept) > 0 {
		fmt.Fprintf(w, "Still in use, so kept until the next publish: %s.\n",
			strings.Join(s.Kept, ", "))
	}
}

// publishWarehouse copies the published warehouse into PostgreSQL. It holds
// the warehouse open only while it copies.
func publishWarehouse(ctx context.Context, warehouse, dsn string,
	opt load.PostgresOptions) (*load.PostgresSummary, error) {
	wh, err := load.OpenReadOnly(warehouse)
	if err != nil {
		return nil, err
	}
	defer wh.Close()
	pg, err := load.ConnectPostgres(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer pg.Close(ctx)
	return load.PublishPostgres(ctx, wh, pg, opt)
}
