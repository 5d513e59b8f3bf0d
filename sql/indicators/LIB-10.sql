-- definition:  The number of hits on the library service's website in the
--              month: page views as the site's analytics count them, summed
--              over the days of the month. A day whose count is withheld or
--              blank makes the month unknown, never a smaller number; a day
--              missing from the export inside its span counts as none.
-- numerator:   page views of every day of the month
-- denominator: none (a count)
-- period:      calendar month, flow, by the day counted
-- authority:   local definition (the council's libraries scorecard), from
--              the native website page views export (docs/native-libraries.md)
-- source:      library_web
-- to_date:     yes

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        strftime(w.hit_date, '%Y-%m-%d') AS subject_key,
        CAST(w.page_views AS DOUBLE) AS numerator,
        0.0 AS denominator,
        w.hit_date AS decided_on,
        CASE
            WHEN w.page_views IS NULL THEN 'count withheld or blank in the export'
            ELSE 'page views of the day'
        END AS note
    FROM cm_library_web_hits AS w
    INNER JOIN indicator_period AS p
        ON w.hit_date BETWEEN p.period_start AND p.period_end
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
