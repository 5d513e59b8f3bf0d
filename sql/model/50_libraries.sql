-- Library activity: counts by library over a counting period.
--
-- Councils publish the same counts more than once (a long-format usage file,
-- a wide file with a column per month, and the open data schema), so for
-- each library and counting period only the most detailed source is kept:
-- the open data schema first, then the long-format usage file, then wide
-- files. Libraries are matched by name, folding case and spaces.

CREATE OR REPLACE TABLE cm_library_visit AS
WITH counts AS (
    SELECT
        library,
        count_start AS period_start,
        count_end AS period_end,
        visits,
        1 AS rank
    FROM stg_library_visits
    UNION ALL
    SELECT library, month, last_day(month), visits, 2 FROM stg_library_usage
    UNION ALL
    SELECT library, month, last_day(month), visits, 3 FROM stg_library_visits_wide
),

ranked AS (
    SELECT
        *,
        lower(trim(regexp_replace(library, '\s+', ' ', 'g'))) AS library_id
    FROM counts
),

best AS (
    SELECT *
    FROM ranked
    QUALIFY rank = min(rank) OVER (PARTITION BY library_id, period_start, period_end)
),

-- A total with a suppressed part is unknown, not the sum of the rest.
final AS (
    SELECT
        library_id,
        any_value(library) AS library,
        period_start,
        period_end,
        CASE WHEN bool_or(visits IS NULL) THEN NULL ELSE sum(visits) END AS visits
    FROM best
    GROUP BY library_id, period_start, period_end
)

SELECT * FROM final;

CREATE OR REPLACE TABLE cm_library_loan AS
WITH counts AS (
    SELECT
        library,
        month AS period_start,
        last_day(month) AS period_end,
        stock_type,
        loans,
        1 AS rank
    FROM stg_library_loans
    UNION ALL
    SELECT library, count_start, count_end, stock_type, loans, 1 FROM stg_library_loans_range
    UNION ALL
    SELECT library, month, last_day(month), NULL, issues, 2 FROM stg_library_usage
    UNION ALL
    SELECT library, month, last_day(month), NULL, loans, 3 FROM stg_library_issues_wide
),

ranked AS (
    SELECT
        *,
        lower(trim(regexp_replace(library, '\s+', ' ', 'g'))) AS library_id
    FROM counts
),

final AS (
    SELECT
        library_id,
        library,
        period_start,
        period_end,
        stock_type,
        loans
    FROM ranked
    QUALIFY rank = min(rank) OVER (PARTITION BY library_id, period_start, period_end)
)

SELECT * FROM final;
