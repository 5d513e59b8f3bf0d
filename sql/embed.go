// Package sqlfs holds the warehouse's SQL: numbered migrations, reference
// data, the canonical model and one file per indicator, embedded in the binary
// so that a run never depends on files beside it.
package sqlfs

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// FS is the embedded tree: migrations/NNN_name.sql, reference/*.csv,
// model/NN_name.sql, indicators/ID.sql and marts/NN_name.sql.
//
//go:embed migrations reference model indicators marts
var FS embed.FS

// Ident quotes a name for use as an SQL identifier. It is the one way Go code
// puts a name into SQL text; values always travel as parameters.
func Ident(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// Named splits an embedded file into statements at its "-- name: NAME"
// lines and returns them by name. Text before the first name line is the
// file's heading and is dropped. It is an error for a name to repeat.
func Named(file string) (map[string]string, error) {
	raw, err := FS.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("sqlfs: read %s: %w", file, err)
	}
	return SplitNamed(string(raw), file)
}

// SplitNamed is Named for SQL text held elsewhere; file names it in errors.
func SplitNamed(text, file string) (map[string]string, error) {
	stmts := map[string]string{}
	name := ""
	var body strings.Builder
	flush := func() error {
		if name == "" {
			return nil
		}
		if _, dup := stmts[name]; dup {
			return fmt.Errorf("sqlfs: %s: statement %q is named twice", file, name)
		}
		stmts[name] = strings.TrimSpace(body.String())
		return nil
	}
	for _, line := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(line, "-- name:"); ok {
			if err := flush(); err != nil {
				return nil, err
			}
			name = strings.TrimSpace(rest)
			body.Reset()
			continue
		}
		body.WriteString(line)
		body.WriteByte('\n')
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return stmts, nil
}

// Execer is what ExecDir runs statements on: a *sql.DB, *sql.Conn or *sql.Tx.
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// ExecDir runs every .sql file of an embedded folder, in name order, each as
// one multi-statement text.
func ExecDir(ctx context.Context, db Execer, dir string) error {
	names, err := fs.Glob(FS, dir+"/*.sql")
	if err != nil {
		return fmt.Errorf("sqlfs: list %s: %w", dir, err)
	}
	sort.Strings(names)
	for _, name := range names {
		text, err := FS.ReadFile(name)
		if err != nil {
			return fmt.Errorf("sqlfs: read %s: %w", name, err)
		}
		if _, err := db.ExecContext(ctx, string(text)); err != nil {
			return fmt.Errorf("sqlfs: run %s: %w", name, err)
		}
	}
	return nil
}
