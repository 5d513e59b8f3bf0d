-- definition:  The number, and the percentage, of the month's contacts whose
--              outcome is a referral to children's social care, by the date
--              of the contact (a contact on the last day of a month whose
--              referral is dated the next month counts here, in the month of
--              the contact). The outcome is the one the latest native
--              contacts export holding the contact gives. A contact with no
--              outcome recorded yet stays in the denominator, so a recent
--              month's percentage can rise as outcomes are recorded.
--              Contacts known only from Annex A list 1 are left out of both
--              counts: that list records no outcome, and counting them as
--              not referred would understate the percentage.
-- numerator:   contacts dated in the month whose outcome is referral to
--              children's social care
-- denominator: contacts dated in the month in the native contacts export
--              (CCA4 less any contacts known only from Annex A list 1)
-- period:      monthly flow, by date of contact
-- authority:   local definition (the council's scorecard)
-- source:      contacts_native

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        c.contact_key AS subject_key,
        CASE WHEN c.outcome = 'REFERRAL_SOCIAL_CARE' THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        c.contact_date AS decided_on,
        CASE
            WHEN c.outcome = 'REFERRAL_SOCIAL_CARE' THEN 'referred to social care'
            WHEN c.outcome IS NULL THEN 'no outcome recorded'
            ELSE 'other outcome'
        END AS note
    FROM cm_contact AS c
    INNER JOIN indicator_period AS p
        ON c.contact_date BETWEEN p.period_start AND p.period_end
    WHERE c.origin = 'native'
)

SELECT * FROM final
