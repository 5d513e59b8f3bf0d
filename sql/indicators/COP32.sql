-- definition:  Of the looked-after pupils with GCSE results in the 12 months
--              ending on the month's last day, the percentage who achieved 5 or
--              more GCSEs at A* to C (grades 9 to 4) including English and
--              maths.
--              The pupils are those with a GCSE result (native GCSE results
--              export, one row per pupil and results day) dated in the 12
--              months ending on the month's last day who were looked after on
--              the results day (a period of care of SSDA903 episodes, short
--              breaks left out): in practice the August results of the
--              looked-after Year 11 cohort, reported every month until the
--              next results. DfE's attainment statistics take the children
--              looked after continuously for 12 months at 31 March; this
--              figure takes every pupil looked after on results day.
-- numerator:   those pupils who achieved 5 or more A*-C including English and
--              maths
-- denominator: looked-after pupils with results in the 12 months
-- period:      rolling 12 months ending on the month's last day, by results
--              date
-- authority:   DfE key stage 4 attainment measure (5 or more A*-C including
--              English and maths), over a local cohort (looked after on
--              results day)
-- source:      cla, cla_gcse_12m

WITH pupils AS (
    SELECT
        p.period_id,
        g.child_key,
        g.results_date,
        g.achieved,
        g.academic_year_end
    FROM cm_cla_gcse AS g
    INNER JOIN indicator_period AS p
        ON g.results_date > CAST(p.period_end - INTERVAL 1 YEAR AS DATE)
        AND g.results_date <= p.period_end
    WHERE EXISTS (
        SELECT 1
        FROM cm_cla_care_period AS c
        WHERE c.child_key = g.child_key
            AND c.start_date <= g.results_date
            AND (c.end_date IS NULL OR c.end_date > g.results_date)
    )
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        CASE WHEN achieved THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        results_date AS decided_on,
        CASE WHEN achieved THEN '5 or more A*-C including English and maths'
            ELSE 'fewer than 5 A*-C including English and maths' END AS note
    FROM pupils
)

SELECT * FROM final
