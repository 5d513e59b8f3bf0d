-- definition:  Of the children on a child in need plan at the end of the
--              month's last day (the ACM11 rule) whose case was not held by
--              the disabled children's team that day, the number and
--              percentage whose plan had been open for longer than 9 months:
--              it started before the same day 9 months earlier (a plan started
--              on 30/04/2025 has been open exactly 9 months on 31/01/2026 and
--              is not counted; one started on 29/04/2025 is). Where a child
--              has two plans open, the earlier start counts. The team holding
--              a case on a day is the allocation (native allocations export)
--              that started on or before it and ended on or after it, the
--              latest-starting where rows overlap; a team is the disabled
--              children's team (DCT) when its name contains a pattern of
--              cm_dct_team_pattern, ignoring case (default 'Disab', replaced
--              by the latest dct_teams file in the inbox). The appendix says
--              "CIN episodes"; the open CIN plan is used, as for ACM11.
-- numerator:   children in the denominator whose plan started more than 9
--              months before the month's last day
-- denominator: children on a CIN plan at the month's last day, not held by the
--              DCT that day
-- period:      snapshot at the last day of the month
-- authority:   local measure (the council's 9-month threshold); plans follow
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
        CASE WHEN CAST(plan_start + INTERVAL 9 MONTH AS DATE) < period_end THEN 1.0
            ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        period_end AS decided_on,
        CASE WHEN CAST(plan_start + INTERVAL 9 MONTH AS DATE) < period_end
            THEN 'open longer than 9 months' ELSE 'open 9 months or less' END AS note
    FROM cohort
    WHERE NOT is_dct
)

SELECT * FROM final
