-- definition:  The number of children looked after at the end of the month's
--              last day (the CLA1 cohort: short breaks left out, an episode
--              ending that day having ceased) who had another period of care
--              that ended in the 12 months ending that day: their current
--              period began after an earlier one ended (a period being a run
--              of episodes, short breaks left out, each starting the day the
--              one before ended), and that earlier period's last episode
--              ended within the 12 months. This is Annex A's "second or
--              subsequent period of being looked after within the last 12
--              months" read at each month end. Earlier periods are known only
--              as far back as the returns go, so a month is reported only
--              when the data cover all of its 12 months.
-- numerator:   children in the cohort whose previous period of care ended in
--              the 12 months ending on the month's last day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month, over the 12 months
--              ending that day
-- authority:   Ofsted Annex A guidance, list 8 (second or subsequent period of
--              being looked after within the last 12 months), applied to
--              every month end
-- source:      cla_12m

WITH current_episode AS (
    SELECT
        p.period_id,
        p.period_end,
        CAST(p.period_start - INTERVAL 11 MONTH AS DATE) AS window_start,
        e.child_key,
        e.care_start
    FROM cm_cla_episode AS e
    INNER JOIN indicator_period AS p
        ON e.start_date <= p.period_end
        AND (e.end_date IS NULL OR e.end_date > p.period_end)
    WHERE NOT e.is_short_break
    QUALIFY row_number() OVER (
        PARTITION BY p.period_id, e.child_key ORDER BY e.start_date DESC
    ) = 1
),

final AS (
    SELECT
        c.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        c.period_end AS decided_on,
        'previous period of care ended ' || CAST(max(e.end_date) AS VARCHAR) AS note
    FROM current_episode AS c
    INNER JOIN cm_cla_episode AS e
        ON e.child_key = c.child_key
        AND NOT e.is_short_break
        AND e.end_date < c.care_start
        AND e.end_date >= c.window_start
    GROUP BY c.period_id, c.period_end, c.child_key
)

SELECT * FROM final
