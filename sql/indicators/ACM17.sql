-- definition:  The number of children whose child in need plan ended in the
--              month, by the plan's end date (native CIN plans export). A plan
--              ending on the month's last day ended in that month; a plan
--              starting and ending in the same month counts. A child counts
--              once even if two plans ended in the month. Every plan counts
--              whatever its case type or team.
-- numerator:   children with a CIN plan ending in the month
-- denominator: none (a count)
-- period:      monthly flow, by plan end date
-- authority:   DfE children in need census (CIN plan end date), counted
--              monthly as the council's measure
-- source:      cin_plans

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        max(c.end_date) AS decided_on,
        'CIN plan ended' AS note
    FROM cm_cin_plan AS c
    INNER JOIN indicator_period AS p
        ON c.end_date BETWEEN p.period_start AND p.period_end
    GROUP BY p.period_id, c.child_key
)

SELECT * FROM final
