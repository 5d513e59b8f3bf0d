-- 001: the warehouse's first shape.
--
-- Three groups of tables live in one DuckDB file:
--   ledger     etl_run, etl_file, etl_reject: what each run read and refused;
--   reference  ref_population, ref_bank_holiday: data the council maintains;
--   star       dim_* and fact_*: what analysts and reports read.
-- Staging tables (stg_*) are created by the extractor from its file specs and
-- the canonical model (cm_*) is rebuilt on every run, so neither is here.

-- Ledger ---------------------------------------------------------------------

-- schema_migration is created by the migration runner itself.

CREATE TABLE etl_run (
    run_id       BIGINT PRIMARY KEY,
    started_at   TIMESTAMP NOT NULL,
    ended_at     TIMESTAMP,
    status       VARCHAR NOT NULL,      -- succeeded, unchanged, failed
    as_of        DATE NOT NULL,
    files_new    INTEGER NOT NULL DEFAULT 0,
    files_quarantined INTEGER NOT NULL DEFAULT 0,
    rows_staged  BIGINT NOT NULL DEFAULT 0,
    rows_refused BIGINT NOT NULL DEFAULT 0,
    message      VARCHAR
);

CREATE TABLE etl_file (
    file_id      BIGINT PRIMARY KEY,
    run_id       BIGINT NOT NULL,
    file_name    VARCHAR NOT NULL,      -- a workbook's sheet: "book.xlsx [List 3]"
    kind         VARCHAR NOT NULL,
    sha256       VARCHAR NOT NULL,      -- of the whole file
    part         VARCHAR NOT NULL DEFAULT '',  -- the sheet of a workbook
    bytes        BIGINT NOT NULL,
    rows_read    BIGINT NOT NULL,
    rows_staged  BIGINT NOT NULL,
    rows_refused BIGINT NOT NULL,
    -- headings the file's kind does not know: reported, never stored, as
    -- an unknown column may hold names or other personal data
    columns_not_read VARCHAR,
    loaded_at    TIMESTAMP NOT NULL,
    UNIQUE (sha256, part),
    CHECK (rows_read = rows_staged + rows_refused)
);

CREATE TABLE etl_reject (
    file_id      BIGINT NOT NULL,
    file_name    VARCHAR NOT NULL,
    line         BIGINT NOT NULL,
    column_name  VARCHAR NOT NULL,
    raw_value    VARCHAR,
    reason       VARCHAR NOT NULL
);

-- The fingerprint of the identifier key the warehouse was built with: a run
-- with another key would give the same child a second hash, so it is refused.
CREATE TABLE etl_key (
    fingerprint  VARCHAR NOT NULL,
    first_run_id BIGINT NOT NULL
);

CREATE TABLE etl_quarantine (
    run_id       BIGINT NOT NULL,
    file_name    VARCHAR NOT NULL,
    sha256       VARCHAR NOT NULL,
    reason       VARCHAR NOT NULL
);

-- Reference data -------------------------------------------------------------

-- ONS mid-year estimate of the council's population aged 0 to 17. A rate per
-- 10,000 is computed only for years present here.
CREATE TABLE ref_population (
    mid_year     INTEGER PRIMARY KEY,   -- the 30 June the estimate is for
    population   BIGINT NOT NULL CHECK (population > 0),
    source       VARCHAR NOT NULL
);

CREATE TABLE ref_bank_holiday (
    date         DATE PRIMARY KEY,
    name         VARCHAR NOT NULL
);

-- Dimensions -----------------------------------------------------------------

CREATE TABLE dim_date (
    date_key          INTEGER PRIMARY KEY,   -- yyyymmdd
    date              DATE NOT NULL UNIQUE,
    year              INTEGER NOT NULL,
    month             INTEGER NOT NULL,
    day               INTEGER NOT NULL,
    day_name          VARCHAR NOT NULL,
    iso_year          INTEGER NOT NULL,
    iso_week          INTEGER NOT NULL,
    fin_year          VARCHAR NOT NULL,      -- 2026-27: April to March
    fin_year_start    INTEGER NOT NULL,
    fin_quarter       INTEGER NOT NULL,      -- 1 = April to June
    is_weekend        BOOLEAN NOT NULL,
    is_bank_holiday   BOOLEAN NOT NULL,
    is_working_day    BOOLEAN NOT NULL,
    working_day_seq   INTEGER NOT NULL       -- working days on or before this date
);

CREATE TABLE dim_period (
    period_id     VARCHAR PRIMARY KEY,       -- month:2026-11, quarter:2026-27-Q3
    frequency     VARCHAR NOT NULL,          -- day, week, month, quarter, year
    period_start  DATE NOT NULL,
    period_end    DATE NOT NULL,
    label         VARCHAR NOT NULL,          -- 2026-11, 2026-W45, 2026-27 Q3
    UNIQUE (frequency, period_start)
);

CREATE TABLE dim_indicator (
    indicator_id  VARCHAR PRIMARY KEY,
    code          VARCHAR NOT NULL,          -- as printed; '' where none
    title         VARCHAR NOT NULL,
    section       VARCHAR NOT NULL,
    frequency     VARCHAR NOT NULL,
    unit          VARCHAR NOT NULL,
    polarity      VARCHAR NOT NULL,          -- higher_better, lower_better, neutral
    definition    VARCHAR,
    numerator     VARCHAR,
    denominator   VARCHAR,
    period        VARCHAR,
    authority     VARCHAR,
    status        VARCHAR NOT NULL,          -- computed, not_computed
    status_reason VARCHAR,
    appendix_line INTEGER NOT NULL,
    sort_order    INTEGER NOT NULL
);

CREATE TABLE dim_breakdown (
    breakdown     VARCHAR PRIMARY KEY,       -- 'all', 'brag=Red', 'site=Burnt Oak'
    dimension     VARCHAR NOT NULL,
    member        VARCHAR NOT NULL
);

-- Facts ----------------------------------------------------------------------

CREATE TABLE fact_indicator (
    indicator_id  VARCHAR NOT NULL,
    period_id     VARCHAR NOT NULL,
    breakdown     VARCHAR NOT NULL,
    numerator     DOUBLE,
    denominator   DOUBLE,
    value         DOUBLE,
    run_id        BIGINT NOT NULL,
    -- true for the current period, not yet over: the value so far
    to_date       BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (indicator_id, period_id, breakdown)
);

CREATE TABLE fact_indicator_member (
    indicator_id   VARCHAR NOT NULL,
    period_id      VARCHAR NOT NULL,
    breakdown      VARCHAR NOT NULL,
    subject_key    VARCHAR NOT NULL,
    numerator      DOUBLE,                 -- NULL: the member's count is unknown
    denominator    DOUBLE NOT NULL,
    decided_on     DATE,
    note           VARCHAR
);
