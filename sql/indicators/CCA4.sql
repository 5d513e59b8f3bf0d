-- definition:  The number of contacts received by children's social care in
--              the month, each contact counted once however many exports it
--              appears in.
-- numerator:   contacts whose date of contact falls in the month
-- denominator: none (a count)
-- period:      monthly flow, by date of contact
-- authority:   local definition (the council's scorecard); a contact is as
--              Annex A list 1 records it
-- source:      contacts

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
