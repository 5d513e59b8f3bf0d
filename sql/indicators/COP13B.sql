-- definition:  Of the children looked after at the end of the month aged 5 to
--              16 that day, the percentage with a Personal Education Plan form completed in
--              the 6 months ending on the month's last day (dated after the
--              same day 6 months earlier, native personal education plans
--              export, PEP Form Completed Date). Statutory guidance asks for the
--              plan to be reviewed each term and at least at every care plan
--              review (6-monthly); the 6 months are the council's reading of
--              "completed", so a plan counts until it is more than 6 months old.
--              Looked after at the month end means in a period of care (SSDA903
--              episodes, short breaks V3 and V4 left out) that began on or
--              before the month's last day and had not ended by it; ages are
--              completed years on that day.
-- numerator:   children looked after at the month end, aged 5 to 16, with a
--              Personal Education Plan form dated in the 6 months ending that day
-- denominator: children looked after at the month end aged 5 to 16
-- period:      snapshot at the last day of the month, over the 6 months ending
--              that day
-- authority:   statutory guidance "Promoting the education of looked-after and
--              previously looked-after children" (every looked-after child of
--              school age has a PEP, reviewed each term); the 6-month window is
--              a local definition
-- source:      cla, cla_pep_6m

WITH looked_after AS (
    SELECT
        p.period_id,
        p.period_start,
        p.period_end,
        c.child_key,
        date_part('year', age(CAST(p.period_end AS TIMESTAMP),
            CAST(k.birth_date AS TIMESTAMP))) AS age
    FROM cm_cla_care_period AS c
    INNER JOIN indicator_period AS p
        ON c.start_date <= p.period_end
        AND (c.end_date IS NULL OR c.end_date > p.period_end)
    LEFT JOIN cm_child AS k
        ON k.child_key = c.child_key
),

cohort AS (
    SELECT * FROM looked_after WHERE age BETWEEN 5 AND 16
),

planned AS (
    SELECT
        c.period_id,
        c.child_key,
        max(e.form_date) AS last_date
    FROM cohort AS c
    INNER JOIN cm_cla_pep AS e
        ON e.child_key = c.child_key
        AND e.form_date > CAST(c.period_end - INTERVAL 6 MONTH AS DATE)
        AND e.form_date <= c.period_end
    GROUP BY c.period_id, c.child_key
),

final AS (
    SELECT
        c.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        CASE WHEN x.last_date IS NOT NULL THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        coalesce(x.last_date, c.period_end) AS decided_on,
        CASE WHEN x.last_date IS NOT NULL THEN 'Personal Education Plan form in 6 months'
            ELSE 'no Personal Education Plan form in 6 months' END AS note
    FROM cohort AS c
    LEFT JOIN planned AS x
        ON x.period_id = c.period_id
        AND x.child_key = c.child_key
)

SELECT * FROM final
