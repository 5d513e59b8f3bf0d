package report

import (
	_ "embed" // queries.sql
	"fmt"
	"sync"

	sqlfs "scorecard/sql"
)

// queriesSQL holds every statement the package runs, by name.
//
//go:embed queries.sql
var queriesSQL string

// statementNames are the statements queries.sql must define.
var statementNames = []string{
	"indicators", "period", "calendar_range", "latest_month", "latest_due", "shown",
	"trend", "shown_members", "last_run", "find_indicator", "value", "value_range",
	"breakdowns", "members",
}

// statements returns the statements of queries.sql by name, split at its
// "-- name: NAME" lines and checked once.
var statements = sync.OnceValues(func() (map[string]string, error) {
	stmts, err := sqlfs.SplitNamed(queriesSQL, "report/queries.sql")
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	for _, want := range statementNames {
		if stmts[want] == "" {
			return nil, fmt.Errorf("report: queries.sql: no statement named %s", want)
		}
	}
	return stmts, nil
})
