package load

import (
	"context"
	"database/sql"
	"fmt"

	sqlfs "scorecard/sql"
)

// BuildMarts rebuilds the case-level facts and dimensions of the star schema
// (sql/marts/*.sql, in name order) inside tx, from the canonical model and
// the calendar.
func BuildMarts(ctx context.Context, tx *sql.Tx) error {
	if err := sqlfs.ExecDir(ctx, tx, "marts"); err != nil {
		return fmt.Errorf("load: build marts: %w", err)
	}
	return nil
}
