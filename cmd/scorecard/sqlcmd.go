package main

import (
	"bufio"
	"database/sql"
	"encoding/csv"
	"encoding/json"
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

func init() { commands = append(commands, newSQLCmd) }

func newSQLCmd() *cobra.Command {
	var warehouse, format string
	cmd := &cobra.Command{
		Use:   "sql [QUERY]",
		Short: "Query the published warehouse, read-only, as a table, CSV or JSON",
		Long: `sql opens the published warehouse read-only and prints the results of
QUERY. Without QUERY it reads statements from standard input, separated by
semicolons at the ends of lines. The warehouse is never changed, and a run
can publish while you query: you keep the version you opened.`,
		Example: `  scorecard sql "SELECT period_label, value FROM indicator_values WHERE indicator_id = 'CLA1'"
  scorecard sql --format csv "SELECT * FROM etl_reject" > refusals.csv
  echo "SELECT count(*) FROM etl_file;" | scorecard sql`,
		Args: cobra.MaximumNArgs(1),
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
			var queries []string
			if len(args) == 1 {
				queries = []string{args[0]}
			} else {
				queries, err = readStatements(cmd.InOrStdin())
				if err != nil {
					return err
				}
			}
			for _, q := range queries {
				if err := printQuery(cmd.OutOrStdout(), db, q, format); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&warehouse, "warehouse", "warehouse.duckdb", "the published warehouse file")
	cmd.Flags().StringVarP(&format, "format", "f", "table", "output as table, csv or json")
	return cmd
}

// readStatements splits standard input at semicolons that end a line.
func readStatements(r io.Reader) ([]string, error) {
	var out []string
	var cur strings.Builder
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(strings.TrimSpace(line), ";") {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	if strings.TrimSpace(cur.String()) != "" {
		out = append(out, cur.String())
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read the queries: %w", err)
	}
	if len(out) == 0 {
		return nil, usageError{errors.New("no query given, on the command line or standard input")}
	}
	return out, nil
}

func printQuery(w io.Writer, db *sql.DB, q, format string) error {
	rows, err := db.Query(q)
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	var table [][]string
	var objects []map[string]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("query: %w", err)
		}
		if format == "json" {
			obj := make(map[string]any, len(cols))
			for i, c := range cols {
				obj[c] = jsonValue(vals[i])
			}
			objects = append(objects, obj)
			continue
		}
		line := make([]string, len(cols))
		for i, v := range vals {
			line[i] = text(v)
		}
		table = append(table, line)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("query: %w", err)
	}
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if objects == nil {
			objects = []map[string]any{}
		}
		return enc.Encode(objects)
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(cols); err != nil {
			return err
		}
		if err := cw.WriteAll(table); err != nil {
			return err
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(cols, "\t"))
	for _, line := range table {
		fmt.Fprintln(tw, strings.Join(line, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "(%d row%s)\n", len(table), plural(len(table)))
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func text(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 {
			return x.Format(time.DateOnly)
		}
		return x.Format(time.RFC3339)
	case []byte:
		return string(x)
	case float64:
		return fmt.Sprintf("%.10g", x)
	}
	return fmt.Sprint(v)
}

func jsonValue(v any) any {
	switch x := v.(type) {
	case time.Time:
		return text(x)
	case []byte:
		return string(x)
	}
	return v
}
