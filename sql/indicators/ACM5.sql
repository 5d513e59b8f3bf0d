-- definition:  Of the children subject to a child protection plan at the end
--              of the month's last day (the ACM2 rule), the number and
--              percentage who had a child protection visit in the 6 weeks
--              ending that day. The 6 weeks are the 42 days counted back from
--              the month's last day as day 1: a visit 41 days before it falls
--              on day 42 and counts, one 42 days before falls on day 43 and
--              does not. Only visits on or after the start of the plan open at
--              the month end count (earlier visits belong to an earlier plan);
--              a child whose plan started less than 6 weeks before the month
--              end and who has not been visited yet is in the denominator
--              only. A child counts once.
-- numerator:   children on a plan at the month's last day with a CP visit
--              dated from 41 days before that day to that day, not before the
--              plan's start
-- denominator: children on a plan at the month's last day
-- period:      snapshot at the last day of the month, visits over the 42 days
--              ending on it
-- authority:   local standard (the appendix's 6 weeks); there is no national
--              frequency of child protection visits
-- source:      cp, cp_visits_6w

WITH on_plan AS (
    SELECT
        p.period_id,
        p.period_end,
        c.child_key,
        max(c.start_date) AS plan_start
    FROM cm_cp_plan AS c
    INNER JOIN indicator_period AS p
        ON c.start_date <= p.period_end
        AND (c.end_date IS NULL OR c.end_date > p.period_end)
    GROUP BY p.period_id, p.period_end, c.child_key
),

visited AS (
    SELECT
        o.period_id,
        o.child_key,
        max(v.visit_date) AS last_visit
    FROM on_plan AS o
    INNER JOIN cm_cp_visit AS v
        ON v.child_key = o.child_key
        AND v.visit_date BETWEEN o.period_end - 41 AND o.period_end
        AND v.visit_date >= o.plan_start
    GROUP BY o.period_id, o.child_key
),

final AS (
    SELECT
        o.period_id,
        'all' AS breakdown,
        o.child_key AS subject_key,
        CASE WHEN v.child_key IS NULL THEN 0.0 ELSE 1.0 END AS numerator,
        1.0 AS denominator,
        coalesce(v.last_visit, o.period_end) AS decided_on,
        CASE WHEN v.child_key IS NULL THEN 'no visit in the 6 weeks'
            ELSE 'visited in the 6 weeks' END AS note
    FROM on_plan AS o
    LEFT JOIN visited AS v
        ON v.period_id = o.period_id
        AND v.child_key = o.child_key
)

SELECT * FROM final
