-- definition:  Of the children looked after at the end of the month's last
--              day (the CLA1 cohort: short breaks left out, an episode ending
--              that day having ceased), the percentage whose latest statutory
--              social work visit, on or before that day and on or after the
--              start of their current period of care, was within the 6 weeks
--              (42 days) before it: the day of the visit is no more than 42
--              days before the month's last day. A child with no visit yet in
--              the period counts in the denominator only. Visits come from
--              the council's looked-after visits export. The regulations ask
--              for visits at most 6 weeks apart in a placement's first year
--              and at most 3 months apart after it for a child in a
--              placement meant to last to 18; the appendix sets 6 weeks for
--              every child, as here.
-- numerator:   children in the cohort whose latest visit was no more than 42
--              days before the month's last day
-- denominator: children looked after at the month's last day (CLA1)
-- period:      snapshot at the last day of the month
-- authority:   Care Planning, Placement and Case Review (England) Regulations
--              2010, regulation 28 (visits); the 6-week standard for every
--              child is the council's, from its appendix
-- source:      cla, cla_visits_1m

WITH current_episode AS (
    SELECT
        p.period_id,
        p.period_end,
        e.child_key,
        e.care_start
    FROM cm_cla_episode AS e
    INNER JOIN indicator_period AS p
        ON e.start_date <= p.period_end
        AND (e.end_date IS NULL OR e.end_date > p.period_end)
    WHERE NOT e.is_short_break
    QUALIFY row_number() OVER (
        PARTITION BY p.period_id, e.child_key ORDER BY e.start_date DESC
    ) = 1
),

visited AS (
    SELECT
        c.period_id,
        c.period_end,
        c.child_key,
        max(v.visit_date) AS last_visit
    FROM current_episode AS c
    LEFT JOIN cm_cla_visit AS v
        ON v.child_key = c.child_key
        AND v.visit_date >= c.care_start
        AND v.visit_date <= c.period_end
    GROUP BY c.period_id, c.period_end, c.child_key
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        CASE WHEN last_visit >= CAST(period_end - INTERVAL 42 DAY AS DATE)
            THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        period_end AS decided_on,
        CASE WHEN last_visit IS NULL THEN 'no visit in this period of care'
            ELSE 'last visit ' || CAST(last_visit AS VARCHAR) END AS note
    FROM visited
)

SELECT * FROM final
