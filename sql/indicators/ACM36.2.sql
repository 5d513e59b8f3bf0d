-- definition:  Children in need at the end of the month's last day per 10,000
--              children aged 0 to 17 living in the council's area. A child in
--              need is a child with a CIN episode (Annex A list 6) that
--              started on or before that day and had not closed by it: an
--              episode closing on the last day has closed. Every open episode
--              counts, whatever its case status (open assessment, CIN plan,
--              child protection plan or looked after). A child counts once.
-- numerator:   children with a CIN episode open at the month's last day
-- denominator: ONS mid-year estimate of the population aged 0 to 17 for the
--              mid-year in which the month's financial year starts (mid-2025
--              for April 2025 to March 2026)
-- period:      snapshot at the last day of the month
-- authority:   DfE children in need statistics methodology (children in need
--              at 31 March per 10,000 children aged under 18), applied to
--              every month end
-- source:      cin

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        e.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        p.period_end AS decided_on,
        'CIN episode open at the month end' AS note
    FROM cm_cin_episode AS e
    INNER JOIN indicator_period AS p
        ON e.start_date <= p.period_end
        AND (e.end_date IS NULL OR e.end_date > p.period_end)
    GROUP BY p.period_id, p.period_end, e.child_key
)

SELECT * FROM final
