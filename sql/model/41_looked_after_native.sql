-- Looked-after and private fostering records from the council's own exports
-- (docs/native-looked-after.md): statutory visits, care plans, permanence
-- plans, staying put arrangements, private fostering arrangements and their
-- visits. Each is kept once per child and date, the latest file winning.
--
-- Coverage (see 99_coverage.sql):
--   cla_visits, pf_visits   visit lists hold every visit from their first
--                           day, so they cover the months from their earliest
--                           visit to their latest;
--   cla_care_plans          likewise, from the earliest plan date;
--   cla_permanence_plans,   these lists hold every plan or arrangement open
--   staying_put,            at any time since the export's first day, with
--   private_fostering       its true start however old, so their earliest
--                           start says nothing about where they begin: they
--                           are taken to begin with their earliest end (none
--                           ended: not covered yet), and private fostering
--                           notifications likewise; private fostering
--                           runs to the latest date of its arrangements or
--                           their visits, since a few arrangements may hold
--                           no date in the export's last month;
-- and the look-backs: cla_visits_1m (a visit within 6 weeks of a month end
-- falls in that month or the one before), cla_care_plans_12m (a plan within
-- 12 months), pf_visits_3m (a visit within 12 weeks).

CREATE OR REPLACE TABLE cm_cla_visit AS
SELECT DISTINCT
    child_key,
    visit_date
FROM stg_cla_visits;

CREATE OR REPLACE TABLE cm_cla_care_plan AS
SELECT DISTINCT
    child_key,
    plan_date
FROM stg_cla_care_plans;

CREATE OR REPLACE TABLE cm_cla_permanence_plan AS
SELECT
    child_key,
    plan,
    start_date,
    end_date
FROM stg_cla_permanence_plans
QUALIFY row_number() OVER (
    PARTITION BY child_key, start_date, plan ORDER BY _file_id DESC, _line DESC
) = 1;

CREATE OR REPLACE TABLE cm_staying_put AS
SELECT
    child_key,
    start_date,
    end_date
FROM stg_staying_put
QUALIFY row_number() OVER (
    PARTITION BY child_key, start_date ORDER BY _file_id DESC, _line DESC
) = 1;

CREATE OR REPLACE TABLE cm_private_fostering AS
SELECT
    child_key,
    notification_date,
    start_date,
    end_date
FROM stg_private_fostering
QUALIFY row_number() OVER (
    PARTITION BY child_key, start_date ORDER BY _file_id DESC, _line DESC
) = 1;

CREATE OR REPLACE TABLE cm_pf_visit AS
SELECT DISTINCT
    child_key,
    visit_date
FROM stg_private_fostering_visits;

INSERT INTO cm_coverage_span (domain, first_event, last_event)
SELECT 'cla_visits', min(visit_date), max(visit_date) FROM cm_cla_visit
UNION ALL
SELECT 'cla_care_plans', min(plan_date), max(plan_date) FROM cm_cla_care_plan
UNION ALL
SELECT
    'cla_permanence_plans',
    min(end_date),
    max(greatest(start_date, coalesce(end_date, start_date)))
FROM cm_cla_permanence_plan
UNION ALL
SELECT
    'staying_put',
    min(end_date),
    max(greatest(start_date, coalesce(end_date, start_date)))
FROM cm_staying_put
UNION ALL
SELECT
    'private_fostering',
    (SELECT min(end_date) FROM cm_private_fostering),
    greatest(
        (SELECT max(greatest(notification_date, start_date, coalesce(end_date, start_date)))
            FROM cm_private_fostering),
        (SELECT max(visit_date) FROM cm_pf_visit)
    )
UNION ALL
SELECT 'pf_visits', min(visit_date), max(visit_date) FROM cm_pf_visit;

INSERT INTO cm_coverage_lookback
VALUES
    ('cla_visits_1m', 'cla_visits', 1),
    ('cla_care_plans_12m', 'cla_care_plans', 11),
    ('pf_visits_3m', 'pf_visits', 3);
