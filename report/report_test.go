package report_test

import (
	"bytes"
	"context"
	"errors"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"scorecard/report"
)

// fixtureTargets rate three values of the fixture, one of each colour.
const fixtureTargets = `# one of each rating
indicator_id,target,amber_within,better,note
CCA14,85,5,,Assessments within 45 working days
CCA11,30,5,,
cca1,30,,higher,"Conversion, as agreed"
`

// scorecard builds and renders the fixture's scorecard for period.
func scorecard(t *testing.T, period, targets string) (*report.Scorecard, string) {
	t.Helper()
	ctx := context.Background()
	inds, err := report.Indicators(ctx, fixture.db)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := report.ParseTargets(strings.NewReader(targets), "targets.csv", inds)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := report.Build(ctx, fixture.db, report.Options{
		Period:    period,
		Targets:   tg,
		Generated: time.Date(2026, 7, 2, 9, 30, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := sc.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	return sc, b.String()
}

// between returns the text of page from the first start to the end after
// it, both included, failing the test when either is missing.
func between(t *testing.T, page, start, end string) string {
	t.Helper()
	i := strings.Index(page, start)
	if i < 0 {
		t.Fatalf("the page has no %q", start)
	}
	j := strings.Index(page[i:], end)
	if j < 0 {
		t.Fatalf("the page has no %q after %q", end, start)
	}
	return page[i : i+j+len(end)]
}

func indicatorRow(t *testing.T, page, id string) string {
	t.Helper()
	return between(t, page, `<tr id="ind-`+id+`">`, "</tr>")
}

// TestScorecardValues checks what the default scorecard of the fixture
// shows. The latest month with values is June 2026 (CCA12A and CCA14), so
// every indicator shows its latest value for a period ending by 30 June.
func TestScorecardValues(t *testing.T) {
	sc, page := scorecard(t, "", fixtureTargets)
	if sc.Period == nil || sc.Period.ID != "month:2026-06" {
		t.Fatalf("got report period %+v, want month:2026-06", sc.Period)
	}
	if !strings.Contains(page, `<p class="period">June 2026</p>`) {
		t.Errorf("the page heading does not name June 2026")
	}

	tests := []struct {
		name, id string
		want     []string
	}{
		// June: C030 within 45 working days, C031 and C037 over = 1 of 3,
		// 33.3%; 85 - 33.3 = 51.7 short of the target, more than 5: Red.
		// May had no assessments, so there is nothing to compare with.
		{"percent with a red rating", "CCA14", []string{
			`>33.3%<`, "1 of 3", "Jun 2026", `<span class="rag rag-red">Red</span>`,
			"85.0%", "higher is better; amber within 5.0 points",
			"no value the period before",
		}},
		// February: 1 of 3 = 33.3%, up from January's 1 of 4 = 25.0%; lower
		// is better, so worse. 33.3 - 30 = 3.3 over the target, within 5:
		// Amber. February is not June: the period is marked.
		{"lower is better, amber", "CCA11", []string{
			`>33.3%<`, "1 of 3", "Feb 2026", "latest available",
			`<span class="rag rag-amber">Amber</span>`, "lower is better",
			"▲ up from 25.0%", `<span class="judge">worse</span>`,
		}},
		// February: K007 of K006, K007, K008 = 33.3%, down from January's
		// 40.0%; neutral, so no judgement, but the target file says higher
		// is better: 33.3 >= 30 is Green.
		{"neutral with a target", "CCA1", []string{
			`>33.3%<`, "1 of 3", `<span class="rag rag-green">Green</span>`,
			"▼ down from 40.0%", `class="chg neutral"`, `title="Conversion, as agreed"`,
		}},
		// February: 3 referrals / 40,000 * 10,000 = 0.75; January 1.00.
		{"rate per 10,000", "CCA10", []string{
			`>0.75<span class="unit"> per 10,000</span>`, "3 in a population of 40,000",
			"▼ down from 1.00 per 10,000", "no target",
		}},
		// February: K006, K007, K008 = 3, down from January's 6.
		{"count", "CCA4", []string{`>3<`, "▼ down from 6", "Feb 2026", "latest available"}},
		// June: 3 authorised, up from May's 0; the period is the report's.
		{"count of the report period", "CCA12A", []string{`>3<`, "▲ up from 0", "Jun 2026"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			row := indicatorRow(t, page, tc.id)
			for _, w := range tc.want {
				if !strings.Contains(row, w) {
					t.Errorf("%s row: got\n%s\nwant it to contain %q", tc.id, row, w)
				}
			}
			if !strings.Contains(row, `href="#cases-`+tc.id+`"`) {
				t.Errorf("%s value does not link to its cases", tc.id)
			}
		})
	}
	if strings.Contains(indicatorRow(t, page, "CCA12A"), "latest available") {
		t.Errorf("CCA12A is for the report period but is marked as behind")
	}

	// One rating of each colour, as the summary says.
	if sc.Red != 1 || sc.Amber != 1 || sc.Green != 1 {
		t.Errorf("got %d red, %d amber, %d green, want 1 of each", sc.Red, sc.Amber, sc.Green)
	}
	for _, w := range []string{
		`<span class="big">1</span> rated Red`, `<span class="big">1</span> rated Amber`,
		`<span class="big">1</span> rated Green`,
	} {
		if !strings.Contains(page, w) {
			t.Errorf("the summary does not say %q", w)
		}
	}
}

// TestScorecardListsEveryIndicator checks that every row of dim_indicator is
// on the page: computed ones with their definitions, the others with the
// reason they are not computed.
func TestScorecardListsEveryIndicator(t *testing.T) {
	sc, page := scorecard(t, "", "indicator_id,target\n")
	inds, err := report.Indicators(context.Background(), fixture.db)
	if err != nil {
		t.Fatal(err)
	}
	computed := 0
	for _, ind := range inds {
		row := html.UnescapeString(indicatorRow(t, page, ind.ID))
		want := []string{ind.Title}
		if ind.Computed() {
			computed++
			want = append(want, ind.Definition, ind.Numerator, ind.Period, ind.Authority)
			if ind.Denominator == "" && ind.Unit != "count" {
				t.Errorf("%s (%s) has no denominator in dim_indicator", ind.ID, ind.Unit)
			}
			want = append(want, ind.Denominator)
		} else {
			want = append(want, ind.StatusReason)
		}
		for _, w := range want {
			if !strings.Contains(row, w) {
				t.Errorf("%s row: got\n%s\nwant it to contain %q", ind.ID, row, w)
			}
		}
	}
	// At least the twelve indicators of fixture_test.go have data; the
	// page counts what dim_indicator says.
	if computed < 12 || sc.Computed != computed || sc.NotComputed != len(inds)-computed {
		t.Errorf("got %d computed in dim_indicator, %d computed and %d not on the page, "+
			"want the same split of %d", computed, sc.Computed, sc.NotComputed, len(inds))
	}

	// The fixture has no SSDA903 file: CLA1 is listed among those not
	// computed, with the engine's reason.
	cla1 := html.UnescapeString(indicatorRow(t, page, "CLA1"))
	list := between(t, page, `<section id="sec-permanence"`, "</section>")
	if !strings.Contains(cla1, "no data yet: needs SSDA903") ||
		!strings.Contains(between(t, list, `<details class="nc">`, "</details>"), cla1) {
		t.Errorf("CLA1 is not listed as not computed with its reason:\n%s", cla1)
	}

	// Sections follow the appendix.
	last := -1
	for _, s := range sc.Sections {
		i := strings.Index(page, ">"+html.EscapeString(s.Name)+"</h2>")
		if i < 0 || i < last {
			t.Errorf("section %q comes before the one above it", s.Name)
		}
		last = i
	}
	if len(sc.Sections) != 14 {
		t.Errorf("got %d sections, want the appendix's 14", len(sc.Sections))
	}
}

// TestScorecardCases checks the case lists: each value's cases for its
// period only, keyed hashes cut to 12 characters, never an identifier.
func TestScorecardCases(t *testing.T) {
	_, page := scorecard(t, "", "")
	tests := []struct {
		id, period string
		rows       int
		want       []string
	}{
		// February: K006 (03/02, no outcome), K007 (27/02, referred), K008
		// (28/02, signposted).
		{"CCA1", "month:2026-02", 3, []string{
			"2026-02-03", "2026-02-27", "2026-02-28", "referred to social care",
			"<th scope=\"col\">In numerator</th>",
		}},
		// June: C030 authorised 10/06, C031 11/06, C037 15/06.
		{"CCA14", "month:2026-06", 3, []string{"2026-06-10", "2026-06-11", "2026-06-15"}},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			box := between(t, page, `<details class="cases" id="cases-`+tc.id+`">`, "</details>")
			if got := strings.Count(box, "<tr><td><code>"); got != tc.rows {
				t.Errorf("got %d cases, want %d", got, tc.rows)
			}
			for _, w := range tc.want {
				if !strings.Contains(box, w) {
					t.Errorf("got\n%s\nwant it to contain %q", box, w)
				}
			}
			// A contact's key is a keyed hash, 32 hex digits; an
			// assessment's is the child's hash, a colon and the start date.
			// Either way the hash is cut to 12 and the rest kept.
			for _, key := range subjects(t, tc.id, tc.period) {
				want := key[:12] + key[32:]
				if !strings.Contains(box, "<code>"+want+"</code>") {
					t.Errorf("case %s is not listed as %s", key, want)
				}
			}
		})
	}

	// No whole keyed hash, and no identifier of the exports, anywhere.
	long := regexp.MustCompile(`[0-9a-f]{13,}`)
	if m := long.FindString(page); m != "" {
		t.Errorf("the page holds a hex run longer than 12 characters: %s", m)
	}
	for _, id := range []string{"K001", "K007", "C003", "C030", "C037"} {
		if strings.Contains(page, id) {
			t.Errorf("the page holds the export identifier %s", id)
		}
	}
}

// TestScorecardIsSelfContained checks that the page loads nothing from
// elsewhere: every link is to an anchor of the page, and there is no src,
// stylesheet import or url() at all.
func TestScorecardIsSelfContained(t *testing.T) {
	_, page := scorecard(t, "", fixtureTargets)
	for _, bad := range []string{"http://", "https://", "src=", "@import", "url(", "<link"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	hrefs := regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(page, -1)
	if len(hrefs) < 20 {
		t.Errorf("got %d links, want one per section and per value at least", len(hrefs))
	}
	for _, h := range hrefs {
		target := strings.TrimPrefix(h[1], "#")
		if target == h[1] {
			t.Errorf("link %q is not to an anchor of the page", h[1])
			continue
		}
		if !strings.Contains(page, `id="`+target+`"`) {
			t.Errorf("link %q has no target on the page", h[1])
		}
	}
}

// TestScorecardEarlierPeriod reports February 2026: CCA14 starts in March,
// so it has no value yet, and CCA4's February value is the period's own.
func TestScorecardEarlierPeriod(t *testing.T) {
	sc, page := scorecard(t, "2026-02", "")
	if sc.Period.ID != "month:2026-02" {
		t.Fatalf("got period %s, want month:2026-02", sc.Period.ID)
	}
	cca14 := indicatorRow(t, page, "CCA14")
	if !strings.Contains(cca14, "no value") ||
		!strings.Contains(cca14, "nothing reported by the end of this period") {
		t.Errorf("CCA14 row: got\n%s\nwant no value", cca14)
	}
	cca4 := indicatorRow(t, page, "CCA4")
	if !strings.Contains(cca4, `>3<`) || strings.Contains(cca4, "latest available") {
		t.Errorf("CCA4 row: got\n%s\nwant 3 for the period itself", cca4)
	}
	// Thirteen months to February 2026 start in February 2025; CCA4 has
	// values from December 2025, so the trend names the months without.
	if !strings.Contains(cca4, "Feb 2025 no value") || !strings.Contains(cca4, "Dec 2025 1;") {
		t.Errorf("CCA4 trend: got\n%s\nwant it to run from Feb 2025", cca4)
	}
}

func TestScorecardBadPeriod(t *testing.T) {
	tests := []struct{ name, period, want string }{
		{"not a period", "2026-13", "not a financial year"},
		{"outside the calendar", "2040-01", "outside the warehouse's calendar"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := report.Build(context.Background(), fixture.db,
				report.Options{Period: tc.period})
			if !errors.Is(err, report.ErrBadPeriod) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want ErrBadPeriod saying %q", err, tc.want)
			}
		})
	}
}
