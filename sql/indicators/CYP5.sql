-- definition:  Of the care leavers at the end of the month, the percentage
--              visited in the previous 2 months: a contact of type VISIT in the
--              native care leaver contacts export, in which the young person
--              was seen (In Touch YES), dated after the same day 2 months
--              earlier and on or before the month's last day. Telephone and
--              other contacts, and Annex A list 9's Latest Date of Contact
--              (which does not say how the contact was made), are not visits.
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
-- numerator:   care leavers at the month end visited in the 2 months ending that
--              day
-- denominator: care leavers at the month end
-- period:      snapshot at the last day of the month, over the 2 months ending that
--              day
-- authority:   local definition: the council's standard of a visit at least
--              every 2 months to every care leaver (the Care Leavers (England)
--              Regulations 2010 set the personal adviser's duty to keep in
--              touch; the interval is the council's)
-- source:      care_leavers_2m

-- care_leavers_at_end (sql/model/98_indicator_macros.sql) returns the care
-- leavers at each period's last day.
WITH current AS (
    SELECT * FROM care_leavers_at_end('indicator_period')
),

seen AS (
    SELECT
        c.period_id,
        c.child_key,
        max(x.contact_date) AS last_date
    FROM current AS c
    INNER JOIN cm_care_leaver_contact AS x
        ON x.child_key = c.child_key
        AND x.contact_date > CAST(c.period_end - INTERVAL 2 MONTH AS DATE)
        AND x.contact_date <= c.period_end
        AND x.origin = 'native'
        AND x.contact_type = 'VISIT'
        AND x.in_touch = 'YES'
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
            THEN 'visited in 2 months'
            ELSE 'not visited in 2 months' END AS note
    FROM current AS c
    LEFT JOIN seen AS s
        ON s.period_id = c.period_id
        AND s.child_key = c.child_key
)

SELECT * FROM final
