package pipeline_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scorecard/load"
	"scorecard/pipeline"
)

var testKey = []byte("pipeline-test-key-not-secret")

var asOf = time.Date(2026, 4, 15, 0, 0, 0, 0, time.UTC)

// inbox copies fixture folders from testdata/pipeline into a fresh inbox.
func inbox(t *testing.T, folders ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "inbox")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range folders {
		addFiles(t, dir, f)
	}
	return dir
}

func addFiles(t *testing.T, dir, folder string) {
	t.Helper()
	src := filepath.Join("..", "testdata", "pipeline", folder)
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func config(in, wh string) pipeline.Config {
	return pipeline.Config{Inbox: in, Warehouse: wh, Key: testKey, AsOf: asOf}
}

func open(t *testing.T, wh string) *sql.DB {
	t.Helper()
	db, err := load.OpenReadOnly(wh)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func queryInt(t *testing.T, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// facts fingerprints the indicator values, so two runs can be compared.
func facts(t *testing.T, wh string) string {
	t.Helper()
	db := open(t, wh)
	var s sql.NullString
	err := db.QueryRow(`SELECT md5(string_agg(
		indicator_id || '|' || period_id || '|' || breakdown || '|' ||
		coalesce(numerator::VARCHAR, '-') || '|' || coalesce(value::VARCHAR, '-'), ';'
		ORDER BY indicator_id, period_id, breakdown)) FROM fact_indicator`).Scan(&s)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	return s.String
}

func fileSum(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestRunRefusesBadRowAndLoadsTheRest(t *testing.T) {
	in := inbox(t, "basic")
	wh := filepath.Join(t.TempDir(), "w.duckdb")
	sum, err := pipeline.Run(context.Background(), config(in, wh))
	if err != nil {
		t.Fatal(err)
	}
	read, staged, refused, quarantined := sum.Totals()
	// contacts.csv: 4 rows, K003 dated 31/02/2026; population.csv: 1 row.
	if read != 5 || staged != 4 || refused != 1 || quarantined != 0 {
		t.Errorf("got read %d staged %d refused %d quarantined %d, want 5 4 1 0",
			read, staged, refused, quarantined)
	}
	db := open(t, wh)
	var line int
	var column, raw, reason string
	err = db.QueryRow(`SELECT line, column_name, raw_value, reason FROM etl_reject
		WHERE file_name = 'contacts.csv'`).Scan(&line, &column, &raw, &reason)
	if err != nil {
		t.Fatal(err)
	}
	if line != 4 || column != "Date of Contact" || raw != "31/02/2026" ||
		!strings.Contains(reason, "does not exist") {
		t.Errorf("got reject line %d column %q value %q reason %q, "+
			"want line 4, Date of Contact, 31/02/2026, a reason saying it does not exist",
			line, column, raw, reason)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM etl_file
		WHERE rows_read <> rows_staged + rows_refused`); n != 0 {
		t.Errorf("got %d files whose counts do not add up, want 0", n)
	}
	// February 2026 has K001 and K002; K003 was refused.
	if n := queryInt(t, db, `SELECT value FROM indicator_values
		WHERE indicator_id = 'CCA4' AND period_label = '2026-02'`); n != 2 {
		t.Errorf("CCA4 2026-02: got %d, want 2", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM etl_run WHERE status = 'succeeded'`); n != 1 {
		t.Errorf("got %d succeeded runs, want 1", n)
	}
}

func TestRunTwiceChangesNothing(t *testing.T) {
	in := inbox(t, "basic")
	wh := filepath.Join(t.TempDir(), "w.duckdb")
	if _, err := pipeline.Run(context.Background(), config(in, wh)); err != nil {
		t.Fatal(err)
	}
	first := facts(t, wh)
	sum, err := pipeline.Run(context.Background(), config(in, wh))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range sum.Files {
		if f.Status != pipeline.StatusAlreadyLoaded {
			t.Errorf("%s: got status %q on the second run, want %q", f.Name, f.Status,
				pipeline.StatusAlreadyLoaded)
		}
	}
	if second := facts(t, wh); second != first {
		t.Errorf("indicator values changed on a re-run: got %s, want %s", second, first)
	}
	db := open(t, wh)
	if n := queryInt(t, db, "SELECT count(*) FROM stg_contacts"); n != 3 {
		t.Errorf("got %d staged contacts after two runs, want 3", n)
	}
	if n := queryInt(t, db, "SELECT count(*) FROM etl_reject"); n != 1 {
		t.Errorf("got %d rejects after two runs, want 1", n)
	}
	if n := queryInt(t, db, "SELECT count(*) FROM etl_run WHERE status = 'unchanged'"); n != 1 {
		t.Errorf("got %d unchanged runs, want 1", n)
	}
}

func TestNewFileAddsOnlyWhatItBrings(t *testing.T) {
	in := inbox(t, "basic")
	wh := filepath.Join(t.TempDir(), "w.duckdb")
	if _, err := pipeline.Run(context.Background(), config(in, wh)); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join("..", "testdata", "pipeline", "extra", "late_contacts.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "late_contacts.csv"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.Run(context.Background(), config(in, wh)); err != nil {
		t.Fatal(err)
	}
	db := open(t, wh)
	// February 2026: K001, K002 and now K005.
	if n := queryInt(t, db, `SELECT value FROM indicator_values
		WHERE indicator_id = 'CCA4' AND period_label = '2026-02'`); n != 3 {
		t.Errorf("CCA4 2026-02: got %d, want 3", n)
	}
	if n := queryInt(t, db, "SELECT count(*) FROM etl_file"); n != 3 {
		t.Errorf("got %d files in etl_file, want 3", n)
	}
}

func TestUnknownFileIsQuarantinedAndTheRunGoesOn(t *testing.T) {
	in := inbox(t, "basic")
	addFiles(t, in, "extra")
	dir := t.TempDir()
	wh := filepath.Join(dir, "w.duckdb")
	sum, err := pipeline.Run(context.Background(), config(in, wh))
	if !errors.Is(err, pipeline.ErrNeedsAttention) {
		t.Fatalf("got error %v, want ErrNeedsAttention", err)
	}
	_, staged, _, quarantined := sum.Totals()
	if quarantined != 1 || staged != 5 {
		t.Errorf("got %d quarantined and %d staged, want 1 and 5", quarantined, staged)
	}
	note, err := os.ReadFile(filepath.Join(dir, "quarantine", "notes.csv.reason.txt"))
	if err != nil {
		t.Fatalf("the reason file is missing: %v", err)
	}
	if !strings.Contains(string(note), "match no known export") {
		t.Errorf("got reason %q, want it to say the columns match no known export", note)
	}
	if _, err := os.Stat(filepath.Join(in, "notes.csv")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("notes.csv is still in the inbox, want it moved to quarantine")
	}
	db := open(t, wh)
	if n := queryInt(t, db, "SELECT count(*) FROM etl_quarantine"); n != 1 {
		t.Errorf("got %d rows in etl_quarantine, want 1", n)
	}
}

func TestFailedRunLeavesTheWarehouseAsItWas(t *testing.T) {
	in := inbox(t, "basic")
	wh := filepath.Join(t.TempDir(), "w.duckdb")
	if _, err := pipeline.Run(context.Background(), config(in, wh)); err != nil {
		t.Fatal(err)
	}
	before := facts(t, wh)
	addFiles(t, in, "extra")
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the run is stopped before it can finish
	if _, err := pipeline.Run(ctx, config(in, wh)); !errors.Is(err, context.Canceled) {
		t.Fatalf("got error %v, want context.Canceled", err)
	}
	if after := facts(t, wh); after != before {
		t.Errorf("indicator values changed after a failed run")
	}
	db := open(t, wh)
	if n := queryInt(t, db, "SELECT count(*) FROM etl_file"); n != 2 {
		t.Errorf("got %d files in etl_file after a failed run, want 2", n)
	}
	if n := queryInt(t, db, "SELECT count(*) FROM etl_run WHERE status = 'failed'"); n != 1 {
		t.Errorf("got %d failed runs in the ledger, want 1", n)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(wh), ".w.duckdb.building")); err == nil {
		t.Errorf("the working file was left behind")
	}
}

func TestReaderKeepsItsVersionWhileARunPublishes(t *testing.T) {
	in := inbox(t, "basic")
	wh := filepath.Join(t.TempDir(), "w.duckdb")
	if _, err := pipeline.Run(context.Background(), config(in, wh)); err != nil {
		t.Fatal(err)
	}
	reader := open(t, wh)
	addFiles(t, in, "extra")
	if _, err := pipeline.Run(context.Background(), config(in, wh)); err != nil &&
		!errors.Is(err, pipeline.ErrNeedsAttention) {
		t.Fatalf("a run with a reader holding the warehouse open: %v", err)
	}
	if n := queryInt(t, reader, "SELECT count(*) FROM etl_file"); n != 2 {
		t.Errorf("the open reader sees %d files, want the 2 of the version it opened", n)
	}
	// DuckDB shares one instance per path within a process, so the file on
	// disk is read through a copy, as another program would see it.
	cp := filepath.Join(t.TempDir(), "copy.duckdb")
	b, err := os.ReadFile(wh)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cp, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if n := queryInt(t, open(t, cp), "SELECT count(*) FROM etl_file"); n != 3 {
		t.Errorf("the published file has %d files, want 3", n)
	}
}

func TestSecondRunAtOnceIsRefused(t *testing.T) {
	in := inbox(t, "basic")
	wh := filepath.Join(t.TempDir(), "w.duckdb")
	started := make(chan struct{})
	release := make(chan struct{})
	cfg := config(in, wh)
	once := false
	cfg.Progress = func(e pipeline.Event) {
		if !once && e.Step == "stage" {
			once = true
			close(started)
			<-release
		}
	}
	done := make(chan error)
	go func() {
		_, err := pipeline.Run(context.Background(), cfg)
		done <- err
	}()
	<-started
	_, err := pipeline.Run(context.Background(), config(in, wh))
	close(release)
	if !errors.Is(err, pipeline.ErrLocked) {
		t.Errorf("got %v for a second run at once, want ErrLocked", err)
	}
	if err := <-done; err != nil {
		t.Errorf("the first run: %v", err)
	}
}

func TestMissingKeyIsRefused(t *testing.T) {
	cfg := config(inbox(t, "basic"), filepath.Join(t.TempDir(), "w.duckdb"))
	cfg.Key = []byte("short")
	if _, err := pipeline.Run(context.Background(), cfg); err == nil ||
		!strings.Contains(err.Error(), "16 bytes") {
		t.Errorf("got %v, want an error saying the key is shorter than 16 bytes", err)
	}
}

func TestAnotherKeyIsRefused(t *testing.T) {
	in := inbox(t, "basic")
	wh := filepath.Join(t.TempDir(), "w.duckdb")
	if _, err := pipeline.Run(context.Background(), config(in, wh)); err != nil {
		t.Fatal(err)
	}
	before := facts(t, wh)
	cfg := config(in, wh)
	cfg.Key = []byte("a-different-key-for-the-same-warehouse")
	if _, err := pipeline.Run(context.Background(), cfg); !errors.Is(err, pipeline.ErrWrongKey) {
		t.Fatalf("got %v for a run with another key, want ErrWrongKey", err)
	}
	if after := facts(t, wh); after != before {
		t.Errorf("a run with another key changed the indicator values")
	}
}

// TestNewerExportWinsWhateverItsName stages two exports of the same contacts
// in one run: the one modified later wins, though its name sorts first.
func TestNewerExportWinsWhateverItsName(t *testing.T) {
	in := inbox(t)
	header := "Contact ID,Child ID,Date of Contact,Contact Source,Final BRAG,Contact Outcome\n"
	older := header + "K1,C1,03/02/2026,6,Red,NFA\n"
	newer := header + "K1,C1,03/02/2026,6,Green,Referral to social care\n"
	write := func(name, body string, mod time.Time) {
		p := filepath.Join(in, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	write("b_october.csv", older, time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC))
	write("a_november.csv", newer, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))
	wh := filepath.Join(t.TempDir(), "w.duckdb")
	if _, err := pipeline.Run(context.Background(), config(in, wh)); err != nil {
		t.Fatal(err)
	}
	db := open(t, wh)
	var brag string
	if err := db.QueryRow("SELECT final_brag FROM fact_contact").Scan(&brag); err != nil {
		t.Fatal(err)
	}
	if brag != "Green" {
		t.Errorf("got final BRAG %s, want Green from the newer export", brag)
	}
}
