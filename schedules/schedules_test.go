package schedules

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Entry
	}{
		{
			name: "five fields with a name",
			in:   "30 2 * * * run nightly\n",
			want: []Entry{{Spec: "30 2 * * *", Job: "run", Name: "nightly", Line: 1}},
		},
		{
			name: "name defaults to the job",
			in:   "0 7 * * 1-5 publish",
			want: []Entry{{Spec: "0 7 * * 1-5", Job: "publish", Name: "publish", Line: 1}},
		},
		{
			name: "lists, ranges, steps and names",
			in:   "*/15 8-18 1,15 JAN-MAR ? run quarter-hourly",
			want: []Entry{{Spec: "*/15 8-18 1,15 JAN-MAR ?", Job: "run",
				Name: "quarter-hourly", Line: 1}},
		},
		{
			name: "descriptors",
			in:   "@daily run a\n@every 6h run b\n@hourly publish\n@every 1h30m run c",
			want: []Entry{
				{Spec: "@daily", Job: "run", Name: "a", Line: 1},
				{Spec: "@every 6h", Job: "run", Name: "b", Line: 2},
				{Spec: "@hourly", Job: "publish", Name: "publish", Line: 3},
				{Spec: "@every 1h30m", Job: "run", Name: "c", Line: 4},
			},
		},
		{
			name: "CRON_TZ before fields and before a descriptor",
			in:   "CRON_TZ=UTC 0 6 * * MON-FRI publish early\nCRON_TZ=Europe/London @daily run",
			want: []Entry{
				{Spec: "CRON_TZ=UTC 0 6 * * MON-FRI", Job: "publish", Name: "early", Line: 1},
				{Spec: "CRON_TZ=Europe/London @daily", Job: "run", Name: "run", Line: 2},
			},
		},
		{
			name: "comments, blank lines and spacing",
			in: "# header\n\n   \n30  2 *\t* *   run nightly # trailing comment\n" +
				"\t# indented comment\n#0 7 * * * publish\n",
			want: []Entry{{Spec: "30 2 * * *", Job: "run", Name: "nightly", Line: 4}},
		},
		{
			name: "byte order mark and Windows line endings",
			in:   "\ufeff30 2 * * * run nightly\r\n0 7 * * * publish\r\n",
			want: []Entry{
				{Spec: "30 2 * * *", Job: "run", Name: "nightly", Line: 1},
				{Spec: "0 7 * * *", Job: "publish", Name: "publish", Line: 2},
			},
		},
		{
			name: "only comments",
			in:   "# nothing scheduled yet\n",
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tc.in), "test.cron")
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantLine int
		wantText string // part of the error after the "schedules: test.cron line N: " prefix
	}{
		{
			name:     "four fields",
			in:       "# nightly\n30 2 * * run nightly\n",
			wantLine: 2,
			wantText: `cron spec "30 2 * *" has 4 fields before "run"; want 5`,
		},
		{
			name:     "four fields and no job",
			in:       "30 2 * *",
			wantLine: 1,
			wantText: `cron spec "30 2 * *" has 4 fields and no job`,
		},
		{
			name:     "six fields with seconds",
			in:       "@daily run\n0 30 2 * * * run nightly",
			wantLine: 2,
			wantText: `cron spec "0 30 2 * * *" has 6 fields; want 5`,
		},
		{
			name:     "minute out of range",
			in:       "\n\n61 2 * * * run",
			wantLine: 3,
			wantText: `cron spec "61 2 * * *": minute field "61" is not valid (allowed 0-59)`,
		},
		{
			name:     "day-of-week 7",
			in:       "30 2 * * 7 run",
			wantLine: 1,
			wantText: `cron spec "30 2 * * 7": day-of-week field "7" is not valid`,
		},
		{
			name:     "month 13",
			in:       "0 0 1 13 * run",
			wantLine: 1,
			wantText: `cron spec "0 0 1 13 *": month field "13" is not valid`,
		},
		{
			name:     "letter O for zero",
			in:       "3O 2 * * * run",
			wantLine: 1,
			wantText: `cron spec "3O 2 * * *": minute field "3O" is not valid`,
		},
		{
			name:     "date that never comes",
			in:       "0 0 31 4 * run",
			wantLine: 1,
			wantText: `cron spec "0 0 31 4 *": never falls on a real date`,
		},
		{
			name:     "unknown descriptor",
			in:       "# a\n# b\n# c\n@nightly run",
			wantLine: 4,
			wantText: `cron spec "@nightly": unknown descriptor "@nightly" (known: @yearly`,
		},
		{
			name:     "descriptor with fields",
			in:       "@daily 5 run",
			wantLine: 1,
			wantText: `job or name "5" must start with a letter`,
		},
		{
			name:     "bad @every duration",
			in:       "@every soon run",
			wantLine: 1,
			wantText: `cron spec "@every soon": @every duration "soon" is not valid`,
		},
		{
			name:     "zero @every duration",
			in:       "@every 0s run",
			wantLine: 1,
			wantText: `@every duration "0s" must be more than zero`,
		},
		{
			name:     "@every without a duration",
			in:       "@every",
			wantLine: 1,
			wantText: `cron spec "@every": @every needs one duration`,
		},
		{
			name:     "unknown time zone",
			in:       "CRON_TZ=Europe/Lundon 30 2 * * * run",
			wantLine: 1,
			wantText: `unknown time zone "Europe/Lundon"`,
		},
		{
			name:     "machine's local zone",
			in:       "CRON_TZ=Local 30 2 * * * run",
			wantLine: 1,
			wantText: `CRON_TZ= needs a zone name`,
		},
		{
			name:     "TZ instead of CRON_TZ",
			in:       "TZ=UTC 30 2 * * * run",
			wantLine: 1,
			wantText: `write CRON_TZ=UTC, not TZ=UTC`,
		},
		{
			name:     "CRON_TZ alone",
			in:       "CRON_TZ=UTC",
			wantLine: 1,
			wantText: `CRON_TZ=UTC is not followed by a cron spec`,
		},
		{
			name:     "no cron spec",
			in:       "run nightly",
			wantLine: 1,
			wantText: `"run" does not start a cron spec`,
		},
		{
			name:     "no job",
			in:       "@daily",
			wantLine: 1,
			wantText: `no job after cron spec "@daily"`,
		},
		{
			name:     "too many words",
			in:       "@daily run nightly load",
			wantLine: 1,
			wantText: `too many words after cron spec "@daily": "run nightly load"`,
		},
		{
			name:     "name that is not a word",
			in:       "@daily run 2am",
			wantLine: 1,
			wantText: `job or name "2am" must start with a letter`,
		},
		{
			name:     "duplicate name",
			in:       "30 2 * * * run nightly\n# again\n0 3 * * * run nightly",
			wantLine: 3,
			wantText: `duplicate name "nightly" (line 1 has it too`,
		},
		{
			name:     "duplicate default name",
			in:       "30 2 * * * run\n0 12 * * * run",
			wantLine: 2,
			wantText: `duplicate name "run" (line 1 has it too`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tc.in), "test.cron")
			if err == nil {
				t.Fatalf("got entries %+v and no error, want an error on line %d",
					got, tc.wantLine)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got error %T %v, want *ParseError", err, err)
			}
			if pe.Line != tc.wantLine || pe.Source != "test.cron" {
				t.Errorf("got %s line %d, want test.cron line %d", pe.Source, pe.Line,
					tc.wantLine)
			}
			prefix := "schedules: test.cron line " + strconv.Itoa(tc.wantLine) + ": "
			if msg := err.Error(); !strings.HasPrefix(msg, prefix) ||
				!strings.Contains(msg, tc.wantText) {
				t.Errorf("got error %q, want %q followed by one containing %q", msg, prefix,
					tc.wantText)
			}
		})
	}
}

func TestParseReadError(t *testing.T) {
	// A line longer than the scanner's 64 KiB buffer cannot be read.
	long := strings.Repeat("x", 70*1024)
	_, err := Parse(strings.NewReader(long), "huge.cron")
	if err == nil || !strings.HasPrefix(err.Error(), "schedules: read huge.cron: ") {
		t.Errorf("got error %v, want one starting %q", err, "schedules: read huge.cron: ")
	}
}

func TestDefault(t *testing.T) {
	got, err := Default()
	if err != nil {
		t.Fatalf("got error %v, want none", err)
	}
	// nightly.cron is 22 lines of comments, a blank line, then the entry.
	want := []Entry{{Spec: "30 2 * * *", Job: "run", Name: "nightly", Line: 23}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// TestNextRunAcrossClockChanges pins what the package comment and
// docs/scheduling.md promise: times are UK wall-clock times. In 2026 the
// clocks go forward at 01:00 GMT on Sunday 29 March and back at 01:00 GMT
// (02:00 BST) on Sunday 25 October.
func TestNextRunAcrossClockChanges(t *testing.T) {
	tests := []struct {
		name string
		spec string
		from string
		want []string // successive next runs, in UTC
	}{
		{
			// 02:30 GMT is 02:30 UTC.
			name: "winter", spec: "30 2 * * *", from: "2026-01-15T12:00:00Z",
			want: []string{"2026-01-16T02:30:00Z"},
		},
		{
			// 02:30 BST is 01:30 UTC.
			name: "summer", spec: "30 2 * * *", from: "2026-07-15T12:00:00Z",
			want: []string{"2026-07-16T01:30:00Z"},
		},
		{
			// 29 March: 02:30 is already BST, 01:30 UTC; 28 March was still GMT.
			name: "spring forward", spec: "30 2 * * *", from: "2026-03-28T00:00:00Z",
			want: []string{"2026-03-28T02:30:00Z", "2026-03-29T01:30:00Z"},
		},
		{
			// 25 October: 02:30 comes once, after the clocks went back, in GMT.
			name: "fall back", spec: "30 2 * * *", from: "2026-10-24T00:00:00Z",
			want: []string{"2026-10-24T01:30:00Z", "2026-10-25T02:30:00Z",
				"2026-10-26T02:30:00Z"},
		},
		{
			// There is no 01:30 on 29 March: the next is 01:30 BST on the 30th.
			name: "01:30 skipped in March", spec: "30 1 * * *", from: "2026-03-28T12:00:00Z",
			want: []string{"2026-03-30T00:30:00Z"},
		},
		{
			// 01:30 comes twice on 25 October: 01:30 BST (00:30 UTC), then 01:30 GMT.
			name: "01:30 twice in October", spec: "30 1 * * *", from: "2026-10-24T12:00:00Z",
			want: []string{"2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z",
				"2026-10-26T01:30:00Z"},
		},
		{
			// CRON_TZ=UTC ignores British Summer Time.
			name: "CRON_TZ=UTC", spec: "CRON_TZ=UTC 30 2 * * *", from: "2026-07-15T12:00:00Z",
			want: []string{"2026-07-16T02:30:00Z"},
		},
		{
			// 1 January 2026 is a Thursday, so the first weekday 06:00 is the 1st,
			// then Friday the 2nd, then Monday the 5th (GMT, so UTC too).
			name: "weekdays", spec: "0 6 * * MON-FRI", from: "2026-01-01T00:00:00Z",
			want: []string{"2026-01-01T06:00:00Z", "2026-01-02T06:00:00Z",
				"2026-01-05T06:00:00Z"},
		},
	}
	zone, err := defaultLocation()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sched, err := compile(tc.spec, zone)
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			at, err := time.Parse(time.RFC3339, tc.from)
			if err != nil {
				t.Fatal(err)
			}
			for i, want := range tc.want {
				at = sched.Next(at)
				if got := at.UTC().Format(time.RFC3339); got != want {
					t.Fatalf("run %d: got %s, want %s", i+1, got, want)
				}
			}
		})
	}
}

func TestEveryKeepsFractions(t *testing.T) {
	zone, err := defaultLocation()
	if err != nil {
		t.Fatal(err)
	}
	sched, err := compile("@every 100ms", zone)
	if err != nil {
		t.Fatalf("got error %v, want none", err)
	}
	at := time.Date(2026, 1, 1, 0, 0, 0, 250_000_000, time.UTC)
	if got, want := sched.Next(at), at.Add(100*time.Millisecond); !got.Equal(want) {
		t.Errorf("got %s, want %s", got, want)
	}
}
