-- definition:  Of the children in the health cohort at the end of the
--              month, the percentage identified as having a substance misuse
--              problem in the previous 12 months: a SUBSTANCE_MISUSE row of the
--              native health checks export dated in the 12 months ending on the
--              month's last day whose outcome is Y or blank (a screening
--              recorded N, nothing identified, does not count).
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
-- numerator:   children in the cohort with a substance misuse problem identified
--              in the 12 months ending on the month's last day
-- denominator: children in the health cohort at the month's last day
-- period:      snapshot at the last day of the month, over the 12 months
--              ending that day
-- authority:   DfE children looked after statistics methodology (children looked
--              after continuously for 12 months identified as having a
--              substance misuse problem during the year), applied to every
--              month end over the 12 months ending that day
-- source:      cla_12m, cla_health_12m

-- health_cohort (sql/model/98_indicator_macros.sql) returns DfE's health
-- cohort: the children looked after continuously for 12 months or more at
-- each period's last day.
WITH cohort AS (
    SELECT * FROM health_cohort('indicator_period')
),

checked AS (
    SELECT
        c.period_id,
        c.child_key,
        max(h.check_date) AS last_date
    FROM cohort AS c
    INNER JOIN cm_cla_health_check AS h
        ON h.child_key = c.child_key
        AND h.check_type = 'SUBSTANCE_MISUSE'
        AND h.check_date > CAST(c.period_end - INTERVAL 1 YEAR AS DATE)
        AND h.check_date <= c.period_end
        AND h.outcome IS DISTINCT FROM 'N'
    GROUP BY c.period_id, c.child_key
),

final AS (
    SELECT
        c.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        CASE WHEN x.last_date IS NOT NULL THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        coalesce(x.last_date, c.period_end) AS decided_on,
        CASE WHEN x.last_date IS NOT NULL THEN 'substance misuse identified in 12 months'
            ELSE 'no substance misuse identified in 12 months' END AS note
    FROM cohort AS c
    LEFT JOIN checked AS x
        ON x.period_id = c.period_id
        AND x.child_key = c.child_key
)

SELECT * FROM final
