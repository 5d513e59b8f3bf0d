package report

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// A targets file is a CSV file a council edits by hand: a header row naming
// its columns, then one row per indicator with a target. Lines starting with
// # are comments and blank lines are skipped. docs/report.md documents it and
// docs/targets.example.csv is an example.
//
//	indicator_id  required  an id of dim_indicator, in any case: CCA14
//	target        required  the value aimed for, in the indicator's unit: 85 for 85%
//	amber_within  optional  how far short of the target is still amber, in the
//	                        same unit (5 = five percentage points); empty or 0
//	                        means anything short of the target is red
//	better        optional  higher or lower; empty takes the indicator's
//	                        polarity, and is required for a neutral indicator
//	note          optional  free text shown beside the target
var targetColumns = []string{"indicator_id", "target", "amber_within", "better", "note"}

// Target is what a targets file sets for one indicator.
type Target struct {
	IndicatorID string  // as in dim_indicator, whatever case the file used
	Value       float64 // the target, in the indicator's unit
	AmberWithin float64 // shortfall still rated amber, in the same unit; 0 or more
	Better      string  // "higher" or "lower"
	Note        string
	Line        int // line of the targets file, for messages
}

// Targets are the targets of a file by indicator id.
type Targets map[string]Target

// RAG ratings, as the scorecard prints them.
const (
	Red   = "Red"
	Amber = "Amber"
	Green = "Green"
)

// Rate rates v against the target: Green when it meets the target or is on
// the better side of it, Amber when it falls short by no more than
// AmberWithin, Red otherwise. Pass v at the precision it is shown to, so the
// rating agrees with what is read.
func (t Target) Rate(v float64) string {
	short := t.Value - v
	if t.Better == "lower" {
		short = v - t.Value
	}
	// Allow for binary fractions: 84.9 against 85 within 0.1 is amber.
	const slack = 1e-9
	switch {
	case short <= slack:
		return Green
	case short <= t.AmberWithin+slack:
		return Amber
	}
	return Red
}

// LoadTargets reads the targets file at path, checking each row against
// indicators (the rows of dim_indicator). A file that does not exist means
// no targets: it returns an empty Targets and no error.
func LoadTargets(path string, indicators []Indicator) (Targets, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Targets{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("report: read targets: %w", err)
	}
	defer f.Close()
	return ParseTargets(f, filepath.Base(path), indicators)
}

// ParseTargets reads a targets file from r; name is used in messages. Every
// problem is an error naming the line: an indicator id not in indicators, a
// repeated id, a target that is not a number, a negative amber_within, a
// better that is neither higher nor lower, or a neutral indicator without
// one.
func ParseTargets(r io.Reader, name string, indicators []Indicator) (Targets, error) {
	byID := make(map[string]Indicator, len(indicators))
	for _, ind := range indicators {
		byID[strings.ToLower(ind.ID)] = ind
	}
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true

	// Header: known column names, in any order, the first two required.
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return Targets{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("report: read %s: %w", name, err)
	}
	headerLine, _ := cr.FieldPos(0)
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if !slices.Contains(targetColumns, h) {
			return nil, fmt.Errorf("report: read %s: line %d: unknown column %q (columns are %s)",
				name, headerLine, header[i], strings.Join(targetColumns, ", "))
		}
		if _, dup := col[h]; dup {
			return nil, fmt.Errorf("report: read %s: line %d: column %q appears twice",
				name, headerLine, h)
		}
		col[h] = i
	}
	for _, need := range targetColumns[:2] {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("report: read %s: line %d: no %s column (the header "+
				"row must name at least indicator_id and target)", name, headerLine, need)
		}
	}

	out := Targets{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("report: read %s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		field := func(c string) string {
			i, ok := col[c]
			if !ok || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		if len(rec) > len(header) {
			return nil, fmt.Errorf("report: read %s: line %d: %d fields, but the header "+
				"names %d (quote a note that holds a comma)", name, line, len(rec), len(header))
		}
		t, err := targetRow(field, byID)
		if err == nil {
			if prev, dup := out[t.IndicatorID]; dup {
				err = fmt.Errorf("%s already has a target on line %d", t.IndicatorID, prev.Line)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("report: read %s: line %d: %w", name, line, err)
		}
		t.Line = line
		out[t.IndicatorID] = t
	}
}

// targetRow checks one row of a targets file.
func targetRow(field func(string) string, byID map[string]Indicator) (Target, error) {
	id := field("indicator_id")
	if id == "" {
		return Target{}, errors.New("no indicator_id")
	}
	ind, ok := byID[strings.ToLower(id)]
	if !ok {
		return Target{}, fmt.Errorf("no indicator %q in the warehouse (ids are those of "+
			"dim_indicator, such as CCA14)", id)
	}
	t := Target{IndicatorID: ind.ID, Note: field("note")}

	v, err := targetNumber(field("target"))
	if err != nil {
		return t, fmt.Errorf("%s: target: %w", ind.ID, err)
	}
	t.Value = v
	if s := field("amber_within"); s != "" {
		if t.AmberWithin, err = targetNumber(s); err != nil {
			return t, fmt.Errorf("%s: amber_within: %w", ind.ID, err)
		}
		if t.AmberWithin < 0 {
			return t, fmt.Errorf("%s: amber_within %s is negative", ind.ID, s)
		}
	}

	switch b := strings.ToLower(field("better")); b {
	case "higher", "lower":
		t.Better = b
	case "":
		switch ind.Polarity {
		case "higher_better":
			t.Better = "higher"
		case "lower_better":
			t.Better = "lower"
		default:
			return t, fmt.Errorf("%s is neutral (neither higher nor lower is better): "+
				"say which in the better column", ind.ID)
		}
	default:
		return t, fmt.Errorf("%s: better %q is neither higher nor lower", ind.ID, b)
	}
	return t, nil
}

// targetNumber reads a number as a person writes it: 85, 85.5, 85%, 1,200.
func targetNumber(s string) (float64, error) {
	if s == "" {
		return 0, errors.New("is empty")
	}
	clean := strings.TrimSuffix(strings.ReplaceAll(s, ",", ""), "%")
	v, err := strconv.ParseFloat(strings.TrimSpace(clean), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	return v, nil
}
