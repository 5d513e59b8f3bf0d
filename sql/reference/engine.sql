-- Statements of the indicator engine (transform.Compute), split at the
-- "-- name:" lines. Parameters are positional ($1, $2, ...).

-- name: create_work
CREATE OR REPLACE TEMP TABLE indicator_period (
    period_id    VARCHAR PRIMARY KEY,
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL,
    label        VARCHAR NOT NULL,
    to_date      BOOLEAN NOT NULL DEFAULT false
);

-- name: clear_facts
DELETE FROM fact_indicator;

-- name: clear_members
DELETE FROM fact_indicator_member;

-- name: clear_periods
DELETE FROM indicator_period;

-- name: fill_periods
-- $1 frequency, $2 first day covered, $3 last day covered, $4 as-of date:
-- a period is reported once it has ended before the as-of date and when the
-- sources cover all of it.
INSERT INTO indicator_period
SELECT
    period_id,
    period_start,
    period_end,
    label,
    false
FROM dim_period
WHERE frequency = $1
    AND period_start >= CAST($2 AS DATE)
    AND period_end <= CAST($3 AS DATE)
    AND period_end < CAST($4 AS DATE);

-- name: fill_period_to_date
-- $1 frequency, $2 first day covered, $3 last day the data reach: the
-- period holding that day, when it has not ended by then, is reported "to
-- date" for indicators that ask for it (flows whose part-period total means
-- something).
INSERT INTO indicator_period
SELECT
    period_id,
    period_start,
    period_end,
    label,
    true
FROM dim_period
WHERE frequency = $1
    AND period_start >= CAST($2 AS DATE)
    AND period_start <= CAST($3 AS DATE)
    AND period_end > CAST($3 AS DATE);

-- name: coverage
-- $1 the indicator's source domains, comma separated: the days all of them
-- cover.
SELECT
    max(first_date),
    min(last_date),
    count(*)
FROM cm_coverage
WHERE list_contains(string_split($1, ','), domain);

-- name: aggregate
-- $1 indicator id, $2 unit, $3 run id. One value per period and breakdown:
-- every period of indicator_period gets an 'all' value, zero when nothing
-- was counted; other breakdowns appear where they have members.
INSERT INTO fact_indicator
WITH sums AS (
    SELECT
        period_id,
        breakdown,
        -- Summed as exact decimals: a sum of doubles depends on the order
        -- DuckDB's threads add them in, and a re-run must give the same bits.
        CAST(sum(CAST(numerator AS DECIMAL(38, 12))) AS DOUBLE) AS numerator,
        CAST(sum(CAST(denominator AS DECIMAL(38, 12))) AS DOUBLE) AS denominator,
        bool_or(numerator IS NULL) AS has_unknown
    FROM fact_indicator_member
    WHERE indicator_id = $1
    GROUP BY period_id, breakdown
),

present AS (
    SELECT
        p.period_id,
        p.period_start,
        p.to_date,
        s.breakdown,
        s.numerator,
        s.denominator,
        s.has_unknown
    FROM indicator_period AS p
    INNER JOIN sums AS s
        ON s.period_id = p.period_id
),

filled AS (
    SELECT * FROM present
    UNION ALL
    SELECT
        p.period_id,
        p.period_start,
        p.to_date,
        'all',
        0,
        0,
        false
    FROM indicator_period AS p
    WHERE NOT EXISTS (
        SELECT 1 FROM present AS g WHERE g.period_id = p.period_id AND g.breakdown = 'all'
    )
),

-- Rates use the mid-year estimate of the year the period's financial year
-- starts in: mid-2025 for April 2025 to March 2026.
with_population AS (
    SELECT
        f.*,
        r.population
    FROM filled AS f
    LEFT JOIN ref_population AS r
        ON r.mid_year = CASE WHEN month(f.period_start) >= 4 THEN year(f.period_start)
            ELSE year(f.period_start) - 1 END
),

final AS (
    SELECT
        $1 AS indicator_id,
        period_id,
        breakdown,
        CASE WHEN has_unknown THEN NULL ELSE numerator END AS numerator,
        CASE
            WHEN $2 IN ('count', 'hours') THEN NULL
            WHEN $2 = 'rate_per_10k' THEN population
            ELSE denominator
        END AS denominator,
        CASE
            WHEN has_unknown THEN NULL
            WHEN $2 IN ('count', 'hours') THEN numerator
            WHEN $2 = 'percent' THEN 100.0 * numerator / nullif(denominator, 0)
            WHEN $2 = 'rate_per_10k' THEN 10000.0 * numerator / population
            WHEN $2 IN ('mean_days', 'mean_weeks') THEN numerator / nullif(denominator, 0)
        END AS value,
        $3 AS run_id,
        to_date
    FROM with_population
    WHERE $2 <> 'rate_per_10k' OR population IS NOT NULL
)

SELECT * FROM final;

-- name: drop_unreported_members
-- $1 indicator id: members of periods that are not reported are not kept.
DELETE FROM fact_indicator_member
WHERE indicator_id = $1
    AND period_id NOT IN (SELECT period_id FROM indicator_period);

-- name: missing_population
-- $1 indicator id: the mid-years whose population a rate needed but lacked.
SELECT DISTINCT
    CASE WHEN month(p.period_start) >= 4 THEN year(p.period_start)
        ELSE year(p.period_start) - 1 END AS mid_year
FROM indicator_period AS p
WHERE NOT EXISTS (
    SELECT 1
    FROM ref_population AS r
    WHERE r.mid_year = CASE WHEN month(p.period_start) >= 4 THEN year(p.period_start)
        ELSE year(p.period_start) - 1 END
)
ORDER BY mid_year;

-- name: set_status
UPDATE dim_indicator
SET status = $2, status_reason = $3
WHERE indicator_id = $1;

-- name: fill_breakdowns
INSERT OR REPLACE INTO dim_breakdown
SELECT DISTINCT
    breakdown,
    CASE WHEN breakdown = 'all' THEN 'all' ELSE split_part(breakdown, '=', 1) END,
    CASE WHEN breakdown = 'all' THEN 'all'
        ELSE substr(breakdown, strpos(breakdown, '=') + 1) END
FROM fact_indicator;
