-- definition:  The number of looked-after children aged 10 to 17 convicted,
--              or given a final warning or a reprimand, during the year: the
--              financial year to date, 1 April to the month's last day. A
--              child counts once, when at least one outcome of the native
--              convictions export (CONVICTION, FINAL_WARNING, REPRIMAND) is
--              dated in the year to date on a day when the child was looked
--              after (a period of care of SSDA903 episodes, short breaks left
--              out) and aged 10 to 17. DfE's statistics count convictions of
--              children looked after continuously for 12 months at 31 March;
--              this figure counts every child looked after on the day of the
--              outcome, and also final warnings and reprimands (now youth
--              cautions), as the appendix asks.
-- numerator:   children with such an outcome in the financial year to date
-- denominator: none (a count)
-- period:      financial year to date, to the month's last day
-- authority:   local definition (the council's appendix), after DfE's
--              children looked after statistics (convictions of children aged
--              10 or over)
-- source:      cla, cla_offending_12m

WITH outcomes AS (
    SELECT
        p.period_id,
        o.child_key,
        min(o.outcome_date) AS first_date,
        count(*) AS outcomes
    FROM cm_cla_offending AS o
    INNER JOIN indicator_period AS p
        ON o.outcome_date <= p.period_end
        AND o.outcome_date >= CASE WHEN month(p.period_end) >= 4
            THEN make_date(year(p.period_end), 4, 1)
            ELSE make_date(year(p.period_end) - 1, 4, 1) END
    INNER JOIN cm_child AS k
        ON k.child_key = o.child_key
    WHERE date_part('year', age(CAST(o.outcome_date AS TIMESTAMP),
            CAST(k.birth_date AS TIMESTAMP))) BETWEEN 10 AND 17
        AND EXISTS (
            SELECT 1
            FROM cm_cla_care_period AS c
            WHERE c.child_key = o.child_key
                AND c.start_date <= o.outcome_date
                AND (c.end_date IS NULL OR c.end_date > o.outcome_date)
        )
    GROUP BY p.period_id, o.child_key
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        first_date AS decided_on,
        outcomes || ' outcome(s) in the year to date' AS note
    FROM outcomes
)

SELECT * FROM final
