-- definition:  Of the children looked after at the end of the month aged 5 to
--              16 that day, the percentage with a Personal Education Plan meeting held in
--              the 6 months ending on the month's last day (dated after the
--              same day 6 months earlier, native personal education plans
--              export, PEP Meeting Date). Statutory guidance asks for the
--              plan to be reviewed each term and at least at every care plan
--              review (6-monthly); the 6 months are the council's reading of
--              "completed", so a plan counts until it is more than 6 months old.
--              Looked after at the month end means in a period of care (SSDA903
--              episodes, short breaks V3 and V4 left out) that began on or
--              before the month's last day and had not ended by it; ages are
--              completed years on that day.
-- numerator:   children looked after at the month end, aged 5 to 16, with a
--              Personal Education Plan meeting dated in the 6 months ending that day
-- denominator: children looked after at the month end aged 5 to 16
-- period:      snapshot at the last day of the month, over the 6 months ending
--              that day
-- authority:   statutory guidance "Promoting the education of looked-after and
--              previously looked-after children" (every looked-after child of
--              school age has a PEP, reviewed each term); the 6-month window is
--              a local definition
-- source:      cla, cla_pep_6m

-- looked_after_pep (sql/model/98_indicator_macros.sql) returns the children
-- looked after at each period's last day aged 5 to 16, with the dates of
-- their latest Personal Education Plan meeting (last_meeting) and form
-- (last_form) in the 6 months ending that day, NULL when none.
WITH planned AS (
    SELECT
        period_id,
        period_end,
        child_key,
        last_meeting AS last_date
    FROM looked_after_pep('indicator_period')
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        CASE WHEN last_date IS NOT NULL THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        coalesce(last_date, period_end) AS decided_on,
        CASE WHEN last_date IS NOT NULL THEN 'Personal Education Plan meeting in 6 months'
            ELSE 'no Personal Education Plan meeting in 6 months' END AS note
    FROM planned
)

SELECT * FROM final
