-- Coverage: the span of days each source family covers, so that a period is
-- reported only when its data are all there.
--
-- Exports are taken to cover every whole month in which they hold an event:
-- first_date is the first day of the month of the earliest event and
-- last_date the last day of the month of the latest. The engine further cuts
-- the month holding the run's as-of date, which is never complete, and the
-- run's --from and --to. Day-level library visits cover exactly the days
-- from the first to the last count.
--
-- Looked-after returns list every episode open in their year, so episodes
-- start long before the first return; the first return's year is found from
-- the earliest end of an episode instead (its financial year's 1 April).

CREATE OR REPLACE TABLE cm_coverage AS
WITH spans AS (
    SELECT 'contacts' AS domain, min(contact_date) AS first_event, max(contact_date) AS last_event
    FROM cm_contact
    UNION ALL
    SELECT 'referrals', min(referral_date), max(referral_date) FROM cm_referral
    UNION ALL
    SELECT 'assessments', min(start_date), max(greatest(start_date, coalesce(authorised_date, start_date)))
    FROM cm_assessment
    UNION ALL
    SELECT 's47', min(strategy_date), max(greatest(strategy_date, coalesce(icpc_date, strategy_date)))
    FROM cm_s47
    UNION ALL
    SELECT 'cp', min(start_date), max(greatest(start_date, coalesce(end_date, start_date)))
    FROM cm_cp_plan
    UNION ALL
    SELECT
        'cla',
        CASE
            WHEN min(end_date) IS NULL THEN NULL
            WHEN month(min(end_date)) >= 4 THEN make_date(year(min(end_date)), 4, 1)
            ELSE make_date(year(min(end_date)) - 1, 4, 1)
        END,
        max(greatest(start_date, coalesce(end_date, start_date)))
    FROM cm_cla_episode
    UNION ALL
    SELECT 'library_loans', min(period_start), max(period_end) FROM cm_library_loan
    UNION ALL
    SELECT 'library_visits', min(period_start), max(period_end) FROM cm_library_visit
    UNION ALL
    SELECT 'library_visits_daily', min(period_start), max(period_end)
    FROM cm_library_visit
    WHERE period_start = period_end
),

final AS (
    SELECT
        domain,
        CASE WHEN domain = 'library_visits_daily' THEN first_event
            ELSE date_trunc('month', first_event)::DATE END AS first_date,
        CASE WHEN domain = 'library_visits_daily' THEN last_event
            ELSE last_day(last_event) END AS last_date
    FROM spans
    WHERE first_event IS NOT NULL
)

SELECT * FROM final;
