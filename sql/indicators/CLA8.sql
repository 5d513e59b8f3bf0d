-- definition:  The number of children looked after at the end of the month's
--              last day (the CLA1 cohort: short breaks left out, an episode
--              ending that day having ceased) whose reviews are within
--              timescales then: their latest statutory review in the current
--              period of care, on or before that day, was held on time, and
--              the next one is not yet overdue. The timescales are those of
--              the Care Planning, Placement and Case Review (England)
--              Regulations 2010, regulation 33: the first review within 20
--              working days of the start of the period of care, the second
--              within 3 months of the first, each later one within 6 months
--              of the one before. "Within 20 working days" is on or before
--              the 20th working day after the start (weekends and England
--              bank holidays not working days); "within 3 (6) months" is on
--              or before the same day of the month 3 (6) months later. A
--              child with no review yet in the period is not counted, even
--              if the first is not yet due. Reviews are the SSDA903 review
--              rows, one per child and day; the period of care is the run of
--              episodes, short breaks left out, each starting the day the one
--              before ended. Where the period began before the first day the
--              returns cover, reviews before that day are not in the data:
--              a review with two earlier in-data reviews in the period is a
--              later review for certain; otherwise, when its place in the
--              sequence would change the answer, the member value is NULL,
--              which leaves the month's value unknown rather than wrong. A
--              month is reported only when the returns cover its 12 months,
--              which makes that rare.
-- numerator:   children in the cohort whose latest review was on time and
--              whose next review is not overdue at the month's last day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   statutory guidance, Care Planning, Placement and Case Review
--              (England) Regulations 2010, regulation 33 (review timescales);
--              requiring the next review not to be overdue is the council's
--              reading of "within timescales", written here
-- source:      cla_12m

WITH current_episode AS (
    SELECT
        p.period_id,
        p.period_end,
        e.child_key,
        e.care_start,
        e.care_start >= w.first_day AS history_known
    FROM cm_cla_episode AS e
    INNER JOIN indicator_period AS p
        ON e.start_date <= p.period_end
        AND (e.end_date IS NULL OR e.end_date > p.period_end)
    CROSS JOIN cm_cla_window AS w
    WHERE NOT e.is_short_break
    QUALIFY row_number() OVER (
        PARTITION BY p.period_id, e.child_key ORDER BY e.start_date DESC
    ) = 1
),

-- Reviews of the current period up to the month end, numbered.
reviews AS (
    SELECT
        c.period_id,
        c.child_key,
        r.review_date,
        row_number() OVER w AS n,
        lag(r.review_date) OVER w AS previous_review
    FROM current_episode AS c
    INNER JOIN cm_cla_review AS r
        ON r.child_key = c.child_key
        AND r.review_date >= c.care_start
        AND r.review_date <= c.period_end
    WINDOW w AS (PARTITION BY c.period_id, c.child_key ORDER BY r.review_date)
),

latest AS (
    SELECT
        *
    FROM reviews
    QUALIFY row_number() OVER (
        PARTITION BY period_id, child_key ORDER BY review_date DESC
    ) = 1
),

-- The 20th working day after the start of care; NULL when the start is
-- before the calendar, which begins a year before any covered day.
first_due AS (
    SELECT
        c.period_id,
        c.child_key,
        min(d2.date) AS due
    FROM current_episode AS c
    INNER JOIN dim_date AS d1
        ON d1.date = c.care_start
    INNER JOIN dim_date AS d2
        ON d2.working_day_seq = d1.working_day_seq + 20
        AND d2.is_working_day
    GROUP BY c.period_id, c.child_key
),

-- For the latest review: on_time and next_due under each reading of its
-- place in the sequence (first, second, later).
judged AS (
    SELECT
        c.period_id,
        c.period_end,
        c.child_key,
        c.history_known,
        l.n,
        l.review_date,
        l.review_date <= f.due AS first_on_time,
        l.review_date <= CAST(l.previous_review + INTERVAL 3 MONTH AS DATE) AS second_on_time,
        l.review_date <= CAST(l.previous_review + INTERVAL 6 MONTH AS DATE) AS later_on_time,
        c.period_end <= CAST(l.review_date + INTERVAL 3 MONTH AS DATE) AS first_next_ok,
        c.period_end <= CAST(l.review_date + INTERVAL 6 MONTH AS DATE) AS later_next_ok
    FROM current_episode AS c
    LEFT JOIN latest AS l
        ON l.period_id = c.period_id
        AND l.child_key = c.child_key
    LEFT JOIN first_due AS f
        ON f.period_id = c.period_id
        AND f.child_key = c.child_key
),

-- Each reading's verdict: the review was on time and the next not overdue.
verdicts AS (
    SELECT
        *,
        coalesce(first_on_time, false) AND first_next_ok AS as_first,
        second_on_time AND later_next_ok AS as_second,
        later_on_time AND later_next_ok AS as_later
    FROM judged
),

decided AS (
    SELECT
        period_id,
        period_end,
        child_key,
        CASE
            WHEN n IS NULL AND history_known THEN false
            -- no review in the data since the period began before it: any
            -- earlier review is 6 months or more old once the data cover
            -- 6 months, so the next is overdue
            WHEN n IS NULL
                AND period_end >= CAST((SELECT first_day FROM cm_cla_window)
                    + INTERVAL 6 MONTH AS DATE) THEN false
            WHEN n IS NULL THEN NULL
            WHEN history_known AND n = 1 THEN as_first
            WHEN history_known AND n = 2 THEN as_second
            WHEN n >= 3 THEN as_later
            -- n = 2, history unknown: the second or a later review
            WHEN n = 2 AND as_second = as_later THEN as_second
            WHEN n = 2 THEN NULL
            -- n = 1, history unknown: the first, or a later review whose
            -- predecessor is before the data
            WHEN as_first IS NOT DISTINCT FROM false
                AND review_date >= CAST((SELECT first_day FROM cm_cla_window)
                    + INTERVAL 6 MONTH AS DATE) THEN false
        END AS in_timescale
    FROM verdicts
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        CASE WHEN in_timescale THEN 1.0 WHEN NOT in_timescale THEN 0.0 END AS numerator,
        0.0 AS denominator,
        period_end AS decided_on,
        CASE
            WHEN in_timescale THEN 'reviews within timescales'
            WHEN NOT in_timescale THEN 'review late or overdue'
            ELSE 'review history before the data'
        END AS note
    FROM decided
)

SELECT * FROM final
