-- definition:  Children subject to a single assessment completed in the month
--              per 10,000 children aged 0 to 17 living in the council's area.
--              Children, not assessments: a child with two assessments
--              authorised in the month counts once. Completed (authorised)
--              assessments are counted, as DfE's children in need statistics
--              count assessments by their completion, and because Annex A
--              list 4 is whole only for assessments authorised in its
--              window. The rate is for the month alone, not annualised.
-- numerator:   distinct children with an assessment authorised in the month
-- denominator: ONS mid-year estimate of the population aged 0 to 17 for the
--              mid-year in which the month's financial year starts
-- period:      monthly flow, by date of authorisation
-- authority:   DfE children in need statistics methodology (rates per 10,000
--              children aged under 18; assessments by completion); the
--              monthly child count is the council's
-- source:      assessments

WITH children AS (
    SELECT
        p.period_id,
        a.child_key,
        min(a.authorised_date) AS first_authorised
    FROM cm_assessment AS a
    INNER JOIN indicator_period AS p
        ON a.authorised_date BETWEEN p.period_start AND p.period_end
    GROUP BY
        p.period_id,
        a.child_key
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        first_authorised AS decided_on,
        'child with an assessment completed' AS note
    FROM children
)

SELECT * FROM final
