-- definition:  Of the children who became the subject of a child protection
--              plan in the month (ACM3), the number and percentage for whom
--              it was a second or subsequent plan: a child who had any
--              previous plan in this council, however long ago, the old
--              child protection register included. The list's Number of
--              Previous Child Protection Plans is used; where it is blank,
--              earlier plans of the child in the data are counted instead. A
--              child two of whose plans started in the month counts once, in
--              the numerator if either plan had a predecessor.
-- numerator:   children starting a plan in the month whose plan had at least
--              one previous plan
-- denominator: children starting a plan in the month
-- period:      monthly flow, by plan start date
-- authority:   DfE children in need statistics methodology (children becoming
--              the subject of a plan for a second or subsequent time, any
--              previous plan in the same council however long ago; formerly
--              NI 65)
-- source:      cp

WITH starts AS (
    SELECT
        p.period_id,
        c.child_key,
        min(c.start_date) AS first_start,
        bool_or(c.previous_plans >= 1) AS is_repeat
    FROM cm_cp_plan AS c
    INNER JOIN indicator_period AS p
        ON c.start_date BETWEEN p.period_start AND p.period_end
    GROUP BY p.period_id, c.child_key
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        CASE WHEN is_repeat THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        first_start AS decided_on,
        CASE WHEN is_repeat THEN 'second or later plan' ELSE 'first plan' END AS note
    FROM starts
)

SELECT * FROM final
