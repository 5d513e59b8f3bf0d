-- definition:  Of the children who became the subject of a child protection
--              plan in the month (the ACM3 cohort, Annex A list 7), the number
--              who had an early help (CAF) episode (native early help episodes
--              export) that began before the plan's start and was open at some
--              time in the 12 months before it: not closed before the same day
--              a year earlier (a plan starting 15/03/2026 looks back to
--              15/03/2025). The appendix's "CP cases who have previously had a
--              CAF episode" sets no definition; "previously" is bounded to 12
--              months so that the export's history can answer it, and the
--              cohort is the month's new plans so that the look-back is the
--              same for every case. A child counts once, if any plan started
--              in the month qualifies.
-- numerator:   children starting a CP plan in the month who had an early help
--              (CAF) episode open in the 12 months before the plan's start
-- denominator: none (a count)
-- period:      monthly flow, by plan start date, looking back 12 months
-- authority:   local development measure, defined here (no national
--              definition)
-- source:      cp, caf_prior_12m

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
        CASE WHEN has_prior THEN 'early help in the 12 months before'
            ELSE 'no early help in the 12 months before' END AS note
    FROM judged
    WHERE has_prior
)

SELECT * FROM final
