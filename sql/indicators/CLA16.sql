-- definition:  The number of children subject to care proceedings at the end
--              of the month's last day: proceedings (native care proceedings
--              export) issued on or before that day whose final hearing had
--              not taken place by it. Proceedings whose final hearing is on
--              the last day have concluded. A child counts once, whatever the
--              number of applications.
-- numerator:   children in care proceedings issued and not concluded at the
--              month's last day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   local measure (the council's legal records; care and
--              supervision proceedings under section 31 of the Children Act
--              1989)
-- source:      care_proceedings

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        x.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        p.period_end AS decided_on,
        'in care proceedings at the month end' AS note
    FROM cm_care_proceedings AS x
    INNER JOIN indicator_period AS p
        ON x.issue_date <= p.period_end
        AND (x.final_hearing_date IS NULL OR x.final_hearing_date > p.period_end)
    GROUP BY p.period_id, p.period_end, x.child_key
)

SELECT * FROM final
