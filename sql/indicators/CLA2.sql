-- definition:  The number of children who started to be looked after in the
--              month: children with an SSDA903 episode whose reason for new
--              episode is S (started to be looked after) and whose start date
--              is in the month. Episodes that continue a period of care (a
--              new episode the day the last one ended with reason X1, coded
--              L, P, T, B or U) are not starts. Short breaks (legal status V3
--              or V4) are left out, so a child whose care began as a short
--              break and moved on to another legal status is not counted as a
--              start. A child who started twice in the month counts once.
-- numerator:   children with an episode, not a short break, with reason for
--              new episode S starting in the month
-- denominator: none (a count)
-- period:      monthly flow, by episode start date
-- authority:   DfE children looked after statistics methodology (children
--              starting to be looked after, each child's first start in the
--              period, short breaks excluded)
-- source:      cla

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        e.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        min(e.start_date) AS decided_on,
        'started to be looked after' AS note
    FROM cm_cla_episode AS e
    INNER JOIN indicator_period AS p
        ON e.start_date BETWEEN p.period_start AND p.period_end
    WHERE e.rne = 'S'
        AND NOT e.is_short_break
    GROUP BY p.period_id, e.child_key
)

SELECT * FROM final
