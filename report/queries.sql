-- Statements of the scorecard report and of explain, split at the
-- "-- name:" lines. The scorecard shows complete periods only: values "to
-- date" of a period not yet over are left to explain and the warehouse. Parameters are positional ($1, $2, ...). Every statement
-- reads the published warehouse and changes nothing.
--
-- A subject key leaves the warehouse with every keyed hash in it (a run of
-- 16 or more lower-case hex digits) cut to its first 12 characters: enough to
-- tell cases apart and to find them again, not the whole hash. The rest of a
-- key stays, such as the date and source code of a referral or the site and
-- stock of a library loan count, which name no one.

-- name: indicators
-- Every row of the appendix, in its order.
SELECT
    indicator_id,
    code,
    title,
    section,
    frequency,
    unit,
    polarity,
    coalesce(definition, '') AS definition,
    coalesce(numerator, '') AS numerator,
    coalesce(denominator, '') AS denominator,
    coalesce(period, '') AS period,
    coalesce(authority, '') AS authority,
    status,
    coalesce(status_reason, '') AS status_reason
FROM dim_indicator
ORDER BY sort_order;

-- name: period
-- $1 period id.
SELECT
    period_id,
    frequency,
    period_start,
    period_end,
    label
FROM dim_period
WHERE period_id = $1;

-- name: calendar_range
-- The first and last day dim_period covers, for error messages.
SELECT
    min(period_start),
    max(period_end)
FROM dim_period;

-- name: latest_month
-- The latest month with any indicator value; failing that, the month that
-- holds the end of the latest value of any frequency.
WITH monthly AS (
    SELECT
        p.period_id,
        p.period_start
    FROM fact_indicator AS f
    INNER JOIN dim_period AS p
        ON p.period_id = f.period_id
    WHERE p.frequency = 'month'
        AND NOT f.to_date
),

any_value AS (
    SELECT max(p.period_end) AS last_end
    FROM fact_indicator AS f
    INNER JOIN dim_period AS p
        ON p.period_id = f.period_id
),

holding AS (
    SELECT
        m.period_id,
        m.period_start
    FROM dim_period AS m
    INNER JOIN any_value AS a
        ON a.last_end BETWEEN m.period_start AND m.period_end
    WHERE m.frequency = 'month'
),

final AS (
    SELECT period_id, period_start, 1 AS preference FROM monthly
    UNION ALL
    SELECT period_id, period_start, 2 AS preference FROM holding
)

SELECT period_id
FROM final
ORDER BY preference, period_start DESC
LIMIT 1;

-- name: latest_due
-- $1 last day of the report period: for each frequency, the start of the
-- latest period that has ended by then.
SELECT
    frequency,
    max(period_start) AS period_start
FROM dim_period
WHERE period_end <= CAST($1 AS DATE)
GROUP BY frequency;

-- name: shown
-- $1 last day of the report period: each indicator's latest 'all' value
-- over a period ending on or before it.
WITH ranked AS (
    SELECT
        f.indicator_id,
        f.period_id,
        p.period_start,
        p.period_end,
        p.label,
        f.numerator,
        f.denominator,
        f.value,
        row_number() OVER (
            PARTITION BY f.indicator_id ORDER BY p.period_start DESC
        ) AS recency
    FROM fact_indicator AS f
    INNER JOIN dim_period AS p
        ON p.period_id = f.period_id
    WHERE f.breakdown = 'all'
        AND NOT f.to_date
        AND p.period_end <= CAST($1 AS DATE)
),

final AS (
    SELECT
        indicator_id,
        period_id,
        period_start,
        period_end,
        label,
        numerator,
        denominator,
        value
    FROM ranked
    WHERE recency = 1
)

SELECT * FROM final;

-- name: trend
-- $1 last day of the report period, $2 number of periods: for each
-- indicator shown, the periods of its frequency up to and including the one
-- shown, oldest first, with the 'all' value where there is one.
WITH shown AS (
    SELECT
        f.indicator_id,
        max(p.period_start) AS period_start
    FROM fact_indicator AS f
    INNER JOIN dim_period AS p
        ON p.period_id = f.period_id
    WHERE f.breakdown = 'all'
        AND NOT f.to_date
        AND p.period_end <= CAST($1 AS DATE)
    GROUP BY f.indicator_id
),

windows AS (
    SELECT
        s.indicator_id,
        d.period_id,
        d.period_start,
        d.label,
        row_number() OVER (
            PARTITION BY s.indicator_id ORDER BY d.period_start DESC
        ) AS back
    FROM shown AS s
    INNER JOIN dim_indicator AS i
        ON i.indicator_id = s.indicator_id
    INNER JOIN dim_period AS d
        ON d.frequency = i.frequency
        AND d.period_start <= s.period_start
),

final AS (
    SELECT
        w.indicator_id,
        w.period_id,
        w.period_start,
        w.label,
        f.indicator_id IS NOT NULL AS reported,
        f.value
    FROM windows AS w
    LEFT JOIN fact_indicator AS f
        ON f.indicator_id = w.indicator_id
        AND f.period_id = w.period_id
        AND f.breakdown = 'all'
        AND NOT f.to_date
    WHERE w.back <= $2
)

SELECT * FROM final
ORDER BY indicator_id, period_start;

-- name: shown_members
-- $1 last day of the report period, $2 most cases kept per value: the cases
-- behind each value shown, earliest decision first, with how many there are.
WITH shown AS (
    SELECT
        f.indicator_id,
        f.period_id
    FROM fact_indicator AS f
    INNER JOIN dim_period AS p
        ON p.period_id = f.period_id
    WHERE f.breakdown = 'all'
        AND NOT f.to_date
        AND p.period_end <= CAST($1 AS DATE)
    QUALIFY row_number() OVER (
        PARTITION BY f.indicator_id ORDER BY p.period_start DESC
    ) = 1
),

numbered AS (
    SELECT
        m.indicator_id,
        regexp_replace(m.subject_key, '([0-9a-f]{12})[0-9a-f]{4,}', '\1', 'g')
            AS subject,
        m.numerator,
        m.denominator,
        m.decided_on,
        coalesce(m.note, '') AS note,
        count(*) OVER (PARTITION BY m.indicator_id) AS total,
        row_number() OVER (
            PARTITION BY m.indicator_id ORDER BY m.decided_on NULLS LAST, m.subject_key
        ) AS position
    FROM fact_indicator_member AS m
    INNER JOIN shown AS s
        ON s.indicator_id = m.indicator_id
        AND s.period_id = m.period_id
    WHERE m.breakdown = 'all'
),

final AS (
    SELECT
        indicator_id,
        subject,
        numerator,
        denominator,
        decided_on,
        note,
        total
    FROM numbered
    WHERE position <= $2
)

SELECT * FROM final
ORDER BY indicator_id, decided_on NULLS LAST, subject;

-- name: last_run
-- The latest run that published a warehouse.
SELECT
    run_id,
    as_of
FROM etl_run
WHERE status <> 'failed'
ORDER BY run_id DESC
LIMIT 1;

-- name: find_indicator
-- $1 indicator id in any case.
SELECT indicator_id
FROM dim_indicator
WHERE lower(indicator_id) = lower($1);

-- name: value
-- $1 indicator id, $2 period id, $3 breakdown.
SELECT
    numerator,
    denominator,
    value
FROM fact_indicator
WHERE indicator_id = $1
    AND period_id = $2
    AND breakdown = $3;

-- name: value_range
-- $1 indicator id, $2 breakdown: how many periods have values, and the
-- labels of the first and last.
SELECT
    count(*) AS periods,
    arg_min(p.label, p.period_start) AS first_label,
    arg_max(p.label, p.period_start) AS last_label
FROM fact_indicator AS f
INNER JOIN dim_period AS p
    ON p.period_id = f.period_id
WHERE f.indicator_id = $1
    AND f.breakdown = $2;

-- name: breakdowns
-- $1 indicator id, $2 period id: the breakdowns with a value.
SELECT breakdown
FROM fact_indicator
WHERE indicator_id = $1
    AND period_id = $2
ORDER BY breakdown = 'all' DESC, breakdown;

-- name: members
-- $1 indicator id, $2 period id, $3 breakdown: every case behind the value.
SELECT
    regexp_replace(subject_key, '([0-9a-f]{12})[0-9a-f]{4,}', '\1', 'g') AS subject,
    numerator,
    denominator,
    decided_on,
    coalesce(note, '') AS note
FROM fact_indicator_member
WHERE indicator_id = $1
    AND period_id = $2
    AND breakdown = $3
ORDER BY decided_on NULLS LAST, subject_key;
