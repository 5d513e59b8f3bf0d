-- Legal proceedings (native exports, docs/native-planning.md): public law
-- outline (pre-proceedings), care proceedings, supervision orders and the
-- care applications CAFCASS received. Each keeps one row per identifier (or
-- per child and start for supervision orders), from the latest file.

CREATE OR REPLACE TABLE cm_plo AS
SELECT
    plo_key,
    child_key,
    start_date,
    end_date
FROM stg_plo
QUALIFY row_number() OVER (PARTITION BY plo_key ORDER BY _file_id DESC, _line DESC) = 1;

-- exception: Y when the court and council agreed the proceedings are an
-- exception to the 26-week timescale.
CREATE OR REPLACE TABLE cm_care_proceedings AS
SELECT
    proceedings_key,
    child_key,
    issue_date,
    final_hearing_date,
    exception,
    final_order
FROM stg_care_proceedings
QUALIFY row_number() OVER (
    PARTITION BY proceedings_key ORDER BY _file_id DESC, _line DESC
) = 1;

CREATE OR REPLACE TABLE cm_supervision_order AS
SELECT
    child_key,
    start_date,
    end_date
FROM stg_supervision_orders
QUALIFY row_number() OVER (
    PARTITION BY child_key, start_date ORDER BY _file_id DESC, _line DESC
) = 1;

CREATE OR REPLACE TABLE cm_cafcass_application AS
SELECT
    application_key,
    child_key,
    application_date,
    application_type
FROM stg_cafcass_applications
QUALIFY row_number() OVER (
    PARTITION BY application_key, child_key ORDER BY _file_id DESC, _line DESC
) = 1;

-- Coverage (see 99_coverage.sql): the PLO, proceedings and supervision order
-- exports keep everything open at the extract however old, so each is taken
-- to begin with its earliest end; applications cover their first to last
-- month.
INSERT INTO cm_coverage_span (domain, first_event, last_event)
SELECT
    'plo',
    min(end_date),
    max(greatest(start_date, coalesce(end_date, start_date)))
FROM cm_plo
UNION ALL
SELECT
    'care_proceedings',
    min(final_hearing_date),
    max(greatest(issue_date, coalesce(final_hearing_date, issue_date)))
FROM cm_care_proceedings
UNION ALL
SELECT
    'supervision_orders',
    min(end_date),
    max(greatest(start_date, coalesce(end_date, start_date)))
FROM cm_supervision_order
UNION ALL
SELECT
    'cafcass',
    min(application_date),
    max(application_date)
FROM cm_cafcass_application;
