-- definition:  The number of children looked after at the end of the month,
--              of compulsory school age (5 to 15 in completed years on the
--              month's last day), with a concern about their education
--              provision: no school placement open that day in the native
--              schools attended export (a placement is open from its start
--              date to its end date, both included, or with no end date).
--              What counts as a concern is the council's: a child on a school
--              roll whose attendance or placement worries the virtual school
--              is not in any export, so only children with no school at all
--              are counted, and the figure is a floor.
--              Looked after at the month end means in a period of care (SSDA903
--              episodes, short breaks V3 and V4 left out) that began on or
--              before the month's last day and had not ended by it; ages are
--              completed years on that day.
-- numerator:   children looked after at the month end aged 5 to 15 with no
--              school placement open that day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   local definition (the council's virtual school: looked-after
--              children of compulsory school age without a school place)
-- source:      cla, cla_schools

-- looked_after_at_end (sql/model/98_indicator_macros.sql) returns the children
-- looked after at each period's last day, with their age that day.
WITH looked_after AS (
    SELECT * FROM looked_after_at_end('indicator_period')
),

final AS (
    SELECT
        l.period_id,
        'all' AS breakdown,
        l.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        l.period_end AS decided_on,
        'no school place at the month end' AS note
    FROM looked_after AS l
    WHERE l.age BETWEEN 5 AND 15
        AND NOT EXISTS (
            SELECT 1
            FROM cm_cla_school AS s
            WHERE s.child_key = l.child_key
                AND s.start_date <= l.period_end
                AND (s.end_date IS NULL OR s.end_date >= l.period_end)
        )
)

SELECT * FROM final
