-- definition:  Of the children looked after at the end of the month's last
--              day (the CLA1 cohort), the percentage who had 3 or more
--              placements in the 12 months ending that day (for March 2026,
--              1 April 2025 to 31 March 2026). Placements are built from the
--              child's SSDA903 episodes, short breaks (legal status V3 or V4)
--              left out. An episode begins a new placement when its reason
--              for new episode is S, P, B, T or U: each of these starts a
--              period of care or changes the placement. L is a change of
--              legal status only, so the child stays in the same placement.
--              T or U into placement types A3 to A6 is not a new placement:
--              it is the child being placed for adoption with the carer they
--              already live with, which DfE does not treat as a move. An
--              episode that does not begin the day the child's previous
--              episode ended (a gap in care, or the first episode the data
--              hold) also begins a placement, whatever its code. Every
--              placement that overlaps the 12 months counts once, including
--              the one the child was in when the 12 months began; a placement
--              that ended on the first day of the 12 months does not, as an
--              episode ending on a day has ceased by that day. A month is
--              reported only when the data cover all of its 12 months.
-- numerator:   children in the cohort with 3 or more placements overlapping
--              the 12 months ending on the month's last day
-- denominator: children looked after at the month's last day (CLA1)
-- period:      snapshot at the last day of the month, over the 12 months
--              ending that day
-- authority:   DfE children looked after statistics methodology (short-term
--              placement stability: looked after at 31 March with 3 or more
--              placements during the year, placement for adoption with the
--              existing carer not a move), applied to every month end; which
--              reason-for-new-episode codes start a placement is not settled
--              nationally and is the council's choice written here
-- source:      cla_12m

WITH episodes AS (
    SELECT
        child_key,
        start_date,
        end_date,
        rne,
        place,
        lag(end_date) OVER (PARTITION BY child_key ORDER BY start_date) AS previous_end
    FROM cm_cla_episode
    WHERE NOT is_short_break
),

marked AS (
    SELECT
        *,
        CASE
            WHEN previous_end IS DISTINCT FROM start_date THEN 1
            WHEN rne IN ('T', 'U') AND place IN ('A3', 'A4', 'A5', 'A6') THEN 0
            WHEN rne IN ('S', 'P', 'B', 'T', 'U') THEN 1
            ELSE 0
        END AS begins_placement
    FROM episodes
),

placed AS (
    SELECT
        *,
        sum(begins_placement) OVER (
            PARTITION BY child_key ORDER BY start_date
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS placement_no
    FROM marked
),

cohort AS (
    SELECT DISTINCT
        p.period_id,
        p.period_end,
        CAST(p.period_start - INTERVAL 11 MONTH AS DATE) AS window_start,
        e.child_key
    FROM placed AS e
    INNER JOIN indicator_period AS p
        ON e.start_date <= p.period_end
        AND (e.end_date IS NULL OR e.end_date > p.period_end)
),

counted AS (
    SELECT
        c.period_id,
        c.period_end,
        c.child_key,
        count(DISTINCT e.placement_no) AS placements
    FROM cohort AS c
    INNER JOIN placed AS e
        ON e.child_key = c.child_key
        AND e.start_date <= c.period_end
        AND (e.end_date IS NULL OR e.end_date > c.window_start)
    GROUP BY c.period_id, c.period_end, c.child_key
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        CASE WHEN placements >= 3 THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        period_end AS decided_on,
        CASE WHEN placements >= 3 THEN '3 or more placements in 12 months'
            ELSE 'fewer than 3 placements in 12 months' END AS note
    FROM counted
)

SELECT * FROM final
