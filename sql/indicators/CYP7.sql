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

-- care_leaver_birthdays (sql/model/98_indicator_macros.sql) returns each
-- 19th, 20th and 21st birthday of the cohort in the 12 months, with the
-- activity and accommodation of the contact around it (NULL when none).
WITH judged AS (
    SELECT
        period_id,
        period_end,
        child_key,
        age,
        birthday,
        coalesce(activity IN ('F1', 'F2', 'F4', 'F5', 'P1', 'P2', 'P4', 'P5'), false) AS counted
    FROM care_leaver_birthdays('indicator_period')
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
