-- definition:  The number of children adopted in the financial year to the
--              end of the month: children who ceased to be looked after from
--              1 April of the month's financial year to the month's last day
--              with reason episode ceased E11 or E12 (adopted, the
--              application unopposed or opposed). Short breaks (legal status
--              V3 or V4) are left out; a child adopted twice in the year
--              counts once. The count restarts each April.
-- numerator:   children with an episode ending E11 or E12 from 1 April to the
--              month's last day
-- denominator: none (a count)
-- period:      financial year to date at the end of each month
-- authority:   DfE children looked after statistics methodology (children
--              ceasing to be looked after by adoption, E11 and E12); the year
--              to date at each month end is the council's management
--              agreement measure
-- source:      cla

WITH periods AS (
    SELECT
        period_id,
        period_end,
        CASE
            WHEN month(period_end) >= 4 THEN make_date(year(period_end), 4, 1)
            ELSE make_date(year(period_end) - 1, 4, 1)
        END AS year_start
    FROM indicator_period
),

final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        e.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        max(e.end_date) AS decided_on,
        'adopted in the year to date' AS note
    FROM cm_cla_episode AS e
    INNER JOIN periods AS p
        ON e.end_date BETWEEN p.year_start AND p.period_end
    WHERE e.reason_ceased IN ('E11', 'E12')
        AND NOT e.is_short_break
    GROUP BY p.period_id, e.child_key
)

SELECT * FROM final
