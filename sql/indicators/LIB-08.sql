-- definition:  The satisfaction rate of library users in the financial
--              year: the percentage of survey responses received in the
--              year that rate the library service overall as very or
--              fairly satisfied, of the responses that answer the question
--              (on the five-point scale very satisfied to very
--              dissatisfied; "neither" counts in the denominator, a blank
--              answer in neither). In total, and by site for responses that
--              name a library.
-- numerator:   responses answering very satisfied or fairly satisfied
-- denominator: responses dated in the year with an answer to the overall
--              satisfaction question
-- period:      financial year, by the response date
-- authority:   local definition (the council's libraries scorecard), from
--              the native satisfaction survey export
--              (docs/native-libraries.md); the top-two-box rate is the
--              usual reading of a five-point satisfaction scale
-- source:      library_satisfaction
-- to_date:     yes

WITH responses AS (
    SELECT
        p.period_id,
        s.response_key,
        s.library,
        s.response_date,
        s.satisfaction
    FROM cm_library_satisfaction AS s
    INNER JOIN indicator_period AS p
        ON s.response_date BETWEEN p.period_start AND p.period_end
    WHERE s.satisfaction IS NOT NULL
),

members AS (
    SELECT
        'all' AS breakdown,
        *
    FROM responses
    UNION ALL
    SELECT
        'site=' || library,
        *
    FROM responses
    WHERE library IS NOT NULL
),

final AS (
    SELECT
        period_id,
        breakdown,
        response_key AS subject_key,
        CASE WHEN satisfaction IN ('1', '2') THEN 1.0 ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        response_date AS decided_on,
        CASE
            WHEN satisfaction IN ('1', '2') THEN 'satisfied'
            ELSE 'not satisfied'
        END AS note
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
