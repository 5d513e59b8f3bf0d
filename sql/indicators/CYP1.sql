-- definition:  The number of young people eligible for leaving care services
--              at the end of the month's last day, in total and by
--              eligibility category.
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
--              Eligible children (aged 16 or 17 and still looked after) are
--              not counted: they are children looked after.
-- numerator:   care leavers at the month's last day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   Children (Leaving Care) Act 2000 categories as Annex A list 9
--              records them (relevant, former relevant, qualifying); the
--              spell dates and the age limit of 21 are the council's reading
-- source:      care_leavers

-- care_leavers_at_end (sql/model/98_indicator_macros.sql) returns the care
-- leavers at each period's last day.
WITH current AS (
    SELECT * FROM care_leavers_at_end('indicator_period')
),

members AS (
    SELECT period_id, period_end, child_key, 'all' AS breakdown FROM current
    UNION ALL
    SELECT
        period_id,
        period_end,
        child_key,
        'eligibility=' || lower(replace(eligibility, '_', ' '))
    FROM current
    WHERE eligibility IS NOT NULL
),

final AS (
    SELECT
        period_id,
        breakdown,
        child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        period_end AS decided_on,
        'care leaver at the month end' AS note
    FROM members
)

SELECT * FROM final
