-- definition:  Of the children looked after at the end of the month's last
--              day (the CLA1 cohort: short breaks left out, an episode ending
--              that day having ceased), the percentage living in the
--              council's own (LBB) foster care other than kinship care: their
--              episode open at that moment has placement type U4 to U6
--              (foster placements with carers who are not relatives or
--              friends) and placement provider PR1 (the council's own
--              provision). Kinship foster placements (U1 to U3) are in the
--              denominator only, as is a child with no provider recorded.
--              Where a return holds two overlapping open episodes for a
--              child, the one that started last describes the placement.
-- numerator:   children in the cohort placed in U4 to U6 with provider PR1
-- denominator: children looked after at the month's last day (CLA1)
-- period:      snapshot at the last day of the month
-- authority:   SSDA903 placement type and provider codes (DfE children looked
--              after return guidance); the council's management agreement
--              measure
-- source:      cla

WITH current_episode AS (
    SELECT
        p.period_id,
        p.period_end,
        e.child_key,
        e.place,
        e.place_provider
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
        CASE WHEN place IN ('U4', 'U5', 'U6')
            AND place_provider = 'PR1' THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        period_end AS decided_on,
        place || ' ' || coalesce(place_provider, 'no provider') AS note
    FROM current_episode
)

SELECT * FROM final
