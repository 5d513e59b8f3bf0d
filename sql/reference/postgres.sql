-- Statements of load.PublishPostgres, split at the "-- name:" lines.
--
-- The duckdb_* statements read the warehouse's catalogue (load.ExportParquet
-- uses them too, so both serve the same tables); every other one runs on
-- PostgreSQL. Names in braces ({schema}, {table}, {role}, {old},
-- {live}) are replaced by identifiers quoted with pgx.Identifier before a
-- statement is sent; values travel as parameters.

-- name: duckdb_relations
-- What is copied: the star schema's dimensions and facts, the ledger, and
-- the rows of every view (copied as tables).
SELECT
    table_name AS name,
    'table' AS kind,
    coalesce(comment, '') AS comment
FROM duckdb_tables()
WHERE database_name = current_database()
    AND schema_name = 'main'
    AND NOT temporary
    AND (
        starts_with(table_name, 'dim_')
        OR starts_with(table_name, 'fact_')
        OR table_name IN ('etl_run', 'etl_file', 'etl_reject', 'etl_quarantine')
    )
UNION ALL
SELECT
    view_name AS name,
    'view' AS kind,
    coalesce(comment, '') AS comment
FROM duckdb_views()
WHERE database_name = current_database()
    AND schema_name = 'main'
    AND NOT internal
    AND NOT temporary
ORDER BY name;

-- name: duckdb_columns
-- $1 table or view: its columns in order, from the information schema.
SELECT
    c.column_name,
    c.data_type,
    c.is_nullable = 'YES' AS nullable,
    coalesce(d.comment, '') AS comment
FROM information_schema.columns AS c
LEFT JOIN duckdb_columns() AS d
    ON d.database_name = c.table_catalog
    AND d.schema_name = c.table_schema
    AND d.table_name = c.table_name
    AND d.column_name = c.column_name
WHERE c.table_catalog = current_database()
    AND c.table_schema = 'main'
    AND c.table_name = $1
ORDER BY c.ordinal_position;

-- name: duckdb_primary_key
-- $1 table: the columns of its primary key, if it has one.
SELECT constraint_column_names
FROM duckdb_constraints()
WHERE database_name = current_database()
    AND schema_name = 'main'
    AND table_name = $1
    AND constraint_type = 'PRIMARY KEY';

-- name: duckdb_latest_run
SELECT
    coalesce(max(run_id), 0)
FROM etl_run;

-- name: try_lock
-- $1 live schema: one publish at a time per schema, across machines.
SELECT pg_try_advisory_lock(hashtext('scorecard publish'), hashtext($1));

-- name: unlock
SELECT pg_advisory_unlock(hashtext('scorecard publish'), hashtext($1));

-- name: role_exists
SELECT count(*) > 0
FROM pg_roles
WHERE rolname = $1;

-- name: create_role
CREATE ROLE {role} NOLOGIN;

-- name: schema_state
-- $1 schema: whether it exists, its comment, how many objects it holds, its
-- owner, and whether this user may act as the owner (and so rename it).
SELECT
    count(*) > 0,
    coalesce(max(obj_description(n.oid, 'pg_namespace')), ''),
    coalesce(max((SELECT count(*) FROM pg_class AS c WHERE c.relnamespace = n.oid)), 0),
    coalesce(max(pg_get_userbyid(n.nspowner)::text), ''),
    coalesce(bool_or(pg_has_role(n.nspowner, 'USAGE')), false)
FROM pg_namespace AS n
WHERE n.nspname = $1;

-- name: leftovers
-- $1 and $2 name prefixes, $3 the comment every published schema carries:
-- staging and retired schemas that an earlier publish left behind.
SELECT n.nspname
FROM pg_namespace AS n
WHERE (starts_with(n.nspname, $1) OR starts_with(n.nspname, $2))
    AND starts_with(coalesce(obj_description(n.oid, 'pg_namespace'), ''), $3)
ORDER BY n.nspname;

-- name: create_schema
CREATE SCHEMA {schema};

-- name: comment_on
-- $1 kinds (SCHEMA, TABLE or COLUMN), $2 the objects as quoted names, $3
-- their comments: the COMMENT statements as one text. COMMENT takes no
-- parameters, so PostgreSQL quotes the comments itself (%L).
SELECT coalesce(string_agg(format('COMMENT ON %s %s IS %L', u.kind, u.object, u.comment),
    E';\n'), '')
FROM unnest($1::text[], $2::text[], $3::text[]) AS u (kind, object, comment);

-- name: analyze
ANALYZE {table};

-- name: server_time
SELECT clock_timestamp();

-- name: older_readers
-- $1 when the new copy was committed: sessions of this database whose
-- transaction began before then and still holds a snapshot. A REPEATABLE
-- READ transaction among them would see the new tables, after the swap,
-- without their rows. Other users' sessions are visible only to a member
-- of pg_read_all_stats.
SELECT count(*)
FROM pg_stat_activity
WHERE datname = current_database()
    AND pid <> pg_backend_pid()
    AND backend_type = 'client backend'
    AND backend_xmin IS NOT NULL
    AND xact_start < $1;

-- name: rename_live_away
ALTER SCHEMA {live} RENAME TO {old};

-- name: rename_staging_live
ALTER SCHEMA {schema} RENAME TO {live};

-- name: grant_usage
GRANT USAGE ON SCHEMA {live} TO {role};

-- name: grant_select
GRANT SELECT ON ALL TABLES IN SCHEMA {live} TO {role};

-- name: lock_timeout
-- $1 how long a statement may wait for a lock, as PostgreSQL reads it: '2s'.
SELECT set_config('lock_timeout', $1, true);

-- name: drop_schema
DROP SCHEMA {schema} CASCADE;
