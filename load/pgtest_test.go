package load_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"scorecard/pipeline"
)

// This file holds the helpers the serving tests share: a throwaway
// PostgreSQL cluster and a small warehouse built by the real pipeline.

// testPGPassword is the password of the throwaway cluster's superuser. The
// cluster listens on 127.0.0.1 only and lives as long as one test.
const testPGPassword = "throwaway-cluster-pw-7c1e"

// testPG is a PostgreSQL cluster started from Debian's server binaries in a
// temporary folder, listening on a free port of 127.0.0.1 and on a unix
// socket in that folder.
type testPG struct {
	bin  string // folder of initdb, pg_ctl and postgres
	dir  string // cluster folder: data, socket, log
	port int
	root bool // running as root: the server runs as the postgres user
}

// startTestPG initialises and starts a cluster, stopping and removing it
// when the test ends. Without Debian's postgresql package the test fails.
func startTestPG(t *testing.T) *testPG {
	t.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/postgres")
	if len(bins) == 0 {
		t.Fatal("no PostgreSQL server under /usr/lib/postgresql/*/bin: " +
			"run `make test-deps` (it installs Debian's postgresql package)")
	}
	// The newest major version, by number.
	sort.Slice(bins, func(i, j int) bool { return pgMajor(bins[i]) < pgMajor(bins[j]) })
	s := &testPG{bin: filepath.Dir(bins[len(bins)-1]), root: os.Geteuid() == 0}

	// PostgreSQL refuses to run as root: as root, the cluster folder
	// belongs to the postgres user the Debian package creates.
	dir, err := os.MkdirTemp("", "scorecard-pg-")
	if err != nil {
		t.Fatal(err)
	}
	s.dir = dir
	t.Cleanup(func() { os.RemoveAll(dir) })
	pwfile := filepath.Join(dir, "pw")
	if err := os.WriteFile(pwfile, []byte(testPGPassword+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if s.root {
		pgUser, err := user.Lookup("postgres")
		if err != nil {
			t.Fatal("no postgres user to run the server as: run `make test-deps` " +
				"(Debian's postgresql package creates it)")
		}
		uid, _ := strconv.Atoi(pgUser.Uid)
		gid, _ := strconv.Atoi(pgUser.Gid)
		for _, p := range []string{dir, pwfile} {
			if err := os.Chown(p, uid, gid); err != nil {
				t.Fatal(err)
			}
		}
	}

	// A fresh cluster: scram passwords over TCP, trust on the private socket.
	data := filepath.Join(dir, "data")
	out, err := s.command("initdb", "-D", data, "-U", "postgres", "--pwfile", pwfile,
		"--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--no-locale",
		"--no-sync", "--no-instructions").CombinedOutput()
	if err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}

	// Start it on a free port, trying again if another program takes the
	// port between choosing and binding it.
	logFile := filepath.Join(dir, "server.log")
	for attempt := 1; ; attempt++ {
		s.port = freePort(t)
		opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k '%s' -c fsync=off "+
			"-c synchronous_commit=off -c full_page_writes=off", s.port, dir)
		out, err := s.command("pg_ctl", "-D", data, "-l", logFile, "-o", opts, "-w", "-t", "60",
			"start").CombinedOutput()
		if err == nil {
			break
		}
		log, _ := os.ReadFile(logFile)
		if attempt < 3 && strings.Contains(string(log), "could not bind") {
			continue
		}
		t.Fatalf("start PostgreSQL: %v\n%s\n%s", err, out, log)
	}
	t.Cleanup(func() {
		out, err := s.command("pg_ctl", "-D", data, "-m", "fast", "-w", "stop").CombinedOutput()
		if err != nil {
			t.Errorf("stop PostgreSQL: %v\n%s", err, out)
		}
	})
	return s
}

// pgMajor reads the major version from /usr/lib/postgresql/NN/bin/postgres.
func pgMajor(bin string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(bin))))
	return n
}

// command runs one of the cluster's programs, as the postgres user when
// the test runs as root.
func (s *testPG) command(name string, args ...string) *exec.Cmd {
	prog := filepath.Join(s.bin, name)
	if s.root {
		return exec.Command("runuser", append([]string{"-u", "postgres", "--", prog}, args...)...)
	}
	return exec.Command(prog, args...)
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// dsn is a connection string over TCP to the postgres database.
func (s *testPG) dsn(user, password string) string {
	return fmt.Sprintf("postgres://%s:%s@127.0.0.1:%d/postgres?sslmode=disable", user, password,
		s.port)
}

// superDSN connects as the cluster's superuser.
func (s *testPG) superDSN() string { return s.dsn("postgres", testPGPassword) }

// connect opens a connection closed when the test ends.
func (s *testPG) connect(t *testing.T, dsn string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect to the test cluster: %v", err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// servingKey is the identifier key of the serving tests' warehouses.
var servingKey = []byte("serving-test-key-not-a-secret")

// servingAsOf makes the warehouse the same on every run.
var servingAsOf = time.Date(2026, 4, 15, 0, 0, 0, 0, time.UTC)

// servingWarehouse runs the real pipeline on a copy of the basic fixture
// inbox and returns the inbox and the published warehouse.
func servingWarehouse(t *testing.T) (inbox, warehouse string) {
	t.Helper()
	dir := t.TempDir()
	inbox = filepath.Join(dir, "inbox")
	if err := os.MkdirAll(inbox, 0o755); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join("..", "testdata", "pipeline", "basic")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(inbox, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	warehouse = filepath.Join(dir, "warehouse.duckdb")
	rerunPipeline(t, inbox, warehouse)
	return inbox, warehouse
}

// rerunPipeline runs the pipeline once more; each run adds a row to etl_run.
func rerunPipeline(t *testing.T, inbox, warehouse string) {
	t.Helper()
	cfg := pipeline.Config{Inbox: inbox, Warehouse: warehouse, Key: servingKey, AsOf: servingAsOf}
	if _, err := pipeline.Run(context.Background(), cfg); err != nil {
		t.Fatalf("pipeline run: %v", err)
	}
}
