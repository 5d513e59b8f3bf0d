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

WITH on_plan AS (
    SELECT
        p.period_id,
        p.period_end,
        c.child_key,
        min(c.start_date) AS plan_start,
        bool_or(c.case_type IN ('S18', 'TRANS')) AS s18_or_trans,
        bool_or(c.case_type = 'DCP') AS direct_care
    FROM cm_cin_plan AS c
    INNER JOIN indicator_period AS p
        ON c.start_date <= p.period_end
        AND (c.end_date IS NULL OR c.end_date > p.period_end)
    GROUP BY p.period_id, p.period_end, c.child_key
),

holding AS (
    SELECT
        o.period_id,
        o.child_key,
        a.is_dct,
        a.worker_key
    FROM on_plan AS o
    INNER JOIN cm_allocation AS a
        ON a.child_key = o.child_key
        AND a.start_date <= o.period_end
        AND (a.end_date IS NULL OR a.end_date >= o.period_end)
    QUALIFY row_number() OVER (
        PARTITION BY o.period_id, o.child_key ORDER BY a.start_date DESC, a.seq DESC
    ) = 1
),

cohort AS (
    SELECT
        o.*,
        coalesce(h.is_dct, false) AS is_dct,
        h.child_key IS NOT NULL AS has_allocation,
        h.worker_key
    FROM on_plan AS o
    LEFT JOIN holding AS h
        ON h.period_id = o.period_id
        AND h.child_key = o.child_key
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
