-- definition:  Of the children in the health cohort at the end of the
--              month who were aged under 5 that day (completed years from the
--              date of birth), the number and percentage whose development
--              check was up to date: a development check (native health checks
--              export, check DEVELOPMENT) dated in the 12 months ending on the
--              month's last day.
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
-- numerator:   children in the cohort aged under 5 with a development check dated
--              in the 12 months ending on the month's last day
-- denominator: children in the health cohort aged under 5 at the month's last day
-- period:      snapshot at the last day of the month, over the 12 months
--              ending that day
-- authority:   DfE children looked after statistics methodology (development
--              assessments up to date, children under 5 looked after
--              continuously for 12 months), applied to every month end; a
--              check in the previous 12 months as up to date is the council's
--              reading
-- source:      cla_12m, cla_health_12m

-- health_cohort_checked (sql/model/98_indicator_macros.sql) returns DfE's
-- health cohort at each period's last day (children looked after
-- continuously for 12 months or more), with last_date: the child's latest
-- DEVELOPMENT check in the 12 months ending that day, NULL when none.
WITH checked AS (
    SELECT * FROM health_cohort_checked('indicator_period', 'DEVELOPMENT', 12)
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        CASE WHEN last_date IS NOT NULL THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        coalesce(last_date, period_end) AS decided_on,
        CASE WHEN last_date IS NOT NULL THEN 'development check in the previous 12 months'
            ELSE 'no development check in the previous 12 months' END AS note
    FROM checked
    WHERE age < 5
)

SELECT * FROM final
