-- definition:  Of the children who became the subject of a child protection
--              plan in the month (the ACM3 cohort, Annex A list 7), the number
--              who had an earlier child in need episode (Annex A list 6) that
--              closed before the plan's start and not before the same day a
--              year earlier. The CIN episode the plan belongs to is open when
--              the plan starts and is not an earlier one. The appendix's "CP
--              cases who have previously had a CIN episode" sets no
--              definition; "previously" is bounded to 12 months so that list
--              6, which keeps only recently closed episodes, can answer it. A
--              child counts once.
-- numerator:   children starting a CP plan in the month who had an earlier CIN
--              episode closed in the 12 months before the plan's start
-- denominator: none (a count)
-- period:      monthly flow, by plan start date, looking back 12 months
-- authority:   local development measure, defined here (no national
--              definition)
-- source:      cp, cin_prior_12m

WITH starts AS (
    SELECT
        p.period_id,
        c.child_key,
        c.start_date,
        EXISTS (
            SELECT 1
            FROM cm_cin_episode AS e
            WHERE e.child_key = c.child_key
                AND e.end_date < c.start_date
                AND e.end_date >= CAST(c.start_date - INTERVAL 12 MONTH AS DATE)
        ) AS has_prior
    FROM cm_cp_plan AS c
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
        1.0 AS numerator,
        0.0 AS denominator,
        first_start AS decided_on,
        CASE WHEN has_prior THEN 'earlier CIN episode in the 12 months before'
            ELSE 'no earlier CIN episode in the 12 months before' END AS note
    FROM judged
    WHERE has_prior
)

SELECT * FROM final
