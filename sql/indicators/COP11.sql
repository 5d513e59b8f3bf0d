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

-- health_cohort_checked (sql/model/98_indicator_macros.sql) returns DfE's
-- health cohort at each period's last day (children looked after
-- continuously for 12 months or more), with last_date: the child's latest
-- HEALTH_ASSESSMENT check in the 6 months ending that day, NULL when none.
WITH checked AS (
    SELECT * FROM health_cohort_checked('indicator_period', 'HEALTH_ASSESSMENT', 6)
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        CASE WHEN last_date IS NOT NULL THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        coalesce(last_date, period_end) AS decided_on,
        CASE WHEN last_date IS NOT NULL THEN 'health assessment in the previous 6 months'
            ELSE 'no health assessment in the previous 6 months' END AS note
    FROM checked
)

SELECT * FROM final
