-- definition:  The number of young people staying put at the end of the
--              month's last day: care leavers aged 18 or over living on with
--              their former foster carers under a staying put arrangement
--              (Children and Families Act 2014, section 98) that had begun on
--              or before that day and had not ended by it, an arrangement
--              ending on the day having ended. A young person with two
--              arrangements open counts once. Arrangements come from the
--              council's staying put export; Annex A list 9's accommodation
--              codes do not separate staying put from other lodgings.
-- numerator:   young people with a staying put arrangement open at the end of
--              the month's last day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   the council's measure; staying put as defined by the Children
--              and Families Act 2014 and DfE's staying put guidance
-- source:      staying_put

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        s.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        p.period_end AS decided_on,
        'staying put' AS note
    FROM cm_staying_put AS s
    INNER JOIN indicator_period AS p
        ON s.start_date <= p.period_end
        AND (s.end_date IS NULL OR s.end_date > p.period_end)
    GROUP BY p.period_id, p.period_end, s.child_key
)

SELECT * FROM final
