-- definition:  The number of children looked after at the end of the last day
--              of the month: children with an SSDA903 episode that started on
--              or before that day and had not ended by it. An episode whose
--              end date is the last day of the month has ceased, so a child
--              who left care that day is not counted; a child whose episode
--              ended that day with reason X1 (a new episode the same day) is
--              counted through the new episode. Short breaks (legal status V3
--              or V4) are left out. A child counts once.
-- numerator:   children with an episode, not a short break, whose start is on
--              or before the month's last day and whose end is blank or after
--              that day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   DfE children looked after statistics methodology (looked after
--              at 31 March, short breaks excluded, an episode ending on the
--              day having ceased), applied to every month end
-- source:      cla

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        e.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        p.period_end AS decided_on,
        'looked after at the month end' AS note
    FROM cm_cla_episode AS e
    INNER JOIN indicator_period AS p
        ON e.start_date <= p.period_end
        AND (e.end_date IS NULL OR e.end_date > p.period_end)
    WHERE NOT e.is_short_break
    GROUP BY p.period_id, p.period_end, e.child_key
)

SELECT * FROM final
