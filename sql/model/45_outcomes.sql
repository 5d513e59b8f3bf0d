-- Health and education of looked-after children (docs/native-outcomes.md).
--
-- Periods of care: a child's SSDA903 episodes, short breaks (V3, V4) left
-- out, joined into one period wherever an episode starts on or before the
-- day the one before it ended (X1, or episodes stitched across returns).
-- The health cohort of DfE's statistics (looked after continuously for 12
-- months or more) is measured on these periods, so a change of placement or
-- legal status does not restart the clock.
CREATE OR REPLACE TABLE cm_cla_care_period AS
WITH episodes AS (
    SELECT
        child_key,
        start_date,
        end_date,
        max(coalesce(end_date, DATE '9999-12-31')) OVER (
            PARTITION BY child_key ORDER BY start_date, end_date NULLS LAST
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
        ) AS reach_before
    FROM cm_cla_episode
    WHERE NOT is_short_break
),

numbered AS (
    SELECT
        *,
        sum(CASE WHEN reach_before IS NULL OR start_date > reach_before THEN 1 ELSE 0 END)
            OVER (
                PARTITION BY child_key ORDER BY start_date, end_date NULLS LAST
                ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
            ) AS care_no
    FROM episodes
),

final AS (
    SELECT
        child_key,
        care_no,
        min(start_date) AS start_date,
        CASE WHEN bool_or(end_date IS NULL) THEN NULL ELSE max(end_date) END AS end_date
    FROM numbered
    GROUP BY child_key, care_no
)

SELECT * FROM final;

-- Health checks: the native export, with the dates of the last health
-- assessment and dental check that Annex A list 8 gives (each such date is
-- a check on that day). One row per child, check and day.
CREATE OR REPLACE TABLE cm_cla_health_check AS
WITH checks AS (
    SELECT
        child_key,
        check_date,
        check_type,
        outcome,
        1 AS rank,
        _file_id,
        _line
    FROM stg_cla_health_checks
    UNION ALL
    SELECT
        child_key,
        last_health_assessment,
        'HEALTH_ASSESSMENT',
        NULL,
        2,
        _file_id,
        _line
    FROM stg_annexa_l8
    WHERE last_health_assessment IS NOT NULL
    UNION ALL
    SELECT
        child_key,
        last_dental_check,
        'DENTAL',
        NULL,
        2,
        _file_id,
        _line
    FROM stg_annexa_l8
    WHERE last_dental_check IS NOT NULL
),

final AS (
    SELECT
        child_key,
        check_date,
        check_type,
        outcome,
        rank = 1 AS is_native
    FROM checks
    QUALIFY row_number() OVER (
        PARTITION BY child_key, check_type, check_date ORDER BY rank, _file_id DESC, _line DESC
    ) = 1
)

SELECT * FROM final;

-- SDQ scores: one per child and day; a score outside 0 to 40 is not a score.
CREATE OR REPLACE TABLE cm_cla_sdq AS
SELECT
    child_key,
    sdq_date,
    sdq_score
FROM stg_cla_sdq_scores
WHERE sdq_score BETWEEN 0 AND 40
QUALIFY row_number() OVER (
    PARTITION BY child_key, sdq_date ORDER BY _file_id DESC, _line DESC
) = 1;

-- Personal education plans: a meeting and the form it produced; either date
-- may be blank. One row per child, meeting and form.
CREATE OR REPLACE TABLE cm_cla_pep AS
SELECT DISTINCT
    child_key,
    meeting_date,
    form_date
FROM stg_cla_peps
WHERE meeting_date IS NOT NULL
    OR form_date IS NOT NULL;

-- Schools attended: one row per child, school and start date, from the
-- latest file.
CREATE OR REPLACE TABLE cm_cla_school AS
SELECT
    child_key,
    school_urn,
    start_date,
    end_date,
    ofsted_rating
FROM stg_cla_schools
QUALIFY row_number() OVER (
    PARTITION BY child_key, school_urn, start_date ORDER BY _file_id DESC, _line DESC
) = 1;

CREATE OR REPLACE TABLE cm_cla_exclusion AS
SELECT
    child_key,
    start_date,
    exclusion_type,
    sessions
FROM stg_cla_exclusions
QUALIFY row_number() OVER (
    PARTITION BY child_key, start_date, exclusion_type ORDER BY _file_id DESC, _line DESC
) = 1;

-- Attendance: one row per child and month, from the latest file; a row that
-- claims more absence than sessions possible is not kept.
CREATE OR REPLACE TABLE cm_cla_attendance AS
SELECT
    child_key,
    month,
    sessions_possible,
    authorised_absence,
    unauthorised_absence
FROM stg_cla_attendance
WHERE sessions_possible >= 0
    AND authorised_absence >= 0
    AND unauthorised_absence >= 0
    AND authorised_absence + unauthorised_absence <= sessions_possible
QUALIFY row_number() OVER (
    PARTITION BY child_key, month ORDER BY _file_id DESC, _line DESC
) = 1;

CREATE OR REPLACE TABLE cm_cla_gcse AS
SELECT
    child_key,
    results_date,
    five_a_c_em = 'Y' AS achieved,
    -- the academic year (September to August) the results close: 2025 for
    -- August 2025
    CASE WHEN month(results_date) >= 9 THEN year(results_date) + 1
        ELSE year(results_date) END AS academic_year_end
FROM stg_cla_gcse_results
WHERE five_a_c_em IN ('Y', 'N')
QUALIFY row_number() OVER (
    PARTITION BY child_key, results_date ORDER BY _file_id DESC, _line DESC
) = 1;

CREATE OR REPLACE TABLE cm_gcse_comparison AS
SELECT
    academic_year_end,
    percent_five_a_c_em
FROM stg_gcse_council_comparison
QUALIFY row_number() OVER (
    PARTITION BY academic_year_end ORDER BY _file_id DESC, _line DESC
) = 1;

CREATE OR REPLACE TABLE cm_cla_offending AS
SELECT DISTINCT
    child_key,
    outcome_date,
    outcome
FROM stg_cla_offending;

-- Coverage (see 99_coverage.sql): each native export is a full history, so
-- it covers the months from its first to its last event. Schools attended
-- lists every school a child was at, however long ago, so it is taken to
-- begin with its earliest end of a school. GCSE results come once a year,
-- so the results export covers the 11 months after the month of its latest
-- results too (August's results stand until the next August). Look-backs:
-- checks, exclusions and offending over 12 months, health assessments and
-- PEPs over 6, schools over 24, GCSE results over 12.
INSERT INTO cm_coverage_span (domain, first_event, last_event)
SELECT 'cla_health', min(check_date), max(check_date) FROM cm_cla_health_check
WHERE is_native
UNION ALL
SELECT 'cla_sdq', min(sdq_date), max(sdq_date) FROM cm_cla_sdq
UNION ALL
SELECT
    'cla_pep',
    min(least(meeting_date, form_date)),
    max(greatest(meeting_date, form_date))
FROM cm_cla_pep
UNION ALL
SELECT 'cla_schools', min(end_date), max(greatest(start_date, coalesce(end_date, start_date)))
FROM cm_cla_school
UNION ALL
SELECT 'cla_exclusions', min(start_date), max(start_date) FROM cm_cla_exclusion
UNION ALL
SELECT 'cla_attendance', min(month), max(month) FROM cm_cla_attendance
UNION ALL
SELECT
    'cla_gcse',
    min(results_date),
    CAST(max(results_date) + INTERVAL 11 MONTH AS DATE)
FROM cm_cla_gcse
UNION ALL
SELECT 'cla_offending', min(outcome_date), max(outcome_date) FROM cm_cla_offending;

INSERT INTO cm_coverage_lookback
VALUES
    ('cla_health_12m', 'cla_health', 11),
    ('cla_health_6m', 'cla_health', 5),
    ('cla_pep_6m', 'cla_pep', 5),
    ('cla_schools_24m', 'cla_schools', 23),
    ('cla_exclusions_12m', 'cla_exclusions', 11),
    ('cla_offending_12m', 'cla_offending', 11),
    ('cla_gcse_12m', 'cla_gcse', 11);
