-- definition:  The number of children in the health cohort at the end of
--              the month who were seen by an optician in the previous 12
--              months: a sight test dated after the same day a year earlier
--              and on or before the month's last day. The cohort is the health
--              cohort of the other health measures (not every child looked
--              after), so that each child counted has had a year in care in
--              which to be seen.
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
-- numerator:   children in the cohort seen by an optician (native health checks
--              export, check OPTICIAN) in the 12 months ending on the month's
--              last day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month, over the 12 months
--              ending that day
-- authority:   local definition (DfE's statistics have no optician measure),
--              over DfE's health cohort of children looked after continuously
--              for 12 months
-- source:      cla_12m, cla_health_12m

-- health_cohort_checked (sql/model/98_indicator_macros.sql) returns DfE's
-- health cohort at each period's last day (children looked after
-- continuously for 12 months or more), with last_date: the child's latest
-- OPTICIAN check in the 12 months ending that day, NULL when none.
WITH checked AS (
    SELECT * FROM health_cohort_checked('indicator_period', 'OPTICIAN', 12)
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        last_date AS decided_on,
        'optician check in the previous 12 months' AS note
    FROM checked
    WHERE last_date IS NOT NULL
)

SELECT * FROM final
