-- definition:  The number of children in the public law outline
--              pre-proceedings process at the end of the month's last day: a
--              PLO (native PLO export) that started on or before that day (the
--              pre-proceedings meeting or letter) and had not ended by it
--              (issue of proceedings or a decision to step down). A PLO ending
--              on the last day has ended. A child counts once.
-- numerator:   children in PLO pre-proceedings at the month's last day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   local measure (the council's legal records; the public law
--              outline of the Family Procedure Rules, Practice Direction 12A)
-- source:      plo

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        x.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        p.period_end AS decided_on,
        'in PLO pre-proceedings at the month end' AS note
    FROM cm_plo AS x
    INNER JOIN indicator_period AS p
        ON x.start_date <= p.period_end
        AND (x.end_date IS NULL OR x.end_date > p.period_end)
    GROUP BY p.period_id, p.period_end, x.child_key
)

SELECT * FROM final
