-- definition:  The number of children whose initial child protection
--              conference was held in the month, by the date of the
--              conference that Annex A list 5 gives on the row of the section
--              47 enquiry that led to it. A child counts once however many
--              conferences they had in the month. Enquiries with no conference
--              date are not counted, whatever else their row says. Because a
--              conference is found through its enquiry, a month is reported
--              only when the data also hold the enquiries of the month before
--              it; a conference held more than a month after an enquiry that
--              began before the data do is still missed.
-- numerator:   children with an initial child protection conference dated in
--              the month
-- denominator: none (a count)
-- period:      monthly flow, by date of the conference
-- authority:   Ofsted Annex A guidance (list 5, date of initial child
--              protection conference); counting children, not conferences,
--              is the council's choice
-- source:      icpc

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        s.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        min(s.icpc_date) AS decided_on,
        'initial conference held' AS note
    FROM cm_s47 AS s
    INNER JOIN indicator_period AS p
        ON s.icpc_date BETWEEN p.period_start AND p.period_end
    GROUP BY p.period_id, s.child_key
)

SELECT * FROM final
