-- definition:  The number of children who, at the end of the month's last day,
--              were waiting for a child in need plan 14 days or more after an
--              assessment found they needed one: the child's latest assessment
--              started by that day (Annex A list 4) was authorised at least 14
--              days before it (authorised on or before the day 14 days
--              earlier) as requiring children's social care support; the
--              child's CIN episode (Annex A list 6) that began on or before
--              the assessment's start was still open; and the child had no CIN
--              plan started on or after the assessment's start, no CIN plan
--              open that day, no child protection plan open that day (the ACM2
--              rule) and was not looked after that day (the CLA1 rule), since
--              those children are supported under another plan. A child counts
--              once.
-- numerator:   children meeting all of the above at the month's last day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   local measure (the council's 14-day standard for starting a CIN
--              plan after an assessment)
-- source:      assessments, cin, cin_plans, cp, cla

WITH latest AS (
    SELECT
        p.period_id,
        p.period_end,
        a.child_key,
        a.start_date,
        a.authorised_date,
        a.needs_support
    FROM cm_assessment AS a
    INNER JOIN indicator_period AS p
        ON a.start_date <= p.period_end
    QUALIFY row_number() OVER (
        PARTITION BY p.period_id, a.child_key ORDER BY a.start_date DESC
    ) = 1
),

waiting AS (
    SELECT *
    FROM latest AS l
    WHERE l.needs_support = 'Y'
        AND l.authorised_date <= l.period_end - 14
        AND EXISTS (
            SELECT 1
            FROM cm_cin_episode AS e
            WHERE e.child_key = l.child_key
                AND e.start_date <= l.start_date
                AND (e.end_date IS NULL OR e.end_date > l.period_end)
        )
        AND NOT EXISTS (
            SELECT 1
            FROM cm_cin_plan AS c
            WHERE c.child_key = l.child_key
                AND c.start_date <= l.period_end
                AND (c.start_date >= l.start_date
                    OR c.end_date IS NULL OR c.end_date > l.period_end)
        )
        AND NOT EXISTS (
            SELECT 1
            FROM cm_cp_plan AS c
            WHERE c.child_key = l.child_key
                AND c.start_date <= l.period_end
                AND (c.end_date IS NULL OR c.end_date > l.period_end)
        )
        AND NOT EXISTS (
            SELECT 1
            FROM cm_cla_episode AS e
            WHERE e.child_key = l.child_key
                AND NOT e.is_short_break
                AND e.start_date <= l.period_end
                AND (e.end_date IS NULL OR e.end_date > l.period_end)
        )
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        authorised_date AS decided_on,
        'assessed as needing support, no CIN plan after 14 days' AS note
    FROM waiting
)

SELECT * FROM final
