-- definition:  Children looked after at the end of the month's last day (the
--              CLA1 count: short breaks left out, an episode ending that day
--              having ceased) per 10,000 children aged 0 to 17 living in the
--              council's area.
-- numerator:   children looked after at the month's last day (CLA1)
-- denominator: ONS mid-year estimate of the population aged 0 to 17 for the
--              mid-year in which the month's financial year starts (mid-2025
--              for April 2025 to March 2026)
-- period:      snapshot at the last day of the month
-- authority:   DfE children looked after statistics methodology (rate per
--              10,000 children aged under 18), applied to every month end
-- source:      cla

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        e.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        p.period_end AS decided_on,
        'looked after at the month end' AS note
    FROM cm_cla_episode AS e
    INNER JOIN indicator_period AS p
        ON e.start_date <= p.period_end
        AND (e.end_date IS NULL OR e.end_date > p.period_end)
    WHERE NOT e.is_short_break
    GROUP BY p.period_id, p.period_end, e.child_key
)

SELECT * FROM final
