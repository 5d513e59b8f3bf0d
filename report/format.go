package report

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// places is how many decimal places a value of unit is shown to. Ratings and
// directions of travel compare values at this precision, so what a manager
// reads and how it is judged agree.
func places(unit string, v float64) int {
	switch unit {
	case "percent", "mean_days", "mean_weeks", "fte":
		return 1
	case "rate_per_10k":
		if math.Abs(v) < 10 {
			return 2
		}
		return 1
	case "money":
		return 0
	}
	// count, hours, median_days: whole numbers unless they are not.
	if v == math.Trunc(v) {
		return 0
	}
	return 1
}

// rounded is v at the precision it is shown to.
func rounded(unit string, v float64) float64 {
	p := math.Pow(10, float64(places(unit, v)))
	return math.Round(v*p) / p
}

// number writes v to the given places with commas between thousands:
// 12,345.6.
func number(v float64, places int) string {
	s := strconv.FormatFloat(v, 'f', places, 64)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	if hasFrac {
		whole += "." + frac
	}
	if sign != "" && strings.Trim(whole, "0.,") == "" {
		sign = "" // no "-0.0"
	}
	return sign + whole
}

// count writes a numerator or denominator, which is usually whole.
func count(v float64) string {
	if v == math.Trunc(v) {
		return number(v, 0)
	}
	return number(v, 1)
}

// FormatValue writes a value in its unit as the scorecard shows it:
// 40.0%, 1.25 per 10,000, 1,033, 12.3 days, £1,200.
func FormatValue(unit string, v float64) string {
	n := number(v, places(unit, v))
	switch unit {
	case "percent":
		return n + "%"
	case "rate_per_10k":
		return n + " per 10,000"
	case "mean_days", "median_days":
		return n + " days"
	case "mean_weeks":
		return n + " weeks"
	case "hours":
		return n + " hours"
	case "fte":
		return n + " FTE"
	case "money":
		return "£" + n
	}
	return n
}

// formatAmount writes a difference or tolerance in the unit's terms: points
// for a percentage, otherwise the unit itself.
func formatAmount(unit string, v float64) string {
	switch unit {
	case "percent":
		n := number(v, 1)
		if n == "1.0" {
			return n + " point"
		}
		return n + " points"
	}
	return FormatValue(unit, v)
}

// detail says what a value is made of: "2 of 5" for a percentage, the
// population for a rate, the number of cases for a mean. For a value that
// could not be worked out it says why.
func detail(unit string, value, num, den *float64) string {
	if value == nil {
		switch {
		case num == nil:
			return "not known: some cases have no count recorded"
		case unit == "percent" || strings.HasPrefix(unit, "mean_"):
			return "no cases in the period"
		}
		return ""
	}
	switch unit {
	case "percent":
		if num != nil && den != nil {
			return count(*num) + " of " + count(*den)
		}
	case "rate_per_10k":
		if num != nil && den != nil {
			return count(*num) + " in a population of " + count(*den)
		}
	case "mean_days", "mean_weeks", "median_days":
		if den != nil {
			if *den == 1 {
				return "1 case"
			}
			return count(*den) + " cases"
		}
	}
	return ""
}

// frequencyPlural names a number of periods of a frequency: "13 months".
func frequencyPlural(freq string, n int) string {
	word := map[string]string{
		"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year",
	}[freq]
	if word == "" {
		word = "period"
	}
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// frequencyAdverb says how often an indicator is reported: "monthly".
func frequencyAdverb(freq string) string {
	switch freq {
	case "day":
		return "daily"
	case "week":
		return "weekly"
	case "month":
		return "monthly"
	case "quarter":
		return "quarterly"
	case "year":
		return "yearly"
	}
	return freq
}

// periodName writes a period as a person reads it: "Nov 2026" for a month,
// "30 Nov 2026" for a day, "2026-W45 (from 2 Nov)" for a week; quarters and
// financial years keep their labels, "2026-27 Q3" and "2026-27".
func periodName(p Period) string {
	switch p.Frequency {
	case "month":
		return p.Start.Format("Jan 2006")
	case "day":
		return p.Start.Format("2 Jan 2006")
	case "week":
		return p.Label + " (from " + p.Start.Format("2 Jan") + ")"
	}
	return p.Label
}

// longPeriodName is periodName for a heading: "November 2026".
func longPeriodName(p Period) string {
	switch p.Frequency {
	case "month":
		return p.Start.Format("January 2006")
	case "day":
		return p.Start.Format("Monday 2 January 2006")
	case "week":
		return "ISO week " + p.Label + ", " + p.Start.Format("2 January") + " to " +
			p.End.Format("2 January 2006")
	case "quarter":
		return p.Label + " (" + p.Start.Format("January") + " to " +
			p.End.Format("January 2006") + ")"
	case "year":
		return "financial year " + p.Label
	}
	return p.Label
}

// shortLabel writes a trend point's period compactly for the axis: "Nov 2025"
// for a month, "25-26 Q3" for a quarter, "W45 26" for a week.
func shortLabel(freq, label string, start time.Time) string {
	switch freq {
	case "month":
		return start.Format("Jan 2006")
	case "day":
		return start.Format("2 Jan")
	case "quarter":
		// 2025-26 Q3
		if len(label) == len("2025-26 Q3") {
			return label[2:]
		}
	case "week":
		// 2026-W45
		if year, week, ok := strings.Cut(label, "-"); ok && len(year) == 4 {
			return week + " " + year[2:]
		}
	}
	return label
}
