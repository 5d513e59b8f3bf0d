package report_test

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"scorecard/report"
)

// cutHash is a subject as explain shows it: a contact's hash cut to 12
// characters, or a referral's, followed by the date and source.
var cutHash = regexp.MustCompile(`^[0-9a-f]{12}($|:[0-9]{8}:)`)

func TestExplain(t *testing.T) {
	tests := []struct {
		name, indicator, period string
		value, num, den         float64
		cases                   int
		headline                string
	}{
		// January: K001 (10/01), K002 (12/01), K003 (15/01, referred), K004
		// (15/01), K005 (31/01, referred) = 2 of 5 = 40%.
		{"percent", "CCA1", "2026-01", 40, 2, 5, 5, "value 40.0%, numerator 2, denominator 5, 5 cases"},
		// Any case, and a full period id.
		{"lower-case id", "cca1", "month:2026-01", 40, 2, 5, 5, "CCA1 Number and %"},
		// February: C004 on 02/02, C012 on 10/02 and 20/02 = 3 referrals,
		// 3 / 40,000 * 10,000 = 0.75.
		{"rate", "CCA10", "2026-02", 0.75, 3, 40000, 3,
			"value 0.75 per 10,000, numerator 3, denominator 40,000 (population aged 0 to 17)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := report.Explain(context.Background(), fixture.db, tc.indicator, tc.period, "all")
			if err != nil {
				t.Fatal(err)
			}
			if e.Value.Value == nil || *e.Value.Value != tc.value ||
				*e.Value.Numerator != tc.num || *e.Value.Denominator != tc.den {
				t.Errorf("got value %v of %v / %v, want %v of %v / %v", e.Value.Value,
					e.Value.Numerator, e.Value.Denominator, tc.value, tc.num, tc.den)
			}
			if len(e.Cases) != tc.cases {
				t.Errorf("got %d cases, want %d", len(e.Cases), tc.cases)
			}
			// The cases add up to the numerator, and each was decided in
			// the period.
			var sum float64
			for _, c := range e.Cases {
				sum += *c.Numerator
				if c.DecidedOn == nil || c.DecidedOn.Before(e.Period.Start) ||
					c.DecidedOn.After(e.Period.End) {
					t.Errorf("case %s decided on %v, outside %s", c.Subject, c.DecidedOn,
						e.Period.Label)
				}
				if !cutHash.MatchString(c.Subject) {
					t.Errorf("case %q is not a 12-character hash and what follows it", c.Subject)
				}
			}
			if sum != tc.num {
				t.Errorf("the cases' numerators add up to %v, want %v", sum, tc.num)
			}
			if h := e.Headline(); !strings.Contains(h, tc.headline) {
				t.Errorf("headline: got %q, want it to contain %q", h, tc.headline)
			}
		})
	}
}

func TestExplainErrors(t *testing.T) {
	tests := []struct {
		name, indicator, period, breakdown string
		kind                               error
		want                               string
	}{
		{"unknown indicator", "CCA99", "2026-01", "all", report.ErrUnknownIndicator,
			`no indicator "CCA99"`},
		{"not computed", "CLA1", "2026-01", "all", report.ErrNotComputed,
			"CLA1 is not computed: no data yet: needs SSDA903"},
		// CCA4 has values for December 2025 to February 2026.
		{"no value for the period", "cca4", "2026-06", "all", report.ErrNoValue,
			"CCA4 has no value for 2026-06 (month:2026-06); its 3 values run from 2025-12 to 2026-02"},
		{"another frequency", "CCA4", "2026-27 Q1", "all", report.ErrNoValue,
			"CCA4 is reported monthly, and 2026-27 Q1 is a quarter"},
		{"no such breakdown", "CCA4", "2026-01", "site=Nowhere", report.ErrNoValue,
			"no values broken down by site=Nowhere; for that period it has the breakdowns all"},
		{"not a period", "CCA4", "January", "all", report.ErrBadPeriod, `period "January"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := report.Explain(context.Background(), fixture.db, tc.indicator, tc.period,
				tc.breakdown)
			if !errors.Is(err, tc.kind) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %v saying %q", err, tc.kind, tc.want)
			}
		})
	}
}
