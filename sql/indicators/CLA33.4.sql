-- definition:  The number of children who ceased to be looked after in the
--              month by a child arrangements order: reason episode ceased E41
--              (residence order, now child arrangements order, granted). As
--              in CLA4, each child's last cessation in the month is the one
--              that counts: an episode ending in the month for a reason other
--              than X1 (X1 being a new episode the same day), short breaks
--              (legal status V3 or V4) left out. A child whose last cessation
--              of the month was for another reason is not counted, so no
--              child counts under two reasons in one month. An episode closed
--              only by stitching returns (E99) has no known reason and counts
--              in none of these.
-- numerator:   children whose last cessation in the month has a reason in the
--              list above
-- denominator: none (a count)
-- period:      monthly flow, by episode end date
-- authority:   DfE children looked after statistics methodology (children
--              ceasing to be looked after by reason episode ceased, each
--              child's last cessation in the period, short breaks excluded)
-- source:      cla

-- cla_ceased_in_period (sql/model/98_indicator_macros.sql) returns each
-- child's latest episode ending in the period (X1 and short breaks left
-- out), with its end_date and reason_ceased.
WITH ceased AS (
    SELECT * FROM cla_ceased_in_period('indicator_period')
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        end_date AS decided_on,
        'child arrangements order (' || reason_ceased || ')' AS note
    FROM ceased
    WHERE reason_ceased IN ('E41')
)

SELECT * FROM final
