-- definition:  The percentage of single assessments authorised in the month
--              that were authorised within 45 working days of their start.
--              Working days are counted after the start date up to and
--              including the authorisation date, so an assessment authorised
--              the day it started took 0 days and one started on a Friday and
--              authorised the next Monday took 1. Weekends and England and
--              Wales bank holidays (one-off days included) are not working
--              days. 45 or fewer is within timescale. The CIN census
--              validator counts the start day as well, so for an assessment
--              started on a working day its count is one more than this one
--              and its test is one day stricter: an assessment of exactly 45
--              days here is 46, out of time, there.
-- numerator:   assessments authorised in the month within 45 working days of
--              their start
-- denominator: assessments authorised in the month
-- period:      monthly flow, by date of authorisation
-- authority:   DfE children in need statistics methodology (assessments
--              completed within 45 working days, from the assessment's actual
--              start to its authorisation); the working-day count that leaves
--              out the start day is the council's choice
-- source:      assessments

-- The calendar (dim_date) starts at least a year before the first day any
-- source covers, and a reported authorisation falls on or after that day. A
-- start the calendar does not reach is therefore more than a year before
-- its authorisation: working_days is NULL and the assessment is over 45.
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
        CASE WHEN coalesce(working_days <= 45, false) THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        authorised_date AS decided_on,
        CASE WHEN coalesce(working_days <= 45, false) THEN 'within 45 working days'
            ELSE 'over 45 working days' END AS note
    FROM timed
)

SELECT * FROM final
