-- Children in need: CIN episodes (Annex A list 6), CIN plans, case
-- allocations, CIN visits and reviews (native exports, docs/native-planning.md),
-- and the disabled children's team.

-- CIN episodes, one row per child and episode start. A closure date is the
-- day the episode closed; an episode closing on a month's last day is not
-- open at that month's end.
CREATE OR REPLACE TABLE cm_cin_episode AS
SELECT
    child_key,
    cin_start_date AS start_date,
    cin_closure_date AS end_date,
    primary_need,
    case_status,
    allocated_team
FROM stg_annexa_l6
QUALIFY row_number() OVER (
    PARTITION BY child_key, cin_start_date ORDER BY _file_id DESC, _line DESC
) = 1;

-- CIN plans, one row per plan identifier, from the latest file. case_type is
-- the council's category (CIN, DCP, S18, TRANS); blank is a plain CIN plan.
CREATE OR REPLACE TABLE cm_cin_plan AS
SELECT
    plan_key,
    child_key,
    start_date,
    end_date,
    coalesce(case_type, 'CIN') AS case_type
FROM stg_cin_plans
QUALIFY row_number() OVER (
    PARTITION BY plan_key ORDER BY _file_id DESC, _line DESC
) = 1;

-- Which team names are the disabled children's team: every pattern of the
-- latest dct_teams file in the inbox, or, until one arrives, the default
-- 'Disab'. A team is the DCT when its name contains a pattern, ignoring case.
CREATE OR REPLACE TABLE cm_dct_team_pattern AS
WITH latest AS (
    SELECT max(_file_id) AS file_id
    FROM stg_dct_teams
),

final AS (
    SELECT DISTINCT
        d.pattern,
        'dct_teams file' AS origin
    FROM stg_dct_teams AS d
    INNER JOIN latest AS l
        ON d._file_id = l.file_id
    UNION ALL
    SELECT
        'Disab' AS pattern,
        'default' AS origin
    WHERE NOT EXISTS (SELECT 1 FROM stg_dct_teams)
)

SELECT * FROM final;

-- Case allocations: who held a child's case from when to when. A blank
-- worker means the case sat with the team, unallocated. Where rows overlap,
-- the one that started last holds the case (ties: the later file and line,
-- kept as seq). A row is kept once per child, start, team and worker.
CREATE OR REPLACE TABLE cm_allocation AS
WITH rows AS (
    SELECT
        child_key,
        start_date,
        end_date,
        team,
        worker_key,
        _file_id,
        _line
    FROM stg_allocations
    QUALIFY row_number() OVER (
        PARTITION BY child_key, start_date, team, coalesce(worker_key, '')
        ORDER BY _file_id DESC, _line DESC
    ) = 1
),

final AS (
    SELECT
        r.child_key,
        r.start_date,
        r.end_date,
        r.team,
        r.worker_key,
        EXISTS (
            SELECT 1
            FROM cm_dct_team_pattern AS p
            WHERE contains(lower(r.team), lower(p.pattern))
        ) AS is_dct,
        row_number() OVER (
            PARTITION BY r.child_key ORDER BY r.start_date, r._file_id, r._line
        ) AS seq
    FROM rows AS r
)

SELECT * FROM final;

-- CIN visits and reviews, one row per child and day.
CREATE OR REPLACE TABLE cm_cin_visit AS
SELECT
    child_key,
    visit_date,
    seen_alone
FROM stg_cin_visits
QUALIFY row_number() OVER (
    PARTITION BY child_key, visit_date ORDER BY _file_id DESC, _line DESC
) = 1;

CREATE OR REPLACE TABLE cm_cin_review AS
SELECT DISTINCT
    child_key,
    review_date
FROM stg_cin_reviews;

-- Coverage (see 99_coverage.sql). List 6, the CIN plans and the allocations
-- keep everything open at the extract however old, so each is taken to
-- begin with its earliest end. Visits and reviews cover their first to last
-- month; a visit counts over the 42 days ending on a month's last day (one
-- month back), a review over the 6 or 12 months ending on it. The
-- development measures look 12 months back from a plan's start for an
-- earlier CIN episode (cin_prior_12m) or early help episode (caf_prior_12m,
-- from 25_early_help.sql's caf).
INSERT INTO cm_coverage_span (domain, first_event, last_event)
SELECT
    'cin',
    min(end_date),
    max(greatest(start_date, coalesce(end_date, start_date)))
FROM cm_cin_episode
UNION ALL
SELECT
    'cin_plans',
    min(end_date),
    max(greatest(start_date, coalesce(end_date, start_date)))
FROM cm_cin_plan
UNION ALL
SELECT
    'allocations',
    min(end_date),
    max(greatest(start_date, coalesce(end_date, start_date)))
FROM cm_allocation
UNION ALL
SELECT 'cin_visits', min(visit_date), max(visit_date) FROM cm_cin_visit
UNION ALL
SELECT 'cin_reviews', min(review_date), max(review_date) FROM cm_cin_review;

INSERT INTO cm_coverage_lookback
VALUES
    ('cin_visits_6w', 'cin_visits', 1),
    ('cin_reviews_6m', 'cin_reviews', 6),
    ('cin_reviews_12m', 'cin_reviews', 11),
    ('cin_prior_12m', 'cin', 12),
    ('caf_prior_12m', 'caf', 12);
