-- definition:  The number of children subject to a child protection plan at
--              the end of the last day of the month: a plan that started on
--              or before that day and had not ended by it. A plan whose end
--              date is the last day of the month has ceased and is not
--              counted; a plan starting that day is. A child counts once
--              however many plans the data show open. Plans are Annex A
--              list 7 rows, one per child and plan start date.
-- numerator:   children with a plan whose start is on or before the month's
--              last day and whose end is blank or after that day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   DfE children in need statistics methodology (children subject
--              to a plan at a date; a plan ending on that date has ceased)
-- source:      cp

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        p.period_end AS decided_on,
        'on a plan at the month end' AS note
    FROM cm_cp_plan AS c
    INNER JOIN indicator_period AS p
        ON c.start_date <= p.period_end
        AND (c.end_date IS NULL OR c.end_date > p.period_end)
    GROUP BY p.period_id, p.period_end, c.child_key
)

SELECT * FROM final
