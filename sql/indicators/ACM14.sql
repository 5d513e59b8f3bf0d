-- definition:  The number of children on a child in need plan at the end of
--              the month's last day (the ACM11 rule) whose case had no
--              allocated social worker that day: the allocation holding the
--              case that day has no worker (the case sits with a team), or no
--              allocation holds it. The allocation holding a case on a day is
--              the row of the native allocations export that started on or
--              before it and ended on or after it, the latest-starting where
--              rows overlap. Cases of every team count, the disabled
--              children's team's included.
-- numerator:   children on a CIN plan at the month's last day with no worker
--              allocated that day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   local measure (the council's allocation records); plans follow
--              the DfE children in need census
-- source:      cin_plans, allocations

-- cin_plan_cohort (sql/model/98_indicator_macros.sql) returns the children on
-- a CIN plan at each period's last day, with the team and worker holding the
-- case that day (is_dct, has_allocation, worker_key).
WITH cohort AS (
    SELECT * FROM cin_plan_cohort('indicator_period')
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        period_end AS decided_on,
        CASE WHEN has_allocation THEN 'held by a team with no worker'
            ELSE 'no allocation held the case' END AS note
    FROM cohort
    WHERE worker_key IS NULL
)

SELECT * FROM final
