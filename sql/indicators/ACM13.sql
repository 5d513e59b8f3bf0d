-- definition:  The number of children subject to a supervision order at the
--              end of the month's last day: an order (native supervision
--              orders export) that started on or before that day and had not
--              ended by it. An order ending on the last day has ended. A child
--              counts once.
-- numerator:   children with a supervision order in force at the month's last
--              day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   local measure (the council's legal records; supervision orders
--              under section 31 of the Children Act 1989)
-- source:      supervision_orders

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        x.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        p.period_end AS decided_on,
        'supervision order in force at the month end' AS note
    FROM cm_supervision_order AS x
    INNER JOIN indicator_period AS p
        ON x.start_date <= p.period_end
        AND (x.end_date IS NULL OR x.end_date > p.period_end)
    GROUP BY p.period_id, p.period_end, x.child_key
)

SELECT * FROM final
