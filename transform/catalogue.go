package transform

import (
	"bytes"
	"context"
	"database/sql"
	_ "embed" // catalogue.csv
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	sqlfs "scorecard/sql"
)

// catalogueCSV is the indicator catalogue: one row per indicator line of the
// council's performance appendix, in appendix order. docs/catalogue.md says
// how its ids were made and which OCR errors of the appendix were corrected.
//
//go:embed catalogue.csv
var catalogueCSV []byte

// catalogueHeader is the exact header row of catalogue.csv.
var catalogueHeader = []string{
	"indicator_id", "code", "title", "section", "frequency", "unit", "polarity",
	"appendix_line", "needs",
}

// catalogueSections are the appendix's sections, in the order it prints them.
var catalogueSections = []string{
	"Intake and Assessment",
	"Intervention and Planning",
	"Disabled Children",
	"Permanence",
	"Fostering and Adoption",
	"Safeguarding and QA",
	"Youth Offending",
	"Family Support",
	"Early Years",
	"Families First (Troubled Families)",
	"FOI, SARs and Complaints",
	"Voice of the Child",
	"Workforce",
	"Libraries",
}

// catalogueFrequencies are the frequencies of dim_period.
var catalogueFrequencies = []string{"day", "week", "month", "quarter", "year"}

// catalogueUnits are the units an indicator value can be in. A percent is
// stored with its numerator and denominator; mean_* and median_days are
// averages over the cases in the numerator.
var catalogueUnits = []string{
	"count", "percent", "rate_per_10k", "mean_days", "mean_weeks", "median_days",
	"hours", "fte", "money",
}

// cataloguePolarities say which direction of change a service manager wants.
var cataloguePolarities = []string{"higher_better", "lower_better", "neutral"}

// catalogueID is the shape of an indicator id: a printed code in upper case,
// optionally followed by .N for its Nth printing, or a section prefix followed
// by -DN (a "Development" row) or -NN (a row with no code).
var catalogueID = regexp.MustCompile(`^[A-Z][A-Z0-9]*(\.[0-9]+|-D[0-9]+|-[0-9]{2})?$`)

// Indicator is one row of the catalogue.
type Indicator struct {
	ID        string // stable and unique: CCA4, CCA4.2, IA-D1, WF-01
	Code      string // as printed, after OCR fixes; "Development" or "" where so printed
	Title     string
	Section   string // one of the appendix's sections, by full name
	Frequency string // day, week, month, quarter or year
	Unit      string // count, percent, rate_per_10k, mean_days, ... (see catalogueUnits)
	Polarity  string // higher_better, lower_better or neutral
	// Needs names, in plain words, the input the indicator is computed from;
	// it becomes the status reason of an indicator not computed yet.
	Needs        string
	AppendixLine int // line of the appendix OCR the row comes from
	SortOrder    int // position in the catalogue, from 1
}

// Catalogue returns the indicator catalogue embedded in the binary, in
// appendix order. Every field is checked against its vocabulary and every id
// for uniqueness; the error names the row (counted from 1 after the header)
// and the field at fault.
func Catalogue() ([]Indicator, error) {
	return parseCatalogue(bytes.NewReader(catalogueCSV))
}

// parseCatalogue reads a catalogue in the layout of catalogue.csv.
func parseCatalogue(in io.Reader) ([]Indicator, error) {
	r := csv.NewReader(in)
	r.FieldsPerRecord = len(catalogueHeader)
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("transform: read catalogue.csv: header: %w", err)
	}
	if !slices.Equal(header, catalogueHeader) {
		return nil, fmt.Errorf("transform: read catalogue.csv: header is %q, want %q",
			header, catalogueHeader)
	}

	var out []Indicator
	seen := map[string]int{}
	for row := 1; ; row++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("transform: read catalogue.csv: row %d: %w", row, err)
		}
		ind, field, err := catalogueRow(rec, row)
		if err == nil && seen[ind.ID] > 0 {
			field = "indicator_id"
			err = fmt.Errorf("%q is also the id of row %d", ind.ID, seen[ind.ID])
		}
		if err == nil && len(out) > 0 && ind.AppendixLine < out[len(out)-1].AppendixLine {
			field = "appendix_line"
			err = fmt.Errorf("%d comes before the previous row's %d (rows follow the appendix)",
				ind.AppendixLine, out[len(out)-1].AppendixLine)
		}
		if err != nil {
			return nil, fmt.Errorf("transform: read catalogue.csv: row %d, field %q: %w",
				row, field, err)
		}
		seen[ind.ID] = row
		out = append(out, ind)
	}
	if len(out) == 0 {
		return nil, errors.New("transform: read catalogue.csv: no indicators")
	}
	return out, nil
}

// catalogueRow checks one record; on error it also returns the field at fault.
func catalogueRow(rec []string, row int) (Indicator, string, error) {
	ind := Indicator{
		ID:        rec[0],
		Code:      rec[1],
		Title:     rec[2],
		Section:   rec[3],
		Frequency: rec[4],
		Unit:      rec[5],
		Polarity:  rec[6],
		Needs:     rec[8],
		SortOrder: row,
	}
	for i, name := range catalogueHeader {
		if rec[i] != strings.TrimSpace(rec[i]) || strings.ContainsAny(rec[i], "\t\r\n") {
			return ind, name, fmt.Errorf("%q has stray white space", rec[i])
		}
		if rec[i] == "" && name != "code" {
			return ind, name, errors.New("is empty")
		}
	}
	checks := []struct {
		field, value string
		vocabulary   []string
	}{
		{"section", ind.Section, catalogueSections},
		{"frequency", ind.Frequency, catalogueFrequencies},
		{"unit", ind.Unit, catalogueUnits},
		{"polarity", ind.Polarity, cataloguePolarities},
	}
	for _, c := range checks {
		if !slices.Contains(c.vocabulary, c.value) {
			return ind, c.field, fmt.Errorf("%q is not one of %s",
				c.value, strings.Join(c.vocabulary, ", "))
		}
	}
	if !catalogueID.MatchString(ind.ID) {
		return ind, "indicator_id", fmt.Errorf("%q is not CODE, CODE.N, PREFIX-DN or PREFIX-NN",
			ind.ID)
	}
	line, err := strconv.Atoi(rec[7])
	if err != nil || line < 1 {
		return ind, "appendix_line", fmt.Errorf("%q is not a line number", rec[7])
	}
	ind.AppendixLine = line
	return ind, "", nil
}

// Definition is what an indicator's SQL file says it computes, in plain words.
type Definition struct {
	Definition  string // what is counted, e.g. "single assessments authorised within 45 working days"
	Numerator   string
	Denominator string // empty for a count
	Period      string // e.g. "assessments authorised in the month"
	Authority   string // Ofsted Annex A guidance, DfE statistics methodology or a local note
}

// LoadCatalogue replaces the contents of dim_indicator with the catalogue, in
// the caller's transaction. An indicator whose id is a key of defs is marked
// computed and given that definition; every other one is marked not_computed
// with the reason "not computed yet: needs <what it is computed from>".
// A key of defs that is not a catalogue id is an error, returned before
// anything is written. Empty definition fields are stored as NULL.
func LoadCatalogue(ctx context.Context, tx *sql.Tx, defs map[string]Definition) (err error) {
	cat, err := Catalogue()
	if err != nil {
		return err
	}
	known := make(map[string]bool, len(cat))
	for _, ind := range cat {
		known[ind.ID] = true
	}
	var unknown []string
	for id := range defs {
		if !known[id] {
			unknown = append(unknown, id)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return fmt.Errorf("transform: load dim_indicator: definitions for ids not in the "+
			"catalogue: %s", strings.Join(unknown, ", "))
	}
	stmts, err := catalogueStatements()
	if err != nil {
		return err
	}

	// Empty the table, then insert every row through one prepared statement.
	if _, err := tx.ExecContext(ctx, stmts["clear_dim_indicator"]); err != nil {
		return fmt.Errorf("transform: clear dim_indicator: %w", err)
	}
	ins, err := tx.PrepareContext(ctx, stmts["insert_indicator"])
	if err != nil {
		return fmt.Errorf("transform: load dim_indicator: prepare insert: %w", err)
	}
	defer func() { err = errors.Join(err, ins.Close()) }()

	for _, ind := range cat {
		def, computed := defs[ind.ID]
		status, reason := "computed", ""
		if !computed {
			status, reason = "not_computed", "not computed yet: needs "+ind.Needs
		}
		_, err := ins.ExecContext(ctx,
			ind.ID, ind.Code, ind.Title, ind.Section, ind.Frequency, ind.Unit, ind.Polarity,
			nullIfEmpty(def.Definition), nullIfEmpty(def.Numerator),
			nullIfEmpty(def.Denominator), nullIfEmpty(def.Period), nullIfEmpty(def.Authority),
			status, nullIfEmpty(reason), ind.AppendixLine, ind.SortOrder)
		if err != nil {
			return fmt.Errorf("transform: load dim_indicator: insert %s: %w", ind.ID, err)
		}
	}
	return nil
}

// nullIfEmpty turns an empty string into SQL NULL.
func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// catalogueStatements returns the statements of reference/catalogue.sql by
// name, parsed once.
var catalogueStatements = sync.OnceValues(func() (map[string]string, error) {
	stmts, err := sqlfs.Named("reference/catalogue.sql")
	if err != nil {
		return nil, fmt.Errorf("transform: %w", err)
	}
	for _, want := range []string{"clear_dim_indicator", "insert_indicator"} {
		if stmts[want] == "" {
			return nil, fmt.Errorf("transform: reference/catalogue.sql has no statement %s", want)
		}
	}
	return stmts, nil
})
