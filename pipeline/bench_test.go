package pipeline_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scorecard/extract"
	"scorecard/load"
	"scorecard/pipeline"
	"scorecard/synth"
)

// The benchmarks measure scorecard against raw DuckDB on the same files, and
// report the ratio as x_raw_duckdb: 3.0 means three times as long as DuckDB
// reading the files with read_csv and no checks at all. That baseline does
// no validation, hashing, refusal ledger, model, indicators or publishing, so
// the ratio is the price of all of those.

// rawLoad times DuckDB loading every CSV file of dir into its own table.
func rawLoad(b *testing.B, dir string) time.Duration {
	b.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no CSV files in %s: %v", dir, err)
	}
	db, err := load.Open(filepath.Join(b.TempDir(), "raw.duckdb"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	start := time.Now()
	for i, f := range files {
		q := fmt.Sprintf("CREATE TABLE t%d AS SELECT * FROM read_csv('%s', all_varchar = true)",
			i, strings.ReplaceAll(f, "'", "''"))
		if _, err := db.Exec(q); err != nil {
			b.Fatalf("raw DuckDB load of %s: %v", f, err)
		}
	}
	if _, err := db.Exec("CHECKPOINT"); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// BenchmarkStageVersusDuckDB stages one 500,000-row contacts export.
func BenchmarkStageVersusDuckDB(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "contacts.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("Contact ID,Child ID,Date of Contact,Contact Source,Final BRAG,Contact Outcome\n")
	for i := 0; i < 500_000; i++ {
		fmt.Fprintf(w, "K%07d,C%06d,%02d/%02d/2026,6,Amber,NFA\n", i, i%60000, 1+i%28, 1+i%12)
	}
	w.Flush()
	f.Close()
	hasher, err := extract.NewHasher([]byte("benchmark-key-not-a-secret"))
	if err != nil {
		b.Fatal(err)
	}
	var ours, raw time.Duration
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		db, err := load.Open(filepath.Join(b.TempDir(), "s.duckdb"))
		if err != nil {
			b.Fatal(err)
		}
		if err := extract.CreateStaging(context.Background(), db, extract.Kinds()); err != nil {
			b.Fatal(err)
		}
		conn, err := db.Conn(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		_, err = extract.Stage(context.Background(), conn, path, extract.Options{FileID: 1,
			Hasher: hasher, Kinds: extract.Kinds(), OnReject: func(extract.Reject) error { return nil }})
		if err != nil {
			b.Fatal(err)
		}
		ours += time.Since(start)
		conn.Close()
		db.Close()
		b.StopTimer()
		raw += rawLoad(b, dir)
		b.StartTimer()
	}
	b.ReportMetric(float64(ours)/float64(raw), "x_raw_duckdb")
	b.ReportMetric(float64(ours.Milliseconds())/float64(b.N), "ms/stage")
}

// BenchmarkDemoCouncilRun runs the whole pipeline on the default synthetic
// council (about 208,000 rows in 60 files) into a new warehouse.
func BenchmarkDemoCouncilRun(b *testing.B) {
	inbox := b.TempDir()
	asOf := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	if _, err := synth.Generate(inbox, synth.DefaultConfig(asOf)); err != nil {
		b.Fatal(err)
	}
	var ours, raw time.Duration
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		_, err := pipeline.Run(context.Background(), pipeline.Config{Inbox: inbox,
			Warehouse: filepath.Join(b.TempDir(), "w.duckdb"),
			Key:       []byte("benchmark-key-not-a-secret"), AsOf: asOf})
		if err != nil {
			b.Fatal(err)
		}
		ours += time.Since(start)
		b.StopTimer()
		raw += rawLoad(b, inbox)
		b.StartTimer()
	}
	b.ReportMetric(float64(ours)/float64(raw), "x_raw_duckdb")
}
