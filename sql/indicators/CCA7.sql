-- definition:  The number of early help (CAF) episodes open at the end of the
--              month, each episode counted once (a child with two open
--              episodes counts twice).
--              An episode is open at the end of a month when it started on
--              or before the month's last day and has no closure date, or
--              closes after that day (an episode closed on the last day is
--              closed). An episode is a row of the native early help (CAF)
--              episodes export, one per episode ID, whichever route it came
--              by.
-- numerator:   CAF episodes open at the end of the month
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   local definition (the council's early help scorecard)
-- source:      caf

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        e.episode_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        p.period_end AS decided_on,
        'open at month end' AS note
    FROM cm_caf_episode AS e
    INNER JOIN indicator_period AS p
        ON e.start_date <= p.period_end
        AND (e.closure_date IS NULL OR e.closure_date > p.period_end)
)

SELECT * FROM final
