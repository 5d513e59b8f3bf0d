-- definition:  Children subject to a child protection plan at the end of the
--              month's last day (the ACM2 count: a plan ending that day has
--              ceased, a plan starting that day is open; a child counts once)
--              per 10,000 children aged 0 to 17 living in the council's area.
-- numerator:   children on a plan at the month's last day (ACM2)
-- denominator: ONS mid-year estimate of the population aged 0 to 17 for the
--              mid-year in which the month's financial year starts (mid-2025
--              for April 2025 to March 2026)
-- period:      snapshot at the last day of the month
-- authority:   DfE children in need statistics methodology (children subject
--              to a plan per 10,000 children aged under 18), applied to every
--              month end
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
