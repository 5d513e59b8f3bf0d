-- definition:  Children subject to a section 47 enquiry that started in the
--              month, per 10,000 children aged 0 to 17 living in the
--              council's area. Children, not enquiries: a child with two
--              enquiries starting in the month counts once. An enquiry starts
--              on the date of the strategy discussion that initiated it
--              (Annex A list 5). The rate is for the month alone, not
--              annualised.
-- numerator:   distinct children with a section 47 enquiry whose strategy
--              discussion is dated in the month
-- denominator: ONS mid-year estimate of the population aged 0 to 17 for the
--              mid-year in which the month's financial year starts
-- period:      monthly flow, by date of the strategy discussion
-- authority:   DfE children in need statistics methodology (children subject
--              to section 47 enquiries which started in the period, per
--              10,000 children aged under 18); monthly is the council's
-- source:      s47

WITH children AS (
    SELECT
        p.period_id,
        s.child_key,
        min(s.strategy_date) AS first_strategy
    FROM cm_s47 AS s
    INNER JOIN indicator_period AS p
        ON s.strategy_date BETWEEN p.period_start AND p.period_end
    GROUP BY
        p.period_id,
        s.child_key
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        first_strategy AS decided_on,
        'child subject to a section 47 enquiry' AS note
    FROM children
)

SELECT * FROM final
