-- Library services beyond loans and visits, from the native exports of
-- docs/native-libraries.md: PC and Wi-Fi sessions, technology-enabled
-- opening entries, satisfaction survey responses, website page views,
-- online resource sessions, complaints, stock added and withdrawn, and
-- reservations.
--
-- Rows with a key of their own (a response, a complaint, a reservation, an
-- item's movement, a day's page views, a resource's month) keep the latest
-- file's row for that key, so a file sent again, or a reservation sent
-- again once satisfied, replaces what it repeats. Session and entry rows
-- have no key (one user may sit at one PC twice a day): a library's month
-- comes whole from the latest file that holds any row for it. Libraries are
-- matched by name, folding case and spaces, as in 50_libraries.sql.

-- PC sessions: minutes blank or withheld stay NULL (an unknown duration).
CREATE OR REPLACE TABLE cm_library_pc_session AS
SELECT
    lower(trim(regexp_replace(library, '\s+', ' ', 'g'))) AS library_id,
    library,
    session_date,
    computer,
    user_key,
    minutes,
    coalesce(jcp_referral = 'Y', false) AS jcp_referral
FROM stg_library_pc_sessions
QUALIFY _file_id = max(_file_id) OVER (
    PARTITION BY library_id, date_trunc('month', session_date)
);

CREATE OR REPLACE TABLE cm_library_wifi_session AS
SELECT
    lower(trim(regexp_replace(library, '\s+', ' ', 'g'))) AS library_id,
    library,
    session_date,
    device_key,
    minutes
FROM stg_library_wifi_sessions
QUALIFY _file_id = max(_file_id) OVER (
    PARTITION BY library_id, date_trunc('month', session_date)
);

-- Technology-enabled opening: one row per entry through the door outside
-- staffed hours.
CREATE OR REPLACE TABLE cm_library_teo_entry AS
SELECT
    lower(trim(regexp_replace(library, '\s+', ' ', 'g'))) AS library_id,
    library,
    entry_date,
    customer_key
FROM stg_library_teo_entries
QUALIFY _file_id = max(_file_id) OVER (
    PARTITION BY library_id, date_trunc('month', entry_date)
);

-- Satisfaction survey: satisfaction is the code 1 (very satisfied) to 5
-- (very dissatisfied), NULL where the question was not answered.
CREATE OR REPLACE TABLE cm_library_satisfaction AS
SELECT
    response_key,
    response_date,
    lower(trim(regexp_replace(library, '\s+', ' ', 'g'))) AS library_id,
    library,
    satisfaction
FROM stg_library_satisfaction
QUALIFY row_number() OVER (
    PARTITION BY response_key ORDER BY _file_id DESC, _line DESC
) = 1;

CREATE OR REPLACE TABLE cm_library_web_hits AS
SELECT
    hit_date,
    page_views
FROM stg_library_web_hits
QUALIFY row_number() OVER (
    PARTITION BY hit_date ORDER BY _file_id DESC, _line DESC
) = 1;

-- Online resources: resources are matched by name folding case and spaces.
CREATE OR REPLACE TABLE cm_library_online_sessions AS
SELECT
    lower(trim(regexp_replace(resource, '\s+', ' ', 'g'))) AS resource_id,
    first_value(resource) OVER (
        PARTITION BY resource_id ORDER BY _file_id DESC, _line DESC
    ) AS resource,
    month,
    sessions
FROM stg_library_online_sessions
QUALIFY row_number() OVER (
    PARTITION BY resource_id, month ORDER BY _file_id DESC, _line DESC
) = 1;

-- Complaints: a complaint about the service as a whole names no library.
CREATE OR REPLACE TABLE cm_library_complaint AS
SELECT
    complaint_key,
    received_date,
    lower(trim(regexp_replace(library, '\s+', ' ', 'g'))) AS library_id,
    library,
    coalesce(category, 'Not recorded') AS category
FROM stg_library_complaints
QUALIFY row_number() OVER (
    PARTITION BY complaint_key ORDER BY _file_id DESC, _line DESC
) = 1;

-- Stock movements: an item added or withdrawn on a day is one movement.
CREATE OR REPLACE TABLE cm_library_stock_movement AS
SELECT
    item_key,
    movement_date,
    movement,
    lower(trim(regexp_replace(library, '\s+', ' ', 'g'))) AS library_id,
    library,
    coalesce(stock_category, 'Not recorded') AS stock_category
FROM stg_library_stock_movements
QUALIFY row_number() OVER (
    PARTITION BY item_key, movement, movement_date ORDER BY _file_id DESC, _line DESC
) = 1;

-- Reservations: the latest file's row, which has the satisfied or cancelled
-- date once there is one. A reservation satisfied on the day it was placed
-- took 0 days.
CREATE OR REPLACE TABLE cm_library_reservation AS
SELECT
    reservation_key,
    placed_date,
    satisfied_date,
    cancelled_date,
    lower(trim(regexp_replace(library, '\s+', ' ', 'g'))) AS library_id,
    library,
    date_diff('day', placed_date, satisfied_date) AS days_to_satisfy
FROM stg_library_reservations
QUALIFY row_number() OVER (
    PARTITION BY reservation_key ORDER BY _file_id DESC, _line DESC
) = 1;

-- Coverage (see 99_coverage.sql): each export covers the whole months from
-- its first to its last event. A month inside that span with no row is a
-- month with none (no complaint, no reservation). Reservations also cover
-- the months of their satisfied and cancelled dates.
INSERT INTO cm_coverage_span (domain, first_event, last_event, exact_days)
SELECT 'library_pc', min(session_date), max(session_date), false
FROM cm_library_pc_session
UNION ALL
SELECT 'library_wifi', min(session_date), max(session_date), false
FROM cm_library_wifi_session
UNION ALL
SELECT 'library_teo', min(entry_date), max(entry_date), false
FROM cm_library_teo_entry
UNION ALL
SELECT 'library_satisfaction', min(response_date), max(response_date), false
FROM cm_library_satisfaction
UNION ALL
SELECT 'library_web', min(hit_date), max(hit_date), false
FROM cm_library_web_hits
UNION ALL
SELECT 'library_online', min(month), max(month), false
FROM cm_library_online_sessions
UNION ALL
SELECT 'library_complaints', min(received_date), max(received_date), false
FROM cm_library_complaint
UNION ALL
SELECT 'library_stock_movements', min(movement_date), max(movement_date), false
FROM cm_library_stock_movement
UNION ALL
SELECT
    'library_reservations',
    min(placed_date),
    max(greatest(placed_date, coalesce(satisfied_date, placed_date),
        coalesce(cancelled_date, placed_date))),
    false
FROM cm_library_reservation;
