-- Coverage spans: every model file that builds a source family records here
-- the days its data span, and which look-back domains derive from it; the
-- last model file (99_coverage.sql) turns them into cm_coverage, which the
-- engine reads to report only periods whose data are all there.

CREATE OR REPLACE TABLE cm_coverage_span (
    domain       VARCHAR PRIMARY KEY,
    first_event  DATE,
    last_event   DATE,
    -- exact spans cover their days only; others whole months
    exact_days   BOOLEAN NOT NULL DEFAULT false
);

-- A look-back domain starts a whole number of months after its base domain's
-- first month and ends where the base ends.
CREATE OR REPLACE TABLE cm_coverage_lookback (
    domain       VARCHAR PRIMARY KEY,
    base         VARCHAR NOT NULL,
    months       INTEGER NOT NULL
);
