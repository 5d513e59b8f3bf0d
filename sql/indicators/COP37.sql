-- definition:  The percentage of school sessions missed through overall
--              absence (authorised and unauthorised) by children looked after
--              in the month: sessions of overall absence over sessions
--              possible, summed over the month's rows of the native school
--              attendance export (one row per child and month) for children
--              looked after on at least one
--              day of the month (a period of care of SSDA903 episodes, short
--              breaks V3 and V4 left out, begun by the month's last day and
--              not ended by its first). A month without school (August) has
--              no sessions and no value.
-- numerator:   sessions of overall absence (authorised and unauthorised) in
--              the month
-- denominator: sessions possible in the month
-- period:      monthly flow, by month of attendance
-- authority:   DfE pupil absence statistics (absence rate: sessions missed
--              over sessions possible), over the looked-after children of
--              the month
-- source:      cla, cla_attendance

WITH attended AS (
    SELECT
        p.period_id,
        a.child_key,
        a.month,
        CAST(a.authorised_absence + a.unauthorised_absence AS DOUBLE) AS missed,
        CAST(a.sessions_possible AS DOUBLE) AS possible
    FROM cm_cla_attendance AS a
    INNER JOIN indicator_period AS p
        ON a.month BETWEEN p.period_start AND p.period_end
    WHERE EXISTS (
        SELECT 1
        FROM cm_cla_care_period AS c
        WHERE c.child_key = a.child_key
            AND c.start_date <= p.period_end
            AND (c.end_date IS NULL OR c.end_date > p.period_start)
    )
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        missed AS numerator,
        possible AS denominator,
        month AS decided_on,
        'sessions missed of sessions possible' AS note
    FROM attended
)

SELECT * FROM final
