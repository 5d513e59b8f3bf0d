-- definition:  The number of face-to-face enquiries at the council's
--              libraries in the financial year, in total, by type of
--              enquiry and by site. The native enquiries export records one
--              row per enquiry with its type and channel; telephone, email
--              and online enquiries are left out. Newcastle's long-format
--              usage file counts enquiries by library and month with
--              neither type nor channel: they are taken as enquiries made
--              at the library (face to face), count in the total and by
--              site, and in no type. A blank or withheld monthly count
--              makes its site's value and the total unknown, never a
--              smaller number; where the native export counts a library it
--              replaces the usage file's counts over the same days.
-- numerator:   face-to-face enquiries dated in the year; by type, those of
--              the type as the export writes it
-- denominator: none (a count)
-- period:      financial year, flow, by the enquiry date (or the month a
--              count covers, taken whole into the year holding it)
-- authority:   local definition (the council's libraries scorecard), from
--              the native enquiries export (docs/native-libraries.md) and
--              the usage file's enquiries
-- source:      library_enquiries
-- to_date:     yes

WITH counts AS (
    SELECT
        p.period_id,
        e.library_id,
        e.library,
        e.period_start,
        e.period_end,
        e.enquiry_type,
        e.enquiries
    FROM cm_library_enquiry AS e
    INNER JOIN indicator_period AS p
        ON e.period_start >= p.period_start
        AND e.period_end <= p.period_end
),

members AS (
    SELECT
        'all' AS breakdown,
        *
    FROM counts
    UNION ALL
    SELECT
        'site=' || library,
        *
    FROM counts
    UNION ALL
    SELECT
        'type=' || enquiry_type,
        *
    FROM counts
    WHERE enquiry_type IS NOT NULL
),

final AS (
    SELECT
        period_id,
        breakdown,
        library_id || ' | ' || strftime(period_start, '%Y-%m-%d')
            || coalesce(' | ' || enquiry_type, '') AS subject_key,
        CAST(enquiries AS DOUBLE) AS numerator,
        0.0 AS denominator,
        period_start AS decided_on,
        CASE
            WHEN enquiries IS NULL THEN 'count withheld or blank in the export'
            ELSE 'enquiries ' || strftime(period_start, '%Y-%m-%d')
                || ' to ' || strftime(period_end, '%Y-%m-%d')
        END AS note
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
