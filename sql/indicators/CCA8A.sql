-- definition:  The number of referrals to early intervention in the month
--              that are a step down from children's social care (LCS, the
--              council's social care service): early help (CAF) episodes
--              starting in the month whose referral route in the native
--              early help export is "step down from social care", typically
--              a case closed after a social care assessment or CIN plan and
--              passed to early help. Each episode counts once, by its start.
-- numerator:   CAF episodes started in the month whose route is step down from
--              children's social care
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
        'stepped down from social care' AS note
    FROM cm_caf_episode AS e
    INNER JOIN indicator_period AS p
        ON e.start_date BETWEEN p.period_start AND p.period_end
    WHERE e.route = 'STEP_DOWN_SOCIAL_CARE'
)

SELECT * FROM final
