-- definition:  Of the child protection plans open at the end of the month's
--              last day (the ACM2 rule) that had reached their first review
--              due date by then, the percentage reviewed within the statutory
--              timescales: the first review conference within 3 months of the
--              plan's start (the initial conference), each later review within
--              6 months of the one before, every review due on or before the
--              month's last day held by its due date, and none overdue then.
--              Due dates are calendar months on: a plan starting 30/11/2025 is
--              first due by 28/02/2026; a review held on its due date is in
--              time; a review due on the month's last day and not held by then
--              is late. A review belongs to the plan open on its date (dated
--              after the plan's start; conferences of an earlier plan are
--              ignored). A late review stays late for as long as the plan
--              lasts. Each plan (one per child) is one case.
-- numerator:   plans whose reviews due up to the month's last day were all
--              held in time
-- denominator: plans open at the month's last day that started 3 months or
--              more before it
-- period:      snapshot at the last day of the month
-- authority:   statutory guidance (Working Together to Safeguard Children:
--              first review within 3 months of the initial conference, then at
--              intervals of not more than 6 months); the cohort (open plans
--              past their first due date) is the council's choice
-- source:      cp, cp_reviews

WITH plans AS (
    SELECT
        p.period_id,
        p.period_end,
        c.plan_key,
        c.child_key,
        c.start_date
    FROM cm_cp_plan AS c
    INNER JOIN indicator_period AS p
        ON CAST(c.start_date + INTERVAL 3 MONTH AS DATE) <= p.period_end
        AND (c.end_date IS NULL OR c.end_date > p.period_end)
),

chain AS (
    SELECT
        pl.period_id,
        pl.plan_key,
        r.review_date,
        CASE
            WHEN lag(r.review_date) OVER w IS NULL
                THEN CAST(pl.start_date + INTERVAL 3 MONTH AS DATE)
            ELSE CAST(lag(r.review_date) OVER w + INTERVAL 6 MONTH AS DATE)
        END AS due_date
    FROM plans AS pl
    INNER JOIN cm_cp_review AS r
        ON r.child_key = pl.child_key
        AND r.review_date > pl.start_date
        AND r.review_date <= pl.period_end
    WINDOW w AS (PARTITION BY pl.period_id, pl.plan_key ORDER BY r.review_date)
),

held AS (
    SELECT
        period_id,
        plan_key,
        bool_or(review_date > due_date) AS any_late,
        max(review_date) AS last_review
    FROM chain
    GROUP BY period_id, plan_key
),

judged AS (
    SELECT
        pl.period_id,
        pl.period_end,
        pl.child_key,
        coalesce(h.any_late, false) AS any_late,
        CASE
            WHEN h.last_review IS NULL THEN CAST(pl.start_date + INTERVAL 3 MONTH AS DATE)
            ELSE CAST(h.last_review + INTERVAL 6 MONTH AS DATE)
        END AS next_due
    FROM plans AS pl
    LEFT JOIN held AS h
        ON h.period_id = pl.period_id
        AND h.plan_key = pl.plan_key
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        CASE WHEN NOT any_late AND next_due > period_end THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        period_end AS decided_on,
        CASE
            WHEN any_late THEN 'a review was held late'
            WHEN next_due <= period_end THEN 'a review is overdue'
            ELSE 'reviews in time'
        END AS note
    FROM judged
)

SELECT * FROM final
