-- definition:  The number of contacts received in the month whose final BRAG
--              rating is Green, as the latest native contacts export holding the
--              contact gives it. Contacts known only from Annex A list 1
--              carry no rating, nor do native contacts whose rating is blank:
--              they are in no BRAG count, so the four BRAG counts may add up
--              to less than CCA4.
-- numerator:   contacts dated in the month with final BRAG Green
-- denominator: none (a count)
-- period:      monthly flow, by date of contact
-- authority:   local definition (the council's scorecard and its BRAG
--              rating of contacts)
-- source:      contacts_native

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        c.contact_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        c.contact_date AS decided_on,
        'contact rated Green' AS note
    FROM cm_contact AS c
    INNER JOIN indicator_period AS p
        ON c.contact_date BETWEEN p.period_start AND p.period_end
    WHERE c.origin = 'native'
        AND c.final_brag = 'Green'
)

SELECT * FROM final
