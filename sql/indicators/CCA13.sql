-- definition:  The number, and the percentage, of section 47 enquiries whose
--              initial child protection conference (ICPC) was held in the
--              month that held it within 15 working days of the strategy
--              discussion that started the enquiry. Each enquiry with an ICPC
--              in the month counts once (a child with two enquiries counts
--              twice). Working days are counted as CCA14 counts them: after
--              the strategy discussion's day up to and including the ICPC's
--              day, weekends and England and Wales bank holidays left out, so
--              a conference the next working day took 1; 15 or fewer is
--              within. An ICPC dated before its strategy discussion is a
--              recording error: it stays in the count of conferences (the
--              denominator) but has no duration, so it is never within 15
--              days (numerator 0, noted).
-- numerator:   enquiries whose ICPC is dated in the month, within 15 working
--              days of the strategy discussion
-- denominator: enquiries whose ICPC is dated in the month
-- period:      monthly flow, by date of the ICPC
-- authority:   DfE children in need statistics methodology (ICPCs within 15
--              working days of the strategy discussion; LG Inform metric
--              3217) and Working Together to Safeguard Children
-- source:      s47, icpc_2m

-- A conference is found through its enquiry's row, and may come more than a
-- month after the strategy discussion, hence icpc_2m. The calendar starts a
-- year before any source, so a strategy date it does not reach is more than
-- a year before the conference: not within 15 days.
WITH timed AS (
    SELECT
        p.period_id,
        s.s47_key,
        s.strategy_date,
        s.icpc_date,
        e.working_day_seq - d.working_day_seq AS working_days
    FROM cm_s47 AS s
    INNER JOIN indicator_period AS p
        ON s.icpc_date BETWEEN p.period_start AND p.period_end
    INNER JOIN dim_date AS e
        ON e.date = s.icpc_date
    LEFT JOIN dim_date AS d
        ON d.date = s.strategy_date
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        s47_key AS subject_key,
        CASE WHEN icpc_date >= strategy_date AND coalesce(working_days <= 15, false)
            THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        icpc_date AS decided_on,
        CASE
            WHEN icpc_date < strategy_date THEN 'ICPC dated before its strategy discussion'
            WHEN coalesce(working_days <= 15, false) THEN 'within 15 working days'
            ELSE 'over 15 working days'
        END AS note
    FROM timed
)

SELECT * FROM final
