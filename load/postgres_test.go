package load_test

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"scorecard/load"
)

// publishTo copies warehouse into the test cluster as its superuser.
func publishTo(t *testing.T, pg *testPG, warehouse string,
	opt load.PostgresOptions) *load.PostgresSummary {
	t.Helper()
	ctx := context.Background()
	wh, err := load.OpenReadOnly(warehouse)
	if err != nil {
		t.Fatal(err)
	}
	defer wh.Close()
	conn, err := load.ConnectPostgres(ctx, pg.superDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	sum, err := load.PublishPostgres(ctx, wh, conn, opt)
	if err != nil {
		t.Fatalf("publish: %v", err)
	}
	return sum
}

func openWarehouse(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := load.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func duckInt(t *testing.T, db *sql.DB, q string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func pgInt(t *testing.T, conn *pgx.Conn, q string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := conn.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// copiedNames lists, from DuckDB's own catalogue, what publish should copy:
// dim_* and fact_* tables, the four ledger tables, and every view.
func copiedNames(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT table_name FROM information_schema.tables
WHERE table_schema = 'main' AND (table_type = 'VIEW' OR table_name LIKE 'dim\_%' ESCAPE '\'
    OR table_name LIKE 'fact\_%' ESCAPE '\'
    OR table_name IN ('etl_run', 'etl_file', 'etl_reject', 'etl_quarantine'))
ORDER BY table_name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	return names
}

func TestPublishPostgres(t *testing.T) {
	pg := startTestPG(t)
	_, warehouse := servingWarehouse(t)
	sum := publishTo(t, pg, warehouse, load.PostgresOptions{})
	t.Logf("published %d tables, %d rows, in %s", len(sum.Tables), sum.Rows(), sum.Duration)
	duck := openWarehouse(t, warehouse)
	super := pg.connect(t, pg.superDSN())
	ctx := context.Background()

	t.Run("every table with all its rows", func(t *testing.T) {
		want := copiedNames(t, duck)
		// The star schema as the README lists it must be among them.
		for _, name := range []string{"dim_date", "dim_period", "dim_indicator", "dim_breakdown",
			"dim_child", "fact_indicator", "fact_indicator_member", "fact_contact",
			"fact_referral", "fact_assessment", "fact_s47", "fact_cp_plan", "fact_cla_episode",
			"fact_library_visit", "fact_library_loan", "etl_run", "etl_file", "etl_reject",
			"etl_quarantine", "indicator_values"} {
			if !contains(want, name) {
				t.Errorf("the warehouse has no %s to copy", name)
			}
		}
		rows, err := super.Query(ctx, `SELECT table_name FROM information_schema.tables
WHERE table_schema = 'scorecard' ORDER BY table_name`)
		if err != nil {
			t.Fatal(err)
		}
		got, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("got tables %v, want %v", got, want)
		}
		if len(sum.Tables) != len(want) {
			t.Errorf("summary: got %d tables, want %d", len(sum.Tables), len(want))
		}
		for _, ct := range sum.Tables {
			q := "SELECT count(*) FROM " + pgx.Identifier{ct.Name}.Sanitize()
			wantRows := duckInt(t, duck, q)
			gotRows := pgInt(t, super, "SELECT count(*) FROM "+
				pgx.Identifier{"scorecard", ct.Name}.Sanitize())
			if gotRows != wantRows || ct.Rows != wantRows {
				t.Errorf("%s: got %d rows in PostgreSQL (summary %d), want %d", ct.Name,
					gotRows, ct.Rows, wantRows)
			}
		}
		if sum.Rows() == 0 {
			t.Error("summary: no rows copied")
		}
	})

	t.Run("types mapped one for one", func(t *testing.T) {
		for _, tc := range []struct{ table, column, want string }{
			{"dim_indicator", "title", "text"},
			{"etl_run", "run_id", "bigint"},
			{"dim_date", "date_key", "integer"},
			{"fact_indicator", "value", "double precision"},
			{"dim_period", "period_start", "date"},
			{"etl_run", "started_at", "timestamp without time zone"},
			{"dim_date", "is_weekend", "boolean"},
		} {
			t.Run(tc.table+"."+tc.column, func(t *testing.T) {
				var got string
				err := super.QueryRow(ctx, `SELECT data_type FROM information_schema.columns
WHERE table_schema = 'scorecard' AND table_name = $1 AND column_name = $2`,
					tc.table, tc.column).Scan(&got)
				if err != nil {
					t.Fatal(err)
				}
				if got != tc.want {
					t.Errorf("got %s, want %s", got, tc.want)
				}
			})
		}
		// NOT NULL and the primary key come across too.
		keyCols := pgInt(t, super, `SELECT count(*) FROM information_schema.key_column_usage
WHERE table_schema = 'scorecard' AND table_name = 'fact_indicator'`)
		if keyCols != 3 {
			t.Errorf("fact_indicator key: got %d columns, want 3", keyCols)
		}
		var nullable string
		err := super.QueryRow(ctx, `SELECT is_nullable FROM information_schema.columns
WHERE table_schema = 'scorecard' AND table_name = 'etl_run' AND column_name = 'status'`).
			Scan(&nullable)
		if err != nil || nullable != "NO" {
			t.Errorf("etl_run.status nullable: got %q (%v), want NO", nullable, err)
		}
	})

	t.Run("indicator values match the warehouse", func(t *testing.T) {
		// Hand-worked: the fixture has contacts on 3 and 10 February 2026
		// (a third, dated 31/02/2026, is refused), so CCA4, contacts in the
		// month, is 2 for February 2026.
		var v float64
		err := super.QueryRow(ctx, `SELECT value FROM scorecard.indicator_values
WHERE indicator_id = 'CCA4' AND period_label = '2026-02' AND breakdown = 'all'`).Scan(&v)
		if err != nil {
			t.Fatal(err)
		}
		if v != 2 {
			t.Errorf("CCA4 2026-02: got %v, want 2", v)
		}
		// And every value agrees with DuckDB's.
		rows, err := duck.Query(`SELECT indicator_id, period_label, breakdown, value
FROM indicator_values WHERE value IS NOT NULL`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			var id, period, breakdown string
			var want float64
			if err := rows.Scan(&id, &period, &breakdown, &want); err != nil {
				t.Fatal(err)
			}
			var got float64
			err := super.QueryRow(ctx, `SELECT value FROM scorecard.indicator_values
WHERE indicator_id = $1 AND period_label = $2 AND breakdown = $3`,
				id, period, breakdown).Scan(&got)
			if err != nil {
				t.Fatalf("%s %s %s: %v", id, period, breakdown, err)
			}
			if got != want {
				t.Errorf("%s %s %s: got %v, want %v", id, period, breakdown, got, want)
			}
			n++
		}
		if n == 0 {
			t.Error("the warehouse has no indicator values to compare")
		}
	})

	t.Run("comments carried over", func(t *testing.T) {
		for _, tc := range []struct{ table, column string }{
			{"fact_indicator", ""},
			{"fact_indicator", "value"},
			{"fact_indicator_member", "subject_key"},
			{"etl_reject", "raw_value"},
			{"indicator_values", ""},
			{"indicator_values", "value"},
		} {
			t.Run(tc.table+"."+tc.column, func(t *testing.T) {
				var want, got string
				var err error
				if tc.column == "" {
					err = duck.QueryRow(`SELECT comment FROM duckdb_tables() WHERE table_name = $1
UNION ALL SELECT comment FROM duckdb_views() WHERE view_name = $1`, tc.table).Scan(&want)
				} else {
					err = duck.QueryRow(`SELECT comment FROM duckdb_columns()
WHERE table_name = $1 AND column_name = $2`, tc.table, tc.column).Scan(&want)
				}
				if err != nil {
					t.Fatal(err)
				}
				err = super.QueryRow(ctx, `SELECT coalesce(CASE WHEN $2 = ''
    THEN obj_description(c.oid, 'pg_class')
    ELSE col_description(c.oid, a.attnum) END, '')
FROM pg_class AS c
JOIN pg_namespace AS n ON n.oid = c.relnamespace
LEFT JOIN pg_attribute AS a ON a.attrelid = c.oid AND a.attname = $2
WHERE n.nspname = 'scorecard' AND c.relname = $1`, tc.table, tc.column).Scan(&got)
				if err != nil {
					t.Fatal(err)
				}
				if want == "" || got != want {
					t.Errorf("got %q, want %q (not empty)", got, want)
				}
			})
		}
		// Every column comment of the copied tables, none lost.
		var want int64
		for _, name := range copiedNames(t, duck) {
			want += duckInt(t, duck, `SELECT count(*) FROM duckdb_columns()
WHERE table_name = $1 AND comment IS NOT NULL AND comment <> ''`, name)
		}
		got := pgInt(t, super, `SELECT count(*) FROM pg_attribute AS a
JOIN pg_class AS c ON c.oid = a.attrelid
JOIN pg_namespace AS n ON n.oid = c.relnamespace
WHERE n.nspname = 'scorecard' AND c.relkind = 'r' AND a.attnum > 0
    AND col_description(c.oid, a.attnum) IS NOT NULL`)
		if got != want || got == 0 {
			t.Errorf("got %d column comments, want %d", got, want)
		}
	})

	t.Run("the reader role reads and nothing more", func(t *testing.T) {
		// As docs/reporting-tools.md tells a DBA: the role has no login of
		// its own; a dashboard's login is made a member of it.
		var canLogin bool
		err := super.QueryRow(ctx, `SELECT rolcanlogin FROM pg_roles
WHERE rolname = 'scorecard_reader'`).Scan(&canLogin)
		if err != nil {
			t.Fatal(err)
		}
		if canLogin {
			t.Error("scorecard_reader can log in; want NOLOGIN")
		}
		for _, q := range []string{
			"CREATE ROLE dashboard LOGIN PASSWORD 'dash-pw'",
			"GRANT scorecard_reader TO dashboard",
		} {
			if _, err := super.Exec(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		dash := pg.connect(t, pg.dsn("dashboard", "dash-pw"))
		n := pgInt(t, dash, "SELECT count(*) FROM scorecard.indicator_values")
		if n == 0 {
			t.Error("the reader sees no indicator values")
		}
		for _, q := range []string{
			"INSERT INTO scorecard.etl_run (run_id, started_at, status, as_of) " +
				"VALUES (999, now(), 'x', current_date)",
			"DELETE FROM scorecard.fact_indicator",
			"CREATE TABLE scorecard.mine (x int)",
			"DROP TABLE scorecard.etl_run",
		} {
			_, err := dash.Exec(ctx, q)
			var pe *pgconn.PgError
			if !errors.As(err, &pe) || pe.Code != "42501" {
				t.Errorf("%s: got %v, want permission denied (42501)", q, err)
			}
		}
	})

	t.Run("errors name the server, never the password", func(t *testing.T) {
		const secret = "not-the-password-31337"
		_, err := load.ConnectPostgres(ctx, pg.dsn("postgres", secret))
		if err == nil {
			t.Fatal("connected with a wrong password")
		}
		msg := err.Error()
		wantPrefix := "load: cannot connect to PostgreSQL at 127.0.0.1:"
		if !strings.HasPrefix(msg, wantPrefix) || strings.Contains(msg, secret) {
			t.Errorf("got %q, want it to start %q and not hold the password", msg, wantPrefix)
		}
		// A string that does not parse is not echoed with its password.
		_, err = load.ConnectPostgres(ctx, "postgres://u:"+secret+"@127.0.0.1:notaport/db")
		if err == nil || strings.Contains(err.Error(), secret) {
			t.Errorf("got %v, want an error without the password", err)
		}
	})

	t.Run("a schema it did not make is left alone", func(t *testing.T) {
		for _, q := range []string{
			"CREATE SCHEMA council_data",
			"CREATE TABLE council_data.budget (x int)",
			"INSERT INTO council_data.budget VALUES (1)",
		} {
			if _, err := super.Exec(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		wh := openWarehouse(t, warehouse)
		conn, err := load.ConnectPostgres(ctx, pg.superDSN())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		_, err = load.PublishPostgres(ctx, wh, conn, load.PostgresOptions{Schema: "council_data"})
		if err == nil || !strings.Contains(err.Error(), "did not publish") {
			t.Errorf("got %v, want a refusal", err)
		}
		if n := pgInt(t, super, "SELECT count(*) FROM council_data.budget"); n != 1 {
			t.Errorf("council_data.budget: got %d rows, want 1", n)
		}
	})

	t.Run("a loading account set up as the docs say", func(t *testing.T) {
		for _, q := range []string{
			"CREATE ROLE scorecard_loader LOGIN PASSWORD 'loader-pw'",
			"GRANT CREATE ON DATABASE postgres TO scorecard_loader",
		} {
			if _, err := super.Exec(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		wh := openWarehouse(t, warehouse)
		publishAs := func(opt load.PostgresOptions) error {
			conn, err := load.ConnectPostgres(ctx, pg.dsn("scorecard_loader", "loader-pw"))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close(ctx)
			_, err = load.PublishPostgres(ctx, wh, conn, opt)
			return err
		}
		// Without CREATEROLE it cannot make a reader role, and says so.
		err := publishAs(load.PostgresOptions{Schema: "loader_copy", ReaderRole: "new_reader"})
		if err == nil || !strings.Contains(err.Error(), "CREATE ROLE new_reader NOLOGIN") {
			t.Errorf("got %v, want a hint to create the role", err)
		}
		// The schema the superuser published is not its to replace.
		err = publishAs(load.PostgresOptions{})
		if err == nil || !strings.Contains(err.Error(), "belongs to postgres") {
			t.Errorf("got %v, want a refusal naming the owner", err)
		}
		// With an existing role, it publishes into its own schema.
		if err := publishAs(load.PostgresOptions{Schema: "loader_copy"}); err != nil {
			t.Fatalf("publish as the loader: %v", err)
		}
		want := duckInt(t, duck, "SELECT count(*) FROM fact_indicator")
		if got := pgInt(t, super, "SELECT count(*) FROM loader_copy.fact_indicator"); got != want {
			t.Errorf("loader_copy.fact_indicator: got %d rows, want %d", got, want)
		}
	})

	t.Run("options are checked", func(t *testing.T) {
		for _, opt := range []load.PostgresOptions{
			{Schema: "Scorecard"},
			{Schema: "pg_scorecard"},
			{Schema: "a_name_that_is_far_too_long_for_it"},
			{ReaderRole: "reader; DROP TABLE x"},
			{ReaderWait: -time.Second},
		} {
			if err := opt.Check(); err == nil {
				t.Errorf("%+v: got no error, want one", opt)
			}
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestPublishPostgresSwap shows what a dashboard sees while publish
// replaces the copy: the old rows or the new ones, never a missing or
// half-loaded table. Each pipeline run adds one row to etl_run, which tells
// the copies apart.
func TestPublishPostgresSwap(t *testing.T) {
	pg := startTestPG(t)
	inbox, warehouse := servingWarehouse(t)
	publishTo(t, pg, warehouse, load.PostgresOptions{})
	super := pg.connect(t, pg.superDSN())
	ctx := context.Background()
	runs := func(conn *pgx.Conn) int64 {
		t.Helper()
		return pgInt(t, conn, "SELECT count(*) FROM scorecard.etl_run")
	}
	first := runs(super)
	values := pgInt(t, super, "SELECT count(*) FROM scorecard.indicator_values")

	t.Run("readers never see a missing or partial table", func(t *testing.T) {
		rerunPipeline(t, inbox, warehouse)
		stop := make(chan struct{})
		var wg sync.WaitGroup
		var mu sync.Mutex
		var problems []string
		seen := map[int64]int{}
		read := func(conn *pgx.Conn) bool {
			var r, v int64
			err := conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM scorecard.etl_run),
    (SELECT count(*) FROM scorecard.indicator_values)`).Scan(&r, &v)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err != nil:
				problems = append(problems, err.Error())
			case (r != first && r != first+1) || v != values:
				problems = append(problems, "saw etl_run and indicator_values with "+
					itoa(r)+" and "+itoa(v)+" rows")
			default:
				seen[r]++
			}
			return err == nil
		}
		// One reader on a connection it keeps, one connecting afresh each
		// time; both stop when publish is done, or after 60 seconds.
		deadline := time.Now().Add(60 * time.Second)
		wg.Add(2)
		go func() {
			defer wg.Done()
			conn, err := pgx.Connect(ctx, pg.superDSN())
			if err != nil {
				mu.Lock()
				problems = append(problems, err.Error())
				mu.Unlock()
				return
			}
			defer conn.Close(ctx)
			for loopOn(stop, deadline) {
				read(conn)
			}
		}()
		go func() {
			defer wg.Done()
			for loopOn(stop, deadline) {
				conn, err := pgx.Connect(ctx, pg.superDSN())
				if err != nil {
					mu.Lock()
					problems = append(problems, err.Error())
					mu.Unlock()
					continue
				}
				read(conn)
				conn.Close(ctx)
			}
		}()
		time.Sleep(100 * time.Millisecond) // readers under way before the publish
		publishTo(t, pg, warehouse, load.PostgresOptions{})
		time.Sleep(100 * time.Millisecond) // and a little after
		close(stop)
		wg.Wait()
		if len(problems) > 0 {
			t.Fatalf("%d failed or wrong reads, the first: %s", len(problems), problems[0])
		}
		t.Logf("reads of the old copy: %d, of the new: %d", seen[first], seen[first+1])
		if seen[first] == 0 || seen[first+1] == 0 {
			t.Errorf("got reads of the old copy %d times and of the new %d times, want both",
				seen[first], seen[first+1])
		}
		if got := runs(super); got != first+1 {
			t.Errorf("after publish: got %d runs, want %d", got, first+1)
		}
	})

	t.Run("the swap waits for an older repeatable-read transaction", func(t *testing.T) {
		rerunPipeline(t, inbox, warehouse)
		before := runs(super)
		reader := pg.connect(t, pg.superDSN())
		tx, err := reader.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead})
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback(ctx)
		if got := pgInt(t, tx.Conn(), "SELECT count(*) FROM scorecard.etl_run"); got != before {
			t.Fatalf("in the transaction: got %d runs, want %d", got, before)
		}

		type result struct {
			sum *load.PostgresSummary
			err error
		}
		done := make(chan result, 1)
		go func() {
			wh, err := load.OpenReadOnly(warehouse)
			if err != nil {
				done <- result{err: err}
				return
			}
			defer wh.Close()
			conn, err := load.ConnectPostgres(ctx, pg.superDSN())
			if err != nil {
				done <- result{err: err}
				return
			}
			defer conn.Close(ctx)
			sum, err := load.PublishPostgres(ctx, wh, conn,
				load.PostgresOptions{ReaderWait: time.Minute})
			done <- result{sum, err}
		}()
		// Publish commits its staging copy, then waits for this transaction.
		waitFor(t, func() bool {
			if got := runs(super); got != before {
				t.Fatalf("swapped while an older transaction was open: got %d runs, want %d",
					got, before)
			}
			return pgInt(t, super, `SELECT count(*) FROM pg_namespace
WHERE starts_with(nspname, 'scorecard_load_')`) > 0
		})
		time.Sleep(300 * time.Millisecond)
		if got := runs(super); got != before {
			t.Errorf("a new query during the wait: got %d runs, want the old %d", got, before)
		}
		if got := pgInt(t, tx.Conn(), "SELECT count(*) FROM scorecard.etl_run"); got != before {
			t.Errorf("the transaction during the wait: got %d runs, want %d", got, before)
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		res := <-done
		if res.err != nil {
			t.Fatalf("publish: %v", res.err)
		}
		sum := res.sum
		if sum.Waited < 300*time.Millisecond || sum.StillReading != 0 {
			t.Errorf("got waited %s with %d readers left, want at least 300ms and none",
				sum.Waited, sum.StillReading)
		}
		if got := runs(super); got != before+1 {
			t.Errorf("after publish: got %d runs, want %d", got, before+1)
		}
	})

	t.Run("an open query keeps reading the copy it started on", func(t *testing.T) {
		rerunPipeline(t, inbox, warehouse)
		before := runs(super)
		reader := pg.connect(t, pg.superDSN())
		tx, err := reader.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead})
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback(ctx)
		_, err = tx.Exec(ctx, "DECLARE old_runs CURSOR FOR SELECT run_id FROM scorecard.etl_run")
		if err != nil {
			t.Fatal(err)
		}
		if id := pgInt(t, tx.Conn(), "FETCH 1 FROM old_runs"); id == 0 {
			t.Fatal("fetched run 0")
		}

		// The wait runs out; the swap goes ahead, and the old copy, which
		// the cursor still reads, is kept for the next publish.
		sum := publishTo(t, pg, warehouse,
			load.PostgresOptions{ReaderWait: 300 * time.Millisecond})
		if sum.StillReading != 1 || len(sum.Kept) != 1 {
			t.Errorf("got %d readers left and kept %v, want 1 and the old copy",
				sum.StillReading, sum.Kept)
		}
		if got := runs(super); got != before+1 {
			t.Errorf("a new query: got %d runs, want the new %d", got, before+1)
		}
		rows, err := tx.Query(ctx, "FETCH ALL FROM old_runs")
		if err != nil {
			t.Fatal(err)
		}
		rest, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			t.Fatal(err)
		}
		if got := int64(1 + len(rest)); got != before {
			t.Errorf("the open cursor: got %d runs, want the old %d", got, before)
		}
		// This is what the wait prevents: the same transaction's next
		// statement finds the new table, whose rows its snapshot predates.
		if got := pgInt(t, tx.Conn(), "SELECT count(*) FROM scorecard.etl_run"); got != 0 {
			t.Errorf("a new statement of the old transaction: got %d runs, want 0", got)
		}
		if err := tx.Rollback(ctx); err != nil {
			t.Fatal(err)
		}

		// The next publish drops what was kept.
		publishTo(t, pg, warehouse, load.PostgresOptions{})
		var left []string
		rows, err = super.Query(ctx, `SELECT nspname FROM pg_namespace
WHERE starts_with(nspname, 'scorecard_') ORDER BY 1`)
		if err == nil {
			left, err = pgx.CollectRows(rows, pgx.RowTo[string])
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(left) != 0 {
			t.Errorf("got schemas %v left behind, want none", left)
		}
	})

	t.Run("comments survive runs and publishes", func(t *testing.T) {
		// By now the pipeline has run four times, each in a working copy
		// renamed over the warehouse, and publish has replaced the schema
		// four times.
		duck := openWarehouse(t, warehouse)
		if n := duckInt(t, duck, "SELECT count(*) FROM etl_run"); n < 4 {
			t.Fatalf("got %d runs, want at least 4", n)
		}
		for _, q := range []string{
			`SELECT count(*) FROM duckdb_tables()
WHERE table_name = 'fact_indicator' AND comment LIKE 'Indicator values%'`,
			`SELECT count(*) FROM duckdb_columns()
WHERE table_name = 'etl_run' AND column_name = 'as_of' AND comment LIKE 'The day%'`,
		} {
			if n := duckInt(t, duck, q); n != 1 {
				t.Errorf("%s: got %d, want 1", q, n)
			}
		}
		for _, q := range []string{
			`SELECT count(*) FROM pg_description
WHERE objoid = 'scorecard.fact_indicator'::regclass AND objsubid = 0
    AND description LIKE 'Indicator values%'`,
			`SELECT count(*) FROM pg_description AS d
JOIN pg_attribute AS a ON a.attrelid = d.objoid AND a.attnum = d.objsubid
WHERE d.objoid = 'scorecard.etl_run'::regclass AND a.attname = 'as_of'
    AND d.description LIKE 'The day%'`,
		} {
			if n := pgInt(t, super, q); n != 1 {
				t.Errorf("%s: got %d, want 1", q, n)
			}
		}
	})

	t.Run("one publish at a time", func(t *testing.T) {
		holder := pg.connect(t, pg.superDSN())
		var ok bool
		err := holder.QueryRow(ctx, `SELECT pg_try_advisory_lock(hashtext('scorecard publish'),
    hashtext('scorecard'))`).Scan(&ok)
		if err != nil || !ok {
			t.Fatalf("take the lock: %v %v", ok, err)
		}
		wh := openWarehouse(t, warehouse)
		conn, err := load.ConnectPostgres(ctx, pg.superDSN())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		_, err = load.PublishPostgres(ctx, wh, conn, load.PostgresOptions{})
		if err == nil || !strings.Contains(err.Error(), "another publish") {
			t.Errorf("got %v, want another publish running", err)
		}
	})
}

func loopOn(stop chan struct{}, deadline time.Time) bool {
	select {
	case <-stop:
		return false
	default:
		return time.Now().Before(deadline)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(30 * time.Second); time.Now().Before(end); {
		if cond() {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("gave up waiting after 30s")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
