-- definition:  The average length in weeks of the care proceedings concluded
--              in the month: from the issue date to the final hearing, both
--              from the native care proceedings export, for proceedings whose
--              final hearing fell in the month, leaving out proceedings the
--              court and council agreed were an exception to the 26-week
--              timescale (Exception to Timescale Y). Proceedings whose
--              exception flag is blank make the month's value unknown rather
--              than be guessed either way. Length is the days from issue to
--              final hearing divided by 7, kept to its fraction (issued and
--              concluded 182 days apart is 26 weeks). Each child's proceedings
--              count once: siblings in the same application count once each.
-- numerator:   the sum of the lengths in weeks of the proceedings concluded in
--              the month
-- denominator: the number of those proceedings
-- period:      monthly flow, by final hearing date
-- authority:   local measure (the council's management agreement of the
--              26-week limit of the Children and Families Act 2014, section
--              14, with its agreed exceptions)
-- source:      care_proceedings

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        x.proceedings_key AS subject_key,
        CASE WHEN x.exception IS NULL OR x.exception = 'U' THEN NULL
            ELSE date_diff('day', x.issue_date, x.final_hearing_date) / 7.0 END AS numerator,
        1.0 AS denominator,
        x.final_hearing_date AS decided_on,
        CASE WHEN x.exception = 'Y' THEN 'concluded, exception to timescale'
            ELSE 'concluded' END AS note
    FROM cm_care_proceedings AS x
    INNER JOIN indicator_period AS p
        ON x.final_hearing_date BETWEEN p.period_start AND p.period_end
    WHERE x.exception IS DISTINCT FROM 'Y'
)

SELECT * FROM final
