-- Statements that LoadCatalogue runs inside the caller's transaction, each
-- headed by a "-- name:" line. dim_indicator is rebuilt whole from the
-- catalogue embedded in the binary (transform/catalogue.csv) on every load.

-- name: clear_dim_indicator
DELETE FROM dim_indicator;

-- name: insert_indicator
INSERT INTO dim_indicator (
    indicator_id,
    code,
    title,
    section,
    frequency,
    unit,
    polarity,
    definition,
    numerator,
    denominator,
    period,
    authority,
    status,
    status_reason,
    appendix_line,
    sort_order
)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
