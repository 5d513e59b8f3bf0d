-- definition:  Of the children who became the subject of a child in need plan
--              in the month (the ACM10 cohort, native CIN plans export), the
--              number and percentage who had been subject to a child
--              protection plan (Annex A list 7) that ended in the 12 months
--              before the CIN plan's start or on that day (a plan stepping
--              down to a CIN plan the day it ends counts). The appendix sets
--              no definition; "previously" is bounded to 12 months so that
--              list 7, which keeps only recently ended plans, can answer it. A
--              child counts once.
-- numerator:   children starting a CIN plan in the month whose CP plan ended
--              in the 12 months before or on the CIN plan's start
-- denominator: children starting a CIN plan in the month (ACM10)
-- period:      monthly flow, by plan start date, looking back 12 months
-- authority:   local development measure, defined here (no national
--              definition)
-- source:      cin_plans, cp, cp_prior_12m

WITH starts AS (
    SELECT
        p.period_id,
        c.child_key,
        c.start_date,
        EXISTS (
            SELECT 1
            FROM cm_cp_plan AS q
            WHERE q.child_key = c.child_key
                AND q.end_date <= c.start_date
                AND q.end_date >= CAST(c.start_date - INTERVAL 12 MONTH AS DATE)
        ) AS has_prior
    FROM cm_cin_plan AS c
    INNER JOIN indicator_period AS p
        ON c.start_date BETWEEN p.period_start AND p.period_end
),

judged AS (
    SELECT
        s.period_id,
        s.child_key,
        min(s.start_date) AS first_start,
        bool_or(s.has_prior) AS has_prior
    FROM starts AS s
    GROUP BY s.period_id, s.child_key
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        CASE WHEN has_prior THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        first_start AS decided_on,
        CASE WHEN has_prior THEN 'CP plan in the 12 months before'
            ELSE 'no CP plan in the 12 months before' END AS note
    FROM judged
)

SELECT * FROM final
