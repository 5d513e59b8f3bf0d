package load

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver

	sqlfs "scorecard/sql"
)

// dsnOptions keep DuckDB from fetching extensions: nothing may be downloaded
// at run time, and parquet, json and icu are built in.
const dsnOptions = "autoinstall_known_extensions=false&autoload_known_extensions=false"

// Open opens (creating if need be) the DuckDB database at path for writing.
func Open(path string) (*sql.DB, error) {
	db, err := sql.Open("duckdb", path+"?"+dsnOptions)
	if err != nil {
		return nil, fmt.Errorf("load: open %s: %w", path, err)
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("load: open %s: %w (is another program writing to it?)", path, err)
	}
	return db, nil
}

// OpenReadOnly opens the DuckDB database at path for reading only.
func OpenReadOnly(path string) (*sql.DB, error) {
	db, err := sql.Open("duckdb", path+"?access_mode=read_only&"+dsnOptions)
	if err != nil {
		return nil, fmt.Errorf("load: open %s: %w", path, err)
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("load: open %s read-only: %w", path, err)
	}
	return db, nil
}

// Migrate applies every migration in sql/migrations that the database has
// not had yet, each in its own transaction, recording it in
// schema_migration. It returns the number applied.
func Migrate(ctx context.Context, db *sql.DB) (int, error) {
	const create = `CREATE TABLE IF NOT EXISTS schema_migration (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
)`
	if _, err := db.ExecContext(ctx, create); err != nil {
		return 0, fmt.Errorf("load: create schema_migration: %w", err)
	}
	names, err := fs.Glob(sqlfs.FS, "migrations/*.sql")
	if err != nil {
		return 0, fmt.Errorf("load: list migrations: %w", err)
	}
	sort.Strings(names)
	applied := 0
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return applied, fmt.Errorf("load: migration %s has no number", base)
		}
		var done int
		q := "SELECT count(*) FROM schema_migration WHERE version = ?"
		if err := db.QueryRowContext(ctx, q, version).Scan(&done); err != nil {
			return applied, fmt.Errorf("load: read schema_migration: %w", err)
		}
		if done > 0 {
			continue
		}
		if err := applyMigration(ctx, db, name, base, version); err != nil {
			return applied, err
		}
		applied++
	}
	return applied, nil
}

func applyMigration(ctx context.Context, db *sql.DB, name, base string, version int) error {
	text, err := sqlfs.FS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("load: read migration %s: %w", base, err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("load: migration %s: %w", base, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, string(text)); err != nil {
		return fmt.Errorf("load: migration %s: %w", base, err)
	}
	q := "INSERT INTO schema_migration VALUES (?, ?, ?)"
	if _, err := tx.ExecContext(ctx, q, version, base, time.Now().UTC()); err != nil {
		return fmt.Errorf("load: record migration %s: %w", base, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("load: commit migration %s: %w", base, err)
	}
	return nil
}
