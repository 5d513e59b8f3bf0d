-- definition:  The average number of calendar days from a contact to the
--              referral to children's social care it led to, over the
--              referrals received in the month. A referral (Annex A list 3)
--              is matched to the latest contact of the same child in the
--              native contacts export whose outcome is referral to children's
--              social care, dated on the referral's day or in the 30 days
--              before it (the 30 days are the window Annex A aggregation uses
--              to link front door events). A contact on the referral's own
--              day gives 0 days. A referral with no such contact (a referral
--              not made through the front door, or a contact recorded without
--              that outcome) is left out of both counts, not taken as 0. The
--              referral's month counts: a contact on 31 January referred on 2
--              February is in February here, and in January for CCA1.
-- numerator:   sum over the month's matched referrals of the days from the
--              contact to the referral
-- denominator: referrals dated in the month matched to a contact
-- period:      monthly flow, by date of referral
-- authority:   local definition (the council's development measure); the
--              30-day link window follows Annex A aggregation practice
-- source:      referrals, contacts_native_1m

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

matched AS (
    SELECT
        m.period_id,
        m.referral_key,
        m.referral_date,
        max(c.contact_date) AS contact_date
    FROM month_referrals AS m
    INNER JOIN cm_contact AS c
        ON c.child_key = m.child_key
        AND c.origin = 'native'
        AND c.outcome = 'REFERRAL_SOCIAL_CARE'
        AND c.contact_date <= m.referral_date
        AND c.contact_date >= m.referral_date - 30
    GROUP BY
        m.period_id,
        m.referral_key,
        m.referral_date
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        referral_key AS subject_key,
        CAST(referral_date - contact_date AS DOUBLE) AS numerator,
        1.0 AS denominator,
        referral_date AS decided_on,
        'days from contact on ' || strftime(contact_date, '%d/%m/%Y') AS note
    FROM matched
)

SELECT * FROM final
