-- definition:  The percentage of the early help (CAF) episodes open at the end
--              of the month (as CCA7) that had been open for more than 9
--              months then: the month's last day is after the day 9 calendar
--              months after the start (an episode started on 31 March has
--              been open exactly 9 months on 31 December, not more, and more
--              from 1 January; where the ninth month is shorter, its last day
--              is the 9 months: 31 May gives 28 February). No national
--              definition exists; this is the council's.
--              An episode is open at the end of a month when it started on
--              or before the month's last day and has no closure date, or
--              closes after that day (an episode closed on the last day is
--              closed). An episode is a row of the native early help (CAF)
--              episodes export, one per episode ID, whichever route it came
--              by.
-- numerator:   CAF episodes open at the end of the month that started more
--              than 9 months before it
-- denominator: CAF episodes open at the end of the month
-- period:      snapshot at the last day of the month
-- authority:   local definition (the council's early help scorecard)
-- source:      caf

WITH open_episodes AS (
    SELECT
        p.period_id,
        p.period_end,
        e.episode_key,
        CAST(e.start_date + INTERVAL 9 MONTH AS DATE) < p.period_end AS over_9_months
    FROM cm_caf_episode AS e
    INNER JOIN indicator_period AS p
        ON e.start_date <= p.period_end
        AND (e.closure_date IS NULL OR e.closure_date > p.period_end)
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        episode_key AS subject_key,
        CASE WHEN over_9_months THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        period_end AS decided_on,
        CASE WHEN over_9_months THEN 'open more than 9 months'
            ELSE 'open 9 months or less' END AS note
    FROM open_episodes
)

SELECT * FROM final
