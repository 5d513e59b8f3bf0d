package extract

import (
	"fmt"
	"strings"
)

// Type says how a column's text is read and what it stages as.
type Type int

const (
	// Text is kept as written, trimmed.
	Text Type = iota
	// ID is a child's or case identifier: staged only as its keyed hash.
	ID
	// Date is a British calendar date, staged as DATE.
	Date
	// Int is a whole number (Excel's "3.0" is read as 3), staged as BIGINT.
	Int
	// Number is a decimal number, staged as DOUBLE.
	Number
	// Code is one of a fixed list of values, staged as the list's code.
	Code
	// Postcode is cut to its outward code (district) before staging.
	Postcode
	// Month is a calendar month written 2026-01, 2026-1 or 01/2026,
	// staged as the DATE of its first day.
	Month
	// Percent is a number with an optional % sign, staged as DOUBLE.
	Percent
)

func (t Type) sqlType() string {
	switch t {
	case Date, Month:
		return "DATE"
	case Int:
		return "BIGINT"
	case Number, Percent:
		return "DOUBLE"
	default:
		return "VARCHAR"
	}
}

func (t Type) String() string {
	return [...]string{"text", "identifier", "date", "whole number", "number",
		"code", "postcode", "month", "percentage"}[t]
}

// Column describes one column of a file kind.
type Column struct {
	// Name is the staging column, in snake_case.
	Name string
	// Header is the column's heading as the standard writes it.
	Header string
	// Aliases are other headings seen in real exports.
	Aliases []string
	Type    Type
	// Required columns must be present in the header, or the file is
	// quarantined; other columns are read when present and NULL when not.
	Required bool
	// NotNull refuses a row whose value is missing.
	NotNull bool
	// Codes lists the accepted values of a Code column.
	Codes *CodeSet
	// Suppressed lets the markers x, * and c stand for a count withheld to
	// protect privacy: staged as NULL, never as zero.
	Suppressed bool
	// Positive refuses a number that is zero or less.
	Positive bool
}

// Check is a rule across two date columns of the same row.
type Check struct {
	// Before must not be later than After when both are present.
	Before, After string
}

// Kind is one type of input file.
type Kind struct {
	// Name is stable and short: annexa_l3, ssda903_episodes, contacts.
	Name string
	// Title is what a person calls it: "Annex A list 3: referrals".
	Title string
	// Table is the staging table, stg_<name>.
	Table   string
	Columns []Column
	Checks  []Check
	// NameHint, when set, must appear in the lower-cased file name for the
	// kind to match; it separates kinds that share a header.
	NameHint string
	// Wide marks a file with one column per month after the key columns:
	// each non-empty cell becomes one staged row (see wide.go).
	Wide *Wide
	// Unique names columns whose values together may appear on one row of
	// a file only: a later row repeating them is refused, naming the line
	// it repeats, rather than silently replacing it. Such refusals reach
	// OnReject after the file's other refusals.
	Unique []string
}

// Wide describes a wide monthly file: key columns, then a column per month.
type Wide struct {
	// MonthColumn receives the month of the cell's header.
	MonthColumn string
	// ValueColumn receives the cell.
	ValueColumn string
}

func (k *Kind) column(name string) *Column {
	for i := range k.Columns {
		if k.Columns[i].Name == name {
			return &k.Columns[i]
		}
	}
	return nil
}

// CodeSet is the list of values a Code column accepts.
type CodeSet struct {
	Name   string
	Values []CodeValue
	index  map[string]string
}

// CodeValue is one accepted code with its labels and other spellings.
type CodeValue struct {
	Code   string
	Labels []string
}

// Codes builds a CodeSet from "CODE=label|label" strings.
func Codes(name string, values ...string) *CodeSet {
	cs := &CodeSet{Name: name, index: map[string]string{}}
	for _, v := range values {
		code, labels, _ := strings.Cut(v, "=")
		cv := CodeValue{Code: code}
		if labels != "" {
			cv.Labels = strings.Split(labels, "|")
		}
		cs.Values = append(cs.Values, cv)
		cs.index[codeKey(code)] = code
		for _, l := range cv.Labels {
			cs.index[codeKey(l)] = code
		}
	}
	return cs
}

// Lookup returns the code a raw value stands for.
func (cs *CodeSet) Lookup(raw string) (string, bool) {
	for _, cand := range codeCandidates(raw) {
		if c, ok := cs.index[codeKey(cand)]; ok {
			return c, true
		}
	}
	return "", false
}

// Accepted lists the codes, for a refusal's reason.
func (cs *CodeSet) Accepted() string {
	codes := make([]string, len(cs.Values))
	for i, v := range cs.Values {
		codes[i] = v.Code
	}
	if len(codes) > 25 {
		return strings.Join(codes[:25], ", ") + fmt.Sprintf(" and %d more", len(codes)-25)
	}
	return strings.Join(codes, ", ")
}
