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
-- Some lists also hold rows that began long before the window they cover,
-- so their earliest start says nothing about where the window begins:
--   cla          looked-after returns list every episode open in their year;
--                the first return's year is found from the earliest end of
--                an episode instead (its financial year's 1 April);
--   assessments  Annex A list 4 keeps open assessments whatever their start,
--                so the list is taken to begin with its earliest
--                authorisation;
--   cp           Annex A list 7 keeps every plan open at the extract, however
--                old, and only the plans that ended in its window, so the
--                list is taken to begin with its earliest plan end (no plan
--                ended: not covered yet).
--
-- Domains for measures that need more than their own month:
--   contacts_native  the months of the native contacts export, which alone
--                    carries final BRAG and contact outcome;
--   icpc             conferences are found through their enquiry's row, so a
--                    month's conferences are all there only when the enquiries
--                    of the month before are: s47 less its first month;
--   referrals_12m    re-referrals look back 12 months: referrals less their
--                    first 12 months;
--   cla_12m          placement moves are counted over the 12 months ending at
--                    a month end: cla less its first 11 months.

CREATE OR REPLACE TABLE cm_coverage AS
WITH look_backs AS (
    SELECT
        b.domain,
        CAST(date_trunc('month', s.first_event) + to_months(b.months) AS DATE) AS first_event,
        s.last_event,
        s.exact_days
    FROM cm_coverage_span AS s
    INNER JOIN cm_coverage_lookback AS b
        ON b.base = s.domain
),

all_spans AS (
    SELECT * FROM cm_coverage_span
    UNION ALL
    SELECT * FROM look_backs
),

final AS (
    SELECT
        domain,
        CASE WHEN exact_days THEN first_event
            ELSE date_trunc('month', first_event)::DATE END AS first_date,
        CASE WHEN exact_days THEN last_event
            ELSE last_day(last_event) END AS last_date
    FROM all_spans
    WHERE first_event IS NOT NULL
        AND first_event <= last_event
)

SELECT * FROM final;
