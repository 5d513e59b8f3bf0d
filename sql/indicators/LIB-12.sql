-- definition:  The number of complaints about the library service received
--              in the month, in total, by site (for complaints that name a
--              library) and by category. Each complaint counts once,
--              whatever stage it reaches; a complaint sent again in a later
--              file is the same complaint.
-- numerator:   complaints (by reference) received in the month
-- denominator: none (a count)
-- period:      calendar month, flow, by the date received
-- authority:   local definition (the council's libraries scorecard), from
--              the native complaints export (docs/native-libraries.md)
-- source:      library_complaints
-- to_date:     yes

WITH complaints AS (
    SELECT
        p.period_id,
        c.complaint_key,
        c.received_date,
        c.library,
        c.category
    FROM cm_library_complaint AS c
    INNER JOIN indicator_period AS p
        ON c.received_date BETWEEN p.period_start AND p.period_end
),

members AS (
    SELECT
        'all' AS breakdown,
        *
    FROM complaints
    UNION ALL
    SELECT
        'site=' || library,
        *
    FROM complaints
    WHERE library IS NOT NULL
    UNION ALL
    SELECT
        'type=' || category,
        *
    FROM complaints
),

final AS (
    SELECT
        period_id,
        breakdown,
        complaint_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        received_date AS decided_on,
        'complaint received' AS note
    FROM members
)

SELECT
    period_id,
    breakdown,
    subject_key,
    numerator,
    denominator,
    decided_on,
    note
FROM final
