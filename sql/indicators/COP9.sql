-- definition:  Of the children in the health cohort at the end of the
--              month, the percentage whose immunisations were up to date: the
--              latest immunisation status recorded for the child in the 12
--              months ending on the month's last day (native health checks
--              export, check IMMUNISATIONS) says up to date (Y). A child with
--              no status recorded in those 12 months, or whose latest status
--              says not up to date (N) or gives no answer, is in the
--              denominator only: an older record is not taken as current.
--              The cohort is DfE's for the health of looked-after
--              children: children looked after at the end of the month's last
--              day who had then been looked after continuously for 12 months
--              or more. A period of care is the child's SSDA903 episodes,
--              short breaks (V3, V4) left out, an episode that starts on or
--              before the day the one before it ended continuing the same
--              period; 12 months means the period began on or before the day
--              after the same date a year earlier (on or before 1 April 2025
--              for 31 March 2026: 365 days counting the first and the last,
--              so a child looked after 364 days is not yet in the cohort). An
--              episode ending on the month's last day has ceased.
-- numerator:   children in the cohort whose latest immunisation status in the
--              12 months ending on the month's last day is up to date
-- denominator: children in the health cohort at the month's last day
-- period:      snapshot at the last day of the month, over the 12 months
--              ending that day
-- authority:   DfE children looked after statistics methodology (outcomes of
--              children looked after continuously for 12 months: immunisations
--              up to date), applied to every month end; reading the latest
--              status of the previous 12 months is the council's choice
-- source:      cla_12m, cla_health_12m

-- health_cohort (sql/model/98_indicator_macros.sql) returns DfE's health
-- cohort: the children looked after continuously for 12 months or more at
-- each period's last day.
WITH cohort AS (
    SELECT * FROM health_cohort('indicator_period')
),

latest AS (
    SELECT
        c.period_id,
        c.child_key,
        h.check_date,
        h.outcome
    FROM cohort AS c
    INNER JOIN cm_cla_health_check AS h
        ON h.child_key = c.child_key
        AND h.check_type = 'IMMUNISATIONS'
        AND h.check_date > CAST(c.period_end - INTERVAL 1 YEAR AS DATE)
        AND h.check_date <= c.period_end
    QUALIFY row_number() OVER (
        PARTITION BY c.period_id, c.child_key ORDER BY h.check_date DESC
    ) = 1
),

final AS (
    SELECT
        c.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        CASE WHEN l.outcome = 'Y' THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        coalesce(l.check_date, c.period_end) AS decided_on,
        CASE
            WHEN l.outcome = 'Y' THEN 'immunisations up to date'
            WHEN l.check_date IS NULL THEN 'no immunisation status in 12 months'
            ELSE 'immunisations not up to date'
        END AS note
    FROM cohort AS c
    LEFT JOIN latest AS l
        ON l.period_id = c.period_id
        AND l.child_key = c.child_key
)

SELECT * FROM final
