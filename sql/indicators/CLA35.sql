-- definition:  Care applications that CAFCASS received from the council in the
--              financial year (native CAFCASS care applications export, by
--              application date), per 10,000 children aged 0 to 17 living in
--              the council's area. An application counts once however many
--              children it names, as CAFCASS counts care applications (cases);
--              applications for a care order and for a supervision order under
--              section 31 both count.
-- numerator:   care applications dated in the financial year
-- denominator: ONS mid-year estimate of the population aged 0 to 17 for the
--              mid-year in which the financial year starts (mid-2025 for April
--              2025 to March 2026)
-- period:      financial year (April to March), by application date
-- authority:   CAFCASS care demand statistics (care applications), as a rate
--              per 10,000 children aged under 18
-- source:      cafcass

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        x.application_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        min(x.application_date) AS decided_on,
        'care application received' AS note
    FROM cm_cafcass_application AS x
    INNER JOIN indicator_period AS p
        ON x.application_date BETWEEN p.period_start AND p.period_end
    GROUP BY p.period_id, x.application_key
)

SELECT * FROM final
