-- definition:  The number of single (continuous) assessments completed in the
--              month, completion being the date a manager authorised the
--              assessment. Every assessment counts, first or subsequent, and
--              whatever its outcome. An assessment is a row of Annex A list 4
--              or of the native assessments export, one per child and start
--              date (the native export adds subsequent assessments of open
--              cases that list 4 may lack). A row whose authorisation is
--              dated before its start is refused when the list is read (see
--              the rejects) and is not counted.
-- numerator:   assessments authorised in the month
-- denominator: none (a count)
-- period:      monthly flow, by date of authorisation
-- authority:   Ofsted Annex A guidance (list 4, continuous assessment date of
--              authorisation); the count itself is the council's
-- source:      assessments

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        a.assessment_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        a.authorised_date AS decided_on,
        'assessment authorised' AS note
    FROM cm_assessment AS a
    INNER JOIN indicator_period AS p
        ON a.authorised_date BETWEEN p.period_start AND p.period_end
)

SELECT * FROM final
