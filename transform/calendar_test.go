package transform

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"

	sqlfs "scorecard/sql"
)

// openCalendarWarehouse opens an empty warehouse in t.TempDir() with the first
// migration applied.
func openCalendarWarehouse(t *testing.T) *sql.DB {
	t.Helper()
	dsn := filepath.Join(t.TempDir(), "warehouse.duckdb") +
		"?autoinstall_known_extensions=false&autoload_known_extensions=false"
	db, err := sql.Open("duckdb", dsn)
	if err != nil {
		t.Fatalf("open duckdb: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	migration, err := sqlfs.FS.ReadFile("migrations/001_warehouse.sql")
	if err != nil {
		t.Fatalf("read migration: %v", err)
	}
	if _, err := db.Exec(string(migration)); err != nil {
		t.Fatalf("apply migration: %v", err)
	}
	return db
}

// buildCalendarRange runs BuildCalendar for from..to in one committed
// transaction.
func buildCalendarRange(t *testing.T, db *sql.DB, from, to string) {
	t.Helper()
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatalf("begin: %v", err)
	}
	defer tx.Rollback()
	if err := BuildCalendar(ctx, tx, calendarDay(t, from), calendarDay(t, to)); err != nil {
		t.Fatalf("BuildCalendar(%s, %s): %v", from, to, err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatalf("commit: %v", err)
	}
}

func calendarDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(isoDate, s)
	if err != nil {
		t.Fatalf("bad test date %q: %v", s, err)
	}
	return d
}

// easterSunday computes Easter Sunday in the Gregorian calendar by the
// method in Knuth, TAOCP volume 1, section 1.3.2, exercise 14. It is a
// different method from the one the shipped list was written with, so the
// two check each other.
func easterSunday(year int) time.Time {
	golden := year%19 + 1
	century := year/100 + 1
	skipped := 3*century/4 - 12
	moonFix := (8*century+5)/25 - 5
	sunday := 5*year/4 - skipped - 10
	epact := (11*golden + 20 + moonFix - skipped) % 30
	if (epact == 25 && golden > 11) || epact == 24 {
		epact++
	}
	n := 44 - epact
	if n < 21 {
		n += 30
	}
	n += 7 - (sunday+n)%7
	if n > 31 {
		return time.Date(year, time.April, n-31, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(year, time.March, n, 0, 0, 0, 0, time.UTC)
}

func TestEasterSunday(t *testing.T) {
	// Easter Sundays as printed in almanacs; 2038-04-25 is the latest date
	// Easter can fall on, 2008-03-23 one day after the earliest.
	for _, tc := range []struct {
		year int
		want string
	}{
		{2000, "2000-04-23"},
		{2008, "2008-03-23"},
		{2019, "2019-04-21"},
		{2024, "2024-03-31"},
		{2025, "2025-04-20"},
		{2026, "2026-04-05"},
		{2038, "2038-04-25"},
	} {
		if got := easterSunday(tc.year).Format(isoDate); got != tc.want {
			t.Errorf("easter %d: got %s, want %s", tc.year, got, tc.want)
		}
	}
}

func TestBankHolidays(t *testing.T) {
	holidays, err := BankHolidays()
	if err != nil {
		t.Fatalf("BankHolidays: %v", err)
	}
	byDate := map[string]string{}
	for _, h := range holidays {
		byDate[h.Date.Format(isoDate)] = h.Name
	}

	t.Run("facts", func(t *testing.T) {
		for _, tc := range []struct {
			date    string
			present bool
			name    string // part of the name, when present
		}{
			{"2000-01-03", true, "New Year"}, // 1 January 2000 was a Saturday
			{"2002-06-03", true, "Golden Jubilee"},
			{"2002-06-04", true, "Spring"},
			{"2002-05-27", false, ""}, // spring holiday moved to 4 June
			{"2011-04-29", true, "Royal wedding"},
			{"2012-06-04", true, "Spring"},
			{"2012-06-05", true, "Diamond Jubilee"},
			{"2012-05-28", false, ""},
			{"2020-05-04", false, ""}, // early May moved to VE Day
			{"2020-05-08", true, "Early May"},
			{"2021-12-27", true, "Christmas"}, // Christmas Day 2021 was a Saturday
			{"2021-12-28", true, "Boxing"},
			{"2022-06-02", true, "Spring"},
			{"2022-06-03", true, "Platinum Jubilee"},
			{"2022-05-30", false, ""},
			{"2022-09-19", true, "State funeral"},
			{"2023-05-08", true, "Coronation"},
			{"2024-03-29", true, "Good Friday"},
			{"2025-04-18", true, "Good Friday"},
			{"2026-04-03", true, "Good Friday"},
			{"2026-04-06", true, "Easter Monday"},
			{"2026-12-28", true, "Boxing"},    // Boxing Day 2026 is a Saturday
			{"2027-12-27", true, "Christmas"}, // Christmas Day 2027 is a Saturday
			{"2027-12-28", true, "Boxing"},
			{"2027-12-25", false, ""},
		} {
			t.Run(tc.date, func(t *testing.T) {
				name, ok := byDate[tc.date]
				if ok != tc.present {
					t.Fatalf("present: got %v, want %v", ok, tc.present)
				}
				if !strings.Contains(name, tc.name) {
					t.Errorf("name: got %q, want one containing %q", name, tc.name)
				}
			})
		}
	})

	t.Run("shape", func(t *testing.T) {
		first, last := holidays[0].Date.Format(isoDate), holidays[len(holidays)-1].Date
		if first != "2000-01-03" {
			t.Errorf("first holiday: got %s, want 2000-01-03", first)
		}
		if got := last.Format(isoDate); got != "2035-12-26" {
			t.Errorf("last holiday: got %s, want 2035-12-26", got)
		}
		// 36 years of 8 holidays, plus 2002-06-03, 2011-04-29, 2012-06-05,
		// 2022-06-03, 2022-09-19 and 2023-05-08.
		if got, want := len(holidays), 36*8+6; got != want {
			t.Errorf("holidays: got %d, want %d", got, want)
		}
		for _, h := range holidays {
			if wd := h.Date.Weekday(); wd == time.Saturday || wd == time.Sunday {
				t.Errorf("%s %q falls on a %s", h.Date.Format(isoDate), h.Name, wd)
			}
		}
	})

	// Every year's holidays, worked out from the standing rules and the
	// proclaimed exceptions, must be exactly the shipped list.
	t.Run("rules", func(t *testing.T) {
		want := map[string]bool{}
		for year := 2000; year <= 2035; year++ {
			for _, d := range expectedHolidays(year) {
				want[d.Format(isoDate)] = true
			}
		}
		for d := range want {
			if _, ok := byDate[d]; !ok {
				t.Errorf("missing %s", d)
			}
		}
		for d, name := range byDate {
			if !want[d] {
				t.Errorf("unexpected %s %q", d, name)
			}
		}
	})
}

// expectedHolidays lists a year's England and Wales bank holidays from the
// rules: New Year's Day, Good Friday, Easter Monday, first Monday in May, last
// Monday in May, last Monday in August, Christmas Day, Boxing Day; a holiday
// on a weekend moves to the next weekday not already a holiday. Then the
// proclaimed changes of 2002, 2011, 2012, 2020, 2022 and 2023.
func expectedHolidays(year int) []time.Time {
	date := func(m time.Month, d int) time.Time {
		return time.Date(year, m, d, 0, 0, 0, 0, time.UTC)
	}
	mondayOnOrAfter := func(d time.Time) time.Time {
		for d.Weekday() != time.Monday {
			d = d.AddDate(0, 0, 1)
		}
		return d
	}
	easter := easterSunday(year)
	early := mondayOnOrAfter(date(time.May, 1))
	spring := mondayOnOrAfter(date(time.May, 25))
	summer := mondayOnOrAfter(date(time.August, 25))
	var out []time.Time
	taken := map[time.Time]bool{}
	add := func(d time.Time) {
		out = append(out, d)
		taken[d] = true
	}
	// Fixed-date holidays move past weekends and past each other.
	observe := func(d time.Time) {
		for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday || taken[d] {
			d = d.AddDate(0, 0, 1)
		}
		add(d)
	}
	observe(date(time.January, 1))
	add(easter.AddDate(0, 0, -2))
	add(easter.AddDate(0, 0, 1))
	switch year {
	case 2020:
		add(date(time.May, 8))
	default:
		add(early)
	}
	switch year {
	case 2002:
		add(date(time.June, 3))
		add(date(time.June, 4))
	case 2012:
		add(date(time.June, 4))
		add(date(time.June, 5))
	case 2022:
		add(date(time.June, 2))
		add(date(time.June, 3))
	default:
		add(spring)
	}
	add(summer)
	observe(date(time.December, 25))
	observe(date(time.December, 26))
	switch year {
	case 2011:
		add(date(time.April, 29))
	case 2022:
		add(date(time.September, 19))
	case 2023:
		add(date(time.May, 8))
	}
	return out
}

func TestBuildCalendarDates(t *testing.T) {
	db := openCalendarWarehouse(t)
	buildCalendarRange(t, db, "2020-01-01", "2028-12-31")

	type row struct {
		key          int
		dayName      string
		isoYear      int
		isoWeek      int
		finYear      string
		finYearStart int
		finQuarter   int
		weekend      bool
		bankHoliday  bool
		workingDay   bool
	}
	for _, tc := range []struct {
		date string
		want row
	}{
		// Last day of 2025-26 and first of 2026-27; both in ISO week 14,
		// which starts on Monday 30 March 2026.
		{"2026-03-31", row{20260331, "Tuesday", 2026, 14, "2025-26", 2025, 4, false, false, true}},
		{"2026-04-01", row{20260401, "Wednesday", 2026, 14, "2026-27", 2026, 1, false, false, true}},
		{"2026-04-03", row{20260403, "Friday", 2026, 14, "2026-27", 2026, 1, false, true, false}},
		{"2026-04-04", row{20260404, "Saturday", 2026, 14, "2026-27", 2026, 1, true, false, false}},
		{"2026-06-30", row{20260630, "Tuesday", 2026, 27, "2026-27", 2026, 1, false, false, true}},
		{"2026-07-01", row{20260701, "Wednesday", 2026, 27, "2026-27", 2026, 2, false, false, true}},
		{"2026-10-01", row{20261001, "Thursday", 2026, 40, "2026-27", 2026, 3, false, false, true}},
		// 2026 began on a Thursday, so it has 53 ISO weeks; week 53 runs
		// from Monday 28 December 2026 to Sunday 3 January 2027.
		{"2026-12-28", row{20261228, "Monday", 2026, 53, "2026-27", 2026, 3, false, true, false}},
		{"2027-01-01", row{20270101, "Friday", 2026, 53, "2026-27", 2026, 4, false, true, false}},
		{"2027-01-04", row{20270104, "Monday", 2027, 1, "2026-27", 2026, 4, false, false, true}},
		// 2020 began on a Wednesday in a leap year: 53 weeks, the last
		// ending Sunday 3 January 2021.
		{"2021-01-03", row{20210103, "Sunday", 2020, 53, "2020-21", 2020, 4, true, false, false}},
		{"2020-05-04", row{20200504, "Monday", 2020, 19, "2020-21", 2020, 1, false, false, true}},
		{"2020-05-08", row{20200508, "Friday", 2020, 19, "2020-21", 2020, 1, false, true, false}},
		{"2022-09-19", row{20220919, "Monday", 2022, 38, "2022-23", 2022, 2, false, true, false}},
	} {
		t.Run(tc.date, func(t *testing.T) {
			var got row
			err := db.QueryRow(`
				SELECT date_key, day_name, iso_year, iso_week, fin_year,
				       fin_year_start, fin_quarter, is_weekend, is_bank_holiday,
				       is_working_day
				FROM dim_date
				WHERE date = CAST(? AS DATE)`, tc.date).Scan(
				&got.key, &got.dayName, &got.isoYear, &got.isoWeek, &got.finYear,
				&got.finYearStart, &got.finQuarter, &got.weekend, &got.bankHoliday,
				&got.workingDay)
			if err != nil {
				t.Fatalf("query: %v", err)
			}
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}

	t.Run("row count", func(t *testing.T) {
		// 2020 to 2028 is 9 years, of which 2020, 2024 and 2028 are leap:
		// 9*365 + 3 = 3288 days.
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM dim_date`).Scan(&n); err != nil {
			t.Fatalf("query: %v", err)
		}
		if n != 3288 {
			t.Errorf("got %d rows, want 3288", n)
		}
	})
}

func TestWorkingDaySeq(t *testing.T) {
	db := openCalendarWarehouse(t)
	buildCalendarRange(t, db, "2026-01-01", "2027-12-31")

	for _, tc := range []struct {
		name       string
		start, end string
		want       int
	}{
		{"same day", "2026-04-02", "2026-04-02", 0},
		// Fri 3 April Good Friday, Sat 4, Sun 5, Mon 6 Easter Monday:
		// only Tue 7 counts.
		{"over Easter", "2026-04-02", "2026-04-07", 1},
		{"Friday to Monday", "2026-03-27", "2026-03-30", 1},
		// From Thu 26 November 2026: Nov 27 = 1; 30 Nov-4 Dec = 6; 7-11 Dec
		// = 11; 14-18 Dec = 16; 21-24 Dec = 20 (Fri 25 Christmas Day, Mon 28
		// Boxing Day substitute); 29-31 Dec = 23 (Fri 1 Jan New Year's
		// Day); 4-8 Jan = 28; 11-15 = 33; 18-22 = 38; 25-29 = 43; Mon 1 Feb
		// = 44; Tue 2 Feb = 45.
		{"45 across Christmas", "2026-11-26", "2027-02-02", 45},
		{"44 across Christmas", "2026-11-26", "2027-02-01", 44},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got int
			err := db.QueryRow(`
				SELECT e.working_day_seq - s.working_day_seq
				FROM dim_date AS s, dim_date AS e
				WHERE s.date = CAST(? AS DATE) AND e.date = CAST(? AS DATE)`,
				tc.start, tc.end).Scan(&got)
			if err != nil {
				t.Fatalf("query: %v", err)
			}
			if got != tc.want {
				t.Errorf("working days after %s to %s: got %d, want %d",
					tc.start, tc.end, got, tc.want)
			}
		})
	}

	t.Run("sequence starts at the range", func(t *testing.T) {
		// Rebuilding from Good Friday: Fri 3, Sat 4, Sun 5 and Mon 6 are not
		// working days (seq 0), Tue 7 is the first (seq 1), Wed 8 seq 2.
		buildCalendarRange(t, db, "2026-04-03", "2026-04-08")
		rows, err := db.Query(`SELECT working_day_seq FROM dim_date ORDER BY date`)
		if err != nil {
			t.Fatalf("query: %v", err)
		}
		defer rows.Close()
		var got []int
		for rows.Next() {
			var n int
			if err := rows.Scan(&n); err != nil {
				t.Fatalf("scan: %v", err)
			}
			got = append(got, n)
		}
		if err := rows.Err(); err != nil {
			t.Fatalf("rows: %v", err)
		}
		want := []int{0, 0, 0, 0, 1, 2}
		if len(got) != len(want) {
			t.Fatalf("got %v, want %v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("got %v, want %v", got, want)
			}
		}
	})
}

func TestBuildCalendarPeriods(t *testing.T) {
	db := openCalendarWarehouse(t)
	counts := func(t *testing.T) map[string]int {
		t.Helper()
		rows, err := db.Query(`SELECT frequency, count(*) FROM dim_period GROUP BY frequency`)
		if err != nil {
			t.Fatalf("query: %v", err)
		}
		defer rows.Close()
		got := map[string]int{}
		for rows.Next() {
			var f string
			var n int
			if err := rows.Scan(&f, &n); err != nil {
				t.Fatalf("scan: %v", err)
			}
			got[f] = n
		}
		if err := rows.Err(); err != nil {
			t.Fatalf("rows: %v", err)
		}
		return got
	}

	for _, tc := range []struct {
		name     string
		from, to string
		want     map[string]int
	}{
		// April 2026 to March 2027: 365 days; ISO weeks from the one
		// starting Mon 30 March 2026 to the one starting Mon 29 March 2027,
		// 364/7 + 1 = 53; 12 months; 4 quarters; 1 financial year.
		{"financial year", "2026-04-01", "2027-03-31",
			map[string]int{"day": 365, "week": 53, "month": 12, "quarter": 4, "year": 1}},
		// Calendar 2026: weeks from Mon 29 Dec 2025 to Mon 28 Dec 2026,
		// 364/7 + 1 = 53; quarters 2025-26 Q4 and 2026-27 Q1 to Q3; years
		// 2025-26 and 2026-27.
		{"calendar year", "2026-01-01", "2026-12-31",
			map[string]int{"day": 365, "week": 53, "month": 12, "quarter": 4, "year": 2}},
		// Sun 15 to Fri 20 November 2026: weeks 46 (9-15 Nov) and 47
		// (16-22 Nov).
		{"six days", "2026-11-15", "2026-11-20",
			map[string]int{"day": 6, "week": 2, "month": 1, "quarter": 1, "year": 1}},
		{"one day", "2026-11-03", "2026-11-03",
			map[string]int{"day": 1, "week": 1, "month": 1, "quarter": 1, "year": 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			buildCalendarRange(t, db, tc.from, tc.to)
			got := counts(t)
			for _, f := range []string{"day", "week", "month", "quarter", "year"} {
				if got[f] != tc.want[f] {
					t.Errorf("%s periods: got %d, want %d", f, got[f], tc.want[f])
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("frequencies: got %v, want %v", got, tc.want)
			}
		})
	}

	buildCalendarRange(t, db, "2026-01-01", "2027-12-31")
	for _, tc := range []struct {
		id, frequency, start, end, label string
	}{
		{"day:2026-11-03", "day", "2026-11-03", "2026-11-03", "2026-11-03"},
		// Monday 30 March to Sunday 5 April 2026 straddles 2025-26 and
		// 2026-27 and is still one week.
		{"week:2026-W14", "week", "2026-03-30", "2026-04-05", "2026-W14"},
		{"week:2026-W45", "week", "2026-11-02", "2026-11-08", "2026-W45"},
		{"week:2026-W53", "week", "2026-12-28", "2027-01-03", "2026-W53"},
		{"week:2027-W01", "week", "2027-01-04", "2027-01-10", "2027-W01"},
		{"month:2026-11", "month", "2026-11-01", "2026-11-30", "2026-11"},
		{"month:2027-02", "month", "2027-02-01", "2027-02-28", "2027-02"},
		{"quarter:2025-26-Q4", "quarter", "2026-01-01", "2026-03-31", "2025-26 Q4"},
		{"quarter:2026-27-Q1", "quarter", "2026-04-01", "2026-06-30", "2026-27 Q1"},
		{"quarter:2026-27-Q3", "quarter", "2026-10-01", "2026-12-31", "2026-27 Q3"},
		{"year:2026-27", "year", "2026-04-01", "2027-03-31", "2026-27"},
		{"year:2027-28", "year", "2027-04-01", "2028-03-31", "2027-28"},
	} {
		t.Run(tc.id, func(t *testing.T) {
			var frequency, start, end, label string
			err := db.QueryRow(`
				SELECT frequency, CAST(period_start AS VARCHAR),
				       CAST(period_end AS VARCHAR), label
				FROM dim_period
				WHERE period_id = ?`, tc.id).Scan(&frequency, &start, &end, &label)
			if err != nil {
				t.Fatalf("query %s: %v", tc.id, err)
			}
			got := []string{frequency, start, end, label}
			want := []string{tc.frequency, tc.start, tc.end, tc.label}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}

	// Data test: within each frequency, periods follow one another with no
	// gap or overlap, and each id is its frequency and label.
	t.Run("tiling", func(t *testing.T) {
		var bad int
		err := db.QueryRow(`
			WITH ordered AS (
				SELECT
					period_id,
					frequency,
					label,
					period_start,
					period_end,
					lag(period_end) OVER (PARTITION BY frequency ORDER BY period_start)
						AS previous_end
				FROM dim_period
			)
			SELECT count(*)
			FROM ordered
			WHERE (previous_end IS NOT NULL AND period_start <> previous_end + 1)
				OR period_end < period_start
				OR period_id <> frequency || ':' || replace(label, ' ', '-')`).Scan(&bad)
		if err != nil {
			t.Fatalf("query: %v", err)
		}
		if bad != 0 {
			t.Errorf("got %d periods out of line, want 0", bad)
		}
	})

	// Every period id that ParsePeriod makes from a label is in dim_period.
	t.Run("labels parse to ids", func(t *testing.T) {
		rows, err := db.Query(`SELECT period_id, label FROM dim_period`)
		if err != nil {
			t.Fatalf("query: %v", err)
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			var id, label string
			if err := rows.Scan(&id, &label); err != nil {
				t.Fatalf("scan: %v", err)
			}
			n++
			_, got, err := ParsePeriod(id)
			if err != nil || got != id {
				t.Errorf("ParsePeriod(%q): got %q, %v, want %q", id, got, err, id)
			}
			if strings.HasPrefix(id, "year:") {
				continue // a label such as 2011-12 would read as a month
			}
			if _, got, err := ParsePeriod(label); err != nil || got != id {
				t.Errorf("ParsePeriod(%q): got %q, %v, want %q", label, got, err, id)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatalf("rows: %v", err)
		}
		if n == 0 {
			t.Fatal("got no periods, want some")
		}
	})
}

func TestBuildCalendarKeepsCouncilHolidays(t *testing.T) {
	db := openCalendarWarehouse(t)
	// A council that keeps its own list: one local day off, and no
	// Christmas.
	_, err := db.Exec(`INSERT INTO ref_bank_holiday VALUES ('2026-07-15', 'Local day')`)
	if err != nil {
		t.Fatalf("insert: %v", err)
	}
	buildCalendarRange(t, db, "2026-01-01", "2026-12-31")

	var n int
	if err := db.QueryRow(`SELECT count(*) FROM ref_bank_holiday`).Scan(&n); err != nil {
		t.Fatalf("query: %v", err)
	}
	if n != 1 {
		t.Errorf("ref_bank_holiday rows: got %d, want 1", n)
	}
	for _, tc := range []struct {
		date string
		want bool
	}{
		{"2026-07-15", true},
		{"2026-12-25", false},
	} {
		var got bool
		err := db.QueryRow(`SELECT is_bank_holiday FROM dim_date WHERE date = CAST(? AS DATE)`,
			tc.date).Scan(&got)
		if err != nil {
			t.Fatalf("query: %v", err)
		}
		if got != tc.want {
			t.Errorf("%s is_bank_holiday: got %v, want %v", tc.date, got, tc.want)
		}
	}
}

func TestBuildCalendarSeedsHolidays(t *testing.T) {
	db := openCalendarWarehouse(t)
	buildCalendarRange(t, db, "2026-01-01", "2026-01-31")
	buildCalendarRange(t, db, "2026-01-01", "2026-01-31") // a re-run adds nothing

	want, err := BankHolidays()
	if err != nil {
		t.Fatalf("BankHolidays: %v", err)
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM ref_bank_holiday`).Scan(&n); err != nil {
		t.Fatalf("query: %v", err)
	}
	if n != len(want) {
		t.Errorf("ref_bank_holiday rows: got %d, want %d", n, len(want))
	}
}

func TestBuildCalendarRejectsBackwardRange(t *testing.T) {
	db := openCalendarWarehouse(t)
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatalf("begin: %v", err)
	}
	defer tx.Rollback()
	err = BuildCalendar(ctx, tx, calendarDay(t, "2026-02-01"), calendarDay(t, "2026-01-31"))
	if err == nil {
		t.Fatal("got no error for a range ending before it starts, want one")
	}
}

func TestParsePeriod(t *testing.T) {
	for _, tc := range []struct {
		in        string
		frequency string
		id        string
		bad       bool
	}{
		{in: "2026-11", frequency: "month", id: "month:2026-11"},
		{in: " 2026-11 ", frequency: "month", id: "month:2026-11"},
		{in: "2026-11-03", frequency: "day", id: "day:2026-11-03"},
		{in: "2024-02-29", frequency: "day", id: "day:2024-02-29"},
		{in: "2026-W45", frequency: "week", id: "week:2026-W45"},
		{in: "2026-w45", frequency: "week", id: "week:2026-W45"},
		{in: "2026-W53", frequency: "week", id: "week:2026-W53"},
		{in: "2020-W53", frequency: "week", id: "week:2020-W53"},
		{in: "2026-27 Q3", frequency: "quarter", id: "quarter:2026-27-Q3"},
		{in: "2026-27-Q3", frequency: "quarter", id: "quarter:2026-27-Q3"},
		{in: "2026-27 q1", frequency: "quarter", id: "quarter:2026-27-Q1"},
		{in: "1999-00 Q4", frequency: "quarter", id: "quarter:1999-00-Q4"},
		{in: "2026-27", frequency: "year", id: "year:2026-27"},
		{in: "2099-00", frequency: "year", id: "year:2099-00"},
		// YYYY-NN with NN a month number is a month, so 2011-12 is December;
		// the financial year needs its full id.
		{in: "2011-12", frequency: "month", id: "month:2011-12"},
		{in: "year:2011-12", frequency: "year", id: "year:2011-12"},
		{in: "day:2026-11-03", frequency: "day", id: "day:2026-11-03"},
		{in: "week:2026-W45", frequency: "week", id: "week:2026-W45"},
		{in: "month:2026-11", frequency: "month", id: "month:2026-11"},
		{in: "quarter:2026-27-Q3", frequency: "quarter", id: "quarter:2026-27-Q3"},
		{in: "year:2026-27", frequency: "year", id: "year:2026-27"},
		{in: "Month:2026-11", frequency: "month", id: "month:2026-11"},

		{in: "", bad: true},
		{in: "2026", bad: true},
		{in: "Nov 2026", bad: true},
		{in: "2026-13", bad: true},
		{in: "2026-00", bad: true},
		{in: "2026-28", bad: true},
		{in: "2025-02-29", bad: true},
		{in: "2026-11-31", bad: true},
		{in: "2026-W00", bad: true},
		{in: "2026-W54", bad: true},
		{in: "2025-W53", bad: true}, // 2025 began on a Wednesday, not leap: 52 weeks
		{in: "2026-27 Q5", bad: true},
		{in: "2026-27 Q0", bad: true},
		{in: "2026-28 Q1", bad: true},
		{in: "2026-27Q3", bad: true},
		{in: "month:2026-27", bad: true},
		{in: "year:2026-11", bad: true},
		{in: "quarter:2026-11", bad: true},
		{in: "fortnight:2026-W45", bad: true},
		{in: "day:2026-11-03:extra", bad: true},
	} {
		t.Run(tc.in, func(t *testing.T) {
			frequency, id, err := ParsePeriod(tc.in)
			if tc.bad {
				if err == nil {
					t.Fatalf("got %s %s, want an error", frequency, id)
				}
				// The error names the accepted forms.
				for _, form := range []string{"2026-11-03", "2026-W45", "2026-27 Q3"} {
					if !strings.Contains(err.Error(), form) {
						t.Errorf("error %q does not mention %s", err, form)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v, want %s", err, tc.id)
			}
			if frequency != tc.frequency || id != tc.id {
				t.Errorf("got %s %s, want %s %s", frequency, id, tc.frequency, tc.id)
			}
		})
	}
}
