package main_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"scorecard/load"
)

// binary is the scorecard command built once for these tests, so that they
// exercise exactly what a person runs.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "scorecard-cmd")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "scorecard")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("build scorecard: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// public is the folder of public sample data beside the repository.
func public(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "..", "shared", "data", "public"}, parts...)...)
}

type result struct {
	stdout, stderr string
	code           int
}

func run(t *testing.T, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run scorecard %v: %v", args, err)
	}
	return result{out.String(), errb.String(), code}
}

func copyInto(t *testing.T, dir string, files ...string) {
	t.Helper()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestHelpNamesEveryCommand(t *testing.T) {
	r := run(t, nil, "--help")
	for _, c := range []string{"run", "demo", "daemon", "keygen", "sql", "validate", "report",
		"explain", "publish", "export"} {
		if !strings.Contains(r.stdout, "  "+c+" ") {
			t.Errorf("--help does not list %s:\n%s", c, r.stdout)
		}
	}
	if r := run(t, nil, "run", "--help"); !strings.Contains(r.stdout, "Exit status") {
		t.Errorf("run --help does not explain its exit status:\n%s", r.stdout)
	}
}

func TestRunWithoutKeyIsAUsageError(t *testing.T) {
	r := run(t, []string{"SCORECARD_KEY=", "SCORECARD_KEY_FILE="}, "run", "--inbox", t.TempDir(),
		"--warehouse", filepath.Join(t.TempDir(), "w.duckdb"))
	if r.code != 2 || !strings.Contains(r.stderr, "scorecard keygen") {
		t.Errorf("got exit %d and %q, want exit 2 and a pointer to keygen", r.code, r.stderr)
	}
}

// TestRunOnPublicSamples runs the command twice on the public SSDA903 and
// library files, then adds a file with a bad date.
func TestRunOnPublicSamples(t *testing.T) {
	inbox := t.TempDir()
	episodes, _ := filepath.Glob(public("ssda903-fake", "*.csv"))
	libraries, _ := filepath.Glob(public("libraries", "*.csv"))
	if len(episodes) < 10 || len(libraries) < 9 {
		t.Fatalf("the public samples are missing: found %d SSDA903 and %d library files",
			len(episodes), len(libraries))
	}
	copyInto(t, inbox, episodes...)
	copyInto(t, inbox, libraries...)
	dir := t.TempDir()
	wh := filepath.Join(dir, "warehouse.duckdb")
	key := filepath.Join(dir, "key")
	if r := run(t, nil, "keygen", "--out", key); r.code != 0 {
		t.Fatalf("keygen: exit %d: %s", r.code, r.stderr)
	}
	args := []string{"run", "--inbox", inbox, "--warehouse", wh, "--key-file", key,
		"--as-of", "2026-12-04", "--log-format", "json"}

	first := run(t, nil, args...)
	if first.code != 0 {
		t.Fatalf("first run: exit %d\n%s\n%s", first.code, first.stdout, first.stderr)
	}
	if !strings.Contains(first.stdout, "22 new, 0 quarantined") {
		t.Errorf("first run summary does not say 22 new files:\n%s", first.stdout)
	}
	if !strings.Contains(first.stderr, `"msg":"run finished"`) {
		t.Errorf("no JSON log line for the end of the run:\n%s", first.stderr)
	}
	cla1 := run(t, nil, "sql", "--warehouse", wh, "--format", "csv",
		"SELECT period_label, value FROM indicator_values WHERE indicator_id = 'CLA1' "+
			"AND period_label = '2018-03'")
	if cla1.code != 0 || strings.Count(cla1.stdout, "\n") != 2 {
		t.Errorf("CLA1 for 2018-03: exit %d\n%s%s", cla1.code, cla1.stdout, cla1.stderr)
	}
	before := run(t, nil, "sql", "--warehouse", wh, "--format", "csv",
		"SELECT indicator_id, period_id, breakdown, value FROM fact_indicator ORDER BY ALL")

	second := run(t, nil, args...)
	if second.code != 0 || !strings.Contains(second.stdout, "0 new, 0 quarantined") {
		t.Errorf("second run: exit %d, want 0 and no new files:\n%s", second.code, second.stdout)
	}
	after := run(t, nil, "sql", "--warehouse", wh, "--format", "csv",
		"SELECT indicator_id, period_id, breakdown, value FROM fact_indicator ORDER BY ALL")
	if before.stdout != after.stdout || before.stdout == "" {
		t.Errorf("the second run changed the indicator values")
	}

	bad := "Local authority,Library name,Count start,Count end,Count type,Visits\n" +
		"Barnet,Burnt Oak,2019-10-01,2019-10-01,Automatic counter,120\n" +
		"Barnet,Burnt Oak,31/02/2019,31/02/2019,Automatic counter,99\n"
	if err := os.WriteFile(filepath.Join(inbox, "visits_october.csv"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	third := run(t, nil, args...)
	if third.code != 0 || !strings.Contains(third.stdout, "1 new") {
		t.Errorf("third run: exit %d\n%s%s", third.code, third.stdout, third.stderr)
	}
	rej := run(t, nil, "sql", "--warehouse", wh, "--format", "csv",
		"SELECT line, column_name, raw_value, reason FROM etl_reject "+
			"WHERE file_name = 'visits_october.csv'")
	if !strings.Contains(rej.stdout, "3,Count start,31/02/2019,") ||
		!strings.Contains(rej.stdout, "does not exist") {
		t.Errorf("the refused row is not in etl_reject with its line and reason:\n%s", rej.stdout)
	}
}

func TestDaemonStopsCleanlyOnSIGTERM(t *testing.T) {
	dir := t.TempDir()
	inbox := filepath.Join(dir, "inbox")
	if err := os.Mkdir(inbox, 0o755); err != nil {
		t.Fatal(err)
	}
	copyInto(t, inbox, public("libraries", "physical_visits_newcastle.csv"))
	schedule := filepath.Join(dir, "test.cron")
	if err := os.WriteFile(schedule, []byte("@every 500ms run often\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	wh := filepath.Join(dir, "w.duckdb")
	parquet := filepath.Join(dir, "parquet")
	cmd := exec.Command(binary, "daemon", "--inbox", inbox, "--warehouse", wh,
		"--schedule", schedule, "--log-format", "json", "--parquet", parquet)
	cmd.Env = append(os.Environ(), "SCORECARD_KEY=daemon-test-key-not-secret")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until a run has published and exported, bounded in time.
	deadline := time.Now().Add(60 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join(parquet, "_scorecard_export.json")); err == nil {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no run published and exported within 60s:\n%s", errb.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("daemon exited with %v after SIGTERM, want a clean exit:\n%s", err, errb.String())
		}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("daemon did not stop within 30s of SIGTERM")
	}
	r := run(t, nil, "sql", "--warehouse", wh, "--format", "csv",
		"SELECT count(*) FROM etl_run WHERE status IN ('succeeded', 'unchanged')")
	if r.code != 0 || strings.HasPrefix(strings.Split(r.stdout, "\n")[1], "0") {
		t.Errorf("no successful run recorded by the daemon:\n%s%s", r.stdout, r.stderr)
	}
}

func TestValidateDoesNotNeedAKeyOrAWarehouse(t *testing.T) {
	dir := t.TempDir()
	copyInto(t, dir, public("annex-a", "Annex_A.xlsx"))
	r := run(t, []string{"SCORECARD_KEY=", "SCORECARD_KEY_FILE="}, "validate", dir)
	if r.code != 0 {
		t.Fatalf("validate: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"Annex_A.xlsx [List 7]", "Annex A list 7: child protection",
		"rows: 7 read", "line 2, Primary Need Code"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("validate output lacks %q:\n%s", want, r.stdout)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.csv"), []byte("Meeting,Room\nx,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(t, nil, "validate", dir); r.code != 3 || !strings.Contains(r.stdout, "NOT READABLE") {
		t.Errorf("validate with an unreadable file: got exit %d, want 3 and a NOT READABLE line:\n%s",
			r.code, r.stdout)
	}
}

// TestAnalystHoldsTheFileWhileRunsPublish keeps a read-only connection open
// on the published warehouse from this process while the command, in
// another process, completes two runs.
func TestAnalystHoldsTheFileWhileRunsPublish(t *testing.T) {
	inbox := t.TempDir()
	copyInto(t, inbox, public("libraries", "physical_visits_newcastle.csv"))
	wh := filepath.Join(t.TempDir(), "warehouse.duckdb")
	env := []string{"SCORECARD_KEY=analyst-test-key-not-secret"}
	args := []string{"run", "--inbox", inbox, "--warehouse", wh, "--as-of", "2026-12-04"}
	if r := run(t, env, args...); r.code != 0 {
		t.Fatalf("first run: exit %d: %s", r.code, r.stderr)
	}
	analyst, err := load.OpenReadOnly(wh)
	if err != nil {
		t.Fatal(err)
	}
	defer analyst.Close()
	var files int
	if err := analyst.QueryRow("SELECT count(*) FROM etl_file").Scan(&files); err != nil {
		t.Fatal(err)
	}
	copyInto(t, inbox, public("libraries", "loans_barnet.csv"))
	for i := 0; i < 2; i++ {
		if r := run(t, env, args...); r.code != 0 {
			t.Fatalf("run %d with an analyst connected: exit %d: %s", i+2, r.code, r.stderr)
		}
	}
	var still int
	if err := analyst.QueryRow("SELECT count(*) FROM etl_file").Scan(&still); err != nil {
		t.Fatalf("the analyst's connection broke: %v", err)
	}
	if still != files {
		t.Errorf("the analyst sees %d files, want the %d of the version opened", still, files)
	}
	r := run(t, nil, "sql", "--warehouse", wh, "--format", "csv", "SELECT count(*) FROM etl_file")
	if !strings.HasPrefix(strings.Split(r.stdout, "\n")[1], "2") {
		t.Errorf("a new reader sees %q, want 2 files", r.stdout)
	}
}
