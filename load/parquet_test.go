package load_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/load"
)

func exportTo(t *testing.T, warehouse, dir string) *load.ParquetSummary {
	t.Helper()
	wh, err := load.OpenReadOnly(warehouse)
	if err != nil {
		t.Fatal(err)
	}
	defer wh.Close()
	sum, err := load.ExportParquet(context.Background(), wh, dir)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	return sum
}

func TestExportParquet(t *testing.T) {
	inbox, warehouse := servingWarehouse(t)
	out := filepath.Join(t.TempDir(), "exports", "scorecard")
	sum := exportTo(t, warehouse, out)
	// Closed before the pipeline runs again: while a handle is open, DuckDB
	// opens the same path as the same database, not the file now there.
	duck, err := load.OpenReadOnly(warehouse)
	if err != nil {
		t.Fatal(err)
	}
	defer duck.Close()

	// read returns a DuckDB expression reading one exported table back,
	// partitions and all.
	read := func(name string) string {
		for _, tb := range sum.Tables {
			if tb.Name != name {
				continue
			}
			if len(tb.PartitionedBy) > 0 {
				glob := filepath.Join(out, tb.Path, "**", "*.parquet")
				return "read_parquet('" + glob + "', hive_partitioning = true)"
			}
			return "read_parquet('" + filepath.Join(out, tb.Path) + "')"
		}
		t.Fatalf("%s was not exported", name)
		return ""
	}

	t.Run("every table with all its rows", func(t *testing.T) {
		want := copiedNames(t, duck)
		if len(sum.Tables) != len(want) {
			t.Fatalf("got %d tables, want %d (%v)", len(sum.Tables), len(want), want)
		}
		for _, name := range want {
			wantRows := duckInt(t, duck, "SELECT count(*) FROM "+name)
			gotRows := duckInt(t, duck, "SELECT count(*) FROM "+read(name))
			if gotRows != wantRows {
				t.Errorf("%s: got %d rows, want %d", name, gotRows, wantRows)
			}
		}
	})

	t.Run("indicator facts partitioned by frequency and year", func(t *testing.T) {
		for _, tc := range []struct{ name, sum string }{
			{"fact_indicator", "value"},
			{"fact_indicator_member", "denominator"},
			{"indicator_values", "value"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				var n, partitions int64
				for _, tb := range sum.Tables {
					if tb.Name == tc.name {
						partitions = int64(len(tb.PartitionedBy))
					}
				}
				if partitions != 2 {
					t.Fatalf("got %d partition columns, want 2", partitions)
				}
				n = duckInt(t, duck, "SELECT count(*) FROM "+tc.name)
				if n == 0 {
					t.Fatal("the warehouse has no rows to compare")
				}
				var want, got float64
				q := "SELECT coalesce(sum(" + tc.sum + "), 0) FROM "
				if err := duck.QueryRow(q + tc.name).Scan(&want); err != nil {
					t.Fatal(err)
				}
				if err := duck.QueryRow(q + read(tc.name)).Scan(&got); err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Errorf("sum of %s: got %v, want %v", tc.sum, got, want)
				}
				// Each row's partition agrees with its period.
				check := `SELECT count(*) FROM ` + read(tc.name) + ` AS x
LEFT JOIN dim_period AS p ON p.period_id = x.period_id
WHERE p.frequency IS DISTINCT FROM x.frequency
    OR year(p.period_start) IS DISTINCT FROM x.period_year`
				if tc.name == "indicator_values" {
					check = `SELECT count(*) FROM ` + read(tc.name) + ` AS x
WHERE year(x.period_start) <> x.period_year
    OR x.frequency NOT IN ('day', 'week', 'month', 'quarter', 'year')`
				}
				if wrong := duckInt(t, duck, check); wrong != 0 {
					t.Errorf("got %d rows in the wrong partition, want 0", wrong)
				}
			})
		}
		// Hand-worked: the fixture's values are monthly, February and
		// March 2026, so fact_indicator has one partition folder.
		dirs, _ := filepath.Glob(filepath.Join(out, "fact_indicator", "frequency=*",
			"period_year=*"))
		want := filepath.Join(out, "fact_indicator", "frequency=month", "period_year=2026")
		if len(dirs) != 1 || dirs[0] != want {
			t.Errorf("got partitions %v, want [%s]", dirs, want)
		}
	})

	t.Run("dimensions are single files", func(t *testing.T) {
		for _, name := range []string{"dim_date", "dim_period", "dim_indicator"} {
			st, err := os.Stat(filepath.Join(out, name+".parquet"))
			if err != nil || !st.Mode().IsRegular() {
				t.Errorf("%s.parquet: got %v, want a file", name, err)
			}
		}
	})

	t.Run("manifest", func(t *testing.T) {
		b, err := os.ReadFile(filepath.Join(out, load.ParquetManifest))
		if err != nil {
			t.Fatal(err)
		}
		var m load.ParquetSummary
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		runs := duckInt(t, duck, "SELECT max(run_id) FROM etl_run")
		if m.RunID != runs || len(m.Tables) != len(sum.Tables) {
			t.Errorf("got run %d and %d tables, want %d and %d", m.RunID, len(m.Tables), runs,
				len(sum.Tables))
		}
	})

	t.Run("a second export replaces the first whole", func(t *testing.T) {
		stale := filepath.Join(out, "fact_indicator", "stale.parquet")
		if err := os.WriteFile(stale, []byte("left from before"), 0o644); err != nil {
			t.Fatal(err)
		}
		duck.Close()
		rerunPipeline(t, inbox, warehouse)
		second := exportTo(t, warehouse, out)
		if !second.Replaced {
			t.Error("got Replaced false, want true")
		}
		if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a file of the first export is still there: %v", err)
		}
		fresh := openWarehouse(t, warehouse)
		want := duckInt(t, fresh, "SELECT count(*) FROM etl_run")
		got := duckInt(t, fresh, "SELECT count(*) FROM "+read("etl_run"))
		if got != want || want < 2 {
			t.Errorf("etl_run: got %d rows, want %d", got, want)
		}
		siblings, _ := os.ReadDir(filepath.Dir(out))
		if len(siblings) != 1 {
			var names []string
			for _, s := range siblings {
				names = append(names, s.Name())
			}
			t.Errorf("got %v beside the export, want only it", names)
		}
	})

	t.Run("a failed export leaves the last one", func(t *testing.T) {
		before, err := os.ReadFile(filepath.Join(out, load.ParquetManifest))
		if err != nil {
			t.Fatal(err)
		}
		wh := openWarehouse(t, warehouse)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := load.ExportParquet(ctx, wh, out); err == nil {
			t.Fatal("got no error from a cancelled export")
		}
		after, err := os.ReadFile(filepath.Join(out, load.ParquetManifest))
		if err != nil || string(after) != string(before) {
			t.Errorf("the manifest changed or went (%v)", err)
		}
		siblings, _ := filepath.Glob(out + ".*")
		if len(siblings) != 0 {
			t.Errorf("got %v left beside the export, want nothing", siblings)
		}
	})

	t.Run("a folder that is not an export is refused", func(t *testing.T) {
		mine := filepath.Join(t.TempDir(), "documents")
		if err := os.MkdirAll(mine, 0o755); err != nil {
			t.Fatal(err)
		}
		note := filepath.Join(mine, "notes.txt")
		if err := os.WriteFile(note, []byte("keep me"), 0o644); err != nil {
			t.Fatal(err)
		}
		wh := openWarehouse(t, warehouse)
		_, err := load.ExportParquet(context.Background(), wh, mine)
		if err == nil || !strings.Contains(err.Error(), "not an earlier export") {
			t.Errorf("got %v, want a refusal", err)
		}
		if b, err := os.ReadFile(note); err != nil || string(b) != "keep me" {
			t.Errorf("notes.txt: got %q, %v; want it untouched", b, err)
		}
	})
}
