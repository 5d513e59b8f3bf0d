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

func init() { commands = append(commands, newExportCmd) }

func newExportCmd() *cobra.Command {
	var dir, warehouse string
	cmd := &cobra.Command{
		Use:   "export --parquet DIR [--warehouse FILE]",
		Short: "Write the warehouse's dimensions and facts as Parquet files",
		Long: `export writes the published warehouse's dimensions, facts, ledger and the
indicator_values view as Parquet files in DIR, for Trino, Spark, DuckDB,
Power BI or anything else that reads Parquet.

Dimensions and most facts are one file each (dim_date.parquet).
fact_indicator, fact_indicator_member and indicator_values are folders of
hive partitions by the period's frequency and the calendar year it starts
in: fact_indicator/frequency=month/period_year=2026/data_0.parquet. DIR
also holds _scorecard_export.json, listing every table and its rows.

The export is written beside DIR and takes its place only when complete,
so DIR always holds one whole export. DIR must be new, empty, or an
earlier export; any other folder is left alone.`,
		Example: `  scorecard export --parquet /data/parquet/scorecard
  scorecard export --parquet /data/parquet/scorecard --warehouse /data/warehouse.duckdb`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if dir == "" {
				return usageError{errors.New("--parquet is required: the folder to write the " +
					"Parquet files in")}
			}
			if _, err := os.Stat(warehouse); err != nil {
				return usageError{fmt.Errorf("no warehouse at %s (run 'scorecard run' or "+
					"'scorecard demo' first, or pass --warehouse)", warehouse)}
			}
			sum, err := exportWarehouse(cmd.Context(), warehouse, dir)
			if err != nil {
				return err
			}
			printExported(cmd.OutOrStdout(), sum)
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "parquet", "", "folder to write the Parquet files in (required)")
	cmd.Flags().StringVar(&warehouse, "warehouse", "warehouse.duckdb",
		"the published warehouse file")
	return cmd
}

// printExported writes what export wrote, for a person.
func printExported(w io.Writer, s *load.ParquetSummary) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "table\trows\tpath")
	var rows int64
	for _, t := range s.Tables {
		path := t.Path
		if len(t.PartitionedBy) > 0 {
			path += "/" + strings.Join(t.PartitionedBy, "=*/") + "=*/"
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\n", t.Name, t.Rows, path)
		rows += t.Rows
	}
	tw.Flush()
	verb := "Wrote"
	if s.Replaced {
		verb = "Replaced the earlier export with"
	}
	fmt.Fprintf(w, "\n%s %d tables, %d rows, from warehouse run %d, in %s: %s\n", verb,
		len(s.Tables), rows, s.RunID, s.Duration.Round(10*time.Millisecond), s.Dir)
}

// exportWarehouse writes the published warehouse as Parquet into dir.
func exportWarehouse(ctx context.Context, warehouse, dir string) (*load.ParquetSummary, error) {
	wh, err := load.OpenReadOnly(warehouse)
	if err != nil {
		return nil, err
	}
	defer wh.Close()
	return load.ExportParquet(ctx, wh, dir)
}
