-- definition:  The number of early help (CAF) episodes closed in the month,
--              whatever the reason (outcomes met, step up to social care,
--              family disengaged, moved away, other). An episode is a row of
--              the native early help (CAF) episodes export, one per episode
--              ID; a row closed before it started was refused when read.
-- numerator:   CAF episodes whose closure date falls in the month
-- denominator: none (a count)
-- period:      monthly flow, by date of closure
-- authority:   local definition (the council's early help scorecard)
-- source:      caf

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        e.episode_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        e.closure_date AS decided_on,
        'CAF episode closed' AS note
    FROM cm_caf_episode AS e
    INNER JOIN indicator_period AS p
        ON e.closure_date BETWEEN p.period_start AND p.period_end
    WHERE e.closure_date IS NOT NULL
)

SELECT * FROM final
