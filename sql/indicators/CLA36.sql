-- definition:  Of the children looked after at the end of the month's last
--              day (the CLA1 cohort: short breaks left out, an episode ending
--              that day having ceased), the percentage with an up-to-date
--              care plan: a care plan dated in the 12 months ending that day
--              (after the same day a year before, up to and including the
--              month's last day). Care plan dates come from the council's
--              care plans export, one row per plan made or revised. A plan
--              dated before the current period of care began counts if it is
--              within the 12 months, since a plan is prepared before a
--              planned placement and carried over when a child returns to
--              care soon after leaving.
-- numerator:   children in the cohort with a care plan dated in the 12 months
--              ending on the month's last day
-- denominator: children looked after at the month's last day (CLA1)
-- period:      snapshot at the last day of the month
-- authority:   the council's measure (care plans under 12 months old); care
--              plans are required by the Care Planning, Placement and Case
--              Review (England) Regulations 2010, regulation 4
-- source:      cla, cla_care_plans_12m

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

planned AS (
    SELECT
        c.period_id,
        c.period_end,
        c.child_key,
        max(cp.plan_date) AS last_plan
    FROM cohort AS c
    LEFT JOIN cm_cla_care_plan AS cp
        ON cp.child_key = c.child_key
        AND cp.plan_date <= c.period_end
    GROUP BY c.period_id, c.period_end, c.child_key
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        CASE WHEN last_plan > CAST(period_end - INTERVAL 12 MONTH AS DATE)
            THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        period_end AS decided_on,
        CASE WHEN last_plan IS NULL THEN 'no care plan'
            ELSE 'care plan ' || CAST(last_plan AS VARCHAR) END AS note
    FROM planned
)

SELECT * FROM final
