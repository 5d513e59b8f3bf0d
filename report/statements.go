package report

import (
	_ "embed" // queries.sql
	"fmt"
	"strings"
	"sync"
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
	stmts := map[string]string{}
	name := ""
	var body strings.Builder
	flush := func() error {
		if name == "" {
			return nil
		}
		if _, dup := stmts[name]; dup {
			return fmt.Errorf("report: queries.sql: statement %q is named twice", name)
		}
		stmts[name] = strings.TrimSpace(body.String())
		return nil
	}
	for _, line := range strings.Split(queriesSQL, "\n") {
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
	for _, want := range statementNames {
		if stmts[want] == "" {
			return nil, fmt.Errorf("report: queries.sql: no statement named %s", want)
		}
	}
	return stmts, nil
})
