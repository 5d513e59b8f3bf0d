// Package schedules reads the schedule file that says when scorecard's
// unattended jobs run, and runs those jobs as a long-lived daemon.
//
// # Schedule file
//
// A schedule file is plain UTF-8 text (a byte order mark and Windows line
// endings are accepted). A # starts a comment that runs to the end of the
// line, and blank lines are ignored. Every other line is one entry:
//
//	[CRON_TZ=<zone>] <cron spec> <job> [name]
//
// The cron spec is either five fields, minute (0-59), hour (0-23),
// day-of-month (1-31), month (1-12 or JAN-DEC) and day-of-week (0-6 or
// SUN-SAT, Sunday is 0), each written as in crontab(5) with *, lists (1,15),
// ranges (1-5) and steps (*/15); or a descriptor: @yearly (or @annually),
// @monthly, @weekly, @daily (or @midnight), @hourly, or @every followed by a
// Go duration such as 6h, 90m or 1h30m.
//
// Times are wall-clock times in Europe/London, so 30 2 * * * runs at 02:30
// UK time all year, in GMT and in BST alike. A line may start with
// CRON_TZ= and another IANA zone name (CRON_TZ=UTC) to use that zone
// instead. The UK clocks change between 01:00 and 02:00: a time in that hour
// does not happen on the last Sunday of March and happens twice on the last
// Sunday of October, so a job timed then is skipped once and runs twice
// once a year.
//
// The job names one of the jobs the caller registers with [Run] (scorecard
// registers jobs such as run and publish); Parse accepts any name that
// starts with a letter and leaves checking it to Run. The name labels the
// entry in logs; it defaults to the job name and must be unique in the file,
// so two lines for the same job need names of their own:
//
//	# the nightly load at 02:30 UK time
//	30 2 * * * run nightly
//	# publish at 07:00 on weekdays
//	0 7 * * 1-5 publish weekday-morning
//	# a catch-up load every six hours, timed in UTC
//	CRON_TZ=UTC @every 6h run catch-up
//
// The built-in schedule, nightly.cron, is embedded in the binary and read
// by [Default]; a council may write its own file and read it with [Parse].
//
// # Departures from crontab(5)
//
// There is no seconds or year field, day-of-week 7 is not Sunday (use 0 or
// SUN), and @reboot is not supported. @every counts its interval from the
// daemon's start and then from each time it fires, whatever the clock says,
// and takes the duration exactly as written. The cron library underneath
// (github.com/robfig/cron/v3) would round @every to whole seconds and to at
// least one second; the daemon does not, so that short intervals in tests
// mean what they say.
package schedules

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	// The zone database is embedded so that Europe/London resolves on
	// minimal machines and containers that ship no /usr/share/zoneinfo.
	_ "time/tzdata"

	"github.com/robfig/cron/v3"
)

// DefaultZone is the time zone of every entry that does not name its own
// with CRON_TZ=.
const DefaultZone = "Europe/London"

//go:embed nightly.cron
var nightly []byte

// Entry is one line of a schedule file.
type Entry struct {
	// Spec is the cron spec as written, words separated by single spaces,
	// with its CRON_TZ= prefix if it has one: "30 2 * * *", "@every 6h",
	// "CRON_TZ=UTC 0 6 * * 1-5".
	Spec string
	// Job is the name of the job to run, as the caller registers it.
	Job string
	// Name labels the entry in logs; Parse sets it to Job when the line
	// gives no name.
	Name string
	// Line is the line number in the schedule file, counted from 1; zero
	// for an entry built in code.
	Line int
}

// ParseError reports a schedule file line that cannot be read.
type ParseError struct {
	Source string // the file name given to Parse
	Line   int    // counted from 1
	Err    error  // what is wrong, in plain words
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("schedules: %s line %d: %v", e.Source, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// Parse reads a schedule file and returns its entries in file order.
// source names the file in errors. Every cron spec is checked, and an
// error of type *ParseError names the first bad line and what is wrong
// with it. Two entries with the same name are an error. Job names are not
// checked here: Run knows which jobs are registered.
func Parse(r io.Reader, source string) ([]Entry, error) {
	zone, err := defaultLocation()
	if err != nil {
		return nil, err
	}

	var entries []Entry
	firstLine := make(map[string]int)
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		text := sc.Text()
		if n == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		words := strings.Fields(text)
		if len(words) == 0 {
			continue
		}

		e, err := parseLine(words, zone)
		if err != nil {
			return nil, &ParseError{Source: source, Line: n, Err: err}
		}
		if first, ok := firstLine[e.Name]; ok {
			err := fmt.Errorf("duplicate name %q (line %d has it too; give each line "+
				"its own name after the job)", e.Name, first)
			return nil, &ParseError{Source: source, Line: n, Err: err}
		}
		firstLine[e.Name] = n
		e.Line = n
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("schedules: read %s: %w", source, err)
	}
	return entries, nil
}

// Default returns the entries of the built-in schedule, nightly.cron.
func Default() ([]Entry, error) {
	return Parse(bytes.NewReader(nightly), "nightly.cron")
}

// parseLine reads the words of one non-blank line.
func parseLine(words []string, zone *time.Location) (Entry, error) {
	spec, rest, err := splitSpec(words)
	if err != nil {
		return Entry{}, err
	}
	if _, err := compile(spec, zone); err != nil {
		return Entry{}, err
	}

	switch {
	case len(rest) == 0:
		return Entry{}, fmt.Errorf("no job after cron spec %q (want: <cron spec> <job> [name])",
			spec)
	case len(rest) > 2:
		return Entry{}, fmt.Errorf("too many words after cron spec %q: %q "+
			"(want: <cron spec> <job> [name])", spec, strings.Join(rest, " "))
	}
	e := Entry{Spec: spec, Job: rest[0], Name: rest[0]}
	if len(rest) == 2 {
		e.Name = rest[1]
	}
	for _, w := range rest {
		if !validWord(w) {
			return Entry{}, fmt.Errorf("job or name %q must start with a letter and use only "+
				"letters, digits, '.', '_' and '-'", w)
		}
	}
	return e, nil
}

// splitSpec takes the cron spec off the front of a line's words and
// returns it joined by single spaces, with the words after it.
func splitSpec(words []string) (spec string, rest []string, err error) {
	var zone []string
	switch {
	case strings.HasPrefix(words[0], "CRON_TZ="):
		zone, words = words[:1], words[1:]
		if len(words) == 0 {
			return "", nil, fmt.Errorf("%s is not followed by a cron spec", zone[0])
		}
	case strings.HasPrefix(words[0], "TZ="):
		return "", nil, fmt.Errorf("write CRON_TZ=%s, not %s",
			strings.TrimPrefix(words[0], "TZ="), words[0])
	}

	var n int
	switch {
	case words[0] == "@every":
		n = min(2, len(words))
	case strings.HasPrefix(words[0], "@"):
		n = 1
	default:
		n = countFields(words)
		switch {
		case n == 0:
			return "", nil, fmt.Errorf("%q does not start a cron spec (want 5 fields such "+
				"as \"30 2 * * *\" or a descriptor such as @daily)", words[0])
		case n < 5 && n < len(words):
			return "", nil, fmt.Errorf("cron spec %q has %d fields before %q; want 5 "+
				"(minute hour day-of-month month day-of-week)",
				strings.Join(words[:n], " "), n, words[n])
		case n < 5:
			return "", nil, fmt.Errorf("cron spec %q has %d fields and no job; want 5 "+
				"(minute hour day-of-month month day-of-week), then the job",
				strings.Join(words[:n], " "), n)
		case n > 5:
			return "", nil, fmt.Errorf("cron spec %q has %d fields; want 5 "+
				"(minute hour day-of-month month day-of-week; there is no seconds "+
				"or year field)", strings.Join(words[:n], " "), n)
		}
	}
	spec = strings.Join(append(zone, words[:n]...), " ")
	return spec, words[n:], nil
}

// countFields counts the leading words that look like cron fields rather
// than job names: a field starts with a digit, * or ?, or is made of month
// and day abbreviations (MON-FRI, JAN,JUL).
func countFields(words []string) int {
	n := 0
	for _, w := range words {
		if !fieldLike(w) {
			break
		}
		n++
	}
	return n
}

func fieldLike(w string) bool {
	if strings.ContainsRune("0123456789*?", rune(w[0])) {
		return true
	}
	parts := strings.FieldsFunc(w, func(r rune) bool {
		return r == ',' || r == '-' || r == '/'
	})
	if len(parts) == 0 {
		return false
	}
	for _, p := range parts {
		if !cronNames[strings.ToLower(p)] && strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}

var cronNames = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "oct": true, "nov": true, "dec": true,
	"sun": true, "mon": true, "tue": true, "wed": true, "thu": true, "fri": true,
	"sat": true,
}

func validWord(w string) bool {
	for i, r := range w {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-'):
		default:
			return false
		}
	}
	return w != ""
}

// fieldRules names the five fields and their allowed values, in order.
var fieldRules = [5]struct{ name, allowed string }{
	{"minute", "0-59"},
	{"hour", "0-23"},
	{"day-of-month", "1-31"},
	{"month", "1-12 or JAN-DEC"},
	{"day-of-week", "0-6 or SUN-SAT, Sunday is 0"},
}

// descriptors lists the descriptors that take no argument.
var descriptors = []string{
	"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly",
}

// compile turns a spec into a schedule. A spec without CRON_TZ= is read
// in zone. Errors say what is wrong in plain words and name the spec.
func compile(spec string, zone *time.Location) (cron.Schedule, error) {
	sched, err := compileBody(spec, zone)
	if err != nil {
		return nil, fmt.Errorf("cron spec %q: %w", spec, err)
	}
	return sched, nil
}

func compileBody(spec string, zone *time.Location) (cron.Schedule, error) {
	// Take off the zone. Loading it here, not in the cron library, gives a
	// plain error and avoids its panic on a CRON_TZ= with nothing after it.
	body := spec
	if rest, ok := strings.CutPrefix(spec, "CRON_TZ="); ok {
		name, after, _ := strings.Cut(rest, " ")
		if name == "" || name == "Local" {
			return nil, errors.New("CRON_TZ= needs a zone name such as Europe/London " +
				"(Local would follow the machine's own clock)")
		}
		loc, err := time.LoadLocation(name)
		if err != nil {
			return nil, fmt.Errorf("unknown time zone %q (use an IANA zone name such "+
				"as Europe/London or UTC): %w", name, err)
		}
		zone, body = loc, strings.TrimSpace(after)
	}
	fields := strings.Fields(body)
	if len(fields) == 0 {
		return nil, errors.New("no schedule after the time zone")
	}

	// Check what the cron library would word less plainly.
	if strings.HasPrefix(fields[0], "@") {
		if err := checkDescriptor(fields); err != nil {
			return nil, err
		}
	} else if len(fields) != 5 {
		return nil, fmt.Errorf("%d fields; want 5 (minute hour day-of-month month "+
			"day-of-week)", len(fields))
	}

	sched, err := cron.ParseStandard(strings.Join(fields, " "))
	if err != nil {
		return nil, explainField(fields, err)
	}
	switch s := sched.(type) {
	case *cron.SpecSchedule:
		s.Location = zone
		if s.Next(time.Now()).IsZero() {
			return nil, errors.New("never falls on a real date (check the day-of-month " +
				"and month: there is no 31 April or 30 February)")
		}
	case cron.ConstantDelaySchedule:
		d, _ := time.ParseDuration(fields[1]) // checked by checkDescriptor
		return every(d), nil
	}
	return sched, nil
}

// checkDescriptor checks a spec that starts with @.
func checkDescriptor(fields []string) error {
	if fields[0] == "@every" {
		if len(fields) != 2 {
			return errors.New("@every needs one duration, such as @every 6h or @every 30m")
		}
		d, err := time.ParseDuration(fields[1])
		if err != nil {
			return fmt.Errorf("@every duration %q is not valid (write it like 6h, 90m "+
				"or 1h30m): %w", fields[1], err)
		}
		if d <= 0 {
			return fmt.Errorf("@every duration %q must be more than zero", fields[1])
		}
		return nil
	}
	for _, known := range descriptors {
		if fields[0] == known {
			if len(fields) > 1 {
				return fmt.Errorf("descriptor %s takes no fields after it", known)
			}
			return nil
		}
	}
	return fmt.Errorf("unknown descriptor %q (known: %s and @every <duration>)",
		fields[0], strings.Join(descriptors, ", "))
}

// explainField finds the first of five fields that the cron library
// refuses on its own, so that the error can name it.
func explainField(fields []string, err error) error {
	if len(fields) != 5 {
		return err
	}
	for i, f := range fields {
		probe := []string{"*", "*", "*", "*", "*"}
		probe[i] = f
		if _, ferr := cron.ParseStandard(strings.Join(probe, " ")); ferr != nil {
			return fmt.Errorf("%s field %q is not valid (allowed %s): %w",
				fieldRules[i].name, f, fieldRules[i].allowed, ferr)
		}
	}
	return err
}

// every fires at a fixed interval after the time it is asked about. Unlike
// cron.ConstantDelaySchedule it keeps fractions of a second.
type every time.Duration

func (d every) Next(t time.Time) time.Time { return t.Add(time.Duration(d)) }

// defaultLocation loads DefaultZone once. It cannot fail while time/tzdata
// is embedded, but a broken build should say so rather than run in UTC.
var defaultLocation = sync.OnceValues(func() (*time.Location, error) {
	loc, err := time.LoadLocation(DefaultZone)
	if err != nil {
		return nil, fmt.Errorf("schedules: load time zone %s: %w", DefaultZone, err)
	}
	return loc, nil
})
