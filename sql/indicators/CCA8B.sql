-- definition:  The number of new referrals to early intervention in the month
--              that came as a step across from the MASH: early help (CAF)
--              episodes starting in the month whose referral route in the
--              native early help export is "step across from MASH" (the
--              front door passed the contact to early help without a
--              referral to social care; the native contacts export records
--              the same decision as the contact's outcome). A step-across
--              contact that never became an episode is not counted: it is a
--              referral the family did not take up. Each episode counts once,
--              by its start.
-- numerator:   CAF episodes started in the month whose route is step across from
--              the MASH
-- denominator: none (a count)
-- period:      monthly flow, by episode start date
-- authority:   local definition (the council's early help scorecard)
-- source:      caf

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        e.episode_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        e.start_date AS decided_on,
        'stepped across from MASH' AS note
    FROM cm_caf_episode AS e
    INNER JOIN indicator_period AS p
        ON e.start_date BETWEEN p.period_start AND p.period_end
    WHERE e.route = 'STEP_ACROSS_MASH'
)

SELECT * FROM final
