-- definition:  The number of children subject to a child protection plan at
--              the end of the month's last day (the ACM2 rule) whose plan had
--              then lasted 2 years or more: it started on or before the same
--              day two years earlier (a plan started on 31/01/2024 has lasted
--              2 years on 31/01/2026; a 29 February start reaches 2 years on
--              28 February). A child counts once. This is the appendix's local
--              variant ("subject to" at the period end); DfE counts instead
--              the plans ending in the period that lasted 2 years or more.
-- numerator:   children on a plan at the month's last day whose plan started 2
--              years or more before that day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   local variant of the DfE children in need statistics measure
--              (plans lasting 2 years or more), counted at the period end
-- source:      cp

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        p.period_end AS decided_on,
        'on a plan for 2 years or more at the month end' AS note
    FROM cm_cp_plan AS c
    INNER JOIN indicator_period AS p
        ON c.start_date <= p.period_end
        AND (c.end_date IS NULL OR c.end_date > p.period_end)
        AND CAST(c.start_date + INTERVAL 2 YEAR AS DATE) <= p.period_end
    GROUP BY p.period_id, p.period_end, c.child_key
)

SELECT * FROM final
