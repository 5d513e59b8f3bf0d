-- definition:  Of the children in the health cohort at the end of the
--              month, the number and percentage who had a health assessment in
--              the last 6 months: one dated after the same day 6 months earlier
--              and on or before the month's last day (DuckDB month arithmetic:
--              31 August less 6 months is 28 or 29 February). Assessments are
--              those of the native health checks export (check
--              HEALTH_ASSESSMENT) and the Date of Last Health Assessment of
--              every Annex A list 8 row. The 6 months are the council's, as the
--              appendix prints them: DfE's statistics count an annual health
--              assessment (within 12 months), so this figure is lower than
--              DfE's and not comparable with it.
--              The cohort is DfE's for the health of looked-after
--              children: children looked after at the end of the month's last
--              day who had then been looked after continuously for 12 months
--              or more. A period of care is the child's SSDA903 episodes,
--              short breaks (V3, V4) left out, an episode that starts on or
--              before the day the one before it ended continuing the same
--              period; 12 months means the period began on or before the day
--              after the same date a year earlier (on or before 1 April 2025
--              for 31 March 2026: 365 days counting the first and the last,
--              so a child looked after 364 days is not yet in the cohort). An
--              episode ending on the month's last day has ceased.
-- numerator:   children in the cohort with a health assessment dated in the 6
--              months ending on the month's last day
-- denominator: children in the health cohort at the month's last day
-- period:      snapshot at the last day of the month, over the 6 months
--              ending that day
-- authority:   local definition (the council's appendix: health assessment in
--              the last 6 months) over DfE's health cohort; DfE children looked
--              after statistics count annual health assessments
-- source:      cla_12m, cla_health_6m

WITH cohort AS (
    SELECT
        p.period_id,
        p.period_end,
        c.child_key
    FROM cm_cla_care_period AS c
    INNER JOIN indicator_period AS p
        ON c.start_date <= CAST(p.period_end - INTERVAL 1 YEAR + INTERVAL 1 DAY AS DATE)
        AND (c.end_date IS NULL OR c.end_date > p.period_end)
),

checked AS (
    SELECT
        c.period_id,
        c.child_key,
        max(h.check_date) AS last_date
    FROM cohort AS c
    INNER JOIN cm_cla_health_check AS h
        ON h.child_key = c.child_key
        AND h.check_type = 'HEALTH_ASSESSMENT'
        AND h.check_date > CAST(c.period_end - INTERVAL 6 MONTH AS DATE)
        AND h.check_date <= c.period_end
    GROUP BY c.period_id, c.child_key
),

final AS (
    SELECT
        c.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        CASE WHEN x.last_date IS NOT NULL THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        coalesce(x.last_date, c.period_end) AS decided_on,
        CASE WHEN x.last_date IS NOT NULL THEN 'health assessment in the previous 6 months'
            ELSE 'no health assessment in the previous 6 months' END AS note
    FROM cohort AS c
    LEFT JOIN checked AS x
        ON x.period_id = c.period_id
        AND x.child_key = c.child_key
)

SELECT * FROM final
