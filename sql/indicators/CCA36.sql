-- definition:  Of the section 47 enquiries started in the month whose outcome
--              is recorded, the percentage that did not progress to an
--              initial child protection conference. Annex A list 5 gives no
--              date an enquiry was completed, so an enquiry counts as
--              completed when its outcome is recorded: an ICPC was deemed
--              unnecessary ("Yes": did not progress), or deemed necessary
--              ("No") or held (an ICPC date: progressed). An answer of
--              "Yes" beside an ICPC date is taken as progressed, since the
--              conference happened. Enquiries with neither answer nor date
--              (still open) or answered "Unknown" are left out, so a recent
--              month's figure can move as enquiries conclude. The month is
--              the month the enquiry started (its strategy discussion).
-- numerator:   enquiries started in the month with an ICPC deemed unnecessary
--              and no ICPC date
-- denominator: enquiries started in the month with a recorded outcome
-- period:      monthly cohort, by date of the strategy discussion
-- authority:   Ofsted Annex A guidance (list 5, "Was an Initial Child
--              Protection Conference deemed unnecessary?"); counting by start
--              month is the council's choice, as the list dates no completion
-- source:      s47

WITH decided AS (
    SELECT
        p.period_id,
        s.s47_key,
        s.strategy_date,
        s.icpc_unnecessary = 'Y' AND s.icpc_date IS NULL AS no_icpc
    FROM cm_s47 AS s
    INNER JOIN indicator_period AS p
        ON s.strategy_date BETWEEN p.period_start AND p.period_end
    WHERE s.icpc_unnecessary IN ('Y', 'N')
        OR s.icpc_date IS NOT NULL
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        s47_key AS subject_key,
        CASE WHEN no_icpc THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        strategy_date AS decided_on,
        CASE WHEN no_icpc THEN 'no ICPC: deemed unnecessary'
            ELSE 'progressed to ICPC' END AS note
    FROM decided
)

SELECT * FROM final
