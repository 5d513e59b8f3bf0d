package transform

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	sqlfs "scorecard/sql"
)

// IndicatorSQL is one file of sql/indicators: the query that finds the
// members of an indicator's values, and the definition block at its head.
//
// The file is named after the indicator id (CCA14.sql) and opens with a
// comment block of "-- key: value" lines, a value running on over lines that
// start with "--" and more spaces:
//
//	-- definition:  what is counted, in plain words
//	-- numerator:   ...
//	-- denominator: ...
//	-- period:      the period counted over (flow, snapshot, rolling)
//	-- authority:   whose definition this is
//	-- source:      coverage domains the indicator needs, comma separated
//	-- to_date:     yes, to report the current period so far (optional; for
//	                flows whose part-period total means something)
//
// After the block comes one SELECT returning one row per member of a value:
//
//	period_id    VARCHAR  a period of indicator_period
//	breakdown    VARCHAR  'all', or 'dimension=member'
//	subject_key  VARCHAR  the keyed child, case or library the row is about
//	numerator    DOUBLE   the member's part of the numerator (1, days, visits)
//	denominator  DOUBLE   its part of the denominator (1, or 0 for counts)
//	decided_on   DATE     the date that decided membership
//	note         VARCHAR  why, in a few words (no case values)
//
// The query reads the temporary table indicator_period (period_id,
// period_start, period_end, label), which holds the periods of the
// indicator's frequency that its sources fully cover.
type IndicatorSQL struct {
	ID      string
	Def     Definition
	Sources []string
	// ToDate asks for the current, unfinished period too, marked to_date.
	ToDate bool
	Query  string
}

// definitionKeys are the block's keys; all but optionalKeys are required.
var definitionKeys = []string{"definition", "numerator", "denominator", "period", "authority",
	"source", "to_date"}

var optionalKeys = map[string]bool{"to_date": true}

// IndicatorFiles parses every sql/indicators/*.sql file, sorted by id.
func IndicatorFiles() ([]IndicatorSQL, error) {
	names, err := fs.Glob(sqlfs.FS, "indicators/*.sql")
	if err != nil {
		return nil, fmt.Errorf("transform: list indicator files: %w", err)
	}
	sort.Strings(names)
	out := make([]IndicatorSQL, 0, len(names))
	for _, name := range names {
		text, err := sqlfs.FS.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("transform: read %s: %w", name, err)
		}
		ind, err := parseIndicatorSQL(strings.TrimSuffix(path.Base(name), ".sql"), string(text))
		if err != nil {
			return nil, fmt.Errorf("transform: %s: %w", name, err)
		}
		out = append(out, ind)
	}
	return out, nil
}

func parseIndicatorSQL(id, text string) (IndicatorSQL, error) {
	fields := map[string]string{}
	key := ""
	for _, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if !strings.HasPrefix(trimmed, "--") {
			if trimmed == "" {
				continue
			}
			break // the query starts: the block is over
		}
		content := strings.TrimPrefix(trimmed, "--")
		switch k, v, ok := strings.Cut(content, ":"); {
		case strings.TrimSpace(content) == "":
			key = ""
		case ok && !strings.HasPrefix(content, "  ") && isDefinitionKey(strings.TrimSpace(k)):
			key = strings.TrimSpace(k)
			fields[key] = strings.TrimSpace(v)
		case key != "" && strings.HasPrefix(content, "  "):
			fields[key] += " " + strings.TrimSpace(content)
		default:
			key = ""
		}
	}
	for _, k := range definitionKeys {
		if fields[k] == "" && !optionalKeys[k] {
			return IndicatorSQL{}, fmt.Errorf("the definition block has no %q line", k)
		}
	}
	// SQL comments are harmless to DuckDB, so the whole text is the query.
	query := strings.TrimSpace(text)
	query = strings.TrimSpace(strings.TrimSuffix(query, ";"))
	var sources []string
	for _, s := range strings.Split(fields["source"], ",") {
		sources = append(sources, strings.TrimSpace(s))
	}
	return IndicatorSQL{
		ID: id,
		Def: Definition{
			Definition:  fields["definition"],
			Numerator:   fields["numerator"],
			Denominator: fields["denominator"],
			Period:      fields["period"],
			Authority:   fields["authority"],
		},
		Sources: sources,
		ToDate:  strings.EqualFold(fields["to_date"], "yes"),
		Query:   query,
	}, nil
}

func isDefinitionKey(k string) bool {
	for _, d := range definitionKeys {
		if k == d {
			return true
		}
	}
	return false
}
