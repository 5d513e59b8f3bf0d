-- definition:  The number of children privately fostered at the end of the
--              month's last day: children with a private fostering
--              arrangement (Children Act 1989, section 66: a child under 16,
--              or 18 if disabled, cared for 28 days or more by someone who is
--              not a parent or close relative) that began on or before that
--              day and had not ended by it, an arrangement ending on the day
--              having ended. A child counts once. Arrangements come from the
--              council's private fostering export.
-- numerator:   children with a private fostering arrangement open at the end
--              of the month's last day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   DfE private fostering statistics (children privately fostered
--              at 31 March), applied to every month end
-- source:      private_fostering

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        f.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        p.period_end AS decided_on,
        'privately fostered' AS note
    FROM cm_private_fostering AS f
    INNER JOIN indicator_period AS p
        ON f.start_date <= p.period_end
        AND (f.end_date IS NULL OR f.end_date > p.period_end)
    GROUP BY p.period_id, p.period_end, f.child_key
)

SELECT * FROM final
