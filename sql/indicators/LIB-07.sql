-- definition:  The number of customers using technology-enabled opening in
--              the ISO week (Monday to Sunday), in total and by site:
--              distinct customers who let themselves into a library with
--              their card outside staffed hours at least once in the week.
--              A customer counts once in the total however many entries and
--              libraries, and once at each library they entered. A week is
--              one period even when it spans two months or two financial
--              years (the week of 31 March and 1 April is one week).
-- numerator:   distinct customers (keyed) with a door entry outside staffed
--              hours dated in the week
-- denominator: none (a count)
-- period:      ISO week, flow, by the entry date
-- authority:   local definition (the council's libraries scorecard), from
--              the native technology-enabled opening entries export
--              (docs/native-libraries.md)
-- source:      library_teo
-- to_date:     yes

WITH entries AS (
    SELECT
        p.period_id,
        t.customer_key,
        t.library_id,
        t.library,
        t.entry_date
    FROM cm_library_teo_entry AS t
    INNER JOIN indicator_period AS p
        ON t.entry_date BETWEEN p.period_start AND p.period_end
),

members AS (
    SELECT
        period_id,
        'all' AS breakdown,
        customer_key AS subject_key,
        min(entry_date) AS first_entry,
        count(*) AS entries
    FROM entries
    GROUP BY period_id, customer_key
    UNION ALL
    SELECT
        period_id,
        'site=' || max(library),
        customer_key,
        min(entry_date),
        count(*)
    FROM entries
    GROUP BY period_id, customer_key, library_id
),

final AS (
    SELECT
        period_id,
        breakdown,
        subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        first_entry AS decided_on,
        CAST(entries AS VARCHAR) || ' entries outside staffed hours in the week' AS note
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
