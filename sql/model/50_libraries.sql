-- Library activity: counts by library over a counting period.
--
-- Councils publish the same counts more than once (a long-format usage file,
-- a wide file with a column per month, and the open data schema), and send
-- the same file again with more months in it. The rules, applied in order:
--
--   1. A row of the long-format usage file that gives no figure at all
--      (enquiries, visits, issues and sessions all blank) is a month in
--      which the library had no service (Newcastle lists its closed
--      libraries that way): it is not a count. Any other blank or withheld
--      (x, *, c) count stages as NULL and stays NULL, never zero.
--   2. Within one source, a count is known by its library, counting period
--      (and, for loans, stock type): when files repeat it, the latest
--      file's row is kept, and within a file the last row. For visits this
--      also means two counts of one library and period (a manual and an
--      automatic count) are one count, not a sum.
--   3. Across sources, the most detailed wins: the open data schema first,
--      then the long-format usage file, then wide files. A count is dropped
--      when a better source counts the same library over any day of its
--      counting period, so that a monthly wide-file count is not added to
--      a quarterly open data count of the same library.
--
-- Libraries are matched by name, folding case and spaces (library_id); the
-- name kept (library) is the spelling of the latest file that names it.
--
-- TODO: counts of the same source whose periods overlap without being the
-- same (a weekly and a monthly count of one library in one schema file)
-- are both kept; nothing in the public files does this, and no indicator
-- adds periods of different lengths from one source.

CREATE OR REPLACE TABLE cm_library_visit AS
WITH counts AS (
    SELECT
        'visits' AS source,
        1 AS rank,
        _file_id,
        _line,
        library,
        count_start AS period_start,
        count_end AS period_end,
        visits
    FROM stg_library_visits
    UNION ALL
    SELECT
        'usage',
        2,
        _file_id,
        _line,
        library,
        month,
        last_day(month),
        visits
    FROM stg_library_usage
    WHERE enquiries IS NOT NULL
        OR visits IS NOT NULL
        OR issues IS NOT NULL
        OR pc_sessions_pct IS NOT NULL
    UNION ALL
    SELECT
        'visits_wide',
        3,
        _file_id,
        _line,
        library,
        month,
        last_day(month),
        visits
    FROM stg_library_visits_wide
),

keyed AS (
    SELECT
        *,
        lower(trim(regexp_replace(library, '\s+', ' ', 'g'))) AS library_id
    FROM counts
),

latest AS (
    SELECT *
    FROM keyed
    QUALIFY row_number() OVER (
        PARTITION BY source, library_id, period_start, period_end
        ORDER BY _file_id DESC, _line DESC
    ) = 1
),

best AS (
    SELECT *
    FROM latest AS c
    WHERE NOT EXISTS (
        SELECT 1
        FROM latest AS b
        WHERE b.library_id = c.library_id
            AND b.rank < c.rank
            AND b.period_start <= c.period_end
            AND b.period_end >= c.period_start
    )
),

final AS (
    SELECT
        library_id,
        first_value(library) OVER (
            PARTITION BY library_id ORDER BY _file_id DESC, _line DESC
        ) AS library,
        period_start,
        period_end,
        visits
    FROM best
)

SELECT * FROM final;

CREATE OR REPLACE TABLE cm_library_loan AS
WITH counts AS (
    SELECT
        'loans' AS source,
        1 AS rank,
        _file_id,
        _line,
        library,
        month AS period_start,
        last_day(month) AS period_end,
        stock_type,
        loans
    FROM stg_library_loans
    UNION ALL
    SELECT
        'loans',
        1,
        _file_id,
        _line,
        library,
        count_start,
        count_end,
        stock_type,
        loans
    FROM stg_library_loans_range
    UNION ALL
    SELECT
        'usage',
        2,
        _file_id,
        _line,
        library,
        month,
        last_day(month),
        NULL,
        issues
    FROM stg_library_usage
    WHERE enquiries IS NOT NULL
        OR visits IS NOT NULL
        OR issues IS NOT NULL
        OR pc_sessions_pct IS NOT NULL
    UNION ALL
    SELECT
        'issues_wide',
        3,
        _file_id,
        _line,
        library,
        month,
        last_day(month),
        NULL,
        loans
    FROM stg_library_issues_wide
),

keyed AS (
    SELECT
        *,
        lower(trim(regexp_replace(library, '\s+', ' ', 'g'))) AS library_id
    FROM counts
),

latest AS (
    SELECT *
    FROM keyed
    QUALIFY row_number() OVER (
        PARTITION BY source, library_id, period_start, period_end, stock_type
        ORDER BY _file_id DESC, _line DESC
    ) = 1
),

best AS (
    SELECT *
    FROM latest AS c
    WHERE NOT EXISTS (
        SELECT 1
        FROM latest AS b
        WHERE b.library_id = c.library_id
            AND b.rank < c.rank
            AND b.period_start <= c.period_end
            AND b.period_end >= c.period_start
    )
),

final AS (
    SELECT
        library_id,
        first_value(library) OVER (
            PARTITION BY library_id ORDER BY _file_id DESC, _line DESC
        ) AS library,
        period_start,
        period_end,
        stock_type,
        loans
    FROM best
)

SELECT * FROM final;

-- Coverage (see 99_coverage.sql): day-level visits cover exactly the days
-- from the first to the last one-day count.
INSERT INTO cm_coverage_span (domain, first_event, last_event, exact_days)
SELECT 'library_loans', min(period_start), max(period_end), false FROM cm_library_loan
UNION ALL
SELECT 'library_visits', min(period_start), max(period_end), false FROM cm_library_visit
UNION ALL
SELECT 'library_visits_daily', min(period_start), max(period_end), true
FROM cm_library_visit
WHERE period_start = period_end;
