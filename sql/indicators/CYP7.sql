-- definition:  Of the care leavers aged 19, 20 and 21, the percentage in
--              education, employment or training around their birthday, in
--              total and by age. The cohort is DfE's: young people who were
--              looked after for 13 weeks or more after their 14th birthday
--              and left care at 16 or over (Annex A list 9's former relevant
--              and relevant young people; qualifying care leavers, looked
--              after for less, are not in it), whose 19th, 20th or 21st
--              birthday falls in the 12 months ending on the month's last day
--              (birthday after the same day a year earlier, on or before the
--              month's last day: a birthday on the last day counts; 29
--              February birthdays fall on 28 February in other years), and
--              who were care leavers on that birthday (see
--              sql/model/46_care_leavers.sql: those who died, had returned
--              home for 6 months or more or whose care another council took
--              over are not). For March the figure is DfE's year to 31 March.
--              Their status is the latest contact of the native care leaver
--              contacts export in which they were in touch (YES), dated from
--              3 months before the birthday to 1 month after it, but not
--              after the month's last day, so a value is never changed by
--              contacts made later. DfE asks for the status "around the
--              birthday" and no public source fixes the window: 3 months
--              before to 1 month after is the council's choice. No such
--              contact ("no information", not in touch, refused) leaves the
--              young person in the denominator only.
-- numerator:   young people of the cohort whose status gives an activity of
--              F1, F2, F4, F5, P1, P2, P4 or P5 (in education, employment or
--              training, full or part time); G4 to G6 are not (NEET)
-- denominator: young people of the cohort (each birthday in the 12 months once)
-- period:      rolling 12 months ending on the month's last day, by birthday
-- authority:   DfE children looked after statistics methodology (care leavers aged
--              19 to 21 in education, employment or training: ACTIV F1, F2, F4,
--              F5, P1, P2, P4, P5), over the 12 months ending each month end
-- source:      care_leavers_15m

WITH birthdays AS (
    SELECT
        p.period_id,
        p.period_end,
        s.child_key,
        a.age,
        CAST(s.birth_date + to_years(a.age) AS DATE) AS birthday
    FROM cm_care_leaver_spell AS s
    CROSS JOIN (VALUES (19), (20), (21)) AS a (age)
    INNER JOIN indicator_period AS p
        ON CAST(s.birth_date + to_years(a.age) AS DATE)
            > CAST(p.period_end - INTERVAL 1 YEAR AS DATE)
        AND CAST(s.birth_date + to_years(a.age) AS DATE) <= p.period_end
    WHERE s.eligibility IN ('FORMER_RELEVANT', 'RELEVANT')
        AND s.spell_start <= CAST(s.birth_date + to_years(a.age) AS DATE)
        AND s.spell_end > CAST(s.birth_date + to_years(a.age) AS DATE)
),

status AS (
    SELECT
        b.period_id,
        b.child_key,
        b.age,
        x.contact_date,
        x.activity,
        x.accommodation
    FROM birthdays AS b
    INNER JOIN cm_care_leaver_contact AS x
        ON x.child_key = b.child_key
        AND x.origin = 'native'
        AND x.in_touch = 'YES'
        AND x.contact_date >= CAST(b.birthday - INTERVAL 3 MONTH AS DATE)
        AND x.contact_date <= least(CAST(b.birthday + INTERVAL 1 MONTH AS DATE), b.period_end)
    QUALIFY row_number() OVER (
        PARTITION BY b.period_id, b.child_key, b.age ORDER BY x.contact_date DESC
    ) = 1
),

judged AS (
    SELECT
        b.period_id,
        b.period_end,
        b.child_key,
        b.age,
        b.birthday,
        coalesce(s.activity IN ('F1', 'F2', 'F4', 'F5', 'P1', 'P2', 'P4', 'P5'), false) AS counted
    FROM birthdays AS b
    LEFT JOIN status AS s
        ON s.period_id = b.period_id
        AND s.child_key = b.child_key
        AND s.age = b.age
),

members AS (
    SELECT *, 'all' AS breakdown FROM judged
    UNION ALL
    SELECT *, 'age=' || age FROM judged
),

final AS (
    SELECT
        period_id,
        breakdown,
        child_key || ' | ' || age AS subject_key,
        CASE WHEN counted THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        birthday AS decided_on,
        CASE WHEN counted
            THEN 'in education, employment or training'
            ELSE 'not known to be in education, employment or training' END AS note
    FROM members
)

SELECT
    period_id,
    breakdown,
    subject_key,
    numerator,
    denominator,
    decided_on,
    note
FROM final
