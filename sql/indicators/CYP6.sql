-- definition:  Of the care leavers at the end of the month, the percentage
--              the council was in touch with in the previous 12 months: a
--              contact dated after the same day a year earlier and on or
--              before the month's last day in which the young person was in
--              touch (In Touch YES in the native care leaver contacts export;
--              Annex A list 9's Latest Date of Contact also counts as such a
--              contact). Attempts that did not reach the young person (NO),
--              refusals (REFU) and no contact at all leave them in the
--              denominator only.
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
-- numerator:   care leavers at the month end with a contact in touch in the 12
--              months ending that day
-- denominator: care leavers at the month end
-- period:      snapshot at the last day of the month, over the 12 months ending
--              that day
-- authority:   DfE children looked after statistics (care leavers in touch: IN_TOUCH
--              YES), over a rolling 12 months and all care leavers rather than
--              at the 19th to 21st birthdays: a local definition
-- source:      care_leavers_12m

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
        AND x.contact_date > CAST(c.period_end - INTERVAL 1 YEAR AS DATE)
        AND x.contact_date <= c.period_end
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
            THEN 'in touch in 12 months'
            ELSE 'not in touch in 12 months' END AS note
    FROM current AS c
    LEFT JOIN seen AS s
        ON s.period_id = c.period_id
        AND s.child_key = c.child_key
)

SELECT * FROM final
