-- definition:  The gap in GCSE attainment, in percentage points, between all
--              the council's pupils and its looked-after pupils: the
--              council-wide percentage achieving 5 or more A*-C including
--              English and maths in the academic year of the results (the
--              reference file of council-wide GCSE attainment; the year runs
--              September to August, so August 2025 results are 2024/25) less
--              COP32's percentage for the same looked-after pupils. Each pupil
--              carries the council-wide proportion of their results' year
--              less 1 if they achieved and 0 if not, so the value is the
--              council-wide figure less the looked-after figure when the 12
--              months hold one results year (and the pupil-weighted mean of
--              the years' gaps otherwise). A year with no council-wide figure
--              leaves the gap unknown, never zero. A positive gap means
--              looked-after pupils did worse.
--              The pupils are those with a GCSE result (native GCSE results
--              export, one row per pupil and results day) dated in the 12
--              months ending on the month's last day who were looked after on
--              the results day (a period of care of SSDA903 episodes, short
--              breaks left out): in practice the August results of the
--              looked-after Year 11 cohort, reported every month until the
--              next results. DfE's attainment statistics take the children
--              looked after continuously for 12 months at 31 March; this
--              figure takes every pupil looked after on results day.
-- numerator:   the sum over looked-after pupils with results in the 12 months
--              of (council-wide proportion achieving for their results' year
--              less 1 if the pupil achieved, else 0)
-- denominator: looked-after pupils with results in the 12 months
-- period:      rolling 12 months ending on the month's last day, by results
--              date
-- authority:   local definition (the council's attainment gap) on DfE's key
--              stage 4 measure
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
        u.period_id,
        'all' AS breakdown,
        u.child_key AS subject_key,
        r.percent_five_a_c_em / 100.0 - CASE WHEN u.achieved THEN 1.0 ELSE 0.0 END
            AS numerator,
        1.0 AS denominator,
        u.results_date AS decided_on,
        CASE
            WHEN r.percent_five_a_c_em IS NULL THEN 'no council-wide figure for the year'
            WHEN u.achieved THEN '5 or more A*-C including English and maths'
            ELSE 'fewer than 5 A*-C including English and maths'
        END AS note
    FROM pupils AS u
    LEFT JOIN cm_gcse_comparison AS r
        ON r.academic_year_end = u.academic_year_end
)

SELECT * FROM final
