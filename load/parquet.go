package load

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	sqlfs "scorecard/sql"
)

// ParquetManifest is the file every Parquet export holds at its top. Its
// leading underscore keeps Spark, Hive and Trino from taking it for data.
const ParquetManifest = "_scorecard_export.json"

// parquetPartitions are the hive partition columns of the tables that
// ExportParquet writes partitioned by period: the period's frequency and
// the calendar year its first day falls in.
var parquetPartitions = []string{"frequency", "period_year"}

// ParquetTable is one table of a Parquet export.
type ParquetTable struct {
	Name string `json:"name"`
	// Path is relative to the export folder: NAME.parquet for a single
	// file, or NAME for a folder of hive partitions.
	Path string `json:"path"`
	// PartitionedBy lists the partition columns; empty for a single file.
	PartitionedBy []string `json:"partitioned_by,omitempty"`
	Rows          int64    `json:"rows"`
}

// ParquetSummary is what ExportParquet wrote; it is also the manifest.
type ParquetSummary struct {
	Format     string         `json:"format"`
	RunID      int64          `json:"warehouse_run_id"`
	ExportedAt time.Time      `json:"exported_at"`
	Tables     []ParquetTable `json:"tables"`
	// Dir is the export folder; Replaced says whether an earlier export
	// was there. Neither is part of the manifest.
	Dir      string        `json:"-"`
	Replaced bool          `json:"-"`
	Duration time.Duration `json:"-"`
}

// ExportParquet writes the warehouse's dimensions and facts, the ledger and
// the rows of every view (the relations PublishPostgres copies) as Parquet
// files in dir, with a manifest. Tables and views with a period_id column
// (fact_indicator, fact_indicator_member), or with frequency and
// period_start columns (indicator_values), are written as hive partitions
// NAME/frequency=F/period_year=Y/*.parquet; the partition columns live in
// the folder names, not in the files. Every other table is one file,
// NAME.parquet.
//
// The export is all or nothing. It is written to a new folder beside dir
// (dir.tmp-*), and only when complete takes dir's place: the earlier export
// is renamed away, the new one renamed in, the earlier one removed. A
// failure leaves dir as it was. dir must be absent, empty, or an earlier
// export (it holds ParquetManifest); anything else is refused, never
// overwritten. warehouse should be opened with OpenReadOnly.
func ExportParquet(ctx context.Context, warehouse *sql.DB, dir string) (*ParquetSummary, error) {
	start := time.Now()
	dir = filepath.Clean(dir)
	replaced, err := checkExportDir(dir)
	if err != nil {
		return nil, err
	}
	stmts, err := sqlfs.Named("reference/postgres.sql")
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	sum := &ParquetSummary{Format: "scorecard parquet export 1", Dir: dir, Replaced: replaced,
		ExportedAt: start.UTC().Truncate(time.Second)}
	// A new folder beside dir, so that the final rename stays on one file
	// system.
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("load: create folder %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, base+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("load: create a folder beside %s: %w", dir, err)
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}

	// Every relation, then the manifest, then everything flushed to disk.
	err = warehouse.QueryRowContext(ctx, stmts["duckdb_latest_run"]).Scan(&sum.RunID)
	if err != nil {
		return nil, fmt.Errorf("load: read the warehouse's latest run: %w", err)
	}
	rels, err := exportRelations(ctx, warehouse, stmts)
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		t, err := exportRelation(ctx, warehouse, tmp, r)
		if err != nil {
			return nil, err
		}
		sum.Tables = append(sum.Tables, t)
	}
	manifest, err := json.MarshalIndent(sum, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("load: write the manifest: %w", err)
	}
	manifest = append(manifest, '\n')
	if err := os.WriteFile(filepath.Join(tmp, ParquetManifest), manifest, 0o644); err != nil {
		return nil, fmt.Errorf("load: write the manifest: %w", err)
	}
	if err := syncTree(tmp); err != nil {
		return nil, fmt.Errorf("load: flush the export to disk: %w", err)
	}

	// Into place.
	if err := replaceDir(dir, tmp, replaced); err != nil {
		return nil, err
	}
	done = true
	sum.Duration = time.Since(start)
	return sum, nil
}

// checkExportDir says whether dir holds something to replace, and refuses
// a folder that is neither empty nor an earlier export.
func checkExportDir(dir string) (bool, error) {
	st, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("load: %w", err)
	}
	if !st.IsDir() {
		return false, fmt.Errorf("load: %s is a file, not a folder for the export", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, fmt.Errorf("load: %w", err)
	}
	if len(entries) == 0 {
		return true, nil
	}
	if _, err := os.Stat(filepath.Join(dir, ParquetManifest)); err != nil {
		return false, fmt.Errorf("load: %s holds files but no %s, so it is not an earlier "+
			"export; it is left alone (choose a new or empty folder)", dir, ParquetManifest)
	}
	return true, nil
}

// exportRel is one relation to export and how.
type exportRel struct {
	name    string
	columns []string
	// join is true when the period's frequency and start come from
	// dim_period through period_id; partitioned when either way applies.
	join, partitioned bool
}

func exportRelations(ctx context.Context, db *sql.DB,
	stmts map[string]string) ([]exportRel, error) {
	rows, err := db.QueryContext(ctx, stmts["duckdb_relations"])
	if err != nil {
		return nil, fmt.Errorf("load: list the warehouse's tables: %w", err)
	}
	var rels []exportRel
	for rows.Next() {
		var r exportRel
		var kind, comment string
		if err := rows.Scan(&r.name, &kind, &comment); err != nil {
			rows.Close()
			return nil, fmt.Errorf("load: list the warehouse's tables: %w", err)
		}
		rels = append(rels, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load: list the warehouse's tables: %w", err)
	}
	for i := range rels {
		r := &rels[i]
		cols, err := db.QueryContext(ctx, stmts["duckdb_columns"], r.name)
		if err != nil {
			return nil, fmt.Errorf("load: read the columns of %s: %w", r.name, err)
		}
		has := map[string]bool{}
		for cols.Next() {
			var name, typ, comment string
			var nullable bool
			if err := cols.Scan(&name, &typ, &nullable, &comment); err != nil {
				cols.Close()
				return nil, fmt.Errorf("load: read the columns of %s: %w", r.name, err)
			}
			r.columns = append(r.columns, name)
			has[name] = true
		}
		cols.Close()
		if err := cols.Err(); err != nil {
			return nil, fmt.Errorf("load: read the columns of %s: %w", r.name, err)
		}
		switch {
		case has["period_year"] || strings.HasPrefix(r.name, "dim_"):
			// Dimensions, and a table that has a column of that name, are
			// written whole.
		case has["period_id"] && !has["frequency"]:
			r.join, r.partitioned = true, true
		case has["frequency"] && has["period_start"]:
			r.partitioned = true
		}
	}
	return rels, nil
}

// exportRelation writes one relation under dir with DuckDB's COPY.
func exportRelation(ctx context.Context, db *sql.DB, dir string, r exportRel) (ParquetTable,
	error) {
	t := ParquetTable{Name: r.name}
	cols := make([]string, len(r.columns))
	for i, c := range r.columns {
		cols[i] = "t." + sqlfs.Ident(c)
	}
	query := "SELECT " + strings.Join(cols, ", ")
	from := " FROM " + sqlfs.Ident(r.name) + " AS t"
	var target, options string
	switch {
	case r.partitioned && r.join:
		query += ", p.frequency, year(p.period_start) AS period_year" + from +
			" LEFT JOIN dim_period AS p ON p.period_id = t.period_id"
	case r.partitioned:
		query += ", year(t.period_start) AS period_year" + from
	default:
		query += from
	}
	if r.partitioned {
		t.Path = r.name
		t.PartitionedBy = slices.Clone(parquetPartitions)
		target = filepath.Join(dir, r.name)
		parts := make([]string, len(parquetPartitions))
		for i, c := range parquetPartitions {
			parts[i] = sqlfs.Ident(c)
		}
		options = "FORMAT parquet, COMPRESSION snappy, PARTITION_BY (" +
			strings.Join(parts, ", ") + ")"
		// The folder is there even when the table has no rows.
		if err := os.MkdirAll(target, 0o755); err != nil {
			return t, fmt.Errorf("load: %w", err)
		}
	} else {
		t.Path = r.name + ".parquet"
		target = filepath.Join(dir, t.Path)
		options = "FORMAT parquet, COMPRESSION snappy"
	}
	// COPY takes no parameters: the path is quoted as a string literal.
	copyStmt := "COPY (" + query + ") TO '" + strings.ReplaceAll(target, "'", "''") +
		"' (" + options + ")"
	res, err := db.ExecContext(ctx, copyStmt)
	if err != nil {
		return t, fmt.Errorf("load: export %s to Parquet: %w", r.name, err)
	}
	if t.Rows, err = res.RowsAffected(); err != nil {
		return t, fmt.Errorf("load: export %s to Parquet: %w", r.name, err)
	}
	return t, nil
}

// syncTree flushes every file and folder under dir to disk, so that the
// rename that publishes the export cannot outrun its contents.
func syncTree(dir string) error {
	return filepath.WalkDir(dir, func(path string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		err = f.Sync()
		return errors.Join(err, f.Close())
	})
}

// replaceDir puts the complete export tmp at dir, moving an earlier export
// out of the way first and removing it after.
func replaceDir(dir, tmp string, replacing bool) error {
	if !replacing {
		if err := os.Rename(tmp, dir); err != nil {
			return fmt.Errorf("load: move the export into place at %s: %w", dir, err)
		}
		syncDir(filepath.Dir(dir))
		return nil
	}
	old := strings.Replace(tmp, ".tmp-", ".old-", 1)
	if err := os.Rename(dir, old); err != nil {
		return fmt.Errorf("load: move the earlier export at %s aside: %w", dir, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		if back := os.Rename(old, dir); back != nil {
			return fmt.Errorf("load: move the export into place at %s: %w (the earlier "+
				"export is at %s)", dir, errors.Join(err, back), old)
		}
		return fmt.Errorf("load: move the export into place at %s: %w", dir, err)
	}
	syncDir(filepath.Dir(dir))
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("load: the export is in place, but the earlier one could not be "+
			"removed from %s: %w", old, err)
	}
	return nil
}

// syncDir makes renames in dir durable where the file system allows.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
