-- Case-level facts and the child dimension, for analysts who want to go
-- beneath an indicator. Rebuilt on every run from the canonical model.
-- Children appear only by keyed hash; a birth date is cut to its month.

CREATE OR REPLACE TABLE dim_child AS
SELECT
    child_key,
    date_trunc('month', birth_date)::DATE AS birth_month,
    gender,
    ethnicity
FROM cm_child;

CREATE OR REPLACE TABLE fact_contact AS
SELECT
    c.contact_key,
    c.child_key,
    c.contact_date,
    d.date_key AS contact_date_key,
    c.source,
    c.final_brag,
    c.outcome
FROM cm_contact AS c
LEFT JOIN dim_date AS d
    ON d.date = c.contact_date;

CREATE OR REPLACE TABLE fact_referral AS
SELECT
    r.referral_key,
    r.child_key,
    r.referral_date,
    d.date_key AS referral_date_key,
    r.source,
    r.nfa,
    r.allocated_team
FROM cm_referral AS r
LEFT JOIN dim_date AS d
    ON d.date = r.referral_date;

CREATE OR REPLACE TABLE fact_assessment AS
SELECT
    a.assessment_key,
    a.child_key,
    a.start_date,
    a.authorised_date,
    e.working_day_seq - s.working_day_seq AS working_days,
    a.needs_support,
    a.allocated_team
FROM cm_assessment AS a
LEFT JOIN dim_date AS s
    ON s.date = a.start_date
LEFT JOIN dim_date AS e
    ON e.date = a.authorised_date;

CREATE OR REPLACE TABLE fact_s47 AS
SELECT
    s47_key,
    child_key,
    strategy_date,
    icpc_date,
    icpc_unnecessary,
    icpc_to_plan,
    allocated_team
FROM cm_s47;

CREATE OR REPLACE TABLE fact_cp_plan AS
SELECT
    plan_key,
    child_key,
    start_date,
    end_date,
    initial_category,
    latest_category,
    previous_plans,
    allocated_team
FROM cm_cp_plan;

CREATE OR REPLACE TABLE fact_cla_episode AS
SELECT
    child_key,
    start_date,
    end_date,
    rne,
    legal_status,
    category_of_need,
    place,
    place_provider,
    reason_ceased,
    is_short_break
FROM cm_cla_episode;

CREATE OR REPLACE TABLE fact_library_visit AS
SELECT
    library,
    period_start,
    period_end,
    visits
FROM cm_library_visit;

CREATE OR REPLACE TABLE fact_library_loan AS
SELECT
    library,
    period_start,
    period_end,
    stock_type,
    loans
FROM cm_library_loan;
