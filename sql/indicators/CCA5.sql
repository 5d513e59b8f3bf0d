-- definition:  The number of early help (CAF) assessments completed in the
--              month, completion being the day a manager agreed the
--              assessment (management agreement). Each episode has one CAF
--              assessment, so each counts once, in the month of its
--              agreement, whatever the episode's route or whether it has
--              closed since. An assessment not yet agreed is not counted. An
--              episode is a row of the native early help (CAF) episodes
--              export, one per episode ID.
-- numerator:   CAF episodes whose assessment a manager agreed in the month
-- denominator: none (a count)
-- period:      monthly flow, by date of management agreement
-- authority:   local definition (the council's early help scorecard)
-- source:      caf

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        e.episode_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        e.agreed_date AS decided_on,
        'CAF assessment agreed' AS note
    FROM cm_caf_episode AS e
    INNER JOIN indicator_period AS p
        ON e.agreed_date BETWEEN p.period_start AND p.period_end
    WHERE e.agreed_date IS NOT NULL
)

SELECT * FROM final
