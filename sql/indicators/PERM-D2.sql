-- definition:  The number of children looked after at the end of the month's
--              last day (the CLA1 cohort: short breaks left out, an episode
--              ending that day having ceased) whose permanence plan in force
--              that day is long-term fostering. A plan is in force from its
--              start date until its end date, a plan ending on the day having
--              ended; where two plans overlap, the one that started last is
--              in force. Plans come from the council's permanence plans
--              export, whose plan values are those of Annex A list 8 ("What
--              is the permanence plan for this child?").
-- numerator:   children in the cohort whose plan in force is long-term
--              fostering
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   Ofsted Annex A guidance, list 8 (permanence plan f) long-term
--              fostering), applied to every month end
-- source:      cla, cla_permanence_plans

WITH cohort AS (
    SELECT DISTINCT
        p.period_id,
        p.period_end,
        e.child_key
    FROM cm_cla_episode AS e
    INNER JOIN indicator_period AS p
        ON e.start_date <= p.period_end
        AND (e.end_date IS NULL OR e.end_date > p.period_end)
    WHERE NOT e.is_short_break
),

in_force AS (
    SELECT
        c.period_id,
        c.period_end,
        c.child_key,
        pp.plan,
        pp.start_date
    FROM cohort AS c
    INNER JOIN cm_cla_permanence_plan AS pp
        ON pp.child_key = c.child_key
        AND pp.start_date <= c.period_end
        AND (pp.end_date IS NULL OR pp.end_date > c.period_end)
    QUALIFY row_number() OVER (
        PARTITION BY c.period_id, c.child_key ORDER BY pp.start_date DESC, pp.plan
    ) = 1
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        period_end AS decided_on,
        'long-term fostering plan since ' || CAST(start_date AS VARCHAR) AS note
    FROM in_force
    WHERE plan = 'FOSTERING'
)

SELECT * FROM final
