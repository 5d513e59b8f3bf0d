-- definition:  The number of children placed for adoption at the end of the
--              month's last day: children looked after then (the CLA1 cohort:
--              short breaks left out, an episode ending that day having
--              ceased) whose open episode has placement type A3 to A6
--              (placed for adoption, with or without a placement order, with
--              their current foster carer or not). The SSDA903 "placed for
--              adoption" table records the decision that a child should be
--              placed, not the placement, so it is not used for this count.
--              Where a return holds two overlapping open episodes for a
--              child, the one that started last gives the placement.
-- numerator:   children in the cohort in placement type A3, A4, A5 or A6
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   DfE children looked after statistics methodology (placed for
--              adoption = placement types A3 to A6 at 31 March), applied to
--              every month end
-- source:      cla

WITH current_episode AS (
    SELECT
        p.period_id,
        p.period_end,
        e.child_key,
        e.place
    FROM cm_cla_episode AS e
    INNER JOIN indicator_period AS p
        ON e.start_date <= p.period_end
        AND (e.end_date IS NULL OR e.end_date > p.period_end)
    WHERE NOT e.is_short_break
    QUALIFY row_number() OVER (
        PARTITION BY p.period_id, e.child_key ORDER BY e.start_date DESC
    ) = 1
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        period_end AS decided_on,
        'placed for adoption (' || place || ')' AS note
    FROM current_episode
    WHERE place IN ('A3', 'A4', 'A5', 'A6')
)

SELECT * FROM final
