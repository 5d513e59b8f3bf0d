-- definition:  The number of visits to the council's libraries on the day,
--              in total and by site, from counts whose counting period is
--              that one day. Counts over longer periods (weekly manual
--              counts, monthly counter totals) are not split into days and
--              are not counted here. A count withheld in the export (x, *,
--              c) makes its site's value and the day's total unknown, never
--              a smaller number. Days are reported from the first to the
--              last one-day count; a day between them with no count at all
--              reads as zero visits, which is right for a day the libraries
--              were closed (a Sunday, a bank holiday) and wrong for a day
--              nobody counted.
-- numerator:   physical visits of every one-day count of the day; by site,
--              those of the library (name as written in the latest file,
--              libraries matched by name folding case and spaces)
-- denominator: none (a count)
-- period:      day, flow, by the day counted
-- authority:   local definition (the council's libraries scorecard); counts
--              as read from the Libraries Hacked physical visits schema
--              (Visits by library from Count start to Count end, where the
--              two are the same day); two counts of one library and day are
--              one count, the latest file's
-- source:      library_visits_daily
-- to_date:     yes

WITH days AS (
    SELECT
        p.period_id,
        v.library_id,
        v.library,
        v.period_start,
        v.visits
    FROM cm_library_visit AS v
    INNER JOIN indicator_period AS p
        ON v.period_start = p.period_start
        AND v.period_end = p.period_end
    WHERE v.period_start = v.period_end
),

members AS (
    SELECT
        period_id,
        'all' AS breakdown,
        library_id,
        period_start,
        visits
    FROM days
    UNION ALL
    SELECT
        period_id,
        'site=' || library,
        library_id,
        period_start,
        visits
    FROM days
),

final AS (
    SELECT
        period_id,
        breakdown,
        library_id AS subject_key,
        CAST(visits AS DOUBLE) AS numerator,
        0.0 AS denominator,
        period_start AS decided_on,
        CASE
            WHEN visits IS NULL THEN 'count withheld or blank in the export'
            ELSE 'visits counted on the day'
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
