package extract

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	sqlfs "scorecard/sql"
)

// CreateStaging creates the staging table of every kind that does not have
// one yet, so that the canonical model can read each of them even before a
// file of that kind has arrived.
func CreateStaging(ctx context.Context, db interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}, kinds []*Kind) error {
	for _, k := range kinds {
		cols := []string{"_file_id BIGINT NOT NULL", "_line BIGINT NOT NULL"}
		for _, c := range k.Columns {
			cols = append(cols, sqlfs.Ident(c.Name)+" "+c.Type.sqlType())
		}
		q := "CREATE TABLE IF NOT EXISTS " + sqlfs.Ident(k.Table) +
			" (\n    " + strings.Join(cols, ",\n    ") + "\n)"
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("extract: create staging table %s: %w", k.Table, err)
		}
	}
	return nil
}

func identTable(k *Kind) string { return sqlfs.Ident(k.Table) }
