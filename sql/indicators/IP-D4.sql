-- definition:  Of the children who became the subject of a child in need plan
--              in the month (the ACM10 cohort, native CIN plans export), the
--              number and percentage who had an early help (CAF) episode
--              (native early help episodes export) that began before the
--              plan's start and was open at some time in the 12 months before
--              it: not closed before the same day a year earlier. The appendix
--              sets no definition; "previously" is bounded to 12 months so
--              that the export's history can answer it. A child counts once.
-- numerator:   children starting a CIN plan in the month who had an early help
--              (CAF) episode open in the 12 months before the plan's start
-- denominator: children starting a CIN plan in the month (ACM10)
-- period:      monthly flow, by plan start date, looking back 12 months
-- authority:   local development measure, defined here (no national
--              definition)
-- source:      cin_plans, caf_prior_12m

WITH starts AS (
    SELECT
        p.period_id,
        c.child_key,
        c.start_date,
        EXISTS (
            SELECT 1
            FROM cm_caf_episode AS e
            WHERE e.child_key = c.child_key
                AND e.start_date < c.start_date
                AND (e.closure_date IS NULL
                    OR e.closure_date >= CAST(c.start_date - INTERVAL 12 MONTH AS DATE))
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
        CASE WHEN has_prior THEN 'early help in the 12 months before'
            ELSE 'no early help in the 12 months before' END AS note
    FROM judged
)

SELECT * FROM final
