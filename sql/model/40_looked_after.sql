-- Looked-after episodes from SSDA903 returns.
--
-- A child appears in every yearly return in which one of their episodes was
-- open, so the same episode arrives several times: an episode still open at
-- 31 March has no end in that year's return and gains one in the next. One
-- row is kept per child and start date, from the latest file.
--
-- Short breaks (legal status V3 and V4) are kept here, flagged, because the
-- looked-after counts exclude them as DfE's statistics do while respite
-- measures may need them.

CREATE OR REPLACE TABLE cm_cla_episode AS
SELECT
    child_key,
    decom AS start_date,
    dec AS end_date,
    rne,
    legal_status,
    category_of_need,
    place,
    place_provider,
    rec AS reason_ceased,
    reason_place_change,
    legal_status IN ('V3', 'V4') AS is_short_break
FROM stg_ssda903_episodes
QUALIFY row_number() OVER (
    PARTITION BY child_key, decom ORDER BY _file_id DESC, _line DESC
) = 1;

-- Coverage (see 99_coverage.sql): returns list every episode open in their
-- year, so the first return's year is found from the earliest end of an
-- episode (its financial year's 1 April). Placement moves are counted over
-- the 12 months ending at a month end: cla_12m is cla less its first 11
-- months.
INSERT INTO cm_coverage_span (domain, first_event, last_event)
SELECT
    'cla',
    CASE
        WHEN min(end_date) IS NULL THEN NULL
        WHEN month(min(end_date)) >= 4 THEN make_date(year(min(end_date)), 4, 1)
        ELSE make_date(year(min(end_date)) - 1, 4, 1)
    END,
    max(greatest(start_date, coalesce(end_date, start_date)))
FROM cm_cla_episode;

INSERT INTO cm_coverage_lookback
VALUES
    ('cla_12m', 'cla', 11);
