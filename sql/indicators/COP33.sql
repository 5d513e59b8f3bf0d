-- definition:  Of the children in the health cohort at the end of the
--              month who were aged under 5 that day (completed years from the
--              date of birth), the number and percentage whose development
--              check was up to date: a development check (native health checks
--              export, check DEVELOPMENT) dated in the 12 months ending on the
--              month's last day.
--              The cohort is DfE's for the health of looked-after
--              children: children looked after at the end of the month's last
--              day who had then been looked after continuously for 12 months
--              or more. A period of care is the child's SSDA903 episodes,
--              short breaks (V3, V4) left out, an episode that starts on or
--              before the day the one before it ended continuing the same
--              period; 12 months means the period began on or before the day
--              after the same date a year earlier (on or before 1 April 2025
--              for 31 March 2026: 365 days counting the first and the last,
--              so a child looked after 364 days is not yet in the cohort). An
--              episode ending on the month's last day has ceased.
-- numerator:   children in the cohort aged under 5 with a development check dated
--              in the 12 months ending on the month's last day
-- denominator: children in the health cohort aged under 5 at the month's last day
-- period:      snapshot at the last day of the month, over the 12 months
--              ending that day
-- authority:   DfE children looked after statistics methodology (development
--              assessments up to date, children under 5 looked after
--              continuously for 12 months), applied to every month end; a
--              check in the previous 12 months as up to date is the council's
--              reading
-- source:      cla_12m, cla_health_12m

WITH cohort AS (
    SELECT
        p.period_id,
        p.period_end,
        c.child_key
    FROM cm_cla_care_period AS c
    INNER JOIN indicator_period AS p
        ON c.start_date <= CAST(p.period_end - INTERVAL 1 YEAR + INTERVAL 1 DAY AS DATE)
        AND (c.end_date IS NULL OR c.end_date > p.period_end)
    LEFT JOIN cm_child AS k
        ON k.child_key = c.child_key
    WHERE date_part('year', age(CAST(p.period_end AS TIMESTAMP),
        CAST(k.birth_date AS TIMESTAMP))) < 5
),

checked AS (
    SELECT
        c.period_id,
        c.child_key,
        max(h.check_date) AS last_date
    FROM cohort AS c
    INNER JOIN cm_cla_health_check AS h
        ON h.child_key = c.child_key
        AND h.check_type = 'DEVELOPMENT'
        AND h.check_date > CAST(c.period_end - INTERVAL 1 YEAR AS DATE)
        AND h.check_date <= c.period_end
    GROUP BY c.period_id, c.child_key
),

final AS (
    SELECT
        c.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        CASE WHEN x.last_date IS NOT NULL THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        coalesce(x.last_date, c.period_end) AS decided_on,
        CASE WHEN x.last_date IS NOT NULL THEN 'development check in the previous 12 months'
            ELSE 'no development check in the previous 12 months' END AS note
    FROM cohort AS c
    LEFT JOIN checked AS x
        ON x.period_id = c.period_id
        AND x.child_key = c.child_key
)

SELECT * FROM final
