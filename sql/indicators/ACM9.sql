-- definition:  The number of children subject to a child protection plan at
--              the end of the month's last day (the ACM2 rule) whose case had
--              no allocated social worker that day. The allocations export
--              says who held each case from when to when; the allocation
--              holding the case on a day is the row that started on or before
--              it and ended on or after it (an allocation ending that day
--              still held the case), the latest-starting where rows overlap. A
--              case is unallocated when that row has no worker (the case sits
--              with a team) or when no row holds the case that day.
-- numerator:   children on a plan at the month's last day with no worker
--              allocated that day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   local measure (the council's allocation records); the plan
--              follows DfE children in need statistics methodology
-- source:      cp, allocations

WITH on_plan AS (
    SELECT DISTINCT
        p.period_id,
        p.period_end,
        c.child_key
    FROM cm_cp_plan AS c
    INNER JOIN indicator_period AS p
        ON c.start_date <= p.period_end
        AND (c.end_date IS NULL OR c.end_date > p.period_end)
),

holding AS (
    SELECT
        o.period_id,
        o.child_key,
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

final AS (
    SELECT
        o.period_id,
        'all' AS breakdown,
        o.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        o.period_end AS decided_on,
        CASE WHEN h.child_key IS NULL THEN 'no allocation held the case'
            ELSE 'held by a team with no worker' END AS note
    FROM on_plan AS o
    LEFT JOIN holding AS h
        ON h.period_id = o.period_id
        AND h.child_key = o.child_key
    WHERE h.worker_key IS NULL
)

SELECT * FROM final
