-- definition:  Of the children on a child in need plan at the end of the
--              month's last day (the ACM11 rule) whose case was not held by
--              the disabled children's team that day and whose plan had been
--              open 6 months or more (started on or before the same day 6
--              months earlier), the number and percentage who had a CIN review
--              in the 6 months ending that day: dated after the same day 6
--              months earlier (for 31/03/2026, from 01/10/2025; for
--              30/09/2026, from 31/03/2026) and not before the plan's start.
--              Where a child has two plans open, the earlier start counts. The
--              team holding a case on a day is the allocation (native
--              allocations export) that started on or before it and ended on
--              or after it, the latest-starting where rows overlap; a team is
--              the disabled children's team (DCT) when its name contains a
--              pattern of cm_dct_team_pattern, ignoring case (default 'Disab',
--              replaced by the latest dct_teams file in the inbox).
-- numerator:   children in the denominator with a CIN review in the 6 months
--              ending on the month's last day
-- denominator: children on a CIN plan at the month's last day, not held by the
--              DCT, whose plan started 6 months or more before
-- period:      snapshot at the last day of the month, reviews over the 6
--              months ending on it
-- authority:   local standard (the appendix's 6 months; the cohort of plans
--              open 6 months or more is the council's choice)
-- source:      cin_plans, allocations, cin_reviews_6m

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

reviewed AS (
    SELECT
        c.period_id,
        c.child_key,
        max(r.review_date) AS last_review
    FROM cohort AS c
    INNER JOIN cm_cin_review AS r
        ON r.child_key = c.child_key
        AND r.review_date > CAST(c.period_end - INTERVAL 6 MONTH AS DATE)
        AND r.review_date <= c.period_end
        AND r.review_date >= c.plan_start
    GROUP BY c.period_id, c.child_key
),

final AS (
    SELECT
        c.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        CASE WHEN r.child_key IS NULL THEN 0.0 ELSE 1.0 END AS numerator,
        1.0 AS denominator,
        coalesce(r.last_review, c.period_end) AS decided_on,
        CASE WHEN r.child_key IS NULL THEN 'no review in the 6 months'
            ELSE 'reviewed in the 6 months' END AS note
    FROM cohort AS c
    LEFT JOIN reviewed AS r
        ON r.period_id = c.period_id
        AND r.child_key = c.child_key
    WHERE NOT c.is_dct
        AND CAST(c.plan_start + INTERVAL 6 MONTH AS DATE) <= c.period_end
)

SELECT * FROM final
