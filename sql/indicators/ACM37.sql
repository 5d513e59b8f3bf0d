-- definition:  The number of children who, at the end of the month's last day,
--              were both subject to a child protection plan (the ACM2 rule:
--              Annex A list 7, a plan ending that day has ceased) and looked
--              after (the CLA1 rule: an SSDA903 episode open at the end of
--              that day, short breaks under legal status V3 or V4 left out, an
--              episode ending that day having ceased). A child counts once.
-- numerator:   children on a plan and looked after at the month's last day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   local measure built from the DfE definitions of a child subject
--              to a plan (children in need statistics) and of a looked-after
--              child (children looked after statistics), both at a date
-- source:      cp, cla

WITH on_plan AS (
    SELECT DISTINCT
        p.period_id,
        p.period_end,
        c.child_key
    FROM cm_cp_plan AS c
    INNER JOIN indicator_period AS p
        ON c.start_date <= p.period_end
        AND (c.end_date IS NULL OR c.end_date > p.period_end)
),

looked_after AS (
    SELECT DISTINCT
        p.period_id,
        e.child_key
    FROM cm_cla_episode AS e
    INNER JOIN indicator_period AS p
        ON e.start_date <= p.period_end
        AND (e.end_date IS NULL OR e.end_date > p.period_end)
    WHERE NOT e.is_short_break
),

final AS (
    SELECT
        o.period_id,
        'all' AS breakdown,
        o.child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        o.period_end AS decided_on,
        'on a plan and looked after at the month end' AS note
    FROM on_plan AS o
    INNER JOIN looked_after AS l
        ON l.period_id = o.period_id
        AND l.child_key = o.child_key
)

SELECT * FROM final
