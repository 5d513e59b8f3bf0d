-- definition:  The children looked after at the end of the month's last day
--              (the CLA1 count: short breaks left out, an episode ending that
--              day having ceased), broken down by the placement type of their
--              episode open at that moment, in DfE's published groups and by
--              the SSDA903 code itself:
--                foster placements            U1 to U6
--                placed for adoption          A3 to A6
--                placed with parents          P1
--                independent living           P2, H5, K3 (independent or
--                                             semi-independent living,
--                                             supported accommodation)
--                secure and children's homes  K1, K2
--                other residential settings   R1, R2, R3, R5, S1, P3
--                other placements             T0 to T4, Z1, Z11 to Z14
--              Where a return holds two overlapping open episodes for a
--              child, the one that started last gives the placement.
-- numerator:   children looked after at the month's last day, in each group
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   DfE children looked after statistics methodology (placement at
--              31 March by type), applied to every month end; the grouping
--              follows DfE's published tables, H5, P2 and K3 together
-- source:      cla

WITH current_episode AS (
    SELECT
        p.period_id,
        p.period_end,
        e.child_key,
        e.place
    FROM cm_cla_episode AS e
    INNER JOIN indicator_period AS p
        ON e.start_date <= p.period_end
        AND (e.end_date IS NULL OR e.end_date > p.period_end)
    WHERE NOT e.is_short_break
    QUALIFY row_number() OVER (
        PARTITION BY p.period_id, e.child_key ORDER BY e.start_date DESC
    ) = 1
),

grouped AS (
    SELECT
        *,
        CASE
            WHEN place IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6') THEN 'foster placements'
            WHEN place IN ('A3', 'A4', 'A5', 'A6') THEN 'placed for adoption'
            WHEN place = 'P1' THEN 'placed with parents'
            WHEN place IN ('P2', 'H5', 'K3') THEN 'independent living'
            WHEN place IN ('K1', 'K2') THEN 'secure and children''s homes'
            WHEN place IN ('R1', 'R2', 'R3', 'R5', 'S1', 'P3') THEN 'other residential settings'
            ELSE 'other placements'
        END AS placement_group
    FROM current_episode
),

members AS (
    SELECT period_id, period_end, child_key, place, 'all' AS breakdown FROM grouped
    UNION ALL
    SELECT period_id, period_end, child_key, place, 'placement_group=' || placement_group
    FROM grouped
    UNION ALL
    SELECT period_id, period_end, child_key, place, 'placement_type=' || place
    FROM grouped
),

final AS (
    SELECT
        period_id,
        breakdown,
        child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        period_end AS decided_on,
        'placement ' || place AS note
    FROM members
)

SELECT * FROM final
