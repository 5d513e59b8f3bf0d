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

-- Comments: these tables are replaced on every run, so they are described
-- here rather than in a migration.
COMMENT ON TABLE dim_child IS 'One row per child in any export, by keyed hash; birth date cut to its month. Never a name or an address.';
COMMENT ON COLUMN dim_child.child_key IS 'Keyed hash (HMAC-SHA-256) of the council''s child identifier; the key is kept outside the warehouse.';
COMMENT ON COLUMN dim_child.birth_month IS 'First day of the month of birth.';
COMMENT ON TABLE fact_contact IS 'Contacts to children''s social care, one per contact, from the native export (with final BRAG and outcome) or Annex A list 1.';
COMMENT ON COLUMN fact_contact.final_brag IS 'Final BRAG rating: Blue, Green, Amber or Red; NULL for contacts known only from Annex A.';
COMMENT ON COLUMN fact_contact.outcome IS 'Contact outcome code: NFA, NFA_SIGNPOSTING, REFERRAL_SOCIAL_CARE, REFERRAL_EARLY_INTERVENTION or STEP_ACROSS_MASH.';
COMMENT ON TABLE fact_referral IS 'Referrals to children''s social care (Annex A list 3), one per child, date and source.';
COMMENT ON TABLE fact_assessment IS 'Single assessments (Annex A list 4 and the native assessments export).';
COMMENT ON COLUMN fact_assessment.working_days IS 'Working days after the start date up to and including the authorisation date (weekends and England and Wales bank holidays skipped); NULL while open.';
COMMENT ON TABLE fact_s47 IS 'Section 47 enquiries and their initial child protection conferences (Annex A list 5), one per enquiry.';
COMMENT ON TABLE fact_cp_plan IS 'Child protection plans (Annex A list 7), one per plan.';
COMMENT ON COLUMN fact_cp_plan.previous_plans IS 'Earlier CP plans of the child in this council, however long ago.';
COMMENT ON TABLE fact_cla_episode IS 'Looked-after episodes from SSDA903 returns, stitched across yearly returns; short breaks (V3, V4) flagged.';
COMMENT ON TABLE fact_library_visit IS 'Library visits counted over a counting period, from the most detailed source for each library and period; NULL where a count was withheld.';
COMMENT ON TABLE fact_library_loan IS 'Library loans counted over a counting period, by stock type where given; NULL where a count was withheld.';
