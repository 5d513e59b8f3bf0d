-- definition:  The ACM11 count (children on a CIN plan at the end of the
--              month's last day) restricted to children allocated to the
--              disabled children's team on that day. The team holding a case
--              on a day is the allocation (native allocations export) that
--              started on or before it and ended on or after it, the
--              latest-starting where rows overlap. A team is the disabled
--              children's team (DCT) when its name contains one of the
--              patterns of cm_dct_team_pattern, ignoring case: by default
--              'Disab', replaced by the patterns of the latest dct_teams file
--              dropped in the inbox. A child with no allocation that day is
--              not a DCT case. A child moving into or out of the team is
--              judged by the team on the month's last day.
-- numerator:   children with a CIN plan open at the month's last day whose
--              case was held by the disabled children's team that day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   local measure (the council's allocation records); the plan
--              follows the DfE children in need census
-- source:      cin_plans, allocations

WITH on_plan AS (
    SELECT DISTINCT
        p.period_id,
        p.period_end,
        c.child_key
    FROM cm_cin_plan AS c
    INNER JOIN indicator_period AS p
        ON c.start_date <= p.period_end
        AND (c.end_date IS NULL OR c.end_date > p.period_end)
),

holding AS (
    SELECT
        o.period_id,
        o.child_key,
        a.is_dct
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
        'DCT case on a CIN plan at the month end' AS note
    FROM on_plan AS o
    LEFT JOIN holding AS h
        ON h.period_id = o.period_id
        AND h.child_key = o.child_key
    WHERE coalesce(h.is_dct, false)
)

SELECT * FROM final
