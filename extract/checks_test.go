package extract

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func TestUniqueColumnsRefuseRepeats(t *testing.T) {
	_, conn := stagingDB(t)
	k := kind("unique_test", "a test kind",
		col("case_key", "Case ID", ID, req|notNull),
		col("count", "Count", Int, req|positive),
	)
	k.Unique = []string{"case_key"}
	if err := CreateStaging(context.Background(), conn, []*Kind{k}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "u.csv")
	body := "Case ID,Count\nA1,3\nA2,0\nA1,4\n0123.0,5\n0123,6\n1.23E+02,7\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	var rejects []Reject
	res, err := Stage(context.Background(), conn, path, Options{FileID: 1, Hasher: testHasher,
		Kinds: []*Kind{k}, OnReject: func(r Reject) error { rejects = append(rejects, r); return nil }})
	if err != nil {
		t.Fatal(err)
	}
	// Line 2 A1 staged; line 3 count 0 refused; line 4 repeats A1 of line 2;
	// line 5 "0123.0" is 0123, staged; line 6 "0123" repeats it; line 7 is
	// in scientific notation, refused: 2 staged, 4 refused.
	if res[0].RowsStaged != 2 || res[0].RowsRefused != 4 {
		t.Fatalf("got %d staged, %d refused, want 2 and 4: %+v", res[0].RowsStaged,
			res[0].RowsRefused, rejects)
	}
	// Repeats are found once the file is staged, so they come last.
	sort.Slice(rejects, func(i, j int) bool { return rejects[i].Line < rejects[j].Line })
	want := []struct {
		line   int64
		reason string
	}{
		{3, "0 is not above zero"},
		{4, "repeats the row of line 2"},
		{6, "repeats the row of line 5"},
		{7, "scientific notation"},
	}
	for i, w := range want {
		if rejects[i].Line != w.line || !strings.Contains(rejects[i].Reason, w.reason) {
			t.Errorf("reject %d: got line %d %q, want line %d containing %q", i,
				rejects[i].Line, rejects[i].Reason, w.line, w.reason)
		}
	}
}

func TestReasonsNeverRepeatPostcodesOrIdentifiers(t *testing.T) {
	_, conn := stagingDB(t)
	body := []byte("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,HOME_POST\n" +
		"C1,01/01/2026,S,C2,N1,U1,PR1,,,QX9 9ZY extra\n" +
		"#N/A,01/01/2026,S,C2,N1,U1,PR1,,,\n")
	_, rejects, err := stageBytes(t, conn, "e.csv", body)
	if err != nil {
		t.Fatal(err)
	}
	if len(rejects) != 2 {
		t.Fatalf("got %+v, want two refusals", rejects)
	}
	for _, r := range rejects {
		if strings.Contains(r.Reason, "QX9") || strings.Contains(r.Value, "QX9") {
			t.Errorf("a refusal repeats the postcode: %+v", r)
		}
	}
	if !strings.Contains(rejects[1].Reason, "holds #N/A") {
		t.Errorf("got %q, want the reason to name the #N/A marker", rejects[1].Reason)
	}
}

func TestPopulationRefusesRepeatsAndZero(t *testing.T) {
	_, conn := stagingDB(t)
	body := []byte("Mid-year,Population aged 0 to 17,Source\n" +
		"2025,1000,ONS\n2025,1200,ONS revised\n2026,0,typing slip\n")
	res, rejects, err := stageBytes(t, conn, "population.csv", body)
	if err != nil {
		t.Fatal(err)
	}
	// Line 2 staged; line 3 repeats mid-year 2025; line 4 is zero.
	sort.Slice(rejects, func(i, j int) bool { return rejects[i].Line < rejects[j].Line })
	if res.RowsStaged != 1 || res.RowsRefused != 2 || len(rejects) != 2 ||
		rejects[0].Line != 3 || rejects[1].Line != 4 {
		t.Errorf("got %d staged, %d refused, rejects %+v; want 1, 2, lines 3 and 4",
			res.RowsStaged, res.RowsRefused, rejects)
	}
}
