-- definition:  The number of children who became the subject of a child
--              protection plan in the month, by the plan's start date. A
--              child counts once even if two plans started in the month.
--              First and later plans both count (ACM4 says how many were
--              later plans). Plans are Annex A list 7 rows, one per child and
--              plan start date.
-- numerator:   children with a plan starting in the month
-- denominator: none (a count)
-- period:      monthly flow, by plan start date
-- authority:   DfE children in need statistics methodology (children who
--              became the subject of a child protection plan)
-- source:      cp

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        min(c.start_date) AS decided_on,
        'plan started' AS note
    FROM cm_cp_plan AS c
    INNER JOIN indicator_period AS p
        ON c.start_date BETWEEN p.period_start AND p.period_end
    GROUP BY p.period_id, c.child_key
)

SELECT * FROM final
