-- definition:  The number of initial single assessments (as CCA12B)
--              authorised in the month whose outcome in the native
--              assessments export is no further action. An initial assessment
--              with no outcome recorded is not counted. Annex A list 4's
--              answer to "assessed as requiring children's social care
--              support?" is not read for this: "No" there can still lead to
--              early help, which the native outcome does not call NFA.
-- numerator:   initial assessments authorised in the month with outcome NFA
-- denominator: none (a count)
-- period:      monthly flow, by date of authorisation
-- authority:   local definition (the council's scorecard)
-- source:      assessments_native

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        a.assessment_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        a.authorised_date AS decided_on,
        'initial assessment, no further action' AS note
    FROM cm_assessment AS a
    INNER JOIN indicator_period AS p
        ON a.authorised_date BETWEEN p.period_start AND p.period_end
    WHERE a.assessment_type = 'INITIAL'
        AND a.outcome = 'NFA'
)

SELECT * FROM final
