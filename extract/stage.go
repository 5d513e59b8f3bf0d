package extract

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duckdb/duckdb-go/v2"

	sqlfs "scorecard/sql"
)

// Reject is one refused value of one row. A row refused for two reasons
// gives two Rejects with the same Line.
type Reject struct {
	// Part is the sheet of a workbook, or empty.
	Part   string
	Line   int64
	Column string
	Value  string
	Reason string
}

// withheld stands in for a refused identifier in a Reject: the raw value of
// a child's identifier never leaves this package.
const withheld = "(identifier withheld)"

// withheldPostcode stands in for a refused postcode, which may be a full
// address postcode: only districts reach the warehouse.
const withheldPostcode = "(postcode withheld)"

// FileError says why a whole file was not staged. The file belongs in
// quarantine with Reason beside it.
type FileError struct {
	File   string
	Reason string
	Err    error
}

func (e *FileError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("extract: %s: %s: %v", e.File, e.Reason, e.Err)
	}
	return fmt.Sprintf("extract: %s: %s", e.File, e.Reason)
}

func (e *FileError) Unwrap() error { return e.Err }

// Result counts what happened to one file.
type Result struct {
	File string
	// Part is the sheet of a workbook, or empty; PartIndex numbers the
	// parts from 0, and the part's rows are staged with _file_id
	// Options.FileID + PartIndex.
	Part        string
	PartIndex   int64
	Kind        *Kind
	Encoding    Encoding
	RowsRead    int64
	RowsStaged  int64
	RowsRefused int64
	// RejectCount is the number of Rejects (one row may have several).
	RejectCount int64
	// ExtraColumns are headings that no column of the kind matched; their
	// values are not staged.
	ExtraColumns []string
}

// Name is the file's name, with the sheet of a workbook: "book.xlsx [List 3]".
func (r *Result) Name() string {
	if r.Part == "" {
		return r.File
	}
	return r.File + " [" + r.Part + "]"
}

// Options are the settings of a Stage call.
type Options struct {
	// FileID is staged in _file_id: a workbook's parts take FileID,
	// FileID+1, and so on.
	FileID int64
	Hasher *Hasher
	Kinds  []*Kind
	// OnReject receives every refusal, in line order.
	OnReject func(Reject) error
}

// Stage reads the file at path, recognises its kind and appends its accepted
// rows to the kind's staging table through conn, which must belong to a
// DuckDB database whose staging tables exist (see CreateStaging). A
// delimited text file gives one Result; an Excel workbook (.xlsx) gives one
// per sheet that holds a known kind, in sheet order, and its other sheets
// (covers, guidance, code lists) are passed over. A *FileError means nothing
// of the file was staged.
func Stage(ctx context.Context, conn *sql.Conn, path string, opt Options) ([]*Result, error) {
	name := filepath.Base(path)
	if isWorkbook(path) {
		return stageWorkbook(ctx, conn, path, opt)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{File: name, Reason: "the file cannot be opened", Err: err}
	}
	defer f.Close()
	recs, err := newRecords(f)
	if err != nil {
		return nil, &FileError{File: name, Reason: "the file cannot be read", Err: err}
	}
	hdr, err := findHeader(recs, name, opt.Kinds)
	if err != nil {
		return nil, err
	}
	res := &Result{File: name, Kind: hdr.kind, Encoding: recs.Encoding, ExtraColumns: hdr.extra}
	if err := stagePart(ctx, conn, recs, hdr, opt, res); err != nil {
		return nil, err
	}
	return []*Result{res}, nil
}

// rowSource yields records with the line (or sheet row) each starts on, and
// io.EOF at the end.
type rowSource interface {
	Next() ([]string, int, error)
}

// stagePart appends one source's rows to its kind's table, taking them back
// out if it fails part-way.
func stagePart(ctx context.Context, conn *sql.Conn, recs rowSource, hdr *header, opt Options,
	res *Result) error {
	err := conn.Raw(func(dc any) error {
		app, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", hdr.kind.Table)
		if err != nil {
			return fmt.Errorf("open the appender on %s: %w", hdr.kind.Table, err)
		}
		rerr := stageRows(ctx, recs, hdr, app, opt, res)
		cerr := app.Close()
		return errors.Join(rerr, cerr)
	})
	if err == nil {
		err = refuseRepeats(ctx, conn, hdr, opt, res)
	}
	if err == nil {
		return nil
	}
	q := "DELETE FROM " + sqlfs.Ident(hdr.kind.Table) + " WHERE _file_id = ?"
	_, derr := conn.ExecContext(context.WithoutCancel(ctx), q, opt.FileID+res.PartIndex)
	var fe *FileError
	if errors.As(err, &fe) {
		return errors.Join(fe, derr)
	}
	return errors.Join(fmt.Errorf("extract: stage %s: %w", res.Name(), err), derr)
}

// stageRows is the loop over the body of a file.
func stageRows(ctx context.Context, recs rowSource, hdr *header, app *duckdb.Appender,
	opt Options, res *Result) error {
	row := make([]driver.Value, 2+len(hdr.kind.Columns))
	var rejects []Reject
	for n := 0; ; n++ {
		if n%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		rec, line, err := recs.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			res.RowsRead++
			res.RowsRefused++
			res.RejectCount++
			if err := opt.OnReject(Reject{Part: res.Part, Line: int64(line), Column: "(whole row)",
				Reason: "the row's quotes are not closed or not doubled: " + pe.Err.Error()}); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return &FileError{File: res.Name(),
				Reason: fmt.Sprintf("it stops being readable at line %d", line), Err: err}
		}
		if blankRecord(rec) || hdr.repeats(rec) {
			continue
		}
		var cells []cellRow
		if hdr.kind.Wide != nil {
			cells = hdr.wideRows(rec)
		} else {
			cells = []cellRow{{values: rec}}
		}
		for _, c := range cells {
			res.RowsRead++
			rejects = hdr.convert(c, int64(line), opt.Hasher, row[2:], rejects[:0])
			if len(rejects) > 0 {
				res.RowsRefused++
				res.RejectCount += int64(len(rejects))
				for _, r := range rejects {
					r.Part = res.Part
					if err := opt.OnReject(r); err != nil {
						return err
					}
				}
				continue
			}
			row[0], row[1] = opt.FileID+res.PartIndex, int64(line)
			if err := app.AppendRow(row...); err != nil {
				return fmt.Errorf("append line %d: %w", line, err)
			}
			res.RowsStaged++
		}
	}
}

func blankRecord(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// cellRow is one logical row: the record's cells, plus for a wide file the
// month and value of the cell it stands for.
type cellRow struct {
	values []string
	month  string
	value  string
	column string
}

// convert reads one logical row into out (in the kind's column order) and
// returns the refusals, appended to rejects.
func (h *header) convert(c cellRow, line int64, hs *Hasher, out []driver.Value,
	rejects []Reject) []Reject {
	for i := range h.kind.Columns {
		col := &h.kind.Columns[i]
		raw, present := h.value(c, i)
		if !present {
			out[i] = nil
			continue
		}
		v, reason := readValue(col, raw, hs)
		if reason != "" {
			shown := raw
			switch col.Type {
			case ID:
				shown = withheld
			case Postcode:
				shown = withheldPostcode
			}
			rejects = append(rejects, Reject{Line: line, Column: h.display(c, i), Value: shown,
				Reason: reason})
			continue
		}
		out[i] = v
	}
	if len(rejects) > 0 {
		return rejects
	}
	for _, chk := range h.kind.Checks {
		bi, ai := h.kind.index(chk.Before), h.kind.index(chk.After)
		b, okb := out[bi].(time.Time)
		a, oka := out[ai].(time.Time)
		if okb && oka && a.Before(b) {
			raw, _ := h.value(c, ai)
			rejects = append(rejects, Reject{Line: line, Column: h.display(c, ai), Value: raw,
				Reason: fmt.Sprintf("%s %s is before %s %s",
					h.kind.Columns[ai].Header, a.Format("02/01/2006"),
					h.kind.Columns[bi].Header, b.Format("02/01/2006"))})
		}
	}
	return rejects
}

func (k *Kind) index(name string) int {
	for i := range k.Columns {
		if k.Columns[i].Name == name {
			return i
		}
	}
	panic("extract: kind " + k.Name + " has a check on unknown column " + name)
}

// readValue converts one raw cell; a non-empty reason refuses it.
func readValue(col *Column, raw string, hs *Hasher) (driver.Value, string) {
	s := cleanCell(raw)
	low := strings.ToLower(s)
	if !utf8.ValidString(s) {
		return nil, "the text is not valid in the file's encoding"
	}
	if excelErrors[low] {
		return nil, fmt.Sprintf("the cell holds the spreadsheet error %s", s)
	}
	if col.Suppressed && suppressionMarkers[low] {
		return nil, ""
	}
	if nullMarkers[low] {
		if col.NotNull && s == "" {
			return nil, "a value is required here but the cell is empty"
		}
		if col.NotNull {
			return nil, fmt.Sprintf("a value is required here but the cell holds %s, "+
				"which stands for no value", s)
		}
		return nil, ""
	}
	switch col.Type {
	case ID:
		id, reason := cleanID(s)
		if reason != "" {
			return nil, reason
		}
		return hs.Hash(id), ""
	case Date:
		t, err := ParseDate(s)
		if err != nil {
			return nil, err.Error()
		}
		return t, ""
	case Month:
		t, err := ParseMonth(s)
		if err != nil {
			return nil, err.Error()
		}
		return t, ""
	case Int:
		n, err := parseInt(s)
		if err != nil {
			return nil, fmt.Sprintf("%q is not a whole number", s)
		}
		if col.Positive && n <= 0 {
			return nil, fmt.Sprintf("%d is not above zero", n)
		}
		return n, ""
	case Number, Percent:
		f, err := strconv.ParseFloat(strings.TrimSuffix(strings.ReplaceAll(s, ",", ""), "%"), 64)
		if err != nil {
			return nil, fmt.Sprintf("%q is not a number", s)
		}
		return f, ""
	case Code:
		c, ok := col.Codes.Lookup(s)
		if !ok {
			return nil, fmt.Sprintf("%q is not a known %s (accepted: %s)", s, col.Codes.Name,
				col.Codes.Accepted())
		}
		return c, ""
	case Postcode:
		d, ok := postcodeDistrict(s)
		if !ok {
			// The value is not repeated: it may be most of an address.
			return nil, "the value is not a UK postcode"
		}
		return d, ""
	}
	return s, ""
}

func parseInt(s string) (int64, error) {
	s = strings.ReplaceAll(s, ",", "")
	if i := strings.IndexByte(s, '.'); i >= 0 && strings.Trim(s[i+1:], "0") == "" {
		s = s[:i]
	}
	return strconv.ParseInt(s, 10, 64)
}

// postcodeDistrict returns the outward code of a full or partial postcode.
func postcodeDistrict(s string) (string, bool) {
	p := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if len(p) >= 5 && len(p) <= 7 && isInward(p[len(p)-3:]) {
		p = p[:len(p)-3]
	}
	if len(p) < 2 || len(p) > 4 || p[0] < 'A' || p[0] > 'Z' {
		return "", false
	}
	for _, r := range p {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return "", false
		}
	}
	return p, true
}

func isInward(s string) bool {
	return len(s) == 3 && s[0] >= '0' && s[0] <= '9' &&
		s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z'
}

// cleanID undoes what spreadsheets do to numeric identifiers: "123.0" is
// 123. An identifier in scientific notation ("1.23E+02") is refused, since
// a long one has lost its last digits and cannot be trusted.
func cleanID(s string) (string, string) {
	if i := strings.IndexByte(s, '.'); i > 0 && digits(s[:i]) >= 0 && strings.Trim(s[i+1:], "0") == "" {
		return s[:i], ""
	}
	if strings.ContainsAny(s, "eE") && strings.ContainsAny(s, "+.") {
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return "", "the identifier is written as a number in scientific notation " +
				"(a spreadsheet may have cut its digits): export it as text"
		}
	}
	return s, ""
}

// refuseRepeats refuses, after a file is staged, every row that repeats
// the unique columns of an earlier row of the same file, naming the line it
// repeats. DuckDB finds them, so a file of any size costs no Go memory.
func refuseRepeats(ctx context.Context, conn *sql.Conn, hdr *header, opt Options,
	res *Result) error {
	k := hdr.kind
	if len(k.Unique) == 0 || res.RowsStaged == 0 {
		return nil
	}
	cols := make([]string, len(k.Unique))
	for i, name := range k.Unique {
		cols[i] = sqlfs.Ident(name)
	}
	table, id := sqlfs.Ident(k.Table), opt.FileID+res.PartIndex
	q := "SELECT _line, first_line FROM (SELECT _line, min(_line) OVER (PARTITION BY " +
		strings.Join(cols, ", ") + ") AS first_line FROM " + table +
		" WHERE _file_id = ?) WHERE _line <> first_line ORDER BY _line"
	rows, err := conn.QueryContext(ctx, q, id)
	if err != nil {
		return fmt.Errorf("find repeated rows in %s: %w", k.Table, err)
	}
	var repeats [][2]int64
	for rows.Next() {
		var r [2]int64
		if err := rows.Scan(&r[0], &r[1]); err != nil {
			rows.Close()
			return fmt.Errorf("find repeated rows in %s: %w", k.Table, err)
		}
		repeats = append(repeats, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("find repeated rows in %s: %w", k.Table, err)
	}
	names := hdr.uniqueColumns(cellRow{})
	for _, r := range repeats {
		del := "DELETE FROM " + table + " WHERE _file_id = ? AND _line = ?"
		if _, err := conn.ExecContext(ctx, del, id, r[0]); err != nil {
			return fmt.Errorf("refuse a repeated row of %s: %w", k.Table, err)
		}
		res.RowsStaged--
		res.RowsRefused++
		res.RejectCount++
		if err := opt.OnReject(Reject{Part: res.Part, Line: r[0], Column: names,
			Reason: fmt.Sprintf("repeats the row of line %d: %s must be unique within a file",
				r[1], names)}); err != nil {
			return err
		}
	}
	return nil
}

// uniqueColumns names a kind's unique columns as the file heads them.
func (h *header) uniqueColumns(c cellRow) string {
	var names []string
	for _, name := range h.kind.Unique {
		names = append(names, h.display(c, h.kind.index(name)))
	}
	return strings.Join(names, " + ")
}
