-- Statements of the run ledger (pipeline), split at the "-- name:" lines.

-- name: next_run_id
SELECT coalesce(max(run_id), 0) + 1 FROM etl_run;

-- name: start_run
INSERT INTO etl_run (run_id, started_at, status, as_of)
VALUES ($1, $2, 'running', $3);

-- name: finish_run
UPDATE etl_run
SET
    ended_at = $2,
    status = $3,
    files_new = $4,
    files_quarantined = $5,
    rows_staged = $6,
    rows_refused = $7,
    message = $8
WHERE run_id = $1;

-- name: record_failed_run
INSERT INTO etl_run (run_id, started_at, ended_at, status, as_of, message)
SELECT coalesce(max(run_id), 0) + 1, $1, $2, 'failed', $3, $4
FROM etl_run;

-- name: next_file_id
SELECT coalesce(max(file_id), 0) + 1 FROM etl_file;

-- name: file_loaded
SELECT count(*) FROM etl_file WHERE sha256 = $1;

-- name: file_quarantined
SELECT count(*) FROM etl_quarantine WHERE sha256 = $1;

-- name: record_file
INSERT INTO etl_file (
    file_id, run_id, file_name, kind, sha256, part, bytes,
    rows_read, rows_staged, rows_refused, columns_not_read, loaded_at
)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);

-- name: record_quarantine
INSERT INTO etl_quarantine (run_id, file_name, sha256, reason)
VALUES ($1, $2, $3, $4);

-- name: calendar_range
SELECT
    min(first_date),
    max(last_date)
FROM cm_coverage;

-- name: key_fingerprint
SELECT fingerprint FROM etl_key;

-- name: record_key
INSERT INTO etl_key (fingerprint, first_run_id) VALUES ($1, $2);
