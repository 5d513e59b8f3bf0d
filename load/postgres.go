package load

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/big"
	"net"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/duckdb/duckdb-go/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"

	sqlfs "scorecard/sql"
)

// Defaults of PostgresOptions.
const (
	DefaultPostgresSchema = "scorecard"
	DefaultReaderRole     = "scorecard_reader"
	DefaultReaderWait     = time.Minute
)

// publishedMark opens the comment of every schema PublishPostgres makes. A
// schema without it is never replaced or dropped.
const publishedMark = "scorecard star schema"

// PostgresOptions say where PublishPostgres puts the copy and who may read
// it. The zero value means the defaults.
type PostgresOptions struct {
	// Schema is the schema dashboards read: lower-case letters, digits and
	// underscores, at most 30 characters. Default "scorecard".
	Schema string
	// ReaderRole is the read-only role given USAGE on the schema and SELECT
	// on its tables. It is created NOLOGIN if missing. Default
	// "scorecard_reader".
	ReaderRole string
	// ReaderWait bounds each of two waits for readers of the previous copy:
	// before the swap, for transactions that began before the new copy was
	// committed; after it, for the lock needed to drop the previous copy
	// (left for the next publish if it cannot be had). Default one minute.
	ReaderWait time.Duration
}

var (
	schemaName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,29}$`)
	roleName   = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)
)

// Check reports a schema or role name that PublishPostgres would refuse.
// Names are kept to lower case so that reporting tools need no quotes.
func (o PostgresOptions) Check() error {
	o = o.withDefaults()
	if !schemaName.MatchString(o.Schema) || strings.HasPrefix(o.Schema, "pg_") {
		return fmt.Errorf("load: schema name %q: use lower-case letters, digits and "+
			"underscores, at most 30, not starting with a digit or pg_", o.Schema)
	}
	if !roleName.MatchString(o.ReaderRole) || strings.HasPrefix(o.ReaderRole, "pg_") {
		return fmt.Errorf("load: role name %q: use lower-case letters, digits and "+
			"underscores, not starting with a digit or pg_", o.ReaderRole)
	}
	if o.ReaderWait < 0 {
		return fmt.Errorf("load: reader wait %s is negative", o.ReaderWait)
	}
	return nil
}

func (o PostgresOptions) withDefaults() PostgresOptions {
	if o.Schema == "" {
		o.Schema = DefaultPostgresSchema
	}
	if o.ReaderRole == "" {
		o.ReaderRole = DefaultReaderRole
	}
	if o.ReaderWait == 0 {
		o.ReaderWait = DefaultReaderWait
	}
	return o
}

// CopiedTable is one table of the PostgreSQL copy.
type CopiedTable struct {
	Name string
	// Kind is "table", or "view" for a warehouse view whose rows were
	// copied as a table.
	Kind string
	Rows int64
}

// PostgresSummary is what PublishPostgres did.
type PostgresSummary struct {
	// Server is the host and port (or socket folder) published to.
	Server string
	Schema string
	Tables []CopiedTable
	// Waited is how long the swap waited for older readers; StillReading
	// is how many of them were still open when the wait ran out.
	Waited       time.Duration
	StillReading int
	// Kept lists earlier copies that readers still held, so could not be
	// dropped; the next publish drops them.
	Kept     []string
	Duration time.Duration
}

// Rows is the number of rows copied, over all tables.
func (s *PostgresSummary) Rows() int64 {
	var n int64
	for _, t := range s.Tables {
		n += t.Rows
	}
	return n
}

// ConnectPostgres opens a connection for PublishPostgres. dsn is a URL
// (postgres://user@host:5432/db) or key=value settings; what it leaves out
// comes from the PG* environment variables and ~/.pgpass, as with psql.
// Errors name the server and user, never the password.
func ConnectPostgres(ctx context.Context, dsn string) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		// pgconn's parse errors already hide the password.
		return nil, fmt.Errorf("load: read the PostgreSQL connection string: %w", err)
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		var ce *pgconn.ConnectError
		if errors.As(err, &ce) && ce.Unwrap() != nil {
			err = ce.Unwrap() // its own message repeats user and database
		}
		return nil, &connectError{server: serverOf(cfg.Config), user: cfg.User,
			database: cfg.Database, err: err}
	}
	return conn, nil
}

// connectError is a failed connection. pgx reports each attempt (with and
// without TLS, each address of a host) on its own line, often the same
// line twice; the message keeps each once.
type connectError struct {
	server, user, database string
	err                    error
}

func (e *connectError) Error() string {
	var lines []string
	for _, l := range strings.Split(e.err.Error(), "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !slices.Contains(lines, l) {
			lines = append(lines, l)
		}
	}
	return fmt.Sprintf("load: cannot connect to PostgreSQL at %s as user %q, database %q: %s",
		e.server, e.user, e.database, strings.Join(lines, "; "))
}

func (e *connectError) Unwrap() error { return e.err }

// serverOf names a server as host:port, or its socket folder.
func serverOf(c pgconn.Config) string {
	if strings.HasPrefix(c.Host, "/") {
		return "socket " + c.Host
	}
	return net.JoinHostPort(c.Host, strconv.Itoa(int(c.Port)))
}

// PublishPostgres copies the warehouse's star schema (every dim_* and
// fact_* table, the ledger tables etl_run, etl_file, etl_reject and
// etl_quarantine, and the rows of every view, as tables) into the schema
// opt.Schema of the database pg is connected to, with the comments of the
// warehouse's catalogue, primary keys and NOT NULL columns.
//
// Readers never see a half-loaded copy. Every table is loaded, by the COPY
// protocol with rows streamed from warehouse, into a staging schema in one
// transaction. Once that is committed, PublishPostgres waits (up to
// opt.ReaderWait) for transactions that began before it, then in one short
// transaction renames the live schema away, renames the staging schema to
// the live name and grants opt.ReaderRole USAGE and SELECT. A query running
// across the swap keeps reading the previous copy; a query that starts
// after it reads the new one. The previous copy is then dropped, or kept
// for the next publish if a reader still holds it.
//
// warehouse should be opened with OpenReadOnly. The PostgreSQL user needs
// CREATE on the database, and CREATEROLE if the reader role is missing. An
// existing schema named opt.Schema is replaced only if an earlier publish
// made it or it is empty. On error the live schema is as it was; a staging
// schema that could not be dropped then is dropped by the next publish.
func PublishPostgres(ctx context.Context, warehouse *sql.DB, pg *pgx.Conn,
	opt PostgresOptions) (*PostgresSummary, error) {
	if err := opt.Check(); err != nil {
		return nil, err
	}
	stmts, err := sqlfs.Named("reference/postgres.sql")
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	p := &pgPublish{
		stmts: stmts,
		wh:    warehouse,
		pg:    pg,
		opt:   opt.withDefaults(),
		start: time.Now(),
	}
	p.sum = &PostgresSummary{Server: serverOf(pg.Config().Config), Schema: p.opt.Schema}

	// One publish per schema at a time.
	var locked bool
	if err := pg.QueryRow(ctx, stmts["try_lock"], p.opt.Schema).Scan(&locked); err != nil {
		return nil, p.fail("take the publish lock", err)
	}
	if !locked {
		return nil, fmt.Errorf("load: another publish into schema %s is running", p.opt.Schema)
	}
	defer func() {
		var ok bool
		_ = pg.QueryRow(context.WithoutCancel(ctx), stmts["unlock"], p.opt.Schema).Scan(&ok)
	}()

	if err := p.prepare(ctx); err != nil {
		return nil, err
	}
	if err := p.load(ctx); err != nil {
		return nil, err
	}
	if err := p.waitForReaders(ctx); err != nil {
		return nil, errors.Join(err, p.dropStaging(ctx))
	}
	if err := p.swap(ctx); err != nil {
		return nil, errors.Join(err, p.dropStaging(ctx))
	}
	if p.liveExists {
		if err := p.dropSchema(ctx, p.old); err != nil {
			p.sum.Kept = append(p.sum.Kept, p.old)
		}
	}
	p.sum.Duration = time.Since(p.start)
	return p.sum, nil
}

// dropStaging removes the committed staging schema of a publish that
// failed after loading it. If it cannot, the next publish will.
func (p *pgPublish) dropStaging(ctx context.Context) error {
	if err := p.dropSchema(context.WithoutCancel(ctx), p.staging); err != nil {
		return fmt.Errorf("load: drop the staging schema %s (the next publish will): %w",
			p.staging, err)
	}
	return nil
}

// pgPublish is one call of PublishPostgres.
type pgPublish struct {
	stmts map[string]string
	wh    *sql.DB
	pg    *pgx.Conn
	opt   PostgresOptions
	start time.Time
	sum   *PostgresSummary

	runID        int64
	staging, old string // schema names for this publish
	liveExists   bool
	loadedAt     time.Time // server time just after the staging load committed
}

// fail words a PostgreSQL error for a person.
func (p *pgPublish) fail(what string, err error) error {
	return fmt.Errorf("load: %s: %w", what, err)
}

// denied adds a hint to an error that is PostgreSQL refusing a privilege.
func (p *pgPublish) denied(what string, err error, hint string) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42501" { // insufficient_privilege
		return fmt.Errorf("load: %s: %w (%s)", what, err, hint)
	}
	return p.fail(what, err)
}

// slots fill a named statement's {name} slots with quoted identifiers.
type slots map[string]pgx.Identifier

// sql returns a named statement with its slots filled.
func (p *pgPublish) sql(name string, s slots) string {
	text := p.stmts[name]
	for slot, ident := range s {
		text = strings.ReplaceAll(text, "{"+slot+"}", ident.Sanitize())
	}
	return text
}

// prepare names this publish's schemas, checks the live schema may be
// replaced, creates the reader role if missing and drops what earlier
// publishes left behind.
func (p *pgPublish) prepare(ctx context.Context) error {
	if err := p.wh.QueryRowContext(ctx, p.stmts["duckdb_latest_run"]).Scan(&p.runID); err != nil {
		return fmt.Errorf("load: read the warehouse's latest run: %w", err)
	}
	stamp := fmt.Sprintf("%d_%s", p.runID, p.start.UTC().Format("20060102150405"))
	p.staging = p.opt.Schema + "_load_" + stamp
	p.old = p.opt.Schema + "_old_" + stamp

	var comment, owner string
	var objects int64
	var owned bool
	err := p.pg.QueryRow(ctx, p.stmts["schema_state"], p.opt.Schema).Scan(&p.liveExists,
		&comment, &objects, &owner, &owned)
	if err != nil {
		return p.fail("look up schema "+p.opt.Schema, err)
	}
	if p.liveExists && objects > 0 && !strings.HasPrefix(comment, publishedMark) {
		return fmt.Errorf("load: schema %s already exists and holds objects that scorecard "+
			"did not publish; it is left alone (choose another schema, or drop it first)",
			p.opt.Schema)
	}
	if p.liveExists && !owned {
		return fmt.Errorf("load: schema %s belongs to %s, so %s cannot replace it (publish "+
			"as %s, or a DBA can run ALTER SCHEMA %s OWNER TO %s)", p.opt.Schema, owner,
			p.pg.Config().User, owner, p.opt.Schema, p.pg.Config().User)
	}

	var exists bool
	err = p.pg.QueryRow(ctx, p.stmts["role_exists"], p.opt.ReaderRole).Scan(&exists)
	if err != nil {
		return p.fail("look up role "+p.opt.ReaderRole, err)
	}
	if !exists {
		q := p.sql("create_role", slots{"role": {p.opt.ReaderRole}})
		if _, err := p.pg.Exec(ctx, q); err != nil {
			return p.denied("create the reader role "+p.opt.ReaderRole, err, fmt.Sprintf(
				"%s may not create roles: a DBA can run CREATE ROLE %s NOLOGIN",
				p.pg.Config().User, p.opt.ReaderRole))
		}
	}

	rows, err := p.pg.Query(ctx, p.stmts["leftovers"], p.opt.Schema+"_load_",
		p.opt.Schema+"_old_", publishedMark)
	if err != nil {
		return p.fail("list earlier copies", err)
	}
	left, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return p.fail("list earlier copies", err)
	}
	for _, s := range left {
		if err := p.dropSchema(ctx, s); err != nil {
			p.sum.Kept = append(p.sum.Kept, s)
		}
	}
	return nil
}

// dropSchema drops an earlier copy, waiting at most ReaderWait for readers
// that still hold its tables.
func (p *pgPublish) dropSchema(ctx context.Context, schema string) error {
	tx, err := p.pg.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // after Commit, a no-op
	wait := strconv.FormatInt(p.opt.ReaderWait.Milliseconds(), 10) + "ms"
	if _, err := tx.Exec(ctx, p.stmts["lock_timeout"], wait); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, p.sql("drop_schema", slots{"schema": {schema}})); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// pgRelation is a warehouse table or view as it will be in PostgreSQL.
type pgRelation struct {
	name, kind, comment string
	columns             []pgColumn
	primaryKey          []string
}

type pgColumn struct {
	name, duckType, pgType, comment string
	nullable                        bool
	// convert turns a value scanned from DuckDB into one pgx can encode as
	// pgType; nil when it can already.
	convert func(any) (any, error)
}

// load creates the staging schema and copies every relation into it, in
// one transaction.
func (p *pgPublish) load(ctx context.Context) error {
	rels, err := p.relations(ctx)
	if err != nil {
		return err
	}
	tx, err := p.pg.Begin(ctx)
	if err != nil {
		return p.fail("begin the load", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // after Commit, a no-op

	// The staging schema, marked as ours.
	if _, err := tx.Exec(ctx, p.sql("create_schema", slots{"schema": {p.staging}})); err != nil {
		return p.denied("create schema "+p.staging, err, fmt.Sprintf(
			"a DBA can run GRANT CREATE ON DATABASE %s TO %s",
			p.pg.Config().Database, p.pg.Config().User))
	}
	mark := fmt.Sprintf("%s, copied from warehouse run %d at %s. Every publish replaces "+
		"this schema whole: add nothing to it.", publishedMark, p.runID,
		p.start.UTC().Format(time.RFC3339))
	var notes comments
	notes.add("SCHEMA", pgx.Identifier{p.staging}, mark)
	if err := p.comment(ctx, tx, notes); err != nil {
		return p.fail("comment on schema "+p.staging, err)
	}

	// Each relation: create, copy, key, describe, analyse.
	for _, r := range rels {
		n, err := p.copyRelation(ctx, tx, r)
		if err != nil {
			return err
		}
		p.sum.Tables = append(p.sum.Tables, CopiedTable{Name: r.name, Kind: r.kind, Rows: n})
	}

	if err := tx.Commit(ctx); err != nil {
		return p.fail("commit the load", err)
	}
	if err := p.pg.QueryRow(ctx, p.stmts["server_time"]).Scan(&p.loadedAt); err != nil {
		return p.fail("read the server's clock", err)
	}
	return nil
}

// relations reads what is copied, with columns, types and comments, from
// the warehouse's catalogue.
func (p *pgPublish) relations(ctx context.Context) ([]pgRelation, error) {
	rows, err := p.wh.QueryContext(ctx, p.stmts["duckdb_relations"])
	if err != nil {
		return nil, fmt.Errorf("load: list the warehouse's tables: %w", err)
	}
	var rels []pgRelation
	for rows.Next() {
		var r pgRelation
		if err := rows.Scan(&r.name, &r.kind, &r.comment); err != nil {
			rows.Close()
			return nil, fmt.Errorf("load: list the warehouse's tables: %w", err)
		}
		rels = append(rels, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load: list the warehouse's tables: %w", err)
	}
	for i := range rels {
		if err := p.describe(ctx, &rels[i]); err != nil {
			return nil, err
		}
	}
	return rels, nil
}

func (p *pgPublish) describe(ctx context.Context, r *pgRelation) error {
	rows, err := p.wh.QueryContext(ctx, p.stmts["duckdb_columns"], r.name)
	if err != nil {
		return fmt.Errorf("load: read the columns of %s: %w", r.name, err)
	}
	defer rows.Close()
	for rows.Next() {
		var c pgColumn
		if err := rows.Scan(&c.name, &c.duckType, &c.nullable, &c.comment); err != nil {
			return fmt.Errorf("load: read the columns of %s: %w", r.name, err)
		}
		if err := mapType(&c); err != nil {
			return fmt.Errorf("load: column %s of %s: %w", c.name, r.name, err)
		}
		r.columns = append(r.columns, c)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("load: read the columns of %s: %w", r.name, err)
	}
	if r.kind != "table" {
		return nil
	}
	var key duckdb.Composite[[]string]
	err = p.wh.QueryRowContext(ctx, p.stmts["duckdb_primary_key"], r.name).Scan(&key)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("load: read the primary key of %s: %w", r.name, err)
	}
	r.primaryKey = key.Get()
	return nil
}

// pgTypes maps DuckDB's types to PostgreSQL's, one for one. A type not here
// stops the publish rather than being guessed at.
var pgTypes = map[string]string{
	"VARCHAR":                  "text",
	"BIGINT":                   "bigint",
	"INTEGER":                  "integer",
	"SMALLINT":                 "smallint",
	"DOUBLE":                   "double precision",
	"FLOAT":                    "real",
	"DATE":                     "date",
	"TIMESTAMP":                "timestamp",
	"TIMESTAMP WITH TIME ZONE": "timestamptz",
	"BOOLEAN":                  "boolean",
	"HUGEINT":                  "numeric(39,0)",
}

var decimalType = regexp.MustCompile(`^DECIMAL\((\d+),(\d+)\)$`)

func mapType(c *pgColumn) error {
	if t, ok := pgTypes[c.duckType]; ok {
		c.pgType = t
		if c.duckType == "HUGEINT" {
			c.convert = bigIntToNumeric
		}
		return nil
	}
	if m := decimalType.FindStringSubmatch(c.duckType); m != nil {
		c.pgType = "numeric(" + m[1] + "," + m[2] + ")"
		c.convert = decimalToNumeric
		return nil
	}
	return fmt.Errorf("DuckDB type %s has no PostgreSQL type in publish "+
		"(cast it in the warehouse to one of VARCHAR, BIGINT, INTEGER, DOUBLE, DATE, "+
		"TIMESTAMP, BOOLEAN or DECIMAL)", c.duckType)
}

func decimalToNumeric(v any) (any, error) {
	d, ok := v.(duckdb.Decimal)
	if !ok {
		return nil, fmt.Errorf("want a DECIMAL, got %T", v)
	}
	return pgtype.Numeric{Int: d.Value, Exp: -int32(d.Scale), Valid: true}, nil
}

func bigIntToNumeric(v any) (any, error) {
	i, ok := v.(*big.Int)
	if !ok {
		return nil, fmt.Errorf("want a HUGEINT, got %T", v)
	}
	return pgtype.Numeric{Int: i, Valid: true}, nil
}

// copyRelation creates one table in the staging schema and streams the
// warehouse's rows into it. It returns the number of rows copied.
func (p *pgPublish) copyRelation(ctx context.Context, tx pgx.Tx, r pgRelation) (int64, error) {
	table := pgx.Identifier{p.staging, r.name}

	// Create the table, its columns typed one for one.
	defs := make([]string, len(r.columns))
	names := make([]string, len(r.columns))
	selects := make([]string, len(r.columns))
	for i, c := range r.columns {
		defs[i] = pgx.Identifier{c.name}.Sanitize() + " " + c.pgType
		if !c.nullable {
			defs[i] += " NOT NULL"
		}
		names[i] = c.name
		selects[i] = sqlfs.Ident(c.name)
	}
	create := "CREATE TABLE " + table.Sanitize() + " (\n    " +
		strings.Join(defs, ",\n    ") + "\n)"
	if _, err := tx.Exec(ctx, create); err != nil {
		return 0, p.fail("create table "+r.name, err)
	}

	// Stream the rows.
	query := "SELECT " + strings.Join(selects, ", ") + " FROM " + sqlfs.Ident(r.name)
	rows, err := p.wh.QueryContext(ctx, query)
	if err != nil {
		return 0, fmt.Errorf("load: read %s from the warehouse: %w", r.name, err)
	}
	src := newDuckSource(rows, r.columns)
	n, err := tx.CopyFrom(ctx, table, names, src)
	rows.Close()
	if err != nil {
		return 0, p.fail("copy "+r.name+" to PostgreSQL", err)
	}

	// The primary key, the comments, and planner statistics.
	if len(r.primaryKey) > 0 {
		cols := make([]string, len(r.primaryKey))
		for i, c := range r.primaryKey {
			cols[i] = pgx.Identifier{c}.Sanitize()
		}
		q := "ALTER TABLE " + table.Sanitize() + " ADD PRIMARY KEY (" +
			strings.Join(cols, ", ") + ")"
		if _, err := tx.Exec(ctx, q); err != nil {
			return 0, p.fail("add the primary key of "+r.name, err)
		}
	}
	var notes comments
	notes.add("TABLE", table, r.comment)
	for _, c := range r.columns {
		notes.add("COLUMN", pgx.Identifier{p.staging, r.name, c.name}, c.comment)
	}
	if err := p.comment(ctx, tx, notes); err != nil {
		return 0, p.fail("describe "+r.name, err)
	}
	if _, err := tx.Exec(ctx, p.sql("analyze", slots{"table": table})); err != nil {
		return 0, p.fail("analyse "+r.name, err)
	}
	return n, nil
}

// comments are the descriptions of some schemas, tables or columns.
type comments struct{ kinds, objects, texts []string }

// add notes the comment of one object; an empty comment is left out.
func (c *comments) add(kind string, obj pgx.Identifier, text string) {
	if text == "" {
		return
	}
	c.kinds = append(c.kinds, kind)
	c.objects = append(c.objects, obj.Sanitize())
	c.texts = append(c.texts, text)
}

// comment sets the comments, in two round trips: PostgreSQL writes the
// COMMENT statements, then runs them.
func (p *pgPublish) comment(ctx context.Context, tx pgx.Tx, c comments) error {
	if len(c.kinds) == 0 {
		return nil
	}
	var stmts string
	err := tx.QueryRow(ctx, p.stmts["comment_on"], c.kinds, c.objects, c.texts).Scan(&stmts)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, stmts) // no arguments: the simple protocol, many statements
	return err
}

// duckSource feeds pgx's COPY from DuckDB rows as they are read: pgx
// encodes each row into its send buffer before asking for the next, so Go
// never holds more than a row and a buffer of a table.
//
// NOTE: duckdb-go runs a query to completion before the first row is read
// (it uses DuckDB's materialised results, not streaming ones), so DuckDB
// itself holds one table's result, in its compact columnar form, while it
// is copied: about 250 MB at peak for three million rows of six columns.
// Reading in rowid ranges would bound that but, measured, doubled the time.
type duckSource struct {
	rows    *sql.Rows
	columns []pgColumn
	vals    []any
	ptrs    []any
	err     error
}

func newDuckSource(rows *sql.Rows, columns []pgColumn) *duckSource {
	s := &duckSource{rows: rows, columns: columns, vals: make([]any, len(columns)),
		ptrs: make([]any, len(columns))}
	for i := range s.vals {
		s.ptrs[i] = &s.vals[i]
	}
	return s
}

func (s *duckSource) Next() bool {
	if s.err != nil || !s.rows.Next() {
		return false
	}
	if err := s.rows.Scan(s.ptrs...); err != nil {
		s.err = err
		return false
	}
	return true
}

// Values returns the current row. pgx encodes it before calling Next again,
// so one slice serves every row.
func (s *duckSource) Values() ([]any, error) {
	for i, c := range s.columns {
		if c.convert == nil || s.vals[i] == nil {
			continue
		}
		v, err := c.convert(s.vals[i])
		if err != nil {
			return nil, fmt.Errorf("column %s: %w", c.name, err)
		}
		s.vals[i] = v
	}
	return s.vals, nil
}

func (s *duckSource) Err() error {
	if s.err != nil {
		return s.err
	}
	return s.rows.Err()
}

// waitForReaders waits, up to ReaderWait, until no transaction that began
// before the staging load was committed is still open. PostgreSQL looks
// names up in its catalogue as it is now, not as a transaction's snapshot
// saw it: a REPEATABLE READ transaction that outlived the swap would find
// the new tables but not their rows. Waiting for those transactions first
// means that, unless the wait runs out, no reader can see an empty table.
func (p *pgPublish) waitForReaders(ctx context.Context) error {
	deadline := time.Now().Add(p.opt.ReaderWait)
	began := time.Now()
	for {
		var older int
		err := p.pg.QueryRow(ctx, p.stmts["older_readers"], p.loadedAt).Scan(&older)
		if err != nil {
			return p.fail("look for open transactions", err)
		}
		if older == 0 || !time.Now().Before(deadline) {
			p.sum.StillReading = older
			p.sum.Waited = time.Since(began)
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("load: wait for readers of schema %s: %w", p.opt.Schema, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// swap puts the staging schema in the live one's place and grants the
// reader role, in one transaction: a reader sees the previous copy or the
// new one, never neither.
func (p *pgPublish) swap(ctx context.Context) error {
	names := slots{"live": {p.opt.Schema}, "old": {p.old}, "schema": {p.staging},
		"role": {p.opt.ReaderRole}}
	steps := []string{"rename_staging_live", "grant_usage", "grant_select"}
	if p.liveExists {
		steps = append([]string{"rename_live_away"}, steps...)
	}
	tx, err := p.pg.Begin(ctx)
	if err != nil {
		return p.fail("begin the swap", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // after Commit, a no-op
	for _, step := range steps {
		if _, err := tx.Exec(ctx, p.sql(step, names)); err != nil {
			return p.fail("swap schema "+p.opt.Schema+" ("+step+")", err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return p.fail("commit the swap of schema "+p.opt.Schema, err)
	}
	return nil
}
