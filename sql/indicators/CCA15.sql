-- definition:  The average time, in working days, that the single
--              assessments authorised in the month and not within timescale
--              took: those over 45 working days by CCA14's count (working
--              days after the start day up to and including the
--              authorisation day, weekends and England and Wales bank
--              holidays left out). Working days, not calendar days, so the
--              figure reads against the 45-working-day timescale: an average
--              of 52 means a week over. Every assessment counts, first or
--              subsequent (as CCA12A). No national definition exists; this
--              is the council's. An assessment whose start the calendar does
--              not reach (more than a year before its authorisation) has no
--              count: it makes the month's value unknown rather than wrong.
-- numerator:   sum of the working days taken by the month's assessments
--              authorised after more than 45 working days
-- denominator: assessments authorised in the month after more than 45
--              working days
-- period:      monthly flow, by date of authorisation
-- authority:   local definition (the council's scorecard); the timescale is
--              DfE's 45 working days, counted as CCA14 counts them
-- source:      assessments_3m
--
-- A month is reported once the assessments' data reach three months before
-- it, as a late assessment started before the data begin would be missed.
-- A month with no late assessment has no average (NULL), not 0.

WITH timed AS (
    SELECT
        p.period_id,
        a.assessment_key,
        a.authorised_date,
        e.working_day_seq - s.working_day_seq AS working_days
    FROM cm_assessment AS a
    INNER JOIN indicator_period AS p
        ON a.authorised_date BETWEEN p.period_start AND p.period_end
    INNER JOIN dim_date AS e
        ON e.date = a.authorised_date
    LEFT JOIN dim_date AS s
        ON s.date = a.start_date
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        assessment_key AS subject_key,
        CAST(working_days AS DOUBLE) AS numerator,
        1.0 AS denominator,
        authorised_date AS decided_on,
        CASE WHEN working_days IS NULL THEN 'start before the calendar: days unknown'
            ELSE 'over 45 working days' END AS note
    FROM timed
    WHERE coalesce(working_days > 45, true)
)

SELECT * FROM final
