-- definition:  The number of reservations (holds) placed in the financial
--              year, in total and by pickup library, and how quickly
--              reservations were satisfied: the median and the 90th
--              percentile of the days from placing to satisfying (the item
--              ready for collection) of the reservations satisfied in the
--              year, whenever placed. The count and the speed are of
--              different sets on purpose: the speed is known only once a
--              reservation is satisfied, and the placed-in-year set would
--              leave out those still waiting at the year end. The two
--              statistics are breakdown rows of this count indicator,
--              because the engine sums member numerators and has no
--              percentile unit: each is computed by the nearest-rank
--              method (the value of the reservation at rank ceil(n x 0.5)
--              or ceil(n x 0.9) in days order, ties by reservation), so
--              the statistic's one member is a real reservation whose days
--              are the value. Their value is in days, not a count; a year
--              with no reservation satisfied has no statistic rows.
-- numerator:   reservations placed in the year; for statistic=median_days
--              and statistic=p90_days, the days to satisfy of the
--              reservation at the median or 90th percentile rank
-- denominator: none (a count; the statistics are days)
-- period:      financial year, flow: the count by the date placed, the
--              statistics by the date satisfied
-- authority:   local definition (the council's libraries scorecard), from
--              the native reservations export (docs/native-libraries.md);
--              nearest-rank percentiles, so that each statistic is a value
--              some reservation took
-- source:      library_reservations
-- to_date:     yes

WITH placed AS (
    SELECT
        p.period_id,
        r.reservation_key,
        r.library,
        r.placed_date
    FROM cm_library_reservation AS r
    INNER JOIN indicator_period AS p
        ON r.placed_date BETWEEN p.period_start AND p.period_end
),

satisfied AS (
    SELECT
        p.period_id,
        r.reservation_key,
        r.satisfied_date,
        r.days_to_satisfy,
        row_number() OVER (
            PARTITION BY p.period_id ORDER BY r.days_to_satisfy, r.reservation_key
        ) AS rank,
        count(*) OVER (PARTITION BY p.period_id) AS n
    FROM cm_library_reservation AS r
    INNER JOIN indicator_period AS p
        ON r.satisfied_date BETWEEN p.period_start AND p.period_end
),

statistics AS (
    SELECT
        period_id,
        'statistic=median_days' AS breakdown,
        reservation_key,
        satisfied_date,
        days_to_satisfy,
        n
    FROM satisfied
    WHERE rank = ceil(n * 0.5)
    UNION ALL
    SELECT
        period_id,
        'statistic=p90_days',
        reservation_key,
        satisfied_date,
        days_to_satisfy,
        n
    FROM satisfied
    WHERE rank = ceil(n * 0.9)
),

members AS (
    SELECT
        period_id,
        'all' AS breakdown,
        reservation_key,
        1.0 AS numerator,
        placed_date AS decided_on,
        'reservation placed' AS note
    FROM placed
    UNION ALL
    SELECT
        period_id,
        'site=' || library,
        reservation_key,
        1.0,
        placed_date,
        'reservation placed'
    FROM placed
    WHERE library IS NOT NULL
    UNION ALL
    SELECT
        period_id,
        breakdown,
        reservation_key,
        CAST(days_to_satisfy AS DOUBLE),
        satisfied_date,
        'days to satisfy, rank of ' || CAST(n AS VARCHAR) || ' satisfied in the year'
    FROM statistics
),

final AS (
    SELECT
        period_id,
        breakdown,
        reservation_key AS subject_key,
        numerator,
        0.0 AS denominator,
        decided_on,
        note
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
