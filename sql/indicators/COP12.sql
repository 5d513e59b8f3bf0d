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

WITH cohort AS (
    SELECT
        p.period_id,
        p.period_end,
        c.child_key
    FROM cm_cla_care_period AS c
    INNER JOIN indicator_period AS p
        ON c.start_date <= CAST(p.period_end - INTERVAL 1 YEAR + INTERVAL 1 DAY AS DATE)
        AND (c.end_date IS NULL OR c.end_date > p.period_end)
),

checked AS (
    SELECT
        c.period_id,
        c.child_key,
        max(h.check_date) AS last_date
    FROM cohort AS c
    INNER JOIN cm_cla_health_check AS h
        ON h.child_key = c.child_key
        AND h.check_type = 'OPTICIAN'
        AND h.check_date > CAST(c.period_end - INTERVAL 1 YEAR AS DATE)
        AND h.check_date <= c.period_end
    GROUP BY c.period_id, c.child_key
),

final AS (
    SELECT
        c.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        x.last_date AS decided_on,
        'optician check in the previous 12 months' AS note
    FROM cohort AS c
    INNER JOIN checked AS x
        ON x.period_id = c.period_id
        AND x.child_key = c.child_key
)

SELECT * FROM final
