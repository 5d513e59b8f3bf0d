-- definition:  The number of children whose child protection plan ended in the
--              month, by the plan's end date on Annex A list 7. A plan ending
--              on the month's last day ended in that month; a plan that
--              started and ended in the same month counts. A child counts once
--              even if two plans ended in the month.
-- numerator:   children with a plan ending in the month
-- denominator: none (a count)
-- period:      monthly flow, by plan end date
-- authority:   DfE children in need statistics methodology (children who
--              ceased to be the subject of a child protection plan)
-- source:      cp

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        max(c.end_date) AS decided_on,
        'plan ended' AS note
    FROM cm_cp_plan AS c
    INNER JOIN indicator_period AS p
        ON c.end_date BETWEEN p.period_start AND p.period_end
    GROUP BY p.period_id, c.child_key
)

SELECT * FROM final
