-- Library activity: counts by library over a counting period (visits,
-- loans, face-to-face enquiries), item-level issues from the native export,
-- and events. The other native library exports are in
-- 51_library_services.sql.
--
-- Councils publish the same counts more than once (a long-format usage file,
-- a wide file with a column per month, and the open data schema), and send
-- the same file again with more months in it. The rules, applied in order:
--
--   1. A row of the long-format usage file that gives no figure at all
--      (enquiries, visits, issues and sessions all blank) is a month in
--      which the library had no service (Newcastle lists its closed
--      libraries that way): it is not a count. Any other blank or withheld
--      (x, *, c) count stages as NULL and stays NULL, never zero.
--   2. Within one source, a count is known by its library, counting period
--      (and, for loans, stock type): when files repeat it, the latest
--      file's row is kept, and within a file the last row. For visits this
--      also means two counts of one library and period (a manual and an
--      automatic count) are one count, not a sum.
--   3. Across sources, the most detailed wins: the native item-level
--      issues export first (loans only), then the open data schema, then
--      the long-format usage file, then wide files. A count is dropped
--      when a better source counts the same library over any day of its
--      counting period, so that a monthly wide-file count is not added to
--      a quarterly open data count of the same library.
--
-- Libraries are matched by name, folding case and spaces (library_id); the
-- name kept (library) is the spelling of the latest file that names it.
--
-- TODO: counts of the same source whose periods overlap without being the
-- same (a weekly and a monthly count of one library in one schema file)
-- are both kept; nothing in the public files does this, and no indicator
-- adds periods of different lengths from one source.

CREATE OR REPLACE TABLE cm_library_visit AS
WITH counts AS (
    SELECT
        'visits' AS source,
        1 AS rank,
        _file_id,
        _line,
        library,
        count_start AS period_start,
        count_end AS period_end,
        visits
    FROM stg_library_visits
    UNION ALL
    SELECT
        'usage',
        2,
        _file_id,
        _line,
        library,
        month,
        last_day(month),
        visits
    FROM stg_library_usage
    WHERE enquiries IS NOT NULL
        OR visits IS NOT NULL
        OR issues IS NOT NULL
        OR pc_sessions_pct IS NOT NULL
    UNION ALL
    SELECT
        'visits_wide',
        3,
        _file_id,
        _line,
        library,
        month,
        last_day(month),
        visits
    FROM stg_library_visits_wide
),

keyed AS (
    SELECT
        *,
        lower(trim(regexp_replace(library, '\s+', ' ', 'g'))) AS library_id
    FROM counts
),

latest AS (
    SELECT *
    FROM keyed
    QUALIFY row_number() OVER (
        PARTITION BY source, library_id, period_start, period_end
        ORDER BY _file_id DESC, _line DESC
    ) = 1
),

best AS (
    SELECT *
    FROM latest AS c
    WHERE NOT EXISTS (
        SELECT 1
        FROM latest AS b
        WHERE b.library_id = c.library_id
            AND b.rank < c.rank
            AND b.period_start <= c.period_end
            AND b.period_end >= c.period_start
    )
),

final AS (
    SELECT
        library_id,
        first_value(library) OVER (
            PARTITION BY library_id ORDER BY _file_id DESC, _line DESC
        ) AS library,
        period_start,
        period_end,
        visits
    FROM best
)

SELECT * FROM final;

-- Item-level issues (the native export): one row per item issued, a
-- renewal counting as an issue as the open data loans count does. An issue
-- is known by its item, borrower, library and day: a file sent again adds
-- nothing. A borrower's category is the issue row's, or else the category
-- of their latest registration, or else 'Not recorded'.
CREATE OR REPLACE TABLE cm_library_issue AS
WITH issues AS (
    SELECT
        lower(trim(regexp_replace(library, '\s+', ' ', 'g'))) AS library_id,
        library,
        issue_date,
        item_key,
        borrower_key,
        borrower_category,
        stock_category,
        _file_id,
        _line
    FROM stg_library_issues
    QUALIFY row_number() OVER (
        PARTITION BY item_key, borrower_key, library_id, issue_date
        ORDER BY _file_id DESC, _line DESC
    ) = 1
),

registered AS (
    SELECT
        borrower_key,
        borrower_category
    FROM stg_library_borrowers
    WHERE borrower_category IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY borrower_key ORDER BY registered_on DESC, _file_id DESC, _line DESC
    ) = 1
),

final AS (
    SELECT
        i.library_id,
        i.library,
        i.issue_date,
        i.item_key,
        i.borrower_key,
        coalesce(i.borrower_category, r.borrower_category, 'Not recorded')
            AS borrower_category,
        coalesce(i.stock_category, 'Not recorded') AS stock_category,
        i._file_id,
        i._line
    FROM issues AS i
    LEFT JOIN registered AS r
        ON r.borrower_key = i.borrower_key
)

SELECT * FROM final;

-- Loans: counts by library over a counting period, from the item-level
-- issues (counted by calendar month, library, stock and borrower category:
-- the most detailed source of all) and the published counts.
CREATE OR REPLACE TABLE cm_library_loan AS
WITH counts AS (
    SELECT
        'issues' AS source,
        0 AS rank,
        max(_file_id) AS _file_id,
        max(_line) AS _line,
        max(library) AS library,
        CAST(date_trunc('month', issue_date) AS DATE) AS period_start,
        last_day(issue_date) AS period_end,
        stock_category AS stock_type,
        borrower_category AS borrower_type,
        count(*) AS loans
    FROM cm_library_issue
    GROUP BY
        library_id,
        date_trunc('month', issue_date),
        last_day(issue_date),
        stock_category,
        borrower_category
    UNION ALL
    SELECT
        'loans' AS source,
        1 AS rank,
        _file_id,
        _line,
        library,
        month AS period_start,
        last_day(month) AS period_end,
        stock_type,
        NULL,
        loans
    FROM stg_library_loans
    UNION ALL
    SELECT
        'loans',
        1,
        _file_id,
        _line,
        library,
        count_start,
        count_end,
        stock_type,
        NULL,
        loans
    FROM stg_library_loans_range
    UNION ALL
    SELECT
        'usage',
        2,
        _file_id,
        _line,
        library,
        month,
        last_day(month),
        NULL,
        NULL,
        issues
    FROM stg_library_usage
    WHERE enquiries IS NOT NULL
        OR visits IS NOT NULL
        OR issues IS NOT NULL
        OR pc_sessions_pct IS NOT NULL
    UNION ALL
    SELECT
        'issues_wide',
        3,
        _file_id,
        _line,
        library,
        month,
        last_day(month),
        NULL,
        NULL,
        loans
    FROM stg_library_issues_wide
),

keyed AS (
    SELECT
        *,
        lower(trim(regexp_replace(library, '\s+', ' ', 'g'))) AS library_id
    FROM counts
),

latest AS (
    SELECT *
    FROM keyed
    QUALIFY row_number() OVER (
        PARTITION BY source, library_id, period_start, period_end, stock_type,
            borrower_type
        ORDER BY _file_id DESC, _line DESC
    ) = 1
),

best AS (
    SELECT *
    FROM latest AS c
    WHERE NOT EXISTS (
        SELECT 1
        FROM latest AS b
        WHERE b.library_id = c.library_id
            AND b.rank < c.rank
            AND b.period_start <= c.period_end
            AND b.period_end >= c.period_start
    )
),

final AS (
    SELECT
        library_id,
        first_value(library) OVER (
            PARTITION BY library_id ORDER BY _file_id DESC, _line DESC
        ) AS library,
        period_start,
        period_end,
        stock_type,
        borrower_type,
        loans
    FROM best
)

SELECT * FROM final;

-- Events (the Libraries Hacked events schema): one row per event, with no
-- key of its own (two Rhyme Times on one day at one library are two
-- events). When files repeat a library's month, the events of that library
-- and month are taken from the latest file that holds any, so a file sent
-- again with more events replaces what it repeats.
CREATE OR REPLACE TABLE cm_library_event AS
WITH keyed AS (
    SELECT
        lower(trim(regexp_replace(library, '\s+', ' ', 'g'))) AS library_id,
        *
    FROM stg_library_events
),

final AS (
    SELECT
        library_id,
        first_value(library) OVER (
            PARTITION BY library_id ORDER BY _file_id DESC, _line DESC
        ) AS library,
        event_date,
        event_name,
        coalesce(main_outcome, 'Not recorded') AS main_outcome,
        attendees,
        _file_id,
        _line
    FROM keyed
    QUALIFY _file_id = max(_file_id) OVER (
        PARTITION BY library_id, date_trunc('month', event_date)
    )
)

SELECT * FROM final;

-- Face-to-face enquiries: the native export (one row per enquiry, with its
-- type; rows of another channel are not face to face and are left out; a
-- row with no channel is face to face, as the export is defined) and
-- Newcastle's long-format usage file (a count by library and month, with
-- neither type nor channel: taken as enquiries at the library, so face to
-- face). As for loans, the native export wins over the usage file for a
-- library whose counting periods overlap; within the native export a
-- library's month comes from the latest file that holds it.
CREATE OR REPLACE TABLE cm_library_enquiry AS
WITH native AS (
    SELECT
        lower(trim(regexp_replace(library, '\s+', ' ', 'g'))) AS library_id,
        *
    FROM stg_library_enquiries
    WHERE channel IS NULL
        OR channel = 'Face to face'
    QUALIFY _file_id = max(_file_id) OVER (
        PARTITION BY library_id, date_trunc('month', enquiry_date)
    )
),

counts AS (
    SELECT
        0 AS rank,
        max(_file_id) AS _file_id,
        max(_line) AS _line,
        library_id,
        max(library) AS library,
        enquiry_date AS period_start,
        enquiry_date AS period_end,
        enquiry_type,
        count(*) AS enquiries
    FROM native
    GROUP BY library_id, enquiry_date, enquiry_type
    UNION ALL
    SELECT
        1,
        _file_id,
        _line,
        lower(trim(regexp_replace(library, '\s+', ' ', 'g'))),
        library,
        month,
        last_day(month),
        NULL,
        enquiries
    FROM stg_library_usage
    WHERE enquiries IS NOT NULL
        OR visits IS NOT NULL
        OR issues IS NOT NULL
        OR pc_sessions_pct IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY lower(trim(regexp_replace(library, '\s+', ' ', 'g'))), month
        ORDER BY _file_id DESC, _line DESC
    ) = 1
),

best AS (
    SELECT *
    FROM counts AS c
    WHERE NOT EXISTS (
        SELECT 1
        FROM counts AS b
        WHERE b.library_id = c.library_id
            AND b.rank < c.rank
            AND b.period_start <= c.period_end
            AND b.period_end >= c.period_start
    )
),

final AS (
    SELECT
        library_id,
        first_value(library) OVER (
            PARTITION BY library_id ORDER BY _file_id DESC, _line DESC
        ) AS library,
        period_start,
        period_end,
        enquiry_type,
        enquiries
    FROM best
)

SELECT * FROM final;

-- Coverage (see 99_coverage.sql): day-level visits cover exactly the days
-- from the first to the last one-day count. Item-level issues (needed to
-- count borrowers) cover the whole months from the first to the last issue.
-- Events are sparse in some published files (Barnet's has a handful of
-- events years before its regular series starts), so events cover the
-- latest unbroken run of months that each hold at least one event, up to
-- the last event: an empty month inside the run is a month of no events,
-- an empty month before it ends the run.
INSERT INTO cm_coverage_span (domain, first_event, last_event, exact_days)
SELECT 'library_loans', min(period_start), max(period_end), false FROM cm_library_loan
UNION ALL
SELECT 'library_issues', min(issue_date), max(issue_date), false FROM cm_library_issue
UNION ALL
SELECT 'library_visits', min(period_start), max(period_end), false FROM cm_library_visit
UNION ALL
SELECT 'library_visits_daily', min(period_start), max(period_end), true
FROM cm_library_visit
WHERE period_start = period_end
UNION ALL
SELECT 'library_enquiries', min(period_start), max(period_end), false
FROM cm_library_enquiry
UNION ALL
SELECT
    'library_events',
    min(month),
    max(last_day(month)),
    false
FROM (
    SELECT
        month,
        -- months counted back from the last: the run is where the month's
        -- distance from the last month equals its rank
        date_diff('month', month, max(month) OVER ()) AS back,
        row_number() OVER (ORDER BY month DESC) - 1 AS rank
    FROM (
        SELECT DISTINCT CAST(date_trunc('month', event_date) AS DATE) AS month
        FROM cm_library_event
    )
)
WHERE back = rank;
