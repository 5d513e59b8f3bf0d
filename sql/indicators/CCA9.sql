-- definition:  The number of section 47 enquiries started in the month, an
--              enquiry starting on the date of the strategy discussion that
--              initiated it. Each enquiry counts, so a child with two
--              enquiries in the month counts twice. An enquiry is an Annex A
--              list 5 row, one per child and strategy discussion date.
-- numerator:   section 47 enquiries whose strategy discussion is dated in the
--              month
-- denominator: none (a count)
-- period:      monthly flow, by date of the strategy discussion
-- authority:   Ofsted Annex A guidance (list 5, the strategy discussion
--              initiating the section 47 enquiry); the monthly count is the
--              council's
-- source:      s47

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        s.s47_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        s.strategy_date AS decided_on,
        'section 47 enquiry started' AS note
    FROM cm_s47 AS s
    INNER JOIN indicator_period AS p
        ON s.strategy_date BETWEEN p.period_start AND p.period_end
)

SELECT * FROM final
