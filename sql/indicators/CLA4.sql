-- definition:  The number of children who ceased to be looked after in the
--              month: children with an SSDA903 episode ending in the month
--              for a reason other than X1. X1 means the episode closed and a
--              new one began the same day (a change of placement or legal
--              status), so the child did not leave care. A child whose last
--              episode ended on the last day of the month counts here, and is
--              not looked after at that month end (CLA1). Short breaks (legal
--              status V3 or V4) are left out. An episode ending with no reason
--              recorded counts as a cessation. A child who ceased twice in
--              the month counts once.
-- numerator:   children with an episode, not a short break, ending in the
--              month with a reason ceased other than X1
-- denominator: none (a count)
-- period:      monthly flow, by episode end date
-- authority:   DfE children looked after statistics methodology (children
--              ceasing to be looked after, each child's last cessation in the
--              period, X1 not a cessation, short breaks excluded)
-- source:      cla

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        e.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        max(e.end_date) AS decided_on,
        'ceased to be looked after' AS note
    FROM cm_cla_episode AS e
    INNER JOIN indicator_period AS p
        ON e.end_date BETWEEN p.period_start AND p.period_end
    WHERE e.reason_ceased IS DISTINCT FROM 'X1'
        AND NOT e.is_short_break
    GROUP BY p.period_id, e.child_key
)

SELECT * FROM final
