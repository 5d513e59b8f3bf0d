-- definition:  The number of PC users referred from Jobcentre Plus (JCP)
--              in the month, in total and by site: distinct users with at
--              least one PC session in the month flagged as a JCP referral.
--              A user counts once in the total however many sessions and
--              sites, and once at each site they used; a session whose
--              flag is blank or "Unknown" is not a referral.
-- numerator:   distinct PC users (keyed) with a JCP-referred session
--              started in the month
-- denominator: none (a count)
-- period:      calendar month, flow, by the day each session started
-- authority:   local definition (the council's libraries scorecard), from
--              the native PC sessions export's JCP referral flag
--              (docs/native-libraries.md)
-- source:      library_pc
-- to_date:     yes

WITH referred AS (
    SELECT
        p.period_id,
        s.user_key,
        s.library_id,
        s.library,
        s.session_date
    FROM cm_library_pc_session AS s
    INNER JOIN indicator_period AS p
        ON s.session_date BETWEEN p.period_start AND p.period_end
    WHERE s.jcp_referral
),

members AS (
    SELECT
        period_id,
        'all' AS breakdown,
        user_key AS subject_key,
        min(session_date) AS first_session
    FROM referred
    GROUP BY period_id, user_key
    UNION ALL
    SELECT
        period_id,
        'site=' || max(library),
        user_key,
        min(session_date)
    FROM referred
    GROUP BY period_id, user_key, library_id
),

final AS (
    SELECT
        period_id,
        breakdown,
        subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        first_session AS decided_on,
        'PC session referred from JCP in the month' AS note
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
