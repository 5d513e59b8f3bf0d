package extract

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// TestLargeFileInBoundedMemory stages a million-row export whose one quoted
// line break sits near the end, and checks that the Go heap stays small:
// rows stream from the file to DuckDB's appender and are never all held.
func TestLargeFileInBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("the million-row file takes a few seconds; run without -short")
	}
	const rows = 1_000_000
	path := filepath.Join(t.TempDir(), "contacts_big.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString(contactsHeader)
	outcomes := []string{"NFA", "Referral to social care", "NFA - signposting"}
	for i := 0; i < rows; i++ {
		day := 1 + i%28
		if i == rows-10 {
			// A quoted field with a line break and a comma inside it.
			fmt.Fprintf(w, "K%07d,C%06d,%02d/03/2026,6,Red,\"Referral to social care\"\r\n", i, i%50000, day)
			fmt.Fprintf(w, "K%07d,\"C%06d\",%02d/03/2026,6,\"Re\nd\",NFA\r\n", i+rows, i%50000, day)
			continue
		}
		fmt.Fprintf(w, "K%07d,C%06d,%02d/03/2026,6,Amber,%s\r\n", i, i%50000, day, outcomes[i%3])
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	_, conn := stagingDB(t)
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	var rejects []Reject
	res, err := Stage(context.Background(), conn, path, Options{FileID: 1, Hasher: testHasher,
		Kinds: Kinds(), OnReject: func(r Reject) error { rejects = append(rejects, r); return nil }})
	close(stop)
	<-done
	if err != nil {
		t.Fatal(err)
	}
	r := res[0]
	// rows+1 records: the quoted break makes the last-but-ten row two
	// records, of which the second has the BRAG "Re\nd", refused.
	if r.RowsRead != rows+1 || r.RowsStaged != rows || r.RowsRefused != 1 {
		t.Errorf("got %d read, %d staged, %d refused; want %d, %d, 1", r.RowsRead, r.RowsStaged,
			r.RowsRefused, rows+1, rows)
	}
	// The refused record starts on the line after the last-but-ten row:
	// header (1) + rows-10 rows before it + that row = line rows-10+2+1.
	if len(rejects) != 1 || rejects[0].Line != rows-10+3 {
		t.Errorf("got rejects %+v, want one on line %d", rejects, rows-10+3)
	}
	const limit = 64 << 20
	if p := peak.Load(); p > limit {
		t.Errorf("peak Go heap %d MiB, want under %d MiB", p>>20, limit>>20)
	}
	t.Logf("peak Go heap %d MiB for %d rows", peak.Load()>>20, rows)
}
