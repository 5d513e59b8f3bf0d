package report

import (
	_ "embed" // scorecard.html.tmpl
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"
	"unicode"
)

// pageTemplate is the scorecard page. It loads nothing from elsewhere: CSS,
// SVG and script are all inline.
//
//go:embed scorecard.html.tmpl
var pageTemplate string

var page = template.Must(template.New("scorecard").Funcs(template.FuncMap{
	"value":          rowValue,
	"valueParts":     rowValueParts,
	"detail":         rowDetail,
	"periodName":     periodName,
	"longPeriodName": longPeriodName,
	"sparkline":      newSparkline,
	"change":         describeChange,
	"target":         describeTarget,
	"slug":           slug,
	"caseColumns":    caseColumns,
	"caseCells":      caseCells,
	"plural":         plural,
	"adverb":         frequencyAdverb,
	"polarity":       polarityText,
	"date":           func(t time.Time) string { return t.Format("2 January 2006") },
	"stamp":          func(t time.Time) string { return t.Format("2 January 2006, 15:04 MST") },
	"lower":          strings.ToLower,
	"add":            func(a, b int) int { return a + b },
	"trimDot":        func(s string) string { return strings.TrimRight(s, ". ") },
}).Parse(pageTemplate))

// WriteHTML writes the scorecard as one self-contained HTML page.
func (sc *Scorecard) WriteHTML(w io.Writer) error {
	if err := page.Execute(w, sc); err != nil {
		return fmt.Errorf("report: write the scorecard page: %w", err)
	}
	return nil
}

// rowValue is the value as the page prints it.
func rowValue(r Row) string {
	if r.Shown == nil || r.Shown.Value == nil {
		return "no value"
	}
	return FormatValue(r.Unit, *r.Shown.Value)
}

// valueParts is the value split into its number and a unit written after
// it, which the page sets smaller: "46.8" and " per 10,000". A percentage
// keeps its sign with the number.
type valueParts struct{ Number, Unit string }

func rowValueParts(r Row) valueParts {
	text := rowValue(r)
	if r.Shown == nil || r.Shown.Value == nil {
		return valueParts{Number: text}
	}
	if i := strings.IndexByte(text, ' '); i > 0 {
		return valueParts{Number: text[:i], Unit: text[i:]}
	}
	return valueParts{Number: text}
}

func rowDetail(r Row) string {
	if r.Shown == nil {
		return "nothing reported by the end of this period"
	}
	return detail(r.Unit, r.Shown.Value, r.Shown.Numerator, r.Shown.Denominator)
}

// changeView is the direction of travel as the page prints it.
type changeView struct {
	Arrow string // ▲ ▼ or ▶
	Words string // "up from 33.3%"
	Judge string // "better", "worse" or ""
	Class string // CSS class: better, worse or neutral
	Title string // the comparison in full, for hover
}

func describeChange(r Row) *changeView {
	c := r.Change
	if r.Shown == nil || c.Previous == nil {
		return nil
	}
	prev := "no value"
	if c.Previous.Value != nil {
		prev = FormatValue(r.Unit, *c.Previous.Value)
	}
	v := &changeView{Class: "neutral", Judge: c.Judgement}
	if c.Judgement != "" {
		v.Class = c.Judgement
	}
	switch c.Direction {
	case "up":
		v.Arrow, v.Words = "▲", "up from "+prev
	case "down":
		v.Arrow, v.Words = "▼", "down from "+prev
	case "flat":
		v.Arrow, v.Words = "▶", "no change"
	default:
		v.Words = "no value the period before"
		if c.Previous.Value != nil {
			v.Words = "no value to compare"
		}
	}
	v.Title = periodName(c.Previous.Period) + ": " + prev
	return v
}

// targetView is a target as the page prints it.
type targetView struct {
	Value string // "85.0%"
	Rule  string // "higher is better; amber within 5.0 points"
	Note  string
}

func describeTarget(r Row) *targetView {
	t := r.Target
	if t == nil {
		return nil
	}
	rule := t.Better + " is better"
	if t.AmberWithin > 0 {
		rule += "; amber within " + formatAmount(r.Unit, t.AmberWithin)
	}
	return &targetView{Value: FormatValue(r.Unit, t.Value), Rule: rule, Note: t.Note}
}

// caseColumns names the columns of a value's case list after its unit: a
// case in a percentage is in the numerator or not; a case of a mean brings
// its days or weeks; a case of a count or rate counts once or more.
func caseColumns(unit string) []string {
	switch unit {
	case "percent":
		return []string{"In numerator", "In denominator"}
	case "mean_days", "median_days":
		return []string{"Days", "Cases"}
	case "mean_weeks":
		return []string{"Weeks", "Cases"}
	}
	return []string{"Counted"}
}

// caseCells writes a case's numerator and denominator for caseColumns.
func caseCells(unit string, c Case) []string {
	num := "not known"
	if c.Numerator != nil {
		num = count(*c.Numerator)
	}
	switch unit {
	case "percent":
		return []string{yesNo(c.Numerator), yesNo(&c.Denominator)}
	case "mean_days", "median_days", "mean_weeks":
		return []string{num, count(c.Denominator)}
	}
	return []string{num}
}

// yesNo writes a 0 or 1 membership as no or yes, and any other count as it
// is.
func yesNo(v *float64) string {
	switch {
	case v == nil:
		return "not known"
	case *v == 0:
		return "no"
	case *v == 1:
		return "yes"
	}
	return count(*v)
}

// polarityText says which direction is better in words.
func polarityText(polarity string) string {
	switch polarity {
	case "higher_better":
		return "higher is better"
	case "lower_better":
		return "lower is better"
	}
	return "neither higher nor lower is better"
}

// slug makes an HTML id from a section name: "FOI, SARs and Complaints"
// becomes "foi-sars-and-complaints".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// plural writes n and a noun, adding s unless n is 1: "1 case", "3 cases".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%s %ss", number(float64(n), 0), noun)
}
