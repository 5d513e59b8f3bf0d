-- definition:  The number of contacts received by children's social care in
--              the month, each contact counted once however many exports it
--              appears in. A contact is a row of the native contacts export;
--              a contact in Annex A list 1 is added only when the native
--              export has no contact for the same child on the same day.
--              Two contacts about one child on one day are two contacts when
--              the native export gives them two contact IDs.
-- numerator:   contacts whose date of contact falls in the month
-- denominator: none (a count)
-- period:      monthly flow, by date of contact
-- authority:   local definition (the council's scorecard); a contact is as
--              Annex A list 1 records it
-- source:      contacts

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        c.contact_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        c.contact_date AS decided_on,
        'contact received' AS note
    FROM cm_contact AS c
    INNER JOIN indicator_period AS p
        ON c.contact_date BETWEEN p.period_start AND p.period_end
)

SELECT * FROM final
