-- definition:  The number of children who became the subject of a child in
--              need plan in the month, by the plan's start date (native CIN
--              plans export). A plan starting and ending in the same month
--              counts. A child counts once even if two plans started in the
--              month. Every plan counts whatever its case type or team (DCT2
--              gives the disabled children's team's share).
-- numerator:   children with a CIN plan starting in the month
-- denominator: none (a count)
-- period:      monthly flow, by plan start date
-- authority:   DfE children in need census (CIN plan start date), counted
--              monthly as the council's measure
-- source:      cin_plans

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        min(c.start_date) AS decided_on,
        'CIN plan started' AS note
    FROM cm_cin_plan AS c
    INNER JOIN indicator_period AS p
        ON c.start_date BETWEEN p.period_start AND p.period_end
    GROUP BY p.period_id, c.child_key
)

SELECT * FROM final
