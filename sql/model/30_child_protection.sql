-- Child protection plans (Annex A list 7), one row per plan: a child with
-- two plans has two rows. previous_plans is the council's count of earlier
-- plans, including those on the old register, before this one; where it is
-- missing, earlier plans in the data are counted instead.

CREATE OR REPLACE TABLE cm_cp_plan AS
WITH plans AS (
    SELECT
        child_key,
        plan_start_date AS start_date,
        plan_end_date AS end_date,
        initial_category,
        latest_category,
        previous_plans,
        allocated_team,
        allocated_worker
    FROM stg_annexa_l7
    QUALIFY row_number() OVER (
        PARTITION BY child_key, plan_start_date ORDER BY _file_id DESC, _line DESC
    ) = 1
),

final AS (
    SELECT
        child_key || ':' || strftime(start_date, '%Y%m%d') AS plan_key,
        child_key,
        start_date,
        end_date,
        initial_category,
        latest_category,
        coalesce(
            previous_plans,
            count(*) OVER (
                PARTITION BY child_key ORDER BY start_date
                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
            )
        ) AS previous_plans,
        allocated_team,
        allocated_worker
    FROM plans
)

SELECT * FROM final;

-- Coverage (see 99_coverage.sql): list 7 keeps every plan open at the
-- extract, however old, and only the plans that ended in its window, so it
-- is taken to begin with its earliest plan end (none ended: not covered).
INSERT INTO cm_coverage_span (domain, first_event, last_event)
SELECT
    'cp',
    min(end_date),
    max(greatest(start_date, coalesce(end_date, start_date)))
FROM cm_cp_plan;

-- Child protection visits (native export), one row per child and day: two
-- visits the same day are one visit. A visit is tied to a plan only in the
-- indicators, by its date.
CREATE OR REPLACE TABLE cm_cp_visit AS
SELECT
    child_key,
    visit_date,
    seen_alone
FROM stg_cp_visits
QUALIFY row_number() OVER (
    PARTITION BY child_key, visit_date ORDER BY _file_id DESC, _line DESC
) = 1;

-- Child protection review conferences (native export), one row per child
-- and day. The export holds every review of every plan open on or after its
-- first day (docs/native-planning.md).
CREATE OR REPLACE TABLE cm_cp_review AS
SELECT DISTINCT
    child_key,
    review_date
FROM stg_cp_reviews;

-- Coverage: visits and reviews cover the months from their first to their
-- last date. A visit counts over the 42 days ending on a month's last day,
-- which reach back into the month before: cp_visits_6w is cp_visits less its
-- first month. The development measures look for a plan that ended in the
-- 12 months before a CIN plan started: cp_prior_12m is cp less its first 12
-- months.
INSERT INTO cm_coverage_span (domain, first_event, last_event)
SELECT 'cp_visits', min(visit_date), max(visit_date) FROM cm_cp_visit
UNION ALL
SELECT 'cp_reviews', min(review_date), max(review_date) FROM cm_cp_review;

INSERT INTO cm_coverage_lookback
VALUES
    ('cp_visits_6w', 'cp_visits', 1),
    ('cp_prior_12m', 'cp', 12);
