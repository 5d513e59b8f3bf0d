-- definition:  Of the children looked after at the end of the month aged 5 to
--              16 who had a school placement open that day, the percentage
--              whose school was rated good or outstanding by Ofsted (or at an
--              equivalent level by another inspectorate) as the native schools
--              attended export gives the rating. A child with two schools open
--              (dual registration) is judged on the one joined last. A school
--              with no rating (not yet inspected) stays in the denominator and
--              is not counted as good.
--              Looked after at the month end means in a period of care (SSDA903
--              episodes, short breaks V3 and V4 left out) that began on or
--              before the month's last day and had not ended by it; ages are
--              completed years on that day.
-- numerator:   children whose school open at the month end is rated 1
--              (outstanding) or 2 (good)
-- denominator: children looked after at the month end aged 5 to 16 with a
--              school open that day
-- period:      snapshot at the last day of the month
-- authority:   local definition (the council's virtual school), following
--              DfE's reporting of looked-after children in good or outstanding
--              schools
-- source:      cla, cla_schools

-- looked_after_at_end (sql/model/98_indicator_macros.sql) returns the children
-- looked after at each period's last day, with their age that day.
WITH looked_after AS (
    SELECT * FROM looked_after_at_end('indicator_period')
),

placed AS (
    SELECT
        l.period_id,
        l.period_end,
        l.child_key,
        s.ofsted_rating
    FROM looked_after AS l
    INNER JOIN cm_cla_school AS s
        ON s.child_key = l.child_key
        AND s.start_date <= l.period_end
        AND (s.end_date IS NULL OR s.end_date >= l.period_end)
    WHERE l.age BETWEEN 5 AND 16
    QUALIFY row_number() OVER (
        PARTITION BY l.period_id, l.child_key ORDER BY s.start_date DESC, s.school_urn
    ) = 1
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        CASE WHEN ofsted_rating IN ('1', '2') THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        period_end AS decided_on,
        CASE
            WHEN ofsted_rating IN ('1', '2') THEN 'school good or better'
            WHEN ofsted_rating IN ('3', '4') THEN 'school below good'
            ELSE 'school not rated'
        END AS note
    FROM placed
)

SELECT * FROM final
