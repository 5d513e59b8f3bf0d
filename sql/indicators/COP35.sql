-- definition:  Of the children looked after at the end of the month aged 5 to
--              16 that day, the percentage with at least one fixed-term
--              exclusion (suspension) from school starting in the 12 months
--              ending on the month's last day (native school exclusions
--              export, type FIXED). Permanent exclusions are not counted here.
--              Looked after at the month end means in a period of care (SSDA903
--              episodes, short breaks V3 and V4 left out) that began on or
--              before the month's last day and had not ended by it; ages are
--              completed years on that day.
-- numerator:   children looked after at the month end, aged 5 to 16, with a
--              fixed-term exclusion starting in the 12 months ending that day
-- denominator: children looked after at the month end aged 5 to 16
-- period:      snapshot at the last day of the month, over the 12 months
--              ending that day
-- authority:   DfE's measure of looked-after children with at least one
--              suspension (fixed period exclusion), over a local cohort
--              (looked after at the month end) and a rolling 12 months
-- source:      cla, cla_exclusions_12m

-- looked_after_at_end (sql/model/98_indicator_macros.sql) returns the children
-- looked after at each period's last day, with their age that day.
WITH looked_after AS (
    SELECT * FROM looked_after_at_end('indicator_period')
),

cohort AS (
    SELECT * FROM looked_after WHERE age BETWEEN 5 AND 16
),

excluded AS (
    SELECT
        c.period_id,
        c.child_key,
        max(x.start_date) AS last_date
    FROM cohort AS c
    INNER JOIN cm_cla_exclusion AS x
        ON x.child_key = c.child_key
        AND x.exclusion_type = 'FIXED'
        AND x.start_date > CAST(c.period_end - INTERVAL 1 YEAR AS DATE)
        AND x.start_date <= c.period_end
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
        CASE WHEN x.last_date IS NOT NULL THEN 'fixed-term exclusion in 12 months'
            ELSE 'no fixed-term exclusion in 12 months' END AS note
    FROM cohort AS c
    LEFT JOIN excluded AS x
        ON x.period_id = c.period_id
        AND x.child_key = c.child_key
)

SELECT * FROM final
