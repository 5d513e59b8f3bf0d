-- definition:  The number of children who became the subject of a child in
--              need plan in the month (the ACM10 rule, by the plan's start
--              date) and whose case was held by the disabled children's team
--              on that start date. The team holding a case on a day is the
--              allocation (native allocations export) that started on or
--              before it and ended on or after it, the latest-starting where
--              rows overlap; a team is the DCT when its name contains a
--              pattern of cm_dct_team_pattern, ignoring case (default 'Disab',
--              replaced by the latest dct_teams file in the inbox). A child
--              counts once, if any of their plans with a start in the month
--              was a DCT case then.
-- numerator:   children with a CIN plan whose start date is in the month and
--              who were held by the DCT that day
-- denominator: none (a count)
-- period:      monthly flow, by plan start date
-- authority:   local measure (the council's allocation records); the plan
--              follows the DfE children in need census
-- source:      cin_plans, allocations

WITH events AS (
    SELECT
        p.period_id,
        c.plan_key,
        c.child_key,
        c.start_date AS event_date
    FROM cm_cin_plan AS c
    INNER JOIN indicator_period AS p
        ON c.start_date BETWEEN p.period_start AND p.period_end
),

holding AS (
    SELECT
        e.period_id,
        e.plan_key,
        e.child_key,
        e.event_date,
        a.is_dct
    FROM events AS e
    INNER JOIN cm_allocation AS a
        ON a.child_key = e.child_key
        AND a.start_date <= e.event_date
        AND (a.end_date IS NULL OR a.end_date >= e.event_date)
    QUALIFY row_number() OVER (
        PARTITION BY e.period_id, e.plan_key ORDER BY a.start_date DESC, a.seq DESC
    ) = 1
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        min(event_date) AS decided_on,
        'DCT case, CIN plan started' AS note
    FROM holding
    WHERE is_dct
    GROUP BY period_id, child_key
)

SELECT * FROM final
