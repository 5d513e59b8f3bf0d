-- definition:  The number of hours of public Wi-Fi use in the council's
--              libraries in the financial year, in total and by site: the
--              sum of the durations of every Wi-Fi session (a device
--              connected to a library's public network) that started in the
--              year (a session running past midnight counts on its first
--              day). A session whose duration is blank or withheld makes its
--              site's hours and the total unknown, never a smaller number.
-- numerator:   minutes of every Wi-Fi session started in the year, divided
--              by 60, summed by library and day
-- denominator: none (hours)
-- period:      financial year, flow, by the day each session started
-- authority:   local definition (the council's libraries scorecard), from
--              the native Wi-Fi sessions export (docs/native-libraries.md)
-- source:      library_wifi
-- to_date:     yes

WITH days AS (
    SELECT
        p.period_id,
        s.library_id,
        max(s.library) AS library,
        s.session_date,
        CASE
            WHEN bool_or(s.minutes IS NULL) THEN NULL
            ELSE sum(s.minutes) / 60.0
        END AS hours,
        count(*) AS sessions
    FROM cm_library_wifi_session AS s
    INNER JOIN indicator_period AS p
        ON s.session_date BETWEEN p.period_start AND p.period_end
    GROUP BY p.period_id, s.library_id, s.session_date
),

members AS (
    SELECT
        period_id,
        'all' AS breakdown,
        library_id,
        session_date,
        hours,
        sessions
    FROM days
    UNION ALL
    SELECT
        period_id,
        'site=' || library,
        library_id,
        session_date,
        hours,
        sessions
    FROM days
),

final AS (
    SELECT
        period_id,
        breakdown,
        library_id || ' | ' || strftime(session_date, '%Y-%m-%d') AS subject_key,
        hours AS numerator,
        0.0 AS denominator,
        session_date AS decided_on,
        CASE
            WHEN hours IS NULL THEN 'a session of the day has no duration'
            ELSE CAST(sessions AS VARCHAR) || ' Wi-Fi sessions on the day'
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
