-- definition:  The number of initial single assessments completed in the
--              month, completion being the date a manager authorised the
--              assessment. An assessment is initial when the native
--              assessments export gives its type as initial (the first
--              assessment of a referral); subsequent assessments of a case
--              already open are left out. Only the native export records the
--              type, so assessments known only from Annex A list 4 are not
--              counted. A row authorised before it started is refused when
--              read.
-- numerator:   initial assessments authorised in the month
-- denominator: none (a count)
-- period:      monthly flow, by date of authorisation
-- authority:   local definition (the council's scorecard); the single
--              assessment and its authorisation are as Annex A list 4 and
--              the CIN census record them
-- source:      assessments_native

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        a.assessment_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        a.authorised_date AS decided_on,
        'initial assessment authorised' AS note
    FROM cm_assessment AS a
    INNER JOIN indicator_period AS p
        ON a.authorised_date BETWEEN p.period_start AND p.period_end
    WHERE a.assessment_type = 'INITIAL'
)

SELECT * FROM final
