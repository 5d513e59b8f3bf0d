-- definition:  Of the children on a child in need plan at the end of the
--              month's last day (the ACM11 rule), leaving out those whose case
--              was held by the disabled children's team that day and those
--              whose plan is of case type S18 or TRANS (transitions), the
--              number and percentage who had a CIN visit in the 6 weeks ending
--              that day. The 6 weeks are the 42 days counted back from the
--              month's last day as day 1: a visit 41 days before it falls on
--              day 42 and counts, one 42 days before falls on day 43 and does
--              not. Only visits on or after the plan's start count (the
--              earlier start where two plans are open); a child whose plan
--              began less than 6 weeks before and who has not been visited yet
--              stays in the denominator. The team holding a case on a day is
--              the allocation (native allocations export) that started on or
--              before it and ended on or after it, the latest-starting where
--              rows overlap; a team is the disabled children's team (DCT) when
--              its name contains a pattern of cm_dct_team_pattern, ignoring
--              case (default 'Disab', replaced by the latest dct_teams file in
--              the inbox).
-- numerator:   children in the denominator with a CIN visit dated from 41 days
--              before the month's last day to that day, not before the plan's
--              start
-- denominator: children on a CIN plan at the month's last day, not held by the
--              DCT and not of case type S18 or TRANS
-- period:      snapshot at the last day of the month, visits over the 42 days
--              ending on it
-- authority:   local standard (the appendix's 6 weeks and exclusions)
-- source:      cin_plans, allocations, cin_visits_6w

-- cin_plan_cohort (sql/model/98_indicator_macros.sql) returns the children on
-- a CIN plan at each period's last day, with the team and worker holding the
-- case that day (is_dct, has_allocation, worker_key).
WITH cohort AS (
    SELECT * FROM cin_plan_cohort('indicator_period')
),

visited AS (
    SELECT
        c.period_id,
        c.child_key,
        max(v.visit_date) AS last_visit
    FROM cohort AS c
    INNER JOIN cm_cin_visit AS v
        ON v.child_key = c.child_key
        AND v.visit_date BETWEEN c.period_end - 41 AND c.period_end
        AND v.visit_date >= c.plan_start
    GROUP BY c.period_id, c.child_key
),

final AS (
    SELECT
        c.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        CASE WHEN v.child_key IS NULL THEN 0.0 ELSE 1.0 END AS numerator,
        1.0 AS denominator,
        coalesce(v.last_visit, c.period_end) AS decided_on,
        CASE WHEN v.child_key IS NULL THEN 'no visit in the 6 weeks'
            ELSE 'visited in the 6 weeks' END AS note
    FROM cohort AS c
    LEFT JOIN visited AS v
        ON v.period_id = c.period_id
        AND v.child_key = c.child_key
    WHERE NOT c.is_dct
        AND NOT c.s18_or_trans
)

SELECT * FROM final
