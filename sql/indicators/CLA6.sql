-- definition:  The number of weeks children looked after spent in residential
--              placements commissioned from outside the council in the month:
--              for every SSDA903 episode in placement type K1 (secure
--              children's home), K2 (children's home), R1 (residential care
--              home) or S1 (residential school) with a placement provider
--              other than the council's own (PR2 another council, PR3 other
--              public provision, PR4 private, PR5 voluntary), the days of the
--              month on whose end the child was in that placement, divided
--              by 7. A day counts when the episode began on or before it and
--              had not ended by it, as for CLA1, so the day a placement ends
--              is not counted and the day it begins is. Short breaks (legal
--              status V3 or V4) are left out, as in every looked-after count
--              here. Episodes with no provider recorded are not counted. The
--              SSDA903 episodes carry what is needed, so no native export is
--              read.
-- numerator:   days in externally provided residential placements in the
--              month, divided by 7, per child
-- denominator: none (a count of weeks)
-- period:      monthly flow of placement days
-- authority:   the council's commissioning measure; placement types and
--              providers are the SSDA903 codes (DfE children looked after
--              return guidance)
-- source:      cla

WITH days AS (
    SELECT
        p.period_id,
        p.period_end,
        e.child_key,
        datediff(
            'day',
            greatest(e.start_date, p.period_start),
            least(coalesce(e.end_date, CAST(p.period_end + 1 AS DATE)),
                CAST(p.period_end + 1 AS DATE))
        ) AS nights
    FROM cm_cla_episode AS e
    INNER JOIN indicator_period AS p
        ON e.start_date <= p.period_end
        AND (e.end_date IS NULL OR e.end_date > p.period_start)
    WHERE NOT e.is_short_break
        AND e.place IN ('K1', 'K2', 'R1', 'S1')
        AND e.place_provider IN ('PR2', 'PR3', 'PR4', 'PR5')
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        sum(nights) / 7.0 AS numerator,
        0.0 AS denominator,
        period_end AS decided_on,
        CAST(sum(nights) AS VARCHAR) || ' days in external residential care' AS note
    FROM days
    GROUP BY period_id, period_end, child_key
    HAVING sum(nights) > 0
)

SELECT * FROM final
