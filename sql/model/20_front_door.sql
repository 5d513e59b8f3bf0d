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

-- Single assessments: Annex A list 4 and the native assessments export,
-- one row per child and start date. The native export adds each
-- assessment's type (initial or subsequent) and outcome (NFA or not), and
-- may hold assessments list 4 lacks (a subsequent assessment of an open
-- case); where both hold an assessment, the native dates are taken and list
-- 4 adds its finding and team. origin: 'native', 'annexa_l4' or 'both'. An
-- open assessment has no authorisation date.
CREATE OR REPLACE TABLE cm_assessment AS
WITH list4 AS (
    SELECT
        child_key,
        start_date,
        authorised_date,
        needs_support,
        allocated_team
    FROM stg_annexa_l4
    QUALIFY row_number() OVER (
        PARTITION BY child_key, start_date ORDER BY _file_id DESC, _line DESC
    ) = 1
),

native AS (
    SELECT
        child_key,
        start_date,
        authorised_date,
        assessment_type,
        outcome
    FROM stg_assessments
    QUALIFY row_number() OVER (
        PARTITION BY child_key, start_date ORDER BY _file_id DESC, _line DESC
    ) = 1
),

final AS (
    SELECT
        coalesce(n.child_key, l.child_key) || ':'
            || strftime(coalesce(n.start_date, l.start_date), '%Y%m%d') AS assessment_key,
        coalesce(n.child_key, l.child_key) AS child_key,
        coalesce(n.start_date, l.start_date) AS start_date,
        CASE WHEN n.child_key IS NOT NULL THEN n.authorised_date
            ELSE l.authorised_date END AS authorised_date,
        l.needs_support,
        n.assessment_type,
        n.outcome,
        l.allocated_team,
        CASE
            WHEN n.child_key IS NULL THEN 'annexa_l4'
            WHEN l.child_key IS NULL THEN 'native'
            ELSE 'both'
        END AS origin
    FROM list4 AS l
    FULL OUTER JOIN native AS n
        ON n.child_key = l.child_key
        AND n.start_date = l.start_date
)

SELECT * FROM final;

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
-- earliest authorisation; so is the native assessments export, alone in
-- giving an assessment's type and outcome.
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
    'assessments_native',
    min(authorised_date),
    max(greatest(start_date, coalesce(authorised_date, start_date)))
FROM cm_assessment
WHERE origin IN ('native', 'both')
UNION ALL
SELECT
    's47',
    min(strategy_date),
    max(greatest(strategy_date, coalesce(icpc_date, strategy_date)))
FROM cm_s47;

-- Look-backs:
--   icpc                conferences are found through their enquiry's row, so
--                       a month's conferences are all there only when the
--                       enquiries of the month before are;
--   icpc_2m             the same with two months, for timeliness, since a
--                       late conference can come more than a month after
--                       its strategy discussion;
--   referrals_12m       re-referrals look back 12 months;
--   assessments_3m      late assessments are those that took more than 45
--                       working days: a month's are all in the data only
--                       when assessments started three months before are;
--   contacts_native_1m  a referral's contact is found up to 30 days before
--                       it, so a month's referrals are all matched only when
--                       the native contacts of the month before are there.
INSERT INTO cm_coverage_lookback
VALUES
    ('icpc', 's47', 1),
    ('icpc_2m', 's47', 2),
    ('referrals_12m', 'referrals', 12),
    ('assessments_3m', 'assessments', 3),
    ('contacts_native_1m', 'contacts_native', 1);
