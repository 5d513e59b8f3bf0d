-- definition:  The number of children on a child in need plan at the end of
--              the month's last day (the ACM11 rule) whose case was held by
--              the disabled children's team that day, whose plan is not a
--              direct care package (case type DCP), and who had a CIN review
--              in the 12 months ending that day: dated after the same day a
--              year earlier (for 31/01/2026, from 01/02/2025) and not before
--              the plan's start. The team holding a case on a day is the
--              allocation (native allocations export) that started on or
--              before it and ended on or after it, the latest-starting where
--              rows overlap; a team is the disabled children's team (DCT) when
--              its name contains a pattern of cm_dct_team_pattern, ignoring
--              case (default 'Disab', replaced by the latest dct_teams file in
--              the inbox).
-- numerator:   DCT children on a CIN plan, not direct care package, with a CIN
--              review in the 12 months ending on the month's last day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month, reviews over the 12
--              months ending on it
-- authority:   local measure (the appendix's 12 months and exclusions)
-- source:      cin_plans, allocations, cin_reviews_12m

-- cin_plan_cohort (sql/model/98_indicator_macros.sql) returns the children on
-- a CIN plan at each period's last day, with the team and worker holding the
-- case that day (is_dct, has_allocation, worker_key).
WITH cohort AS (
    SELECT * FROM cin_plan_cohort('indicator_period')
),

final AS (
    SELECT
        c.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        max(r.review_date) AS decided_on,
        'DCT case reviewed in the 12 months' AS note
    FROM cohort AS c
    INNER JOIN cm_cin_review AS r
        ON r.child_key = c.child_key
        AND r.review_date > CAST(c.period_end - INTERVAL 12 MONTH AS DATE)
        AND r.review_date <= c.period_end
        AND r.review_date >= c.plan_start
    WHERE c.is_dct
        AND NOT c.direct_care
    GROUP BY c.period_id, c.child_key
)

SELECT * FROM final
