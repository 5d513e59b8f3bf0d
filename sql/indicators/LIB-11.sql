-- definition:  Access to the library service's online resources in the
--              financial year (e-books, e-magazines, reference databases,
--              family history and the like): the number of sessions the
--              suppliers' monthly usage reports count, summed over the
--              year's twelve months, in total and by resource. A month
--              whose count is withheld or blank makes its resource's value
--              and the total unknown, never a smaller number.
-- numerator:   sessions of every resource and month of the year
-- denominator: none (a count)
-- period:      financial year, flow, by the month reported
-- authority:   local definition (the council's libraries scorecard), from
--              the native online resource sessions export, one row per
--              resource and month as suppliers report usage
--              (docs/native-libraries.md)
-- source:      library_online
-- to_date:     yes

WITH months AS (
    SELECT
        p.period_id,
        o.resource_id,
        o.resource,
        o.month,
        o.sessions
    FROM cm_library_online_sessions AS o
    INNER JOIN indicator_period AS p
        ON o.month BETWEEN p.period_start AND p.period_end
),

members AS (
    SELECT
        'all' AS breakdown,
        *
    FROM months
    UNION ALL
    SELECT
        'resource=' || resource,
        *
    FROM months
),

final AS (
    SELECT
        period_id,
        breakdown,
        resource_id || ' | ' || strftime(month, '%Y-%m') AS subject_key,
        CAST(sessions AS DOUBLE) AS numerator,
        0.0 AS denominator,
        month AS decided_on,
        CASE
            WHEN sessions IS NULL THEN 'count withheld or blank in the export'
            ELSE 'sessions in the month'
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
