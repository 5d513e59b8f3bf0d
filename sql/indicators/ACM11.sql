-- definition:  The number of children on a child in need plan at the end of
--              the month's last day: a CIN plan (native CIN plans export) that
--              started on or before that day and had not ended by it. A plan
--              ending on the last day has ceased; a plan starting that day is
--              open. Every plan counts whatever its case type or team (ACM11b
--              and DCT1 split it by the disabled children's team). Children on
--              a child protection plan or looked after without a CIN plan are
--              not counted: the appendix's "(open CIN episodes)" is read as
--              the plan being the open part of the episode (Annex A list 6 has
--              no plan dates). A child counts once.
-- numerator:   children with a CIN plan open at the month's last day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   DfE children in need census (CIN plan start and end dates),
--              counted at every month end as the council's measure
-- source:      cin_plans

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        p.period_end AS decided_on,
        'on a CIN plan at the month end' AS note
    FROM cm_cin_plan AS c
    INNER JOIN indicator_period AS p
        ON c.start_date <= p.period_end
        AND (c.end_date IS NULL OR c.end_date > p.period_end)
    GROUP BY p.period_id, p.period_end, c.child_key
)

SELECT * FROM final
