package extract

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// annexASamples is the folder of public Annex A workbooks, beside the
// repository.
var annexASamples = filepath.Join("..", "..", "shared", "data", "public", "annex-a")

// TestAnnexAWorkbookSamples stages each public Annex A workbook sheet by
// sheet and checks, list by list, that rows read = rows staged + rows
// refused, with the expected split and every refusal explained.
func TestAnnexAWorkbookSamples(t *testing.T) {
	type split struct{ read, staged, refused int64 }
	tests := []struct {
		name  string
		file  string
		lists map[string]split // by kind
		// refusals by "sheet|column": only these may be refused.
		refusals map[string]int
	}{
		{
			// Ofsted's 2016 template: ten lists, headers only.
			name: "Ofsted template, empty lists",
			file: "2016-02-sample.xlsx",
			lists: map[string]split{
				"annexa_l1": {}, "annexa_l2": {}, "annexa_l3": {}, "annexa_l4": {},
				"annexa_l5": {}, "annexa_l6": {}, "annexa_l7": {}, "annexa_l8": {},
				"annexa_l9": {}, "annexa_l10": {},
			},
		},
		{
			// The liia sample: list 4 answers "CS Assessment Updated" to the
			// support question on all five rows (staged as UPDATED); list 6
			// holds one adult social care primary support reason, PSRMEM,
			// which is no child's category of need and is refused.
			name: "liia sample",
			file: "Annex_A.xlsx",
			lists: map[string]split{
				"annexa_l1": {5, 5, 0}, "annexa_l2": {5, 5, 0}, "annexa_l3": {6, 6, 0},
				"annexa_l4": {5, 5, 0}, "annexa_l5": {5, 5, 0}, "annexa_l6": {5, 4, 1},
				"annexa_l7": {7, 7, 0}, "annexa_l8": {5, 5, 0}, "annexa_l9": {6, 6, 0},
				"annexa_l10": {5, 5, 0},
			},
			refusals: map[string]int{"List 6|Primary Need Code": 1},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db, conn := stagingDB(t)
			var rejects []Reject
			res, err := Stage(context.Background(), conn, filepath.Join(annexASamples, tc.file),
				Options{FileID: 1, Hasher: testHasher, Kinds: Kinds(),
					OnReject: func(r Reject) error { rejects = append(rejects, r); return nil }})
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != len(tc.lists) {
				t.Errorf("got %d lists staged, want %d", len(res), len(tc.lists))
			}
			for _, r := range res {
				want, ok := tc.lists[r.Kind.Name]
				if !ok {
					t.Errorf("sheet %s read as %s, not expected", r.Part, r.Kind.Name)
					continue
				}
				if r.RowsRead != r.RowsStaged+r.RowsRefused {
					t.Errorf("%s: read %d != staged %d + refused %d",
						r.Part, r.RowsRead, r.RowsStaged, r.RowsRefused)
				}
				got := split{r.RowsRead, r.RowsStaged, r.RowsRefused}
				if got != want {
					t.Errorf("%s: got %+v, want %+v", r.Part, got, want)
				}
				var n int64
				err := db.QueryRow("SELECT count(*) FROM "+identTable(r.Kind)+
					" WHERE _file_id = ?", 1+r.PartIndex).Scan(&n)
				if err != nil {
					t.Fatal(err)
				}
				if n != r.RowsStaged {
					t.Errorf("%s: got %d rows in %s, want %d", r.Part, n, r.Kind.Table, r.RowsStaged)
				}
			}
			got := map[string]int{}
			for _, r := range rejects {
				if r.Reason == "" {
					t.Errorf("%s line %d: refusal without a reason", r.Part, r.Line)
				}
				got[r.Part+"|"+r.Column]++
			}
			for k, n := range got {
				if n != tc.refusals[k] {
					t.Errorf("refusals in %s: got %d, want %d", k, n, tc.refusals[k])
				}
			}
		})
	}
}

// TestAnnexACodeSpellings pins the spellings of coded Annex A answers that
// case management systems export (liia's Annex A schema) and the answers
// that are refused.
func TestAnnexACodeSpellings(t *testing.T) {
	tests := []struct {
		name string
		cs   *CodeSet
		raw  string
		want string // "" = refused
	}{
		{"need with system code", needCodes, "1ABUSNEG - Abuse or Neglect", "N1"},
		{"need with census code", needCodes, "N1 - Abuse / Neglect", "N1"},
		{"need with curly apostrophe", needCodes, "N2 - Child\u2019s disability", "N2"},
		{"need in other word order", needCodes, "N3 - Parental disability or illness", "N3"},
		{"need system code alone", needCodes, "5FAMDYSF - Family Dysfunction", "N5"},
		{"need letter prefix", needCodes, "h) Absent parenting", "N8"},
		{"adult support reason refused", needCodes, "PSRMEM - Support with memory and cognition", ""},
		{"support yes", assessedSupportCodes, "a) Yes", "Y"},
		{"support numbered no", assessedSupportCodes, "0 - No", "N"},
		{"support updated", assessedSupportCodes, "CS Assessment Updated", "UPDATED"},
		{"updated is not a yes/no answer", yesNoCodes, "CS Assessment Updated", ""},
		{"route step across", cafRouteCodes, "Step across from MASH", "STEP_ACROSS_MASH"},
		{"route step down from LCS", cafRouteCodes, "Step down from LCS", "STEP_DOWN_SOCIAL_CARE"},
		{"closure step up", cafClosureCodes, "Step up to social care", "STEP_UP"},
		{"assessment type", assessmentTypeCodes, "Subsequent", "SUBSEQUENT"},
		{"assessment outcome", assessmentOutcomeCodes, "No further action", "NFA"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tc.cs.Lookup(tc.raw)
			if !ok {
				got = ""
			}
			if got != tc.want {
				t.Errorf("Lookup(%q): got %q, want %q", tc.raw, got, tc.want)
			}
		})
	}
}

// TestEarlyHelpEpisodeEndBeforeStart refuses an episode closed, or its
// assessment agreed, before it started, with a reason naming both dates.
func TestEarlyHelpEpisodeEndBeforeStart(t *testing.T) {
	_, conn := stagingDB(t)
	body := "Episode ID,Child ID,Episode Start Date,Referral Route,Assessment Agreed Date," +
		"Episode Closure Date,Closure Reason\r\n" +
		"E1,C1,01/03/2026,Step across from MASH,20/03/2026,,\r\n" +
		"E2,C2,10/03/2026,Step down from social care,,09/03/2026,Outcomes met\r\n" +
		"E3,C3,10/03/2026,Other,05/03/2026,,\r\n"
	res, rejects, err := stageBytes(t, conn, "caf_episodes.csv", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind.Name != "caf_episodes" {
		t.Fatalf("got kind %s, want caf_episodes", res.Kind.Name)
	}
	if res.RowsRead != 3 || res.RowsStaged != 1 || res.RowsRefused != 2 {
		t.Errorf("got read %d staged %d refused %d, want 3, 1, 2",
			res.RowsRead, res.RowsStaged, res.RowsRefused)
	}
	for _, r := range rejects {
		if !strings.Contains(r.Reason, "before") {
			t.Errorf("line %d: got reason %q, want one saying which date is before which",
				r.Line, r.Reason)
		}
	}
}
