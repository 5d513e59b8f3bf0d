-- The front door: contacts, referrals, assessments and section 47 enquiries.
--
-- The same event often arrives twice, in overlapping monthly exports or in
-- both the native export and Annex A. Each table keeps one row per natural
-- key (the keys Annex A aggregation uses), taking the latest file's row.

-- Contacts: the native export carries final BRAG and outcome. Annex A list 1
-- contacts add only those not in the native export (same child, same day).
-- origin says which: 'native' or 'annexa_l1'. An Annex A contact has no
-- BRAG and no outcome, so measures of those read native contacts only.
CREATE OR REPLACE TABLE cm_contact AS
WITH native AS (
    SELECT
        contact_key,
        child_key,
        contact_date,
        source,
        final_brag,
        outcome,
        'native' AS origin
    FROM stg_contacts
    QUALIFY row_number() OVER (
        PARTITION BY contact_key ORDER BY _file_id DESC, _line DESC
    ) = 1
),

annex_a AS (
    SELECT
        'L1:' || child_key || ':' || strftime(contact_date, '%Y%m%d') || ':'
            || coalesce(source, '') AS contact_key,
        child_key,
        contact_date,
        source,
        CAST(NULL AS VARCHAR) AS final_brag,
        CAST(NULL AS VARCHAR) AS outcome,
        'annexa_l1' AS origin
    FROM stg_annexa_l1 AS l
    WHERE NOT EXISTS (
        SELECT 1
        FROM native AS n
        WHERE n.child_key = l.child_key
            AND n.contact_date = l.contact_date
    )
    QUALIFY row_number() OVER (
        PARTITION BY child_key, contact_date, source ORDER BY _file_id DESC, _line DESC
    ) = 1
),

final AS (
    SELECT * FROM native
    UNION ALL
    SELECT * FROM annex_a
)

SELECT * FROM final;

-- Referrals to children's social care (Annex A list 3).
CREATE OR REPLACE TABLE cm_referral AS
SELECT
    child_key || ':' || strftime(referral_date, '%Y%m%d') || ':' || coalesce(source, '')
        AS referral_key,
    child_key,
    referral_date,
    source,
    nfa,
    referrals_last_12m,
    allocated_team
FROM stg_annexa_l3
QUALIFY row_number() OVER (
    PARTITION BY child_key, referral_date, source ORDER BY _file_id DESC, _line DESC
) = 1;

-- Single assessments (Annex A list 4). An open assessment has no
-- authorisation date.
CREATE OR REPLACE TABLE cm_assessment AS
SELECT
    child_key || ':' || strftime(start_date, '%Y%m%d') AS assessment_key,
    child_key,
    start_date,
    authorised_date,
    needs_support,
    allocated_team
FROM stg_annexa_l4
QUALIFY row_number() OVER (
    PARTITION BY child_key, start_date ORDER BY _file_id DESC, _line DESC
) = 1;

-- Section 47 enquiries and their initial child protection conferences
-- (Annex A list 5), one row per enquiry.
CREATE OR REPLACE TABLE cm_s47 AS
SELECT
    child_key || ':' || strftime(strategy_date, '%Y%m%d') AS s47_key,
    child_key,
    strategy_date,
    icpc_unnecessary,
    icpc_date,
    icpc_to_plan,
    allocated_team
FROM stg_annexa_l5
QUALIFY row_number() OVER (
    PARTITION BY child_key, strategy_date ORDER BY _file_id DESC, _line DESC
) = 1;

-- Coverage of the front door (see 99_coverage.sql): Annex A list 4 keeps
-- open assessments whatever their start, so it is taken to begin with its
-- earliest authorisation.
INSERT INTO cm_coverage_span (domain, first_event, last_event)
SELECT 'contacts', min(contact_date), max(contact_date) FROM cm_contact
UNION ALL
SELECT 'contacts_native', min(contact_date), max(contact_date)
FROM cm_contact
WHERE origin = 'native'
UNION ALL
SELECT 'referrals', min(referral_date), max(referral_date) FROM cm_referral
UNION ALL
SELECT
    'assessments',
    min(authorised_date),
    max(greatest(start_date, coalesce(authorised_date, start_date)))
FROM cm_assessment
UNION ALL
SELECT
    's47',
    min(strategy_date),
    max(greatest(strategy_date, coalesce(icpc_date, strategy_date)))
FROM cm_s47;

-- Conferences are found through their enquiry's row: a month's are all there
-- only when the enquiries of the month before are. Re-referrals look back 12
-- months.
INSERT INTO cm_coverage_lookback
VALUES
    ('icpc', 's47', 1),
    ('referrals_12m', 'referrals', 12);
