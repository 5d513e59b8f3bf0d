package extract

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	_ "github.com/duckdb/duckdb-go/v2"
)

var testHasher, _ = NewHasher([]byte("extract-test-key-not-secret"))

func stagingDB(t *testing.T) (*sql.DB, *sql.Conn) {
	t.Helper()
	db, err := sql.Open("duckdb", filepath.Join(t.TempDir(), "s.duckdb")+
		"?autoinstall_known_extensions=false&autoload_known_extensions=false")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := CreateStaging(context.Background(), db, Kinds()); err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return db, conn
}

func stageBytes(t *testing.T, conn *sql.Conn, name string, body []byte) (*Result, []Reject, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, body, 0o644); err != nil {
		t.Fatal(err)
	}
	var rejects []Reject
	res, err := Stage(context.Background(), conn, path, Options{FileID: 1, Hasher: testHasher,
		Kinds: Kinds(), OnReject: func(r Reject) error { rejects = append(rejects, r); return nil }})
	if err != nil {
		return nil, rejects, err
	}
	if len(res) != 1 {
		t.Fatalf("got %d results for a text file, want 1", len(res))
	}
	return res[0], rejects, nil
}

const contactsHeader = "Contact ID,Child ID,Date of Contact,Contact Source,Final BRAG,Contact Outcome\r\n"

func utf16LE(s string) []byte {
	out := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func TestStageAccounting(t *testing.T) {
	tests := []struct {
		name            string
		file            string
		body            []byte
		kind            string
		staged, refused int64
	}{
		{"plain", "c.csv", []byte(contactsHeader +
			"K1,C1,01/02/2026,6,Red,NFA\r\nK2,C2,02/02/2026,6,Blue,NFA\r\n"), "contacts", 2, 0},
		{"bom and lf", "c.csv", []byte("\ufeff" + strings.ReplaceAll(contactsHeader, "\r\n", "\n") +
			"K1,C1,01/02/2026,6,Red,NFA\n"), "contacts", 1, 0},
		{"utf-16", "c.csv", utf16LE(contactsHeader + "K1,C1,01/02/2026,6,Red,NFA\r\n"),
			"contacts", 1, 0},
		{"windows-1252 with a pound sign", "v.csv", []byte("Local authority,Library name," +
			"Count start,Count end,Count type,Visits\r\nBarnet,Caf\xe9 \xa3 Library,2026-01-05," +
			"2026-01-05,Automatic counter,12\r\n"), "library_visits", 1, 0},
		{"windows-1252 curly quotes in a heading", "l8.csv", []byte("Child Unique ID," +
			"Date Started to be Looked After,Number of Episodes the Child has been \x91Missing\x92 " +
			"from their Placement in the last 12 months\r\nC1,01/02/2026,2\r\n"),
			"annexa_l8", 1, 0},
		{"semicolons", "c.csv", []byte(strings.ReplaceAll(contactsHeader, ",", ";") +
			"K1;C1;01/02/2026;6;Red;NFA\r\n"), "contacts", 1, 0},
		{"tabs", "c.tsv", []byte(strings.ReplaceAll(contactsHeader, ",", "\t") +
			"K1\tC1\t01/02/2026\t6\tRed\tNFA\r\n"), "contacts", 1, 0},
		{"repeated header and blank lines", "c.csv", []byte(contactsHeader +
			"K1,C1,01/02/2026,6,Red,NFA\r\n\r\n,,,,,\r\n" + contactsHeader +
			"K2,C2,02/02/2026,6,Red,NFA\r\n"), "contacts", 2, 0},
		{"quoted newline and comma", "e.csv", []byte("Local authority,Library name,Event date," +
			"Name,Main outcome,Secondary outcome,Attendees\n" +
			"Barnet,Burnt Oak,2026-01-12,\"Rhyme time,\nwith songs\",,,11\n" +
			"Barnet,Burnt Oak,2026-01-13,Reading group,,,8\n"), "library_events", 2, 0},
		{"excel artefacts", "c.csv", []byte(contactsHeader +
			"=\"0123\",C1,46054,6,Red,NFA\r\nK2,C2,#VALUE!,6,Red,NFA\r\nK3,#N/A,01/02/2026,6,Red,NFA\r\n"),
			"contacts", 1, 2},
		{"trailing delimiter and short row", "c.csv", []byte(contactsHeader[:len(contactsHeader)-2] +
			",\r\nK1,C1,01/02/2026,6,Red,NFA,\r\nK2,C2,01/02/2026\r\n"), "contacts", 2, 0},
		{"bad date and bad code", "c.csv", []byte(contactsHeader +
			"K1,C1,31/02/2026,6,Red,NFA\r\nK2,C2,01/02/2026,6,Purple,NFA\r\n"), "contacts", 0, 2},
		{"suppressed count", "v.csv", []byte("Local authority,Library name,Count start,Count end," +
			"Count type,Visits\nBarnet,Chipping Barnet,2026-01-05,2026-01-05,Manual,x\n"),
			"library_visits", 1, 0},
		{"end before start", "v.csv", []byte("Local authority,Library name,Count start,Count end," +
			"Count type,Visits\nBarnet,Chipping Barnet,2026-01-05,2026-01-04,Manual,3\n"),
			"library_visits", 0, 1},
		{"title rows above the header", "c.csv", []byte("Contacts export\r\nRun 04/12/2026\r\n" +
			contactsHeader + "K1,C1,01/02/2026,6,Red,NFA\r\n"), "contacts", 1, 0},
		{"stray quote inside a field", "c.csv", []byte(contactsHeader +
			"K1,C1,01/02/2026,6,Red,NFA\r\nK2,C\"2,01/02/2026,6,Red,NFA\r\nK3,C3,01/02/2026,6,Red,NFA\r\n"),
			"contacts", 3, 0},
		{"wide monthly with 2023-1 headings", "monthly-visits.csv", []byte("Library,2022-12,2023-1,2023-2\r\n" +
			"City,100,110,x\r\nJesmond,5,,7\r\n"), "library_visits_wide", 5, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, conn := stagingDB(t)
			res, rejects, err := stageBytes(t, conn, tc.file, tc.body)
			if err != nil {
				t.Fatal(err)
			}
			if res.Kind.Name != tc.kind {
				t.Errorf("got kind %s, want %s", res.Kind.Name, tc.kind)
			}
			if res.RowsStaged != tc.staged || res.RowsRefused != tc.refused {
				t.Errorf("got %d staged and %d refused, want %d and %d (rejects %+v)",
					res.RowsStaged, res.RowsRefused, tc.staged, tc.refused, rejects)
			}
			if len(res.ExtraColumns) > 0 {
				t.Errorf("headings not matched: %q", res.ExtraColumns)
			}
			if res.RowsRead != res.RowsStaged+res.RowsRefused {
				t.Errorf("rows read %d is not staged %d + refused %d", res.RowsRead,
					res.RowsStaged, res.RowsRefused)
			}
			var n int64
			q := "SELECT count(*) FROM " + res.Kind.Table
			if err := conn.QueryRowContext(context.Background(), q).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != tc.staged {
				t.Errorf("got %d rows in %s, want %d", n, res.Kind.Table, tc.staged)
			}
			for _, r := range rejects {
				if r.Line < 1 || r.Column == "" || r.Reason == "" {
					t.Errorf("a reject lacks its line, column or reason: %+v", r)
				}
			}
		})
	}
}

func TestStageKeepsDatesAndHashesIdentifiers(t *testing.T) {
	_, conn := stagingDB(t)
	body := []byte(contactsHeader + "K1,0123,01/02/2026,6,Red,NFA\r\nK2,123,46054,6,Red,NFA\r\n")
	if _, _, err := stageBytes(t, conn, "c.csv", body); err != nil {
		t.Fatal(err)
	}
	rows, err := conn.QueryContext(context.Background(),
		"SELECT child_key, strftime(contact_date, '%d/%m/%Y') FROM stg_contacts ORDER BY _line")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var key, date string
		if err := rows.Scan(&key, &date); err != nil {
			t.Fatal(err)
		}
		if date != "01/02/2026" {
			t.Errorf("got date %s, want 01/02/2026", date)
		}
		if key == "0123" || key == "123" || len(key) != 32 {
			t.Errorf("got child key %q, want a 32-digit keyed hash", key)
		}
		keys = append(keys, key)
	}
	if len(keys) != 2 || keys[0] == keys[1] {
		t.Errorf("got keys %v: 0123 and 123 must be different children", keys)
	}
}

func TestRejectWithholdsIdentifiers(t *testing.T) {
	_, conn := stagingDB(t)
	body := []byte(contactsHeader + "K1,,01/02/2026,6,Red,NFA\r\n")
	_, rejects, err := stageBytes(t, conn, "c.csv", body)
	if err != nil {
		t.Fatal(err)
	}
	if len(rejects) != 1 || rejects[0].Column != "Child ID" {
		t.Fatalf("got rejects %+v, want one for Child ID", rejects)
	}
	body = []byte("Contact ID,Child ID,Date of Contact,Final BRAG,Contact Outcome\n" +
		"K1,C1,01/02/2026,Red,Unheard of\n")
	_, rejects, err = stageBytes(t, conn, "c.csv", body)
	if err != nil {
		t.Fatal(err)
	}
	if len(rejects) != 1 || !strings.Contains(rejects[0].Reason, "accepted: NFA") {
		t.Errorf("got %+v, want a reason listing the accepted outcomes", rejects)
	}
	body = []byte("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,HOME_POST\n" +
		"C1,01/01/2026,S,C2,N1,U1,PR1,,,NOT 4 POSTCODE\n")
	_, rejects, err = stageBytes(t, conn, "e.csv", body)
	if err != nil {
		t.Fatal(err)
	}
	if len(rejects) != 1 || rejects[0].Value != withheldPostcode {
		t.Errorf("got %+v, want the refused postcode withheld", rejects)
	}
}

func TestStageQuarantinesWholeFiles(t *testing.T) {
	tests := []struct {
		name, file string
		body       []byte
		reason     string
	}{
		{"unknown columns", "x.csv", []byte("Meeting,Room\nBrief,4\n"), "match no known export"},
		{"missing required column", "c.csv",
			[]byte("Contact ID,Child ID,Contact Source,Final BRAG,Contact Outcome\nK1,C1,6,Red,NFA\n"),
			"lacks the required column(s) \"Date of Contact\""},
		{"empty", "e.csv", []byte(""), "cannot be read"},
		{"binary", "b.csv", []byte("PK\x03\x04\x00\x00binary"), "cannot be read"},
		{"wide file without a telling name", "monthly.csv",
			[]byte("Library,2023-01,2023-02,2023-03\nCity,1,2,3\n"), "told apart by name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, conn := stagingDB(t)
			_, _, err := stageBytes(t, conn, tc.file, tc.body)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("got %v, want a FileError", err)
			}
			if !strings.Contains(fe.Reason, tc.reason) {
				t.Errorf("got reason %q, want it to contain %q", fe.Reason, tc.reason)
			}
		})
	}
}

// FuzzStage checks that no input makes the reader panic or breaks the
// accounting rows read = rows staged + rows refused.
func FuzzStage(f *testing.F) {
	f.Add([]byte(contactsHeader + "K1,C1,01/02/2026,6,Red,NFA\r\n"))
	f.Add([]byte(contactsHeader + "K1,\"C\n1\",31/02/2026,6,Red,NFA\r\nK2,C2,x,,,\r\n"))
	f.Add([]byte("Library,2023-01,2023-2\nCity,1,x\n"))
	f.Add([]byte("CHILD,DECOM,RNE,LS,CIN,PLACE,DEC,REC\n1,01/01/2020,S,C2,N1,U1,,\n"))
	db, err := sql.Open("duckdb", filepath.Join(f.TempDir(), "f.duckdb")+
		"?autoinstall_known_extensions=false&autoload_known_extensions=false")
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	if err := CreateStaging(context.Background(), db, Kinds()); err != nil {
		f.Fatal(err)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, body []byte) {
		conn, err := db.Conn(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		path := filepath.Join(dir, "monthly-visits.csv")
		if err := os.WriteFile(path, body, 0o644); err != nil {
			t.Fatal(err)
		}
		var rejects int64
		results, err := Stage(context.Background(), conn, path, Options{FileID: 1,
			Hasher: testHasher, Kinds: Kinds(),
			OnReject: func(Reject) error { rejects++; return nil }})
		var fe *FileError
		if errors.As(err, &fe) {
			return
		}
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		res := results[0]
		if res.RowsRead != res.RowsStaged+res.RowsRefused {
			t.Fatalf("rows read %d != staged %d + refused %d", res.RowsRead, res.RowsStaged,
				res.RowsRefused)
		}
		if rejects < res.RowsRefused {
			t.Fatalf("%d refused rows but only %d rejects", res.RowsRefused, rejects)
		}
	})
}
