-- definition:  Of the children privately fostered at the end of the month's
--              last day (the PF1 cohort, each open arrangement), the
--              percentage whose visits are within timescales then: the next
--              visit due is not overdue. Timescales are those of the
--              Children (Private Arrangements for Fostering) Regulations
--              2005, regulation 7: the first visit within 7 working days of
--              the notification, then at intervals of not more than 6 weeks
--              in the arrangement's first year and not more than 12 weeks
--              after it. So with no visit since the notification the child is
--              within timescales while the month's last day is on or before
--              the 7th working day after the notification; after a visit, while
--              it is no more than 6 weeks (42 days) after that visit, or 12
--              weeks (84 days) when the visit fell after the arrangement's
--              first year. Visits are those of the council's private
--              fostering visits export on or after the earlier of the
--              notification and the arrangement's start. A child with two
--              open arrangements is judged on the later one.
-- numerator:   children in the cohort whose next visit is not overdue
-- denominator: children privately fostered at the month's last day (PF1)
-- period:      snapshot at the last day of the month
-- authority:   statutory guidance, Children (Private Arrangements for
--              Fostering) Regulations 2005, regulations 7 and 8
-- source:      private_fostering, pf_visits_3m

WITH cohort AS (
    SELECT
        p.period_id,
        p.period_end,
        f.child_key,
        f.notification_date,
        f.start_date
    FROM cm_private_fostering AS f
    INNER JOIN indicator_period AS p
        ON f.start_date <= p.period_end
        AND (f.end_date IS NULL OR f.end_date > p.period_end)
    QUALIFY row_number() OVER (
        PARTITION BY p.period_id, f.child_key ORDER BY f.start_date DESC
    ) = 1
),

visited AS (
    SELECT
        c.*,
        max(v.visit_date) AS last_visit
    FROM cohort AS c
    LEFT JOIN cm_pf_visit AS v
        ON v.child_key = c.child_key
        AND v.visit_date >= least(c.notification_date, c.start_date)
        AND v.visit_date <= c.period_end
    GROUP BY ALL
),

-- The 7th working day after the notification; NULL when the notification
-- is before the calendar (a year before any covered day), long overdue.
due AS (
    SELECT
        v.*,
        (
            SELECT min(d2.date)
            FROM dim_date AS d1
            INNER JOIN dim_date AS d2
                ON d2.working_day_seq = d1.working_day_seq + 7
                AND d2.is_working_day
            WHERE d1.date = v.notification_date
        ) AS first_due,
        CASE
            WHEN v.last_visit < CAST(v.start_date + INTERVAL 1 YEAR AS DATE)
                THEN CAST(v.last_visit + INTERVAL 42 DAY AS DATE)
            ELSE CAST(v.last_visit + INTERVAL 84 DAY AS DATE)
        END AS next_due
    FROM visited AS v
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        CASE
            WHEN last_visit IS NULL AND period_end <= first_due THEN 1.0
            WHEN last_visit IS NULL THEN 0.0
            WHEN period_end <= next_due THEN 1.0
            ELSE 0.0
        END AS numerator,
        1.0 AS denominator,
        period_end AS decided_on,
        CASE WHEN last_visit IS NULL THEN 'no visit yet'
            ELSE 'last visit ' || CAST(last_visit AS VARCHAR) END AS note
    FROM due
)

SELECT * FROM final
