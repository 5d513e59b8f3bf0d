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
-- Each model file records its own domains in cm_coverage_span, with the
-- reasoning beside it: some lists hold rows that began long before the
-- window they cover (looked-after returns, list 4's open assessments, list
-- 7's open plans, early help episodes), so their window is found from the
-- earliest end rather than the earliest start. Look-back domains in
-- cm_coverage_lookback serve measures that need more than their own month
-- (re-referrals over 12 months, placement moves over 12 months, visits over
-- 6 weeks): such a domain starts a whole number of months after its base.
-- SELECT * FROM cm_coverage lists them all for a given warehouse build.

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
