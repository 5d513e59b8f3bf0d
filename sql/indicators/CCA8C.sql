-- definition:  The number of new referrals to children's social care (LCS,
--              the council's social care service) in the month that are a
--              step up from early intervention: Annex A list 3 referrals of a
--              child who, on the referral's day, had an early help (CAF)
--              episode open (started on or before that day and not closed
--              before it). An episode closed on the referral's day still
--              counts, as early help closes an episode when it steps the case
--              up. Each referral counts once, however many episodes were open.
--              Whatever the referral's recorded source, a referral made while
--              early help was working with the child is a step up.
-- numerator:   referrals dated in the month of a child with a CAF episode
--              open on the referral's day
-- denominator: none (a count)
-- period:      monthly flow, by date of referral
-- authority:   local definition (the council's early help scorecard)
-- source:      referrals, caf

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        r.referral_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        r.referral_date AS decided_on,
        'referred while open to early help' AS note
    FROM cm_referral AS r
    INNER JOIN indicator_period AS p
        ON r.referral_date BETWEEN p.period_start AND p.period_end
    WHERE EXISTS (
        SELECT 1
        FROM cm_caf_episode AS e
        WHERE e.child_key = r.child_key
            AND e.start_date <= r.referral_date
            AND (e.closure_date IS NULL OR e.closure_date >= r.referral_date)
    )
)

SELECT * FROM final
