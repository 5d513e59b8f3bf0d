-- definition:  Of the SDQs (strengths and difficulties questionnaires)
--              completed in the month for looked-after children of primary age,
--              the percentage with a total difficulties score of more than 13.
--              "More than 13" joins DfE's borderline band (14 to 16) and its
--              band of concern (17 to 40); 0 to 13 is normal. An SDQ counts
--              when it is dated in the month and the child was looked after
--              that day (a period of care of SSDA903 episodes, short breaks
--              V3 and V4 left out), each SDQ once. Primary age is 5 to 10
--              in completed years on the month's last day: the age at the
--              period end, not the school year, so a child who turns 11 between
--              September and the month end is counted as secondary a few
--              months before moving school. DfE asks for SDQs from age 5 to 16;
--              primary is 5 to 10, secondary 11 to 16.
-- numerator:   SDQs dated in the month, of children looked after that day and
--              aged 5 to 10 at the month's last day, scoring 14 or more
-- denominator: those SDQs, whatever their score
-- period:      monthly flow, by SDQ date
-- authority:   DfE children looked after statistics methodology (SDQ for
--              children aged 5 to 16, bands 0-13 normal, 14-16 borderline,
--              17-40 a cause for concern); the split at 11 by age at the
--              period end and the monthly flow are the council's choice
-- source:      cla, cla_sdq

WITH scored AS (
    SELECT
        p.period_id,
        s.child_key,
        s.sdq_date,
        s.sdq_score
    FROM cm_cla_sdq AS s
    INNER JOIN indicator_period AS p
        ON s.sdq_date BETWEEN p.period_start AND p.period_end
    INNER JOIN cm_child AS k
        ON k.child_key = s.child_key
    WHERE date_part('year', age(CAST(p.period_end AS TIMESTAMP),
        CAST(k.birth_date AS TIMESTAMP))) BETWEEN 5 AND 10
        AND EXISTS (
            SELECT 1
            FROM cm_cla_care_period AS c
            WHERE c.child_key = s.child_key
                AND c.start_date <= s.sdq_date
                AND (c.end_date IS NULL OR c.end_date > s.sdq_date)
        )
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key || ' | ' || strftime(sdq_date, '%Y-%m-%d') AS subject_key,
        CASE WHEN sdq_score > 13 THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        sdq_date AS decided_on,
        CASE
            WHEN sdq_score >= 17 THEN 'score 17 to 40: concern'
            WHEN sdq_score >= 14 THEN 'score 14 to 16: borderline'
            ELSE 'score 0 to 13: normal'
        END AS note
    FROM scored
)

SELECT * FROM final
