package synth

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"
	"time"

	sqlfs "scorecard/sql"
)

// day is a civil date counted in days since 1 January 1970. The simulation
// works in whole days only, so a plain integer keeps date arithmetic cheap and
// free of time zones.
type day int32

// noDay marks a date that has not happened (a plan that never ends, an ICPC
// that was not held).
const noDay day = 1<<31 - 1

func mkDay(y int, m time.Month, d int) day {
	return dayOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

func dayOf(t time.Time) day {
	y, m, d := t.Date()
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return day(u.Unix() / 86400)
}

func (d day) time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// ymd converts a day number to year, month and day (Hinnant's civil algorithm).
func (d day) ymd() (int, int, int) {
	z := int(d) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, dd
}

// dmy formats a date as DD/MM/YYYY, the Annex A and SSDA903 form.
func (d day) dmy() string {
	y, m, dd := d.ymd()
	b := make([]byte, 10)
	b[0], b[1] = byte('0'+dd/10), byte('0'+dd%10)
	b[2] = '/'
	b[3], b[4] = byte('0'+m/10), byte('0'+m%10)
	b[5] = '/'
	put4(b[6:], y)
	return string(b)
}

// iso formats a date as YYYY-MM-DD, the Libraries Hacked form.
func (d day) iso() string {
	y, m, dd := d.ymd()
	b := make([]byte, 10)
	put4(b, y)
	b[4] = '-'
	b[5], b[6] = byte('0'+m/10), byte('0'+m%10)
	b[7] = '-'
	b[8], b[9] = byte('0'+dd/10), byte('0'+dd%10)
	return string(b)
}

func put4(b []byte, y int) {
	b[0] = byte('0' + y/1000%10)
	b[1] = byte('0' + y/100%10)
	b[2] = byte('0' + y/10%10)
	b[3] = byte('0' + y%10)
}

// weekday of d; 1 January 1970 was a Thursday.
func (d day) weekday() time.Weekday {
	w := (int(d) + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// addYears moves d by whole years; 29 February becomes 1 March in a common
// year, as a birthday does in English law.
func (d day) addYears(n int) day { return dayOf(d.time().AddDate(n, 0, 0)) }

func (d day) addMonths(n int) day { return dayOf(d.time().AddDate(0, n, 0)) }

// ageAt is the age in completed years on date d of a child born on dob.
func ageAt(dob, d day) int {
	by, bm, bd := dob.ymd()
	y, m, dd := d.ymd()
	a := y - by
	if m < bm || (m == bm && dd < bd) {
		a--
	}
	return a
}

func firstOfMonth(d day) day {
	y, m, _ := d.ymd()
	return mkDay(y, time.Month(m), 1)
}

// fyStart is 1 April of the financial year containing d.
func fyStart(d day) day {
	y, m, _ := d.ymd()
	if m < 4 {
		y--
	}
	return mkDay(y, time.April, 1)
}

// fyLabel names the financial year starting in year y, e.g. 2025-26.
func fyLabel(y int) string { return fmt.Sprintf("%d-%02d", y, (y+1)%100) }

func minDay(a, b day) day {
	if a < b {
		return a
	}
	return b
}

func maxDay(a, b day) day {
	if a > b {
		return a
	}
	return b
}

// calendar answers working-day questions: weekends and England and Wales bank
// holidays are not working days. Bank holidays come from the same reference
// list the warehouse loads (sql/reference/bank_holidays.csv); outside the
// list's years only weekends are skipped.
type calendar struct {
	base     day     // first day covered
	cum      []int32 // working days on or before base+i
	work     []day   // the working days in order
	holidays map[day]bool
}

func newCalendar(from, to day) (*calendar, error) {
	hol, err := bankHolidays()
	if err != nil {
		return nil, err
	}
	c := &calendar{base: from, holidays: hol}
	n := int(to-from) + 1
	c.cum = make([]int32, n)
	var k int32
	for i := 0; i < n; i++ {
		d := from + day(i)
		if c.isWork(d) {
			k++
			c.work = append(c.work, d)
		}
		c.cum[i] = k
	}
	return c, nil
}

func bankHolidays() (map[day]bool, error) {
	f, err := sqlfs.FS.Open("reference/bank_holidays.csv")
	if err != nil {
		return nil, fmt.Errorf("synth: open bank holidays: %w", err)
	}
	defer f.Close()
	return parseHolidays(f)
}

func parseHolidays(f fs.File) (map[day]bool, error) {
	hol := make(map[day]bool)
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if line == 1 || text == "" {
			continue
		}
		date, _, _ := strings.Cut(text, ",")
		t, err := time.Parse("2006-01-02", date)
		if err != nil {
			return nil, fmt.Errorf("synth: bank holidays line %d: %w", line, err)
		}
		hol[dayOf(t)] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("synth: read bank holidays: %w", err)
	}
	return hol, nil
}

func (c *calendar) isBankHoliday(d day) bool { return c.holidays[d] }

func (c *calendar) isWork(d day) bool {
	w := d.weekday()
	return w != time.Saturday && w != time.Sunday && !c.holidays[d]
}

func (c *calendar) inRange(d day) bool {
	return d >= c.base && int(d-c.base) < len(c.cum)
}

// addWD is the date n working days after d (n >= 0); for n = 0 it is d.
func (c *calendar) addWD(d day, n int) day {
	if n <= 0 {
		return d
	}
	if c.inRange(d) {
		i := int(c.cum[d-c.base]) + n - 1
		if i < len(c.work) {
			return c.work[i]
		}
	}
	for n > 0 {
		d++
		if c.isWork(d) {
			n--
		}
	}
	return d
}

// nextWD is d if it is a working day, else the next one.
func (c *calendar) nextWD(d day) day {
	for !c.isWork(d) {
		d++
	}
	return d
}

// wdBetween counts the working days after a up to and including b, so the
// same day gives 0 and the next working day gives 1.
func (c *calendar) wdBetween(a, b day) int {
	if c.inRange(a) && c.inRange(b) {
		return int(c.cum[b-c.base] - c.cum[a-c.base])
	}
	n := 0
	for d := a + 1; d <= b; d++ {
		if c.isWork(d) {
			n++
		}
	}
	return n
}
