package transform

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	sqlfs "scorecard/sql"
)

const (
	bankHolidaysFile = "reference/bank_holidays.csv"
	calendarSQLFile  = "reference/calendar.sql"
	isoDate          = "2006-01-02"
)

// Holiday is one England and Wales bank holiday.
type Holiday struct {
	Date time.Time // midnight UTC of the day off
	Name string    // "(substitute day)" when moved off a weekend
}

// BankHolidays returns the England and Wales bank holidays shipped in the
// binary (sql/reference/bank_holidays.csv), in date order. It is the list that
// BuildCalendar copies into an empty ref_bank_holiday table.
//
// The list runs from 2000 to 2035. It includes substitute days, when a
// holiday falls on a weekend, and the one-off days proclaimed for jubilees,
// a royal wedding, a state funeral and a coronation, and the moves of the
// early May holiday (2020) and the spring holiday (2002, 2012, 2022) they
// caused. Years from 2028 onward had not been published on GOV.UK when the
// list was written: they are projected by the standing rules (New Year's Day,
// Good Friday, Easter Monday, the first and last Mondays in May, the last
// Monday in August, Christmas Day and Boxing Day, each moved to the next
// weekday when it falls on a weekend) and will be wrong wherever a future
// proclamation adds or moves a day. A council corrects that by editing its
// ref_bank_holiday table, which BuildCalendar never overwrites.
func BankHolidays() ([]Holiday, error) {
	f, err := sqlfs.FS.Open(bankHolidaysFile)
	if err != nil {
		return nil, fmt.Errorf("transform: open %s: %w", bankHolidaysFile, err)
	}
	defer f.Close()

	r := csv.NewReader(f)
	r.FieldsPerRecord = 2
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("transform: read %s: header: %w", bankHolidaysFile, err)
	}
	if header[0] != "date" || header[1] != "name" {
		return nil, fmt.Errorf("transform: read %s: header is %q, want [date name]",
			bankHolidaysFile, header)
	}

	var out []Holiday
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("transform: read %s: %w", bankHolidaysFile, err)
		}
		line, _ := r.FieldPos(0)
		d, err := time.Parse(isoDate, rec[0])
		if err != nil {
			return nil, fmt.Errorf("transform: read %s: line %d: date %q: %w",
				bankHolidaysFile, line, rec[0], err)
		}
		if rec[1] == "" {
			return nil, fmt.Errorf("transform: read %s: line %d: holiday %s has no name",
				bankHolidaysFile, line, rec[0])
		}
		if n := len(out); n > 0 && !d.After(out[n-1].Date) {
			return nil, fmt.Errorf("transform: read %s: line %d: date %s is not after %s",
				bankHolidaysFile, line, rec[0], out[n-1].Date.Format(isoDate))
		}
		out = append(out, Holiday{Date: d, Name: rec[1]})
	}
	return out, nil
}

// BuildCalendar fills the calendar tables for every day from from to to
// inclusive, inside tx; the caller commits. Only the calendar dates of from
// and to count, read in their own locations; their clock times are ignored.
//
// It works in three steps. First, if ref_bank_holiday is empty, it is filled
// from BankHolidays; a table that already has rows is left alone, since the
// council may have corrected it. Second, dim_date is emptied and refilled
// with one row per day, with its financial year (April to March, written
// 2026-27), financial quarter (1 = April to June), ISO year and week, and
// whether it is a weekend, a bank holiday and a working day. Third, dim_period
// is emptied and refilled with every day, ISO week (Monday to Sunday),
// calendar month, financial quarter and financial year that shares at least
// one day with the range, so a week or month at either end appears whole.
//
// Working days are counted through dim_date.working_day_seq, the number of
// working days from the range's first day up to and including the date.
// The working days after a start date up to and including an end date are
// seq(end) - seq(start): zero for the same day, one from a Friday to the
// next Monday when no bank holiday intervenes. The start day is day 0; a
// count that includes both the start and the end day, as the DfE CIN
// validator's does, is one more when the start is a working day. Both dates
// must lie within the range. Days after the last date in ref_bank_holiday are
// treated as having no bank holidays.
func BuildCalendar(ctx context.Context, tx *sql.Tx, from, to time.Time) error {
	first := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	last := time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, time.UTC)
	if last.Before(first) {
		return fmt.Errorf("transform: build calendar: range ends %s before it starts %s",
			last.Format(isoDate), first.Format(isoDate))
	}
	stmts, err := calendarStatements()
	if err != nil {
		return err
	}

	// Bank holidays: seed an empty table, never overwrite a council's list.
	if err := seedBankHolidays(ctx, tx, stmts); err != nil {
		return err
	}

	// Dates, then periods, each replaced wholesale.
	args := []any{first.Format(isoDate), last.Format(isoDate)}
	steps := []struct {
		name string
		args []any
	}{
		{"clear_dim_date", nil},
		{"fill_dim_date", args},
		{"clear_dim_period", nil},
		{"fill_dim_period", args},
	}
	for _, step := range steps {
		if _, err := tx.ExecContext(ctx, stmts[step.name], step.args...); err != nil {
			return fmt.Errorf("transform: build calendar %s to %s: %s: %w",
				args[0], args[1], step.name, err)
		}
	}
	return nil
}

// seedBankHolidays copies BankHolidays into ref_bank_holiday if it is empty.
func seedBankHolidays(ctx context.Context, tx *sql.Tx, stmts map[string]string) error {
	var n int64
	if err := tx.QueryRowContext(ctx, stmts["count_bank_holidays"]).Scan(&n); err != nil {
		return fmt.Errorf("transform: count ref_bank_holiday: %w", err)
	}
	if n > 0 {
		return nil
	}
	holidays, err := BankHolidays()
	if err != nil {
		return err
	}
	ins, err := tx.PrepareContext(ctx, stmts["insert_bank_holiday"])
	if err != nil {
		return fmt.Errorf("transform: seed ref_bank_holiday: %w", err)
	}
	defer ins.Close()
	for _, h := range holidays {
		if _, err := ins.ExecContext(ctx, h.Date.Format(isoDate), h.Name); err != nil {
			return fmt.Errorf("transform: seed ref_bank_holiday: %s: %w",
				h.Date.Format(isoDate), err)
		}
	}
	return nil
}

// calendarStatements returns the statements of reference/calendar.sql by
// name, parsed once.
var calendarStatements = sync.OnceValues(func() (map[string]string, error) {
	stmts, err := sqlfs.Named(calendarSQLFile)
	if err != nil {
		return nil, fmt.Errorf("transform: %w", err)
	}
	for _, want := range []string{
		"count_bank_holidays", "insert_bank_holiday",
		"clear_dim_date", "fill_dim_date", "clear_dim_period", "fill_dim_period",
	} {
		if stmts[want] == "" {
			return nil, fmt.Errorf("transform: read %s: no statement named %s",
				calendarSQLFile, want)
		}
	}
	return stmts, nil
})

// periodForms lists what ParsePeriod accepts, for its error messages.
const periodForms = "want a day 2026-11-03, an ISO week 2026-W45, a month 2026-11, " +
	"a financial quarter 2026-27 Q3, a financial year 2026-27, " +
	"or a full id such as month:2026-11"

var (
	periodDay     = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	periodWeek    = regexp.MustCompile(`^(\d{4})-[Ww](\d{2})$`)
	periodMonth   = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	periodQuarter = regexp.MustCompile(`^(\d{4})-(\d{2})[ -][Qq](\d)$`)
)

// ParsePeriod turns a period as a person types it into its frequency and its
// dim_period id:
//
//	2026-11-03                 day      day:2026-11-03
//	2026-W45                   week     week:2026-W45 (ISO week of ISO year 2026)
//	2026-11                    month    month:2026-11
//	2026-27 Q3 or 2026-27-Q3   quarter  quarter:2026-27-Q3 (October to December 2026)
//	2026-27                    year     year:2026-27 (April 2026 to March 2027)
//
// A full id such as quarter:2026-27-Q3 is accepted too. Surrounding spaces
// and a lower-case w or q are tolerated. YYYY-NN is a month when NN is 01 to
// 12, so the financial years 2000-01 to 2011-12 must be written as full ids
// (year:2011-12). The period is checked to exist (no 2026-02-30, no week 53
// in a year of 52 weeks), not to be present in dim_period.
func ParsePeriod(s string) (frequency, periodID string, err error) {
	in := strings.TrimSpace(s)
	if freq, rest, ok := strings.Cut(in, ":"); ok {
		freq = strings.ToLower(freq)
		parse, known := periodParsers[freq]
		if !known {
			return "", "", periodError(s, fmt.Sprintf("no frequency %q", freq))
		}
		id, why := parse(rest)
		if why == errNoMatch {
			why = fmt.Sprintf("%q is not a %s", rest, freq)
		}
		if why != "" {
			return "", "", periodError(s, why)
		}
		return freq, freq + ":" + id, nil
	}

	for _, freq := range []string{"day", "week", "quarter", "month", "year"} {
		id, why := periodParsers[freq](in)
		switch {
		case why == "":
			return freq, freq + ":" + id, nil
		case why != errNoMatch:
			return "", "", periodError(s, why)
		}
	}
	return "", "", periodError(s, "not understood")
}

// errNoMatch is what a period parser says when the text is not in its shape
// at all, as opposed to being in its shape with an impossible value.
const errNoMatch = "no match"

// periodParsers map a frequency to a parser of the label part of its ids.
// Each returns the normalised label, or a reason why not.
var periodParsers = map[string]func(string) (string, string){
	"day": func(s string) (string, string) {
		if !periodDay.MatchString(s) {
			return "", errNoMatch
		}
		if _, err := time.Parse(isoDate, s); err != nil {
			return "", "no such day"
		}
		return s, ""
	},
	"week": func(s string) (string, string) {
		m := periodWeek.FindStringSubmatch(s)
		if m == nil {
			return "", errNoMatch
		}
		year, _ := strconv.Atoi(m[1])
		week, _ := strconv.Atoi(m[2])
		// 28 December always falls in the last ISO week of its year.
		_, weeks := time.Date(year, time.December, 28, 0, 0, 0, 0, time.UTC).ISOWeek()
		if week < 1 || week > weeks {
			return "", fmt.Sprintf("ISO year %d has weeks 1 to %d", year, weeks)
		}
		return fmt.Sprintf("%04d-W%02d", year, week), ""
	},
	"month": func(s string) (string, string) {
		m := periodMonth.FindStringSubmatch(s)
		if m == nil {
			return "", errNoMatch
		}
		if month, _ := strconv.Atoi(m[2]); month < 1 || month > 12 {
			return "", errNoMatch // perhaps a financial year
		}
		return s, ""
	},
	"quarter": func(s string) (string, string) {
		m := periodQuarter.FindStringSubmatch(s)
		if m == nil {
			return "", errNoMatch
		}
		if why := checkFinYear(m[1], m[2]); why != "" {
			return "", why
		}
		if q := m[3]; q < "1" || q > "4" {
			return "", "quarters are Q1 to Q4"
		}
		return m[1] + "-" + m[2] + "-Q" + m[3], ""
	},
	"year": func(s string) (string, string) {
		m := periodMonth.FindStringSubmatch(s)
		if m == nil {
			return "", errNoMatch
		}
		if why := checkFinYear(m[1], m[2]); why != "" {
			return "", why
		}
		return s, ""
	},
}

// checkFinYear reports why start and end do not make a financial year such
// as 2026-27, or "" if they do.
func checkFinYear(start, end string) string {
	y, _ := strconv.Atoi(start)
	if want := fmt.Sprintf("%02d", (y+1)%100); end != want {
		return fmt.Sprintf("%s-%s is not a financial year (%s-%s would be)",
			start, end, start, want)
	}
	return ""
}

func periodError(s, why string) error {
	return fmt.Errorf("transform: period %q: %s (%s)", s, why, periodForms)
}
