-- definition:  The number of children looked after at the end of the month
--              who attended 2 or more schools in the 2 years ending on the
--              month's last day: placements of the native schools attended
--              export that began on or before that day and had not ended 24
--              months before it (an end date after the same day two years
--              earlier), counted by school (URN), so a child who left a
--              school and went back to it has attended one school, and the
--              school the child was at when the 2 years began counts. A child
--              whose school changed once in the 2 years attended 2 schools
--              and is counted; one whose school changed twice (3 schools) or
--              three times (4) is counted once. A move from primary to
--              secondary school is a change of school like any other.
--              Looked after at the month end means in a period of care (SSDA903
--              episodes, short breaks V3 and V4 left out) that began on or
--              before the month's last day and had not ended by it; ages are
--              completed years on that day.
-- numerator:   children looked after at the month end with placements at 2
--              or more schools overlapping the 24 months ending that day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month, over the 24 months
--              ending that day
-- authority:   local definition (the council's virtual school)
-- source:      cla, cla_schools_24m

-- looked_after_at_end (sql/model/98_indicator_macros.sql) returns the children
-- looked after at each period's last day, with their age that day.
WITH looked_after AS (
    SELECT * FROM looked_after_at_end('indicator_period')
),

schools AS (
    SELECT
        l.period_id,
        l.period_end,
        l.child_key,
        count(DISTINCT s.school_urn) AS schools,
        max(s.start_date) AS last_start
    FROM looked_after AS l
    INNER JOIN cm_cla_school AS s
        ON s.child_key = l.child_key
        AND s.start_date <= l.period_end
        AND (s.end_date IS NULL OR s.end_date > CAST(l.period_end - INTERVAL 2 YEAR AS DATE))
    GROUP BY l.period_id, l.period_end, l.child_key
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        last_start AS decided_on,
        schools || ' schools in 2 years' AS note
    FROM schools
    WHERE schools >= 2
)

SELECT * FROM final
