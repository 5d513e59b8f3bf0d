-- Cohorts and member rows that several indicators share, written once as
-- table macros; each indicator file that calls one names it in a comment.
-- A change here changes every indicator that calls the macro.
--
-- Each macro takes the name of the periods table, always the engine's
-- 'indicator_period' (period_id, period_start, period_end), and reads it
-- through query_table(). DuckDB binds the tables a macro names when the
-- macro is created, and indicator_period is made only when the indicators
-- are computed, after the model; a table named by an argument is bound when
-- the macro is called. The macros are TEMP: like indicator_period they
-- belong to the run's connection, and are not kept in the warehouse, where
-- nothing could call them.

-- Children on a child in need plan at a period's last day (a plan that
-- started on or before it and had not ended by it, the ACM11 rule), one row
-- per child and period, with the team holding the case that day: the
-- allocation that started on or before it and ended on or after it, the
-- latest-starting where rows overlap.
--   plan_start      the earliest start of the child's open plans
--   s18_or_trans    an open plan is of case type S18 or TRANS
--   direct_care     an open plan is a direct care package (DCP)
--   is_dct          the holding team is the disabled children's team (false
--                   when no allocation holds the case)
--   has_allocation  an allocation holds the case
--   worker_key      the holding allocation's worker (NULL for a team or none)
CREATE OR REPLACE TEMP MACRO cin_plan_cohort(periods) AS TABLE
WITH on_plan AS (
    SELECT
        p.period_id,
        p.period_end,
        c.child_key,
        min(c.start_date) AS plan_start,
        bool_or(c.case_type IN ('S18', 'TRANS')) AS s18_or_trans,
        bool_or(c.case_type = 'DCP') AS direct_care
    FROM cm_cin_plan AS c
    INNER JOIN query_table(periods) AS p
        ON c.start_date <= p.period_end
        AND (c.end_date IS NULL OR c.end_date > p.period_end)
    GROUP BY p.period_id, p.period_end, c.child_key
),

holding AS (
    SELECT
        o.period_id,
        o.child_key,
        a.is_dct,
        a.worker_key
    FROM on_plan AS o
    INNER JOIN cm_allocation AS a
        ON a.child_key = o.child_key
        AND a.start_date <= o.period_end
        AND (a.end_date IS NULL OR a.end_date >= o.period_end)
    QUALIFY row_number() OVER (
        PARTITION BY o.period_id, o.child_key ORDER BY a.start_date DESC, a.seq DESC
    ) = 1
),

final AS (
    SELECT
        o.*,
        coalesce(h.is_dct, false) AS is_dct,
        h.child_key IS NOT NULL AS has_allocation,
        h.worker_key
    FROM on_plan AS o
    LEFT JOIN holding AS h
        ON h.period_id = o.period_id
        AND h.child_key = o.child_key
)

SELECT * FROM final;

-- Care leavers' 19th, 20th and 21st birthdays in the 12 months ending on a
-- period's last day (after the same day a year earlier, on or before the last
-- day), for the young people of DfE's cohort (former relevant and relevant)
-- who were in a spell as a care leaver on the birthday, one row per young
-- person, birthday and period, with the status of the latest native contact
-- in touch (YES) dated from 3 months before the birthday to 1 month after it,
-- but not after the period's last day.
--   age            19, 20 or 21
--   birthday       the birthday (29 February falls on 28 February)
--   contact_date, activity, accommodation
--                  of that contact; NULL when there is none
CREATE OR REPLACE TEMP MACRO care_leaver_birthdays(periods) AS TABLE
WITH birthdays AS (
    SELECT
        p.period_id,
        p.period_end,
        s.child_key,
        a.age,
        CAST(s.birth_date + to_years(a.age) AS DATE) AS birthday
    FROM cm_care_leaver_spell AS s
    CROSS JOIN (VALUES (19), (20), (21)) AS a (age)
    INNER JOIN query_table(periods) AS p
        ON CAST(s.birth_date + to_years(a.age) AS DATE)
            > CAST(p.period_end - INTERVAL 1 YEAR AS DATE)
        AND CAST(s.birth_date + to_years(a.age) AS DATE) <= p.period_end
    WHERE s.eligibility IN ('FORMER_RELEVANT', 'RELEVANT')
        AND s.spell_start <= CAST(s.birth_date + to_years(a.age) AS DATE)
        AND s.spell_end > CAST(s.birth_date + to_years(a.age) AS DATE)
),

status AS (
    SELECT
        b.period_id,
        b.child_key,
        b.age,
        x.contact_date,
        x.activity,
        x.accommodation
    FROM birthdays AS b
    INNER JOIN cm_care_leaver_contact AS x
        ON x.child_key = b.child_key
        AND x.origin = 'native'
        AND x.in_touch = 'YES'
        AND x.contact_date >= CAST(b.birthday - INTERVAL 3 MONTH AS DATE)
        AND x.contact_date <= least(CAST(b.birthday + INTERVAL 1 MONTH AS DATE), b.period_end)
    QUALIFY row_number() OVER (
        PARTITION BY b.period_id, b.child_key, b.age ORDER BY x.contact_date DESC
    ) = 1
),

final AS (
    SELECT
        b.period_id,
        b.period_end,
        b.child_key,
        b.age,
        b.birthday,
        s.contact_date,
        s.activity,
        s.accommodation
    FROM birthdays AS b
    LEFT JOIN status AS s
        ON s.period_id = b.period_id
        AND s.child_key = b.child_key
        AND s.age = b.age
)

SELECT * FROM final;

-- Children looked after at a period's last day: in a period of care
-- (cm_cla_care_period) that began on or before it and had not ended by it,
-- one row per care period open that day, with the child's age
-- in completed years that day (NULL when the birth date is not known).
CREATE OR REPLACE TEMP MACRO looked_after_at_end(periods) AS TABLE
SELECT
    p.period_id,
    p.period_start,
    p.period_end,
    c.child_key,
    date_part('year', age(CAST(p.period_end AS TIMESTAMP),
        CAST(k.birth_date AS TIMESTAMP))) AS age
FROM cm_cla_care_period AS c
INNER JOIN query_table(periods) AS p
    ON c.start_date <= p.period_end
    AND (c.end_date IS NULL OR c.end_date > p.period_end)
LEFT JOIN cm_child AS k
    ON k.child_key = c.child_key;

-- The member rows of an SDQ indicator for one age band: each SDQ dated in a
-- period whose child was looked after that day (in a period of care that
-- began on or before it and had not ended by it) and was aged min_age to
-- max_age in completed years at the period's last day, one row per SDQ;
-- numerator 1 for a total difficulties score over 13, denominator 1, noted
-- with its DfE band.
CREATE OR REPLACE TEMP MACRO cla_sdq_members(periods, min_age, max_age) AS TABLE
WITH scored AS (
    SELECT
        p.period_id,
        s.child_key,
        s.sdq_date,
        s.sdq_score
    FROM cm_cla_sdq AS s
    INNER JOIN query_table(periods) AS p
        ON s.sdq_date BETWEEN p.period_start AND p.period_end
    INNER JOIN cm_child AS k
        ON k.child_key = s.child_key
    WHERE date_part('year', age(CAST(p.period_end AS TIMESTAMP),
        CAST(k.birth_date AS TIMESTAMP))) BETWEEN min_age AND max_age
        AND EXISTS (
            SELECT 1
            FROM cm_cla_care_period AS c
            WHERE c.child_key = s.child_key
                AND c.start_date <= s.sdq_date
                AND (c.end_date IS NULL OR c.end_date > s.sdq_date)
        )
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key || ' | ' || strftime(sdq_date, '%Y-%m-%d') AS subject_key,
        CASE WHEN sdq_score > 13 THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        sdq_date AS decided_on,
        CASE
            WHEN sdq_score >= 17 THEN 'score 17 to 40: concern'
            WHEN sdq_score >= 14 THEN 'score 14 to 16: borderline'
            ELSE 'score 0 to 13: normal'
        END AS note
    FROM scored
)

SELECT * FROM final;

-- DfE's health cohort at a period's last day: children looked after that day
-- who had been looked after continuously for 12 months or more, in a period
-- of care that began on or before the day after the same date a year earlier
-- and had not ended by the last day; one row per care period, with the
-- child's age in completed years that day (NULL when the birth date is not
-- known).
CREATE OR REPLACE TEMP MACRO health_cohort(periods) AS TABLE
SELECT
    p.period_id,
    p.period_end,
    c.child_key,
    date_part('year', age(CAST(p.period_end AS TIMESTAMP),
        CAST(k.birth_date AS TIMESTAMP))) AS age
FROM cm_cla_care_period AS c
INNER JOIN query_table(periods) AS p
    ON c.start_date <= CAST(p.period_end - INTERVAL 1 YEAR + INTERVAL 1 DAY AS DATE)
    AND (c.end_date IS NULL OR c.end_date > p.period_end)
LEFT JOIN cm_child AS k
    ON k.child_key = c.child_key;

-- The health cohort (health_cohort) with each child's latest health check of
-- check type wanted_type dated in the `months` months ending on the period's
-- last day (after the same day that many months earlier).
--   last_date  the latest such check; NULL when there is none
CREATE OR REPLACE TEMP MACRO health_cohort_checked(periods, wanted_type, months) AS TABLE
WITH cohort AS (
    SELECT * FROM health_cohort(periods)
),

checked AS (
    SELECT
        c.period_id,
        c.child_key,
        max(h.check_date) AS last_date
    FROM cohort AS c
    INNER JOIN cm_cla_health_check AS h
        ON h.child_key = c.child_key
        AND h.check_type = wanted_type
        AND h.check_date > CAST(c.period_end - to_months(months) AS DATE)
        AND h.check_date <= c.period_end
    GROUP BY c.period_id, c.child_key
),

final AS (
    SELECT
        c.*,
        x.last_date
    FROM cohort AS c
    LEFT JOIN checked AS x
        ON x.period_id = c.period_id
        AND x.child_key = c.child_key
)

SELECT * FROM final;

-- Care leavers at a period's last day: young people in a spell as a care
-- leaver that day (sql/model/46_care_leavers.sql), one row per young person,
-- period and eligibility.
CREATE OR REPLACE TEMP MACRO care_leavers_at_end(periods) AS TABLE
SELECT DISTINCT
    p.period_id,
    p.period_end,
    s.child_key,
    s.eligibility
FROM cm_care_leaver_spell AS s
INNER JOIN query_table(periods) AS p
    ON s.spell_start <= p.period_end
    AND s.spell_end > p.period_end;

-- The member rows of a library session hours indicator: one row per library
-- and day with sessions of session_table (cm_library_pc_session or
-- cm_library_wifi_session) started in a period, in total ('all') and by site;
-- numerator the day's minutes divided by 60, NULL when a session of the day
-- has no duration, denominator 0; the note counts the day's sessions, as
-- session_word sessions ('PC', 'Wi-Fi').
CREATE OR REPLACE TEMP MACRO library_session_hours(periods, session_table, session_word)
AS TABLE
WITH days AS (
    SELECT
        p.period_id,
        s.library_id,
        max(s.library) AS library,
        s.session_date,
        CASE
            WHEN bool_or(s.minutes IS NULL) THEN NULL
            ELSE sum(s.minutes) / 60.0
        END AS hours,
        count(*) AS sessions
    FROM query_table(session_table) AS s
    INNER JOIN query_table(periods) AS p
        ON s.session_date BETWEEN p.period_start AND p.period_end
    GROUP BY p.period_id, s.library_id, s.session_date
),

members AS (
    SELECT
        period_id,
        'all' AS breakdown,
        library_id,
        session_date,
        hours,
        sessions
    FROM days
    UNION ALL
    SELECT
        period_id,
        'site=' || library,
        library_id,
        session_date,
        hours,
        sessions
    FROM days
),

final AS (
    SELECT
        period_id,
        breakdown,
        library_id || ' | ' || strftime(session_date, '%Y-%m-%d') AS subject_key,
        hours AS numerator,
        0.0 AS denominator,
        session_date AS decided_on,
        CASE
            WHEN hours IS NULL THEN 'a session of the day has no duration'
            ELSE CAST(sessions AS VARCHAR) || ' ' || session_word || ' sessions on the day'
        END AS note
    FROM members
)

SELECT
    period_id,
    breakdown,
    subject_key,
    numerator,
    denominator,
    decided_on,
    note
FROM final;

-- Children looked after at a period's last day aged 5 to 16 that day
-- (looked_after_at_end), with their latest Personal Education Plan dates of
-- the native export in the 6 months ending on the last day (after the same
-- day 6 months earlier), each NULL when there is none:
--   last_meeting  the latest PEP Meeting Date
--   last_form     the latest PEP Form Completed Date
CREATE OR REPLACE TEMP MACRO looked_after_pep(periods) AS TABLE
WITH cohort AS (
    SELECT * FROM looked_after_at_end(periods) WHERE age BETWEEN 5 AND 16
),

planned AS (
    SELECT
        c.period_id,
        c.child_key,
        max(e.meeting_date) FILTER (
            WHERE e.meeting_date > CAST(c.period_end - INTERVAL 6 MONTH AS DATE)
                AND e.meeting_date <= c.period_end
        ) AS last_meeting,
        max(e.form_date) FILTER (
            WHERE e.form_date > CAST(c.period_end - INTERVAL 6 MONTH AS DATE)
                AND e.form_date <= c.period_end
        ) AS last_form
    FROM cohort AS c
    INNER JOIN cm_cla_pep AS e
        ON e.child_key = c.child_key
    GROUP BY c.period_id, c.child_key
),

final AS (
    SELECT
        c.*,
        x.last_meeting,
        x.last_form
    FROM cohort AS c
    LEFT JOIN planned AS x
        ON x.period_id = c.period_id
        AND x.child_key = c.child_key
)

SELECT * FROM final;

-- Children whose care ended in a period: each child's latest SSDA903
-- episode ending in it (episode end date in the period, the latest-starting
-- where two end the same day), leaving out episodes that end only to start
-- another (reason X1) and short breaks; one row per child and period.
--   end_date       the day that episode ended
--   reason_ceased  its reason episode ceased code
CREATE OR REPLACE TEMP MACRO cla_ceased_in_period(periods) AS TABLE
SELECT
    p.period_id,
    e.child_key,
    e.end_date,
    e.reason_ceased
FROM cm_cla_episode AS e
INNER JOIN query_table(periods) AS p
    ON e.end_date BETWEEN p.period_start AND p.period_end
WHERE e.reason_ceased IS DISTINCT FROM 'X1'
    AND NOT e.is_short_break
QUALIFY row_number() OVER (
    PARTITION BY p.period_id, e.child_key
    ORDER BY e.end_date DESC, e.start_date DESC
) = 1;

-- Stock movements of one kind ('Added' or 'Withdrawn') dated in each period,
-- as member rows: one per item and day, in total ('all'), by site and by
-- stock category (LIB-13, LIB-14).
CREATE OR REPLACE TEMP MACRO stock_movement_members(periods, wanted, note_text)
AS TABLE
WITH moved AS (
    SELECT
        p.period_id,
        m.item_key,
        m.movement_date,
        m.library,
        m.stock_category
    FROM cm_library_stock_movement AS m
    INNER JOIN query_table(periods) AS p
        ON m.movement_date BETWEEN p.period_start AND p.period_end
    WHERE m.movement = wanted
),

members AS (
    SELECT 'all' AS breakdown, * FROM moved
    UNION ALL
    SELECT 'site=' || library, * FROM moved
    UNION ALL
    SELECT 'stock=' || stock_category, * FROM moved
),

final AS (
    SELECT
        period_id,
        breakdown,
        item_key || ' | ' || strftime(movement_date, '%Y-%m-%d') AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        movement_date AS decided_on,
        note_text AS note
    FROM members
)

SELECT * FROM final;
