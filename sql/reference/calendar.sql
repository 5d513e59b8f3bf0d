-- Calendar: dim_date and dim_period for one range of days.
--
-- This file is not a free-standing model step: it takes parameters.
-- transform.BuildCalendar splits it at the "-- name:" lines and runs the
-- statements one by one in the caller's transaction. In fill_dim_date and
-- fill_dim_period, $1 is the first day and $2 the last day of the range, both
-- as 'YYYY-MM-DD' text; insert_bank_holiday takes a date and a name.
--
-- Conventions:
--   financial year   1 April to 31 March, written 2026-27, starting year 2026;
--   financial quarter 1 = April to June, 2 = July to September,
--                     3 = October to December, 4 = January to March;
--   week             ISO 8601, Monday to Sunday, numbered within its ISO year;
--   working day      not Saturday or Sunday and not in ref_bank_holiday;
--   working_day_seq  working days from the first day of the range up to and
--                    including the date, so that the working days after a
--                    start date up to and including an end date are
--                    seq(end) - seq(start).

-- name: count_bank_holidays
SELECT
    count(*)
FROM ref_bank_holiday;

-- name: insert_bank_holiday
INSERT INTO ref_bank_holiday (date, name)
VALUES (CAST($1 AS DATE), $2);

-- name: clear_dim_date
DELETE FROM dim_date;

-- name: fill_dim_date
INSERT INTO dim_date (
    date_key,
    date,
    year,
    month,
    day,
    day_name,
    iso_year,
    iso_week,
    fin_year,
    fin_year_start,
    fin_quarter,
    is_weekend,
    is_bank_holiday,
    is_working_day,
    working_day_seq
)
WITH days AS (
    SELECT
        CAST(series.ts AS DATE) AS date
    FROM generate_series(
        CAST(CAST($1 AS DATE) AS TIMESTAMP),
        CAST(CAST($2 AS DATE) AS TIMESTAMP),
        INTERVAL 1 DAY
    ) AS series(ts)
),

flagged AS (
    SELECT
        days.date,
        isodow(days.date) >= 6 AS is_weekend,
        holiday.date IS NOT NULL AS is_bank_holiday,
        CASE
            WHEN month(days.date) >= 4 THEN year(days.date)
            ELSE year(days.date) - 1
        END AS fin_year_start
    FROM days
    LEFT JOIN ref_bank_holiday AS holiday
        ON holiday.date = days.date
),

final AS (
    SELECT
        CAST(strftime(date, '%Y%m%d') AS INTEGER) AS date_key,
        date,
        year(date) AS year,
        month(date) AS month,
        day(date) AS day,
        dayname(date) AS day_name,
        isoyear(date) AS iso_year,
        weekofyear(date) AS iso_week,
        CAST(fin_year_start AS VARCHAR)
            || '-'
            || lpad(CAST((fin_year_start + 1) % 100 AS VARCHAR), 2, '0') AS fin_year,
        fin_year_start,
        -- April (4) maps to 0 and March (3) to 11 before dividing by 3.
        (month(date) + 8) % 12 // 3 + 1 AS fin_quarter,
        is_weekend,
        is_bank_holiday,
        NOT is_weekend AND NOT is_bank_holiday AS is_working_day,
        CAST(sum(CASE WHEN NOT is_weekend AND NOT is_bank_holiday THEN 1 ELSE 0 END)
            OVER (ORDER BY date ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
            AS INTEGER) AS working_day_seq
    FROM flagged
)

SELECT
    date_key,
    date,
    year,
    month,
    day,
    day_name,
    iso_year,
    iso_week,
    fin_year,
    fin_year_start,
    fin_quarter,
    is_weekend,
    is_bank_holiday,
    is_working_day,
    working_day_seq
FROM final
ORDER BY date;

-- name: clear_dim_period
DELETE FROM dim_period;

-- name: fill_dim_period
-- Every period of every frequency that shares at least one day with the
-- range: each series starts at the period holding the first day and stops at
-- the period holding the last day.
INSERT INTO dim_period (
    period_id,
    frequency,
    period_start,
    period_end,
    label
)
WITH bounds AS (
    SELECT
        CAST($1 AS DATE) AS first_day,
        CAST($2 AS DATE) AS last_day
),

days AS (
    SELECT
        CAST(series.ts AS DATE) AS period_start
    FROM bounds,
        generate_series(
            CAST(bounds.first_day AS TIMESTAMP),
            CAST(bounds.last_day AS TIMESTAMP),
            INTERVAL 1 DAY
        ) AS series(ts)
),

weeks AS (
    SELECT
        CAST(series.ts AS DATE) AS period_start
    FROM bounds,
        generate_series(
            CAST(date_trunc('week', bounds.first_day) AS TIMESTAMP),
            CAST(bounds.last_day AS TIMESTAMP),
            INTERVAL 7 DAY
        ) AS series(ts)
),

months AS (
    SELECT
        CAST(series.ts AS DATE) AS period_start
    FROM bounds,
        generate_series(
            CAST(date_trunc('month', bounds.first_day) AS TIMESTAMP),
            CAST(bounds.last_day AS TIMESTAMP),
            INTERVAL 1 MONTH
        ) AS series(ts)
),

-- Financial quarters begin on the same days as calendar quarters; only
-- their numbering differs.
quarters AS (
    SELECT
        CAST(series.ts AS DATE) AS period_start
    FROM bounds,
        generate_series(
            CAST(date_trunc('quarter', bounds.first_day) AS TIMESTAMP),
            CAST(bounds.last_day AS TIMESTAMP),
            INTERVAL 3 MONTH
        ) AS series(ts)
),

years AS (
    SELECT
        CAST(series.ts AS DATE) AS period_start
    FROM bounds,
        generate_series(
            CAST(make_date(
                CASE
                    WHEN month(bounds.first_day) >= 4 THEN year(bounds.first_day)
                    ELSE year(bounds.first_day) - 1
                END,
                4,
                1
            ) AS TIMESTAMP),
            CAST(bounds.last_day AS TIMESTAMP),
            INTERVAL 1 YEAR
        ) AS series(ts)
),

-- fin_start is the first calendar year of the financial year that holds
-- period_start; fin_label writes it as 2026-27.
fin AS (
    SELECT
        period_start,
        fin_start,
        CAST(fin_start AS VARCHAR)
            || '-'
            || lpad(CAST((fin_start + 1) % 100 AS VARCHAR), 2, '0') AS fin_label
    FROM (
        SELECT
            period_start,
            CASE
                WHEN month(period_start) >= 4 THEN year(period_start)
                ELSE year(period_start) - 1
            END AS fin_start
        FROM quarters
    )
),

labelled AS (
    SELECT
        'day' AS frequency,
        period_start,
        period_start AS period_end,
        strftime(period_start, '%Y-%m-%d') AS label
    FROM days

    UNION ALL

    SELECT
        'week' AS frequency,
        period_start,
        CAST(period_start + INTERVAL 6 DAY AS DATE) AS period_end,
        CAST(isoyear(period_start) AS VARCHAR)
            || '-W'
            || lpad(CAST(weekofyear(period_start) AS VARCHAR), 2, '0') AS label
    FROM weeks

    UNION ALL

    SELECT
        'month' AS frequency,
        period_start,
        CAST(period_start + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) AS period_end,
        strftime(period_start, '%Y-%m') AS label
    FROM months

    UNION ALL

    SELECT
        'quarter' AS frequency,
        period_start,
        CAST(period_start + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE) AS period_end,
        fin_label || ' Q' || CAST((month(period_start) + 8) % 12 // 3 + 1 AS VARCHAR) AS label
    FROM fin

    UNION ALL

    SELECT
        'year' AS frequency,
        period_start,
        CAST(period_start + INTERVAL 1 YEAR - INTERVAL 1 DAY AS DATE) AS period_end,
        CAST(year(period_start) AS VARCHAR)
            || '-'
            || lpad(CAST((year(period_start) + 1) % 100 AS VARCHAR), 2, '0') AS label
    FROM years
),

final AS (
    SELECT
        frequency || ':' || replace(label, ' ', '-') AS period_id,
        frequency,
        period_start,
        period_end,
        label
    FROM labelled
)

SELECT
    period_id,
    frequency,
    period_start,
    period_end,
    label
FROM final
ORDER BY
    frequency,
    period_start;
