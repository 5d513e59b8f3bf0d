-- definition:  The percentage of the month's contacts whose outcome is no
--              further action (NFA) without signposting; a contact closed
--              with signposting to another service is CCA30B, so that CCA30
--              and CCA30B add up to every NFA contact. By the date of the
--              contact; the outcome is the one the latest native contacts
--              export holding the contact gives. A contact with no outcome
--              recorded yet stays in the denominator, so a recent month's
--              percentage can rise as outcomes are recorded. Contacts known
--              only from Annex A list 1 are left out of both counts, as that
--              list records no outcome.
-- numerator:   contacts dated in the month whose outcome is no further action
-- denominator: contacts dated in the month in the native contacts export
-- period:      monthly flow, by date of contact
-- authority:   local definition (the council's scorecard)
-- source:      contacts_native

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        c.contact_key AS subject_key,
        CASE WHEN c.outcome = 'NFA' THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        c.contact_date AS decided_on,
        CASE
            WHEN c.outcome = 'NFA' THEN 'no further action'
            WHEN c.outcome IS NULL THEN 'no outcome recorded'
            ELSE 'other outcome'
        END AS note
    FROM cm_contact AS c
    INNER JOIN indicator_period AS p
        ON c.contact_date BETWEEN p.period_start AND p.period_end
    WHERE c.origin = 'native'
)

SELECT * FROM final
