-- definition:  Of the children looked after at the end of the month's last
--              day (the CLA1 cohort: short breaks left out, an episode ending
--              that day having ceased), the percentage accommodated under
--              section 20 of the Children Act 1989: legal status V2 on their
--              episode open at that moment. V3 and V4 (short breaks, also
--              section 20) are outside the cohort. Where a return holds two
--              overlapping open episodes for a child, the one that started
--              last gives the legal status.
-- numerator:   children in the cohort with legal status V2
-- denominator: children looked after at the month's last day (CLA1)
-- period:      snapshot at the last day of the month
-- authority:   DfE children looked after statistics methodology (legal status
--              at 31 March, V2 = single period of accommodation under section
--              20), applied to every month end
-- source:      cla

WITH current_episode AS (
    SELECT
        p.period_id,
        p.period_end,
        e.child_key,
        e.legal_status
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
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        CASE WHEN legal_status = 'V2' THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        period_end AS decided_on,
        'legal status ' || legal_status AS note
    FROM current_episode
)

SELECT * FROM final
