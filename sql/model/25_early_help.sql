-- Early help (CAF) episodes from the native export, one row per episode
-- identifier, taking the latest file's row. An episode is open from its start
-- until its closure date; a blank closure is still open. agreed_date is the
-- day a manager agreed the episode's assessment (the CAF) as complete. A row
-- closed or agreed before it started was refused when the file was read.
CREATE OR REPLACE TABLE cm_caf_episode AS
SELECT
    episode_key,
    child_key,
    start_date,
    route,
    agreed_date,
    closure_date,
    closure_reason
FROM stg_caf_episodes
QUALIFY row_number() OVER (
    PARTITION BY episode_key ORDER BY _file_id DESC, _line DESC
) = 1;

-- Coverage (see 99_coverage.sql): the export lists every episode open at any
-- time since the day it starts from, however long before that an episode
-- began, so its earliest start says nothing about where it begins. It is
-- taken to begin with its earliest closure (none closed: not covered yet),
-- as closures come every month; from there both stock measures (episodes
-- open at a month end) and flows are whole.
INSERT INTO cm_coverage_span (domain, first_event, last_event)
SELECT
    'caf',
    min(closure_date),
    max(greatest(start_date, coalesce(agreed_date, start_date),
        coalesce(closure_date, start_date)))
FROM cm_caf_episode;
