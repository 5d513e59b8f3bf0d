-- definition:  The number of children on a child in need plan at the end of
--              the month's last day (the ACM11 rule) whose case was held by
--              the disabled children's team that day, whose plan is not a
--              direct care package (case type DCP), and who had a CIN visit in
--              the 6 weeks ending that day: the 42 days counted back from the
--              month's last day as day 1 (a visit 41 days before counts, one
--              42 days before does not), on or after the plan's start. The
--              team holding a case on a day is the allocation (native
--              allocations export) that started on or before it and ended on
--              or after it, the latest-starting where rows overlap; a team is
--              the disabled children's team (DCT) when its name contains a
--              pattern of cm_dct_team_pattern, ignoring case (default 'Disab',
--              replaced by the latest dct_teams file in the inbox).
-- numerator:   DCT children on a CIN plan, not direct care package, visited
--              from 41 days before the month's last day to that day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month, visits over the 42 days
--              ending on it
-- authority:   local measure (the appendix's 6 weeks and exclusions)
-- source:      cin_plans, allocations, cin_visits_6w

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
        max(v.visit_date) AS decided_on,
        'DCT case visited in the 6 weeks' AS note
    FROM cohort AS c
    INNER JOIN cm_cin_visit AS v
        ON v.child_key = c.child_key
        AND v.visit_date BETWEEN c.period_end - 41 AND c.period_end
        AND v.visit_date >= c.plan_start
    WHERE c.is_dct
        AND NOT c.direct_care
    GROUP BY c.period_id, c.child_key
)

SELECT * FROM final
