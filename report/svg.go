package report

import (
	"math"
	"strconv"
	"strings"
)

// Sparkline geometry, in CSS pixels.
const (
	sparkWidth  = 132
	sparkHeight = 34
	sparkPadX   = 4
	sparkPadY   = 5
)

// sparkline is a trend drawn as inline SVG: a line through the reported
// values, broken where a period has none, a dot on the shown value and a
// dashed line at the target.
type sparkline struct {
	Width, Height int
	Lines         []string // polyline points, one per unbroken run
	Dots          []dot    // lone values, which a line cannot show
	Last          *dot     // the shown value
	TargetY       string   // "" when no target is drawn
	Label         string   // the values in words, for screen readers and hover
	From, To      string   // the first and last period, for the axis
}

type dot struct{ X, Y string }

// newSparkline lays out trend, oldest first, right-aligned in TrendPeriods
// slots so that a short history sits against the shown value.
func newSparkline(r Row) *sparkline {
	if len(r.Trend) == 0 {
		return nil
	}
	s := &sparkline{Width: sparkWidth, Height: sparkHeight}

	// The vertical range covers the values and the target, if any.
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range r.Trend {
		if p.Value != nil {
			lo, hi = math.Min(lo, *p.Value), math.Max(hi, *p.Value)
		}
	}
	if r.Target != nil && !math.IsInf(lo, 1) {
		lo, hi = math.Min(lo, r.Target.Value), math.Max(hi, r.Target.Value)
	}
	if math.IsInf(lo, 1) {
		lo, hi = 0, 1
	}
	if hi == lo {
		pad := math.Max(math.Abs(hi)*0.1, 1)
		lo, hi = lo-pad, hi+pad
	}
	step := float64(sparkWidth-2*sparkPadX) / float64(TrendPeriods-1)
	offset := TrendPeriods - len(r.Trend)
	x := func(i int) float64 { return sparkPadX + float64(offset+i)*step }
	y := func(v float64) float64 {
		return sparkPadY + (hi-v)/(hi-lo)*float64(sparkHeight-2*sparkPadY)
	}

	// Runs of consecutive values become lines; a value alone becomes a dot.
	var run []string
	flush := func() {
		switch len(run) {
		case 0:
		case 1:
			xy := strings.Split(run[0], ",")
			s.Dots = append(s.Dots, dot{xy[0], xy[1]})
		default:
			s.Lines = append(s.Lines, strings.Join(run, " "))
		}
		run = nil
	}
	var words []string
	for i, p := range r.Trend {
		name := periodName(p.Period)
		if p.Value == nil {
			flush()
			words = append(words, name+" no value")
			continue
		}
		run = append(run, coord(x(i))+","+coord(y(*p.Value)))
		words = append(words, name+" "+FormatValue(r.Unit, *p.Value))
	}
	flush()
	if last := r.Trend[len(r.Trend)-1]; last.Value != nil {
		s.Last = &dot{coord(x(len(r.Trend) - 1)), coord(y(*last.Value))}
	}
	if r.Target != nil {
		s.TargetY = coord(y(r.Target.Value))
	}
	s.Label = "Trend over " + frequencyPlural(r.Frequency, len(r.Trend)) + ": " +
		strings.Join(words, "; ")
	first, last := r.Trend[0].Period, r.Trend[len(r.Trend)-1].Period
	s.From = shortLabel(r.Frequency, first.Label, first.Start)
	s.To = shortLabel(r.Frequency, last.Label, last.Start)
	return s
}

func coord(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
