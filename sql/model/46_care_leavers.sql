-- Care leavers: who is one on a given day, and their contacts and pathway
-- plan reviews (docs/native-outcomes.md).
--
-- The register is Annex A list 9: every young person it has ever listed, with
-- the eligibility category of the latest file. A list has no date of its
-- own, so when each young person was a care leaver is worked out from the
-- SSDA903 episodes (periods of care, cm_cla_care_period):
--
--   * a spell as a care leaver begins on the day a period of care ended at
--     age 16 or over (an episode ending on a day has ceased by that day), and
--     ends when the young person is looked after again or turns 22 (leaving
--     care duties run to 21 here; the extension to 25 for those who ask for
--     support is not in any export);
--   * a young person listed whose episodes hold no such ending (they left
--     care before the returns the warehouse holds) is taken to have been a
--     care leaver from their 18th birthday, when care ends for everyone;
--   * as in DfE's statistics, those whose care ended because they died (E2)
--     or because another council took over their care (E3) are not care
--     leavers of this council, and a spell ends on the day a contact records
--     that the young person died (DIED) or that they have lived at home for 6
--     months or more (RHOM), or 6 months after care ended with a return home
--     (E4A, E4B).
CREATE OR REPLACE TABLE cm_care_leaver AS
SELECT
    l.child_key,
    coalesce(l.birth_date, c.birth_date) AS birth_date,
    l.eligibility
FROM stg_annexa_l9 AS l
LEFT JOIN cm_child AS c
    ON c.child_key = l.child_key
QUALIFY row_number() OVER (
    PARTITION BY l.child_key ORDER BY l._file_id DESC, l._line DESC
) = 1;

-- Contacts with care leavers: the native export, and the latest date of
-- contact of each Annex A list 9 row (a contact in touch on that day, with
-- no activity or accommodation, as the list's own columns are as at a date
-- it does not give). One row per young person, day and origin.
CREATE OR REPLACE TABLE cm_care_leaver_contact AS
WITH native AS (
    SELECT
        child_key,
        contact_date,
        contact_type,
        in_touch,
        activity,
        upper(trim(accommodation)) AS accommodation,
        'native' AS origin
    FROM stg_care_leaver_contacts
    QUALIFY row_number() OVER (
        PARTITION BY child_key, contact_date ORDER BY _file_id DESC, _line DESC
    ) = 1
),

annex_a AS (
    SELECT DISTINCT
        child_key,
        latest_contact_date AS contact_date,
        'OTHER' AS contact_type,
        'YES' AS in_touch,
        CAST(NULL AS VARCHAR) AS activity,
        CAST(NULL AS VARCHAR) AS accommodation,
        'annexa_l9' AS origin
    FROM stg_annexa_l9
    WHERE latest_contact_date IS NOT NULL
),

final AS (
    SELECT * FROM native
    UNION ALL
    SELECT * FROM annex_a
)

SELECT * FROM final;

-- Pathway plan reviews: the native export and Annex A list 9's latest review
-- date, one row per young person and day.
CREATE OR REPLACE TABLE cm_pathway_review AS
SELECT DISTINCT
    child_key,
    review_date
FROM (
    SELECT child_key, review_date FROM stg_care_leaver_pathway_plans
    UNION ALL
    SELECT child_key, pathway_review_date FROM stg_annexa_l9
    WHERE pathway_review_date IS NOT NULL
);

-- Spells as a care leaver, [spell_start, spell_end): see the head of this
-- file.
CREATE OR REPLACE TABLE cm_care_leaver_spell AS
WITH periods AS (
    SELECT
        p.child_key,
        p.start_date,
        p.end_date,
        lead(p.start_date) OVER (PARTITION BY p.child_key ORDER BY p.start_date)
            AS next_start,
        (
            SELECT e.reason_ceased
            FROM cm_cla_episode AS e
            WHERE e.child_key = p.child_key
                AND e.end_date = p.end_date
                AND NOT e.is_short_break
            ORDER BY e.start_date DESC
            LIMIT 1
        ) AS reason_ceased
    FROM cm_cla_care_period AS p
),

left_care AS (
    SELECT
        r.child_key,
        p.end_date AS spell_start,
        p.next_start,
        p.reason_ceased
    FROM cm_care_leaver AS r
    INNER JOIN periods AS p
        ON p.child_key = r.child_key
    WHERE p.end_date IS NOT NULL
        AND p.end_date >= CAST(r.birth_date + INTERVAL 16 YEAR AS DATE)
),

starts AS (
    SELECT
        child_key,
        spell_start,
        next_start,
        reason_ceased
    FROM left_care
    UNION ALL
    SELECT
        r.child_key,
        CAST(r.birth_date + INTERVAL 18 YEAR AS DATE),
        NULL,
        NULL
    FROM cm_care_leaver AS r
    WHERE r.birth_date IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM left_care AS l WHERE l.child_key = r.child_key)
        AND NOT EXISTS (
            SELECT 1
            FROM cm_cla_care_period AS p
            WHERE p.child_key = r.child_key
                AND (p.end_date IS NULL
                    OR p.end_date > CAST(r.birth_date + INTERVAL 18 YEAR AS DATE))
        )
),

ended AS (
    SELECT
        s.child_key,
        s.spell_start,
        s.reason_ceased,
        least(
            s.next_start,
            CAST(r.birth_date + INTERVAL 22 YEAR AS DATE),
            CASE WHEN s.reason_ceased IN ('E4A', 'E4B')
                THEN CAST(s.spell_start + INTERVAL 6 MONTH AS DATE) END,
            (
                SELECT min(c.contact_date)
                FROM cm_care_leaver_contact AS c
                WHERE c.child_key = s.child_key
                    AND c.in_touch IN ('DIED', 'RHOM')
                    AND c.contact_date >= s.spell_start
            )
        ) AS spell_end,
        r.birth_date,
        r.eligibility
    FROM starts AS s
    INNER JOIN cm_care_leaver AS r
        ON r.child_key = s.child_key
    WHERE s.reason_ceased IS NULL
        OR s.reason_ceased NOT IN ('E2', 'E3')
),

final AS (
    SELECT
        child_key,
        birth_date,
        eligibility,
        spell_start,
        spell_end,
        reason_ceased
    FROM ended
    WHERE spell_end > spell_start
)

SELECT * FROM final;

-- Coverage (see 99_coverage.sql): the native contacts export is a full
-- history. Measures over the previous 12 months look back 12 months; those
-- of birthdays in the previous 12 months read contacts from 3 months before
-- the earliest birthday, 15 months back.
INSERT INTO cm_coverage_span (domain, first_event, last_event)
SELECT 'care_leavers', min(contact_date), max(contact_date) FROM cm_care_leaver_contact
WHERE origin = 'native'
UNION ALL
SELECT 'pathway_plans', min(review_date), max(review_date) FROM stg_care_leaver_pathway_plans;

INSERT INTO cm_coverage_lookback
VALUES
    ('care_leavers_2m', 'care_leavers', 1),
    ('care_leavers_12m', 'care_leavers', 11),
    ('care_leavers_15m', 'care_leavers', 14),
    ('pathway_plans_6m', 'pathway_plans', 5);
