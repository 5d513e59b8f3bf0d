-- definition:  Of the care leavers at the end of the month, the percentage
--              with an up-to-date pathway plan: the plan was made or last
--              reviewed in the 6 months ending on the month's last day (dated
--              after the same day 6 months earlier), as the native pathway
--              plans export or Annex A list 9's Latest Pathway Plan Review
--              Date records it.
--              Care leavers at the month end are the young people of Annex A
--              list 9 (relevant, former relevant and qualifying; the category
--              of the latest list) in a spell as a care leaver that day: from
--              the day a period of care ended at 16 or over (or from the 18th
--              birthday when the SSDA903 returns hold no such ending) until
--              they are looked after again or turn 22; those whose care ended
--              on their death (E2) or with another council taking over (E3),
--              those recorded as died (DIED) or home for 6 months or more
--              (RHOM), and those 6 months after care ended with a return home
--              (E4A, E4B) are not care leavers (see sql/model/46_care_leavers.sql).
-- numerator:   care leavers at the month end whose pathway plan was reviewed in
--              the 6 months ending that day
-- denominator: care leavers at the month end
-- period:      snapshot at the last day of the month, over the 6 months ending that
--              day
-- authority:   Care Leavers (England) Regulations 2010 and the Children Act 1989
--              guidance volume 3 (pathway plans reviewed at least every 6
--              months)
-- source:      care_leavers, pathway_plans_6m

-- care_leavers_at_end (sql/model/98_indicator_macros.sql) returns the care
-- leavers at each period's last day.
WITH current AS (
    SELECT * FROM care_leavers_at_end('indicator_period')
),

seen AS (
    SELECT
        c.period_id,
        c.child_key,
        max(x.review_date) AS last_date
    FROM current AS c
    INNER JOIN cm_pathway_review AS x
        ON x.child_key = c.child_key
        AND x.review_date > CAST(c.period_end - INTERVAL 6 MONTH AS DATE)
        AND x.review_date <= c.period_end
    GROUP BY c.period_id, c.child_key
),

final AS (
    SELECT
        c.period_id,
        'all' AS breakdown,
        c.child_key AS subject_key,
        CASE WHEN s.last_date IS NOT NULL THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        coalesce(s.last_date, c.period_end) AS decided_on,
        CASE WHEN s.last_date IS NOT NULL
            THEN 'pathway plan reviewed in 6 months'
            ELSE 'pathway plan not reviewed in 6 months' END AS note
    FROM current AS c
    LEFT JOIN seen AS s
        ON s.period_id = c.period_id
        AND s.child_key = c.child_key
)

SELECT * FROM final
