-- definition:  The number, and the percentage, of the month's contacts whose
--              outcome is a referral to early intervention (early help), by
--              the date of the contact. A contact passed across from the MASH
--              to early help ("step across from MASH") is a referral to early
--              intervention too and counts here; CCA8B counts those alone.
--              The outcome is the one the latest native contacts export
--              holding the contact gives. A contact with no outcome recorded
--              yet stays in the denominator. Contacts known only from Annex A
--              list 1 are left out of both counts, as that list records no
--              outcome.
-- numerator:   contacts dated in the month whose outcome is referral to early
--              intervention or step across from MASH
-- denominator: contacts dated in the month in the native contacts export
-- period:      monthly flow, by date of contact
-- authority:   local definition (the council's scorecard)
-- source:      contacts_native

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        c.contact_key AS subject_key,
        CASE WHEN c.outcome IN ('REFERRAL_EARLY_INTERVENTION', 'STEP_ACROSS_MASH')
            THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        c.contact_date AS decided_on,
        CASE
            WHEN c.outcome = 'REFERRAL_EARLY_INTERVENTION' THEN 'referred to early intervention'
            WHEN c.outcome = 'STEP_ACROSS_MASH' THEN 'stepped across from MASH'
            WHEN c.outcome IS NULL THEN 'no outcome recorded'
            ELSE 'other outcome'
        END AS note
    FROM cm_contact AS c
    INNER JOIN indicator_period AS p
        ON c.contact_date BETWEEN p.period_start AND p.period_end
    WHERE c.origin = 'native'
)

SELECT * FROM final
