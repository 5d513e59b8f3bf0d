package extract

import (
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name, in string
		want     time.Time
		err      string
	}{
		{"day first", "01/02/2026", day(2026, 2, 1), ""},
		{"no leading zeros", "1/2/2026", day(2026, 2, 1), ""},
		{"dashes", "01-02-2026", day(2026, 2, 1), ""},
		{"dots", "01.02.2026", day(2026, 2, 1), ""},
		{"iso", "2026-02-01", day(2026, 2, 1), ""},
		{"midnight time", "01/02/2026 00:00", day(2026, 2, 1), ""},
		{"iso midnight", "2026-02-01T00:00:00", day(2026, 2, 1), ""},
		{"month name", "01-Feb-2026", day(2026, 2, 1), ""},
		{"long month name", "1 February 2026", day(2026, 2, 1), ""},
		{"two-digit year 2000s", "01/02/26", day(2026, 2, 1), ""},
		{"two-digit year 69 is 2069", "01/02/69", day(2069, 2, 1), ""},
		{"two-digit year 70 is 1970", "01/02/70", day(1970, 2, 1), ""},
		// 46054 days after 30 December 1899 is 1 February 2026.
		{"excel serial", "46054", day(2026, 2, 1), ""},
		{"excel serial as float", "46054.0", day(2026, 2, 1), ""},
		{"leap day", "29/02/2024", day(2024, 2, 29), ""},
		{"31 February", "31/02/2026", time.Time{}, "does not exist"},
		{"29 February in a common year", "29/02/2025", time.Time{}, "does not exist"},
		{"month 13", "01/13/2026", time.Time{}, "no month 13"},
		{"american order is not guessed", "12/31/2025", time.Time{}, "no month 31"},
		{"day zero", "00/01/2026", time.Time{}, "does not exist"},
		{"words", "yesterday", time.Time{}, "not a date"},
		{"small serial", "123", time.Time{}, "not a date"},
		{"serial out of range", "99999", time.Time{}, "outside"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseDate(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("ParseDate(%q): got error %v, want one containing %q", tc.in, err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tc.in, err)
			}
			if !got.Equal(tc.want) {
				t.Errorf("ParseDate(%q): got %s, want %s", tc.in, got.Format(time.DateOnly),
					tc.want.Format(time.DateOnly))
			}
		})
	}
}

func TestParseMonth(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"2023-01", "2023-01-01", ""},
		{"2023-1", "2023-01-01", ""},
		{"01/2023", "2023-01-01", ""},
		{"2023-13", "", "does not exist"},
		{"Jan 2023", "", "not a month"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseMonth(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got error %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil || got.Format(time.DateOnly) != tc.want {
				t.Errorf("got %s, %v, want %s", got.Format(time.DateOnly), err, tc.want)
			}
		})
	}
}
