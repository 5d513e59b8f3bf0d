-- definition:  The number of attendees at library events held in the
--              month, in total, by site and by the event's main outcome:
--              the sum of each event's attendees. An event whose attendees
--              are withheld (x, *, c) or blank makes its site's value, its
--              outcome's value and the total unknown, never a smaller
--              number. Months are reported within the latest unbroken run
--              of months holding events (see 50_libraries.sql), so a stray
--              old event does not make years of empty months read as zero.
-- numerator:   attendees of every event dated in the month; by site, of
--              the events at the library ("Outreach" for events held
--              elsewhere, as the schema asks); by outcome, of the events
--              whose main outcome it is (the older one-outcome layout's
--              "Outcome")
-- denominator: none (a count)
-- period:      calendar month, flow, by the event date
-- authority:   local definition (the council's libraries scorecard); events
--              as read from the Libraries Hacked events schema (Event date,
--              Library name, Main outcome, Attendees)
-- source:      library_events
-- to_date:     yes

WITH events AS (
    SELECT
        p.period_id,
        e.library_id,
        e.library,
        e.event_date,
        e.event_name,
        e.main_outcome,
        e.attendees,
        e._file_id,
        e._line
    FROM cm_library_event AS e
    INNER JOIN indicator_period AS p
        ON e.event_date BETWEEN p.period_start AND p.period_end
),

members AS (
    SELECT
        'all' AS breakdown,
        *
    FROM events
    UNION ALL
    SELECT
        'site=' || library,
        *
    FROM events
    UNION ALL
    SELECT
        'outcome=' || main_outcome,
        *
    FROM events
),

final AS (
    SELECT
        period_id,
        breakdown,
        library_id || ' | ' || strftime(event_date, '%Y-%m-%d') || ' | '
            || CAST(_file_id AS VARCHAR) || ':' || CAST(_line AS VARCHAR) AS subject_key,
        CAST(attendees AS DOUBLE) AS numerator,
        0.0 AS denominator,
        event_date AS decided_on,
        CASE
            WHEN attendees IS NULL THEN 'attendees withheld or blank in the export'
            ELSE 'event held on the day'
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
