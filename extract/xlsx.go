package extract

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// isWorkbook reports whether path names an Excel workbook.
func isWorkbook(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".xlsx" || ext == ".xlsm"
}

// sheetRows yields a sheet's rows with their 1-based row numbers. Cells are
// read raw, so a date is its Excel serial number (read by ParseDate) rather
// than text formatted in whatever locale the workbook was saved in.
type sheetRows struct {
	rows *excelize.Rows
	n    int
}

func (s *sheetRows) Next() ([]string, int, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, s.n, err
		}
		return nil, s.n, io.EOF
	}
	s.n++
	cols, err := s.rows.Columns(excelize.Options{RawCellValue: true})
	return cols, s.n, err
}

// stageWorkbook stages every sheet of a workbook that holds a known kind.
func stageWorkbook(ctx context.Context, conn *sql.Conn, path string, opt Options) ([]*Result, error) {
	name := filepath.Base(path)
	book, err := excelize.OpenFile(path)
	if err != nil {
		return nil, &FileError{File: name, Reason: "the workbook cannot be opened", Err: err}
	}
	defer book.Close()
	var results []*Result
	var reasons []string
	for _, sheet := range book.GetSheetList() {
		rows, err := book.Rows(sheet)
		if err != nil {
			return nil, &FileError{File: name, Reason: "sheet " + sheet + " cannot be read", Err: err}
		}
		src := &sheetRows{rows: rows}
		hdr, err := findHeader(src, sheet, opt.Kinds)
		var fe *FileError
		if errors.As(err, &fe) {
			rows.Close()
			reasons = append(reasons, sheet+": "+fe.Reason)
			continue // a cover, guidance or code sheet
		}
		if err != nil {
			rows.Close()
			return nil, err
		}
		res := &Result{File: name, Part: sheet, PartIndex: int64(len(results)), Kind: hdr.kind,
			Encoding: "Excel workbook", ExtraColumns: hdr.extra}
		err = stagePart(ctx, conn, src, hdr, opt, res)
		rows.Close()
		if err != nil {
			return nil, errors.Join(err, unstage(ctx, conn, results, opt))
		}
		results = append(results, res)
	}
	if len(results) == 0 {
		return nil, &FileError{File: name,
			Reason: "no sheet of the workbook holds a known export (" + strings.Join(reasons, "; ") + ")"}
	}
	return results, nil
}

// unstage takes back the parts of a workbook staged before a later sheet
// failed, so that a workbook stages whole or not at all.
func unstage(ctx context.Context, conn *sql.Conn, parts []*Result, opt Options) error {
	var errs []error
	for _, r := range parts {
		_, err := conn.ExecContext(context.WithoutCancel(ctx),
			"DELETE FROM "+identTable(r.Kind)+" WHERE _file_id = ?", opt.FileID+r.PartIndex)
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}
