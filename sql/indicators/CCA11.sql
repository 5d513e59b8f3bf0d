-- definition:  The percentage of the month's referrals that are re-referrals.
--              A referral is a re-referral when the same child had an earlier
--              referral, dated strictly before it (not the same day), on or
--              after the same date 12 months before it: a referral exactly
--              12 months after the earlier one is a re-referral, one 12 months
--              and a day after is not (for a referral on 29 February the
--              window opens on 28 February of the year before). The later
--              referral is the one counted, in its own month; the earlier one
--              may fall in any earlier month, and may itself have ended in no
--              further action. All referrals of the month are the
--              denominator, NFA included. A month is reported only when the
--              data hold referrals from at least 12 months before it began,
--              since a re-referral cannot be seen without its earlier referral.
-- numerator:   referrals dated in the month with an earlier referral of the
--              same child in the 12 months before
-- denominator: referrals dated in the month (NFA included)
-- period:      monthly flow, by date of the later referral
-- authority:   DfE children in need statistics methodology (the
--              referral-based re-referral rate); counting a referral exactly
--              12 months later as a re-referral is the council's choice, as
--              DfE does not settle it
-- source:      referrals_12m

WITH month_referrals AS (
    SELECT
        p.period_id,
        r.referral_key,
        r.child_key,
        r.referral_date
    FROM cm_referral AS r
    INNER JOIN indicator_period AS p
        ON r.referral_date BETWEEN p.period_start AND p.period_end
),

flagged AS (
    SELECT
        m.*,
        EXISTS (
            SELECT 1
            FROM cm_referral AS e
            WHERE e.child_key = m.child_key
                AND e.referral_date < m.referral_date
                AND e.referral_date >= CAST(m.referral_date - INTERVAL 12 MONTH AS DATE)
        ) AS is_repeat
    FROM month_referrals AS m
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        referral_key AS subject_key,
        CASE WHEN is_repeat THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        referral_date AS decided_on,
        CASE WHEN is_repeat THEN 're-referral within 12 months'
            ELSE 'no referral in the 12 months before' END AS note
    FROM flagged
)

SELECT * FROM final
