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

-- cin_plan_cohort (sql/model/98_indicator_macros.sql) returns the children on
-- a CIN plan at each period's last day, with the team and worker holding the
-- case that day (is_dct, has_allocation, worker_key).
WITH cohort AS (
    SELECT * FROM cin_plan_cohort('indicator_period')
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
