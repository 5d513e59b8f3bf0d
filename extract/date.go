package extract

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	dmyPattern    = regexp.MustCompile(`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$`)
	isoPattern    = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	namedPattern  = regexp.MustCompile(`^(\d{1,2})[ \-]([A-Za-z]{3,9})[ \-](\d{2}|\d{4})$`)
	serialPattern = regexp.MustCompile(`^(\d{5})(\.0+)?$`)
	timeSuffix    = regexp.MustCompile(`[ T]00:00(:00(\.0+)?)?Z?$`)
	monthPattern  = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)
	myPattern     = regexp.MustCompile(`^(\d{1,2})/(\d{4})$`)
)

var monthNames = map[string]time.Month{}

func init() {
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		monthNames[name] = m
		monthNames[name[:3]] = m
	}
	monthNames["sept"] = time.September
}

// excelEpoch is day 0 of Excel's 1900 date system as it behaves after
// 1 March 1900 (Excel counts a 29 February 1900 that never was).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// errNoSuchDate marks a date whose day does not exist in its month.
var errNoSuchDate = errors.New("does not exist")

// ParseDate reads a British date in any of the forms the package comment
// lists. It never swaps day and month and never rolls an impossible day over.
func ParseDate(s string) (time.Time, error) {
	// The common forms first, without regular expressions: this runs once
	// per date cell of every export.
	if t, ok, err := fastDate(s); ok {
		return t, err
	}
	s = timeSuffix.ReplaceAllString(strings.TrimSpace(s), "")
	if m := dmyPattern.FindStringSubmatch(s); m != nil {
		return buildDate(year(m[3]), atoi(m[2]), atoi(m[1]), s)
	}
	if m := isoPattern.FindStringSubmatch(s); m != nil {
		return buildDate(atoi(m[1]), atoi(m[2]), atoi(m[3]), s)
	}
	if m := namedPattern.FindStringSubmatch(s); m != nil {
		mon, ok := monthNames[strings.ToLower(m[2])]
		if !ok {
			return time.Time{}, fmt.Errorf("%q is not a month name", m[2])
		}
		return buildDate(year(m[3]), int(mon), atoi(m[1]), s)
	}
	if m := serialPattern.FindStringSubmatch(s); m != nil {
		n := atoi(m[1])
		// 10959 is 1 January 1930 and 73051 is 31 December 2099: serials
		// outside that span are more likely counts than dates.
		if n < 10959 || n > 73051 {
			return time.Time{}, fmt.Errorf("%s is outside the Excel serial dates read (1930 to 2099)", s)
		}
		return excelEpoch.AddDate(0, 0, n), nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date in a known form (expected DD/MM/YYYY)", s)
}

// ParseMonth reads a calendar month: 2026-01, 2026-1 or 01/2026.
func ParseMonth(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	y, mo := 0, 0
	if m := monthPattern.FindStringSubmatch(s); m != nil {
		y, mo = atoi(m[1]), atoi(m[2])
	} else if m := myPattern.FindStringSubmatch(s); m != nil {
		y, mo = atoi(m[2]), atoi(m[1])
	} else {
		return time.Time{}, fmt.Errorf("%q is not a month (expected YYYY-MM)", s)
	}
	if mo < 1 || mo > 12 {
		return time.Time{}, fmt.Errorf("month %d of %q does not exist", mo, s)
	}
	return time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC), nil
}

func buildDate(y, m, d int, raw string) (time.Time, error) {
	if m < 1 || m > 12 {
		return time.Time{}, fmt.Errorf("date %q %w: there is no month %d", raw, errNoSuchDate, m)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Day() != d {
		return time.Time{}, fmt.Errorf("date %q %w: %s %d has no day %d",
			raw, errNoSuchDate, time.Month(m), y, d)
	}
	return t, nil
}

// year pins a two-digit year: 00 to 69 are 2000 to 2069, 70 to 99 are
// 1970 to 1999.
func year(s string) int {
	y := atoi(s)
	if len(s) == 2 {
		if y < 70 {
			return 2000 + y
		}
		return 1900 + y
	}
	return y
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// fastDate reads DD/MM/YYYY and YYYY-MM-DD exactly; ok is false for any
// other form, which ParseDate then reads the slow way.
func fastDate(s string) (time.Time, bool, error) {
	if len(s) != 10 {
		return time.Time{}, false, nil
	}
	var y, m, d int
	switch {
	case s[2] == '/' && s[5] == '/':
		d, m, y = digits(s[0:2]), digits(s[3:5]), digits(s[6:10])
	case s[4] == '-' && s[7] == '-':
		y, m, d = digits(s[0:4]), digits(s[5:7]), digits(s[8:10])
	default:
		return time.Time{}, false, nil
	}
	if y < 0 || m < 0 || d < 0 {
		return time.Time{}, false, nil
	}
	t, err := buildDate(y, m, d, s)
	return t, true, err
}

// digits reads a run of ASCII digits, or returns -1.
func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}
