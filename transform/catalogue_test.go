package transform

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"

	sqlfs "scorecard/sql"
)

// appendixPath is the OCR of the council's appendix the catalogue is made
// from, beside the repository (CI clones it next to shared/).
const appendixPath = "../../shared/seed/appendix-b-performance-indicators.txt"

// appendixGlossaryEnd is the last line of the glossary ("DBS Disclosure and
// Barring Service"); the indicator table starts on the next line.
const appendixGlossaryEnd = 31

// appendixNoise lists every non-blank line after the glossary that is not an
// indicator row, with the reason. Nothing else may be left out of the
// catalogue.
var appendixNoise = map[int]string{
	32:  "table heading: Indicator",
	33:  "table heading: Number, Indicator Description",
	34:  "section heading: Intake and Assessment",
	67:  "section heading: Intervention and Planning",
	97:  "heading folded into the two CLA21 titles: Average length of care proceedings",
	100: "continuation of line 99: (management agreement)",
	102: "section heading: Disabled Children",
	108: "section heading: Permanence",
	123: "heading folded into the five CLA33 titles: CLA who ceased ... due to",
	150: "heading folded into the COP2 titles: Primary age",
	165: "section heading: Fostering and Adoption",
	205: "OCR noise: <u> </u>",
	207: "OCR noise: I I (table rules read as letters)",
	213: "section heading: Safeguarding and QA",
	230: "section heading: Youth Offending",
	243: "section heading: Family Support",
	252: "section heading: Early Years",
	259: "section heading: Families First (Troubled Families)",
	265: "section heading: FOI, SARs and Complaints",
	275: "section heading: Voice of the Child",
	280: "section heading: Workforce",
	301: "section heading: Libraries",
}

// appendixCodeFixes are the rows whose code is not the one printed on their
// line: OCR letter errors, the code of a merged cell, and a garbled code.
var appendixCodeFixes = map[int]struct{ printed, code string }{
	48:  {"30/11", ""},      // garbled; the row repeats CCA7 (docs/catalogue.md)
	99:  {"CLAZI", "CLA21"}, // 21 read as ZI
	124: {"", "CLA33"},      // CLA33 is printed once for the five reasons ceased
	126: {"CLASS", "CLA33"}, // the same merged cell read again, 33 as SS
	127: {"", "CLA33"},
	128: {"", "CLA33"},
}

// appendixTitleFixes are the lines whose rows' titles differ from the printed
// description; docs/catalogue.md gives each printed form. Every other title is
// the printed text, trimmed.
var appendixTitleFixes = map[int]string{
	36:  "Brag written for BRAG",
	37:  "Brag written for BRAG",
	48:  "garbled repeat of CCA7",
	65:  "enquires written for enquiries",
	98:  "heading of line 97 folded in, trailing dash dropped",
	99:  "heading of line 97 and continuation line 100 folded in, trailing dash dropped",
	124: "heading of line 123 folded in",
	125: "heading of line 123 folded in",
	126: "heading of line 123 folded in",
	127: "heading of line 123 folded in",
	128: "heading of line 123 folded in",
	151: "Primary age (line 150) and Secondary age: one row each",
	152: "CLAachieving run together",
	161: "19,20 lost its space",
	162: "&21 lost its space",
	176: "lower-case first letter",
	179: "lower-case first letter",
	181: "lower-case first letter",
	182: "lower-case first letter",
	183: "lower-case first letter",
	203: "Break down split, trailing colon dropped",
	212: "accomodation",
	223: "three indicators on one line",
	224: "two indicators on one line",
	237: "code run into the title; sca for scaled",
	270: "stray in (SARs in completed)",
	271: "are/ were split",
	284: "ocupied",
	291: "%of run together",
}

// idPrefixes are the short section prefixes of ids of rows printed as
// "Development" (PREFIX-DN) or with no code (PREFIX-NN).
var idPrefixes = map[string]string{
	"Intake and Assessment":              "IA",
	"Intervention and Planning":          "IP",
	"Disabled Children":                  "DC",
	"Permanence":                         "PERM",
	"Fostering and Adoption":             "FA",
	"Safeguarding and QA":                "SQA",
	"Youth Offending":                    "YO",
	"Family Support":                     "FS",
	"Early Years":                        "EY",
	"Families First (Troubled Families)": "FF",
	"FOI, SARs and Complaints":           "FOI",
	"Voice of the Child":                 "VOC",
	"Workforce":                          "WF",
	"Libraries":                          "LIB",
}

// readAppendix returns the appendix's lines; lines[n] is line n (lines[0] is
// unused).
func readAppendix(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile(appendixPath)
	if err != nil {
		t.Fatalf("read appendix: %v", err)
	}
	return append([]string{""}, strings.Split(string(raw), "\n")...)
}

// mustCatalogue returns the embedded catalogue or stops the test.
func mustCatalogue(t *testing.T) []Indicator {
	t.Helper()
	cat, err := Catalogue()
	if err != nil {
		t.Fatalf("Catalogue: %v", err)
	}
	return cat
}

// printedCode is the code column of an appendix line: the text before its
// first tab, or the first word when the OCR ran code and title together.
func printedCode(line string) string {
	first, _, found := strings.Cut(line, "\t")
	if !found {
		return "" // lines 296 to 299 (Workforce) lost their tab and have no code
	}
	code, _, _ := strings.Cut(strings.TrimSpace(first), " ")
	return code
}

func TestCatalogueCoversAppendix(t *testing.T) {
	lines := readAppendix(t)
	cat := mustCatalogue(t)
	if got := strings.TrimSpace(lines[appendixGlossaryEnd]); !strings.HasPrefix(got, "DBS") {
		t.Fatalf("line %d is %q, want the glossary's last entry (DBS)", appendixGlossaryEnd, got)
	}
	rowLines := map[int]bool{}
	for _, ind := range cat {
		rowLines[ind.AppendixLine] = true
	}

	for n := appendixGlossaryEnd + 1; n < len(lines); n++ {
		blank := strings.TrimSpace(lines[n]) == ""
		_, noise := appendixNoise[n]
		switch {
		case blank && (noise || rowLines[n]):
			t.Errorf("line %d is blank but listed as a row or as noise", n)
		case !blank && noise && rowLines[n]:
			t.Errorf("line %d is both a catalogue row and noise", n)
		case !blank && !noise && !rowLines[n]:
			t.Errorf("line %d %q is neither a catalogue row nor listed as noise", n, lines[n])
		}
	}
	for _, ind := range cat {
		if ind.AppendixLine <= appendixGlossaryEnd || ind.AppendixLine >= len(lines) {
			t.Errorf("%s: appendix_line %d is outside the indicator table", ind.ID, ind.AppendixLine)
		}
	}
}

// printedTitle is the description column of an appendix line.
func printedTitle(line, section string) string {
	fields := strings.Split(line, "\t")
	switch {
	case section == "Libraries":
		return strings.TrimSpace(fields[0]) // the frequency follows
	case len(fields) == 1:
		return strings.TrimSpace(line) // lines 296 to 299 lost their tab
	}
	return strings.TrimSpace(fields[1])
}

func TestCatalogueTitlesAsPrinted(t *testing.T) {
	lines := readAppendix(t)
	for _, ind := range mustCatalogue(t) {
		if _, fixed := appendixTitleFixes[ind.AppendixLine]; fixed {
			continue
		}
		if want := printedTitle(lines[ind.AppendixLine], ind.Section); ind.Title != want {
			t.Errorf("%s (line %d): got title %q, want the printed %q",
				ind.ID, ind.AppendixLine, ind.Title, want)
		}
	}
	for n := range appendixTitleFixes {
		if strings.TrimSpace(lines[n]) == "" {
			t.Errorf("line %d is blank but listed among title fixes", n)
		}
	}
}

func TestCatalogueCodesAsPrinted(t *testing.T) {
	lines := readAppendix(t)
	for _, ind := range mustCatalogue(t) {
		if ind.Section == "Workforce" || ind.Section == "Libraries" {
			// These lists print no code column at all.
			if ind.Code != "" {
				t.Errorf("%s: got code %q, want none", ind.ID, ind.Code)
			}
			continue
		}
		printed := printedCode(lines[ind.AppendixLine])
		want := printed
		if fix, ok := appendixCodeFixes[ind.AppendixLine]; ok {
			if printed != fix.printed {
				t.Errorf("line %d: printed code is %q, the fix list says %q",
					ind.AppendixLine, printed, fix.printed)
			}
			want = fix.code
		}
		if ind.Code != want {
			t.Errorf("%s (line %d): got code %q, want %q", ind.ID, ind.AppendixLine, ind.Code, want)
		}
	}
}

// TestCatalogueIDs recomputes every id from the codes and sections by the rule
// in docs/catalogue.md and compares.
func TestCatalogueIDs(t *testing.T) {
	cat := mustCatalogue(t)
	codeSeen := map[string]int{}
	devSeen := map[string]int{}
	noneSeen := map[string]int{}
	for _, ind := range cat {
		prefix, ok := idPrefixes[ind.Section]
		if !ok {
			t.Fatalf("%s: section %q has no id prefix", ind.ID, ind.Section)
		}
		var want string
		switch ind.Code {
		case "Development":
			devSeen[ind.Section]++
			want = fmt.Sprintf("%s-D%d", prefix, devSeen[ind.Section])
		case "":
			noneSeen[ind.Section]++
			want = fmt.Sprintf("%s-%02d", prefix, noneSeen[ind.Section])
		default:
			code := strings.ToUpper(ind.Code)
			codeSeen[code]++
			want = code
			if n := codeSeen[code]; n > 1 {
				want = fmt.Sprintf("%s.%d", code, n)
			}
		}
		if ind.ID != want {
			t.Errorf("row %d (line %d): got id %q, want %q",
				ind.SortOrder, ind.AppendixLine, ind.ID, want)
		}
	}
}

func TestCatalogueCounts(t *testing.T) {
	cat := mustCatalogue(t)
	byID := map[string]Indicator{}
	for _, ind := range cat {
		byID[ind.ID] = ind
	}

	// 258 rows: lines 32 to 318 hold 276 non-blank lines; less the 22 in
	// appendixNoise that leaves 254 indicator lines; line 151 (COP2 primary and
	// secondary age) gives 1 extra row, line 223 (SQ35 levels 1, 2 and 3) 2 and
	// line 224 (SQ36 level 3 and gang member) 1: 254 + 4 = 258.
	t.Run("total", func(t *testing.T) {
		if got, want := len(cat), 258; got != want {
			t.Errorf("got %d rows, want %d", got, want)
		}
	})

	idGroups := []struct {
		name string
		ids  []string
		line int // first appendix line of the group
	}{
		{"CCA4 total and final BRAG", []string{"CCA4", "CCA4.2", "CCA4.3", "CCA4.4", "CCA4.5"}, 35},
		{"ACM36 CP and CIN rates", []string{"ACM36", "ACM36.2"}, 70},
		{"CLA21 proceedings", []string{"CLA21", "CLA21.2"}, 98},
		{"CLA33 reasons ceased", []string{"CLA33", "CLA33.2", "CLA33.3", "CLA33.4", "CLA33.5"}, 124},
		{"COP2 SDQ by age", []string{"COP2", "COP2.2"}, 151},
		{"SQ35 CSE levels", []string{"SQ35", "SQ35.2", "SQ35.3"}, 223},
		{"SQ36 printings", []string{"SQ36", "SQ36.2", "SQ36.3"}, 224},
		{"COP34", []string{"COP34", "COP34.2"}, 144},
		{"PC20", []string{"PC20", "PC20.2"}, 186},
		{"PC21", []string{"PC21", "PC21.2"}, 189},
		{"PC24", []string{"PC24", "PC24.2"}, 209},
	}
	for _, g := range idGroups {
		t.Run(g.name, func(t *testing.T) {
			code := strings.Split(g.ids[0], ".")[0]
			n := 0
			for _, ind := range cat {
				if strings.ToUpper(ind.Code) == code {
					n++
				}
			}
			if n != len(g.ids) {
				t.Errorf("got %d rows with code %s, want %d", n, code, len(g.ids))
			}
			for _, id := range g.ids {
				if _, ok := byID[id]; !ok {
					t.Errorf("got no row %s, want one", id)
				}
			}
			if got := byID[g.ids[0]].AppendixLine; got != g.line {
				t.Errorf("%s: got appendix line %d, want %d", g.ids[0], got, g.line)
			}
		})
	}

	t.Run("rows per section", func(t *testing.T) {
		// Counted by hand from the appendix, including the split lines.
		want := map[string]int{
			"Intake and Assessment": 31, "Intervention and Planning": 31,
			"Disabled Children": 5, "Permanence": 53, "Fostering and Adoption": 43,
			"Safeguarding and QA": 19, "Youth Offending": 11, "Family Support": 8,
			"Early Years": 6, "Families First (Troubled Families)": 4,
			"FOI, SARs and Complaints": 9, "Voice of the Child": 4, "Workforce": 18,
			"Libraries": 16,
		}
		got := map[string]int{}
		for _, ind := range cat {
			got[ind.Section]++
		}
		for sec, n := range want {
			if got[sec] != n {
				t.Errorf("%s: got %d rows, want %d", sec, got[sec], n)
			}
		}
		if len(got) != len(want) {
			t.Errorf("got %d sections, want %d", len(got), len(want))
		}
	})
}

// TestCatalogueLibraryFrequencies checks the 16 Libraries rows against the
// frequency printed beside each of them.
func TestCatalogueLibraryFrequencies(t *testing.T) {
	lines := readAppendix(t)
	printed := map[string]string{
		"Daily": "day", "Weekly": "week", "Monthly": "month", "Quarterly": "quarter",
		"Annual": "year",
	}
	got := map[string]int{}
	for _, ind := range mustCatalogue(t) {
		if ind.Section != "Libraries" {
			continue
		}
		fields := strings.Split(strings.TrimSpace(lines[ind.AppendixLine]), "\t")
		word := strings.TrimSpace(fields[len(fields)-1])
		if want, ok := printed[word]; !ok || ind.Frequency != want {
			t.Errorf("%s (line %d): got frequency %q, printed %q", ind.ID, ind.AppendixLine,
				ind.Frequency, word)
		}
		got[ind.Frequency]++
	}
	// Lines 303 to 318: Quarterly 303, 304; Annual 305, 306, 310, 313, 315,
	// 316, 317, 318; Monthly 307, 308, 312, 314; Weekly 309; Daily 311.
	want := map[string]int{"quarter": 2, "year": 8, "month": 4, "week": 1, "day": 1}
	for f, n := range want {
		if got[f] != n {
			t.Errorf("Libraries %s: got %d rows, want %d", f, got[f], n)
		}
	}
}

func TestCatalogueVocabularies(t *testing.T) {
	vocab := map[string][]string{
		"frequency": {"day", "week", "month", "quarter", "year"},
		"unit": {"count", "percent", "rate_per_10k", "mean_days", "mean_weeks",
			"median_days", "hours", "fte", "money"},
		"polarity": {"higher_better", "lower_better", "neutral"},
	}
	in := func(field, v string) bool {
		for _, w := range vocab[field] {
			if v == w {
				return true
			}
		}
		return false
	}
	for i, ind := range mustCatalogue(t) {
		if ind.SortOrder != i+1 {
			t.Errorf("%s: got sort order %d, want %d", ind.ID, ind.SortOrder, i+1)
		}
		for field, v := range map[string]string{
			"frequency": ind.Frequency, "unit": ind.Unit, "polarity": ind.Polarity,
		} {
			if !in(field, v) {
				t.Errorf("%s: got %s %q, want one of %v", ind.ID, field, v, vocab[field])
			}
		}
		if _, ok := idPrefixes[ind.Section]; !ok {
			t.Errorf("%s: got section %q, want one of the appendix's", ind.ID, ind.Section)
		}
		if ind.Title == "" || ind.Needs == "" {
			t.Errorf("%s: got title %q and needs %q, want both", ind.ID, ind.Title, ind.Needs)
		}
	}

	// Rows whose frequency is not monthly, and why.
	notMonthly := map[string]string{
		"CLA35": "year",    // "(annual)" printed
		"CYP47": "quarter", // young people ending orders in the previous quarter
	}
	for _, ind := range mustCatalogue(t) {
		want := "month"
		if f, ok := notMonthly[ind.ID]; ok {
			want = f
		}
		if ind.Section != "Libraries" && ind.Frequency != want {
			t.Errorf("%s: got frequency %q, want %q", ind.ID, ind.Frequency, want)
		}
	}
}

func TestParseCatalogueErrors(t *testing.T) {
	const header = "indicator_id,code,title,section,frequency,unit,polarity,appendix_line,needs\n"
	const good = "CCA4,CCA4,Total number of contacts,Intake and Assessment,month,count,neutral,35," +
		"native contacts export\n"
	tests := []struct {
		name string
		csv  string
		want []string // fragments the error must contain
	}{
		{"bad header", "id,code\n" + good, []string{"header"}},
		{"no rows", header, []string{"no indicators"}},
		{"unknown unit", header + good +
			"CCA1,CCA1,T,Intake and Assessment,month,pct,neutral,40,n\n",
			[]string{"row 2", `field "unit"`, `"pct"`}},
		{"unknown section", header +
			"CCA1,CCA1,T,Intake,month,count,neutral,40,n\n",
			[]string{"row 1", `field "section"`}},
		{"unknown frequency", header +
			"CCA1,CCA1,T,Intake and Assessment,monthly,count,neutral,40,n\n",
			[]string{"row 1", `field "frequency"`}},
		{"unknown polarity", header +
			"CCA1,CCA1,T,Intake and Assessment,month,count,up,40,n\n",
			[]string{"row 1", `field "polarity"`}},
		{"duplicate id", header + good + good,
			[]string{"row 2", `field "indicator_id"`, "row 1"}},
		{"lower-case id", header +
			"cca4,CCA4,T,Intake and Assessment,month,count,neutral,35,n\n",
			[]string{"row 1", `field "indicator_id"`}},
		{"line not a number", header +
			"CCA4,CCA4,T,Intake and Assessment,month,count,neutral,x,n\n",
			[]string{"row 1", `field "appendix_line"`}},
		{"line out of order", header + good +
			"CCA1,CCA1,T,Intake and Assessment,month,count,neutral,34,n\n",
			[]string{"row 2", `field "appendix_line"`}},
		{"empty needs", header +
			"CCA4,CCA4,T,Intake and Assessment,month,count,neutral,35,\n",
			[]string{"row 1", `field "needs"`, "empty"}},
		{"stray space", header +
			"CCA4,CCA4,T ,Intake and Assessment,month,count,neutral,35,n\n",
			[]string{"row 1", `field "title"`}},
		{"short row", header + "CCA4,CCA4\n", []string{"row 1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseCatalogue(strings.NewReader(tc.csv))
			if err == nil {
				t.Fatalf("got no error, want one containing %q", tc.want)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("got error %q, want it to contain %q", err, w)
				}
			}
		})
	}

	t.Run("good row", func(t *testing.T) {
		got, err := parseCatalogue(strings.NewReader(header + good))
		if err != nil {
			t.Fatalf("got error %v, want none", err)
		}
		want := Indicator{ID: "CCA4", Code: "CCA4", Title: "Total number of contacts",
			Section: "Intake and Assessment", Frequency: "month", Unit: "count",
			Polarity: "neutral", Needs: "native contacts export", AppendixLine: 35, SortOrder: 1}
		if len(got) != 1 || got[0] != want {
			t.Errorf("got %+v, want [%+v]", got, want)
		}
	})
}

// openWarehouse opens a DuckDB file in a temporary directory with migration
// 001 applied.
func openWarehouse(t *testing.T) *sql.DB {
	t.Helper()
	dsn := filepath.Join(t.TempDir(), "warehouse.duckdb") +
		"?autoinstall_known_extensions=false&autoload_known_extensions=false"
	db, err := sql.Open("duckdb", dsn)
	if err != nil {
		t.Fatalf("open duckdb: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	ddl, err := sqlfs.FS.ReadFile("migrations/001_warehouse.sql")
	if err != nil {
		t.Fatalf("read migration 001: %v", err)
	}
	if _, err := db.Exec(string(ddl)); err != nil {
		t.Fatalf("apply migration 001: %v", err)
	}
	return db
}

// loadInTx runs LoadCatalogue in a transaction, committing only on success.
func loadInTx(t *testing.T, db *sql.DB, defs map[string]Definition) error {
	t.Helper()
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatalf("begin: %v", err)
	}
	if err := LoadCatalogue(ctx, tx, defs); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		t.Fatalf("commit: %v", err)
	}
	return nil
}

func TestLoadCatalogue(t *testing.T) {
	db := openWarehouse(t)
	cat := mustCatalogue(t)
	defs := map[string]Definition{
		"CCA14": {
			Definition:  "single assessments authorised within 45 working days of starting",
			Numerator:   "assessments authorised within 45 working days",
			Denominator: "assessments authorised",
			Period:      "assessments authorised in the month",
			Authority:   "Ofsted Annex A guidance",
		},
	}
	if err := loadInTx(t, db, defs); err != nil {
		t.Fatalf("LoadCatalogue: %v", err)
	}
	// A second load replaces the first rather than adding to it.
	if err := loadInTx(t, db, defs); err != nil {
		t.Fatalf("LoadCatalogue again: %v", err)
	}

	var n int
	if err := db.QueryRow("SELECT count(*) FROM dim_indicator").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != len(cat) {
		t.Errorf("got %d rows in dim_indicator, want %d", n, len(cat))
	}

	type row struct {
		code, status                       string
		definition, numerator, denominator sql.NullString
		authority, reason                  sql.NullString
		appendixLine, sortOrder            int
	}
	read := func(id string) row {
		t.Helper()
		var r row
		err := db.QueryRow(`SELECT code, status, definition, numerator, denominator,
			authority, status_reason, appendix_line, sort_order
			FROM dim_indicator WHERE indicator_id = ?`, id).Scan(&r.code, &r.status,
			&r.definition, &r.numerator, &r.denominator, &r.authority, &r.reason,
			&r.appendixLine, &r.sortOrder)
		if err != nil {
			t.Fatalf("read %s: %v", id, err)
		}
		return r
	}

	t.Run("in defs", func(t *testing.T) {
		got := read("CCA14")
		// CCA14 is printed on line 59, the 24th row (CCA4 x5, CCA1, CCA2, CCA30,
		// CCA30b, IA-D1, CCA10, CCA11, CCA7, IA-01, CCA8b, CCA8a, CCA8c, CCA5,
		// CCA31, CCA6, CCA12a, CCA12b, CCA32, then CCA14).
		want := row{code: "CCA14", status: "computed",
			definition:   sql.NullString{String: defs["CCA14"].Definition, Valid: true},
			numerator:    sql.NullString{String: defs["CCA14"].Numerator, Valid: true},
			denominator:  sql.NullString{String: defs["CCA14"].Denominator, Valid: true},
			authority:    sql.NullString{String: defs["CCA14"].Authority, Valid: true},
			appendixLine: 59, sortOrder: 24}
		if got != want {
			t.Errorf("got %+v, want %+v", got, want)
		}
	})
	t.Run("not in defs", func(t *testing.T) {
		got := read("CCA4.2")
		want := row{code: "CCA4", status: "not_computed",
			reason: sql.NullString{
				String: "not computed yet: needs native contacts export (final BRAG)",
				Valid:  true},
			appendixLine: 36, sortOrder: 2}
		if got != want {
			t.Errorf("got %+v, want %+v", got, want)
		}
	})
	t.Run("no code", func(t *testing.T) {
		if got := read("WF-01"); got.code != "" || got.status != "not_computed" {
			t.Errorf("got code %q status %q, want code \"\" status not_computed",
				got.code, got.status)
		}
	})

	t.Run("unknown id", func(t *testing.T) {
		err := loadInTx(t, db, map[string]Definition{"CCA14": {}, "NOPE1": {}})
		if err == nil || !strings.Contains(err.Error(), "NOPE1") {
			t.Fatalf("got error %v, want one naming NOPE1", err)
		}
		// The earlier load is untouched.
		if got := read("CCA14"); got.status != "computed" {
			t.Errorf("after the failed load got CCA14 status %q, want computed", got.status)
		}
	})
}
