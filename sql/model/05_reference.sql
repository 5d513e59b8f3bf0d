-- Reference data from files: a population file dropped in the inbox updates
-- the 0 to 17 population of the mid-years it lists; years it does not list
-- keep what the table already had.

INSERT OR REPLACE INTO ref_population (mid_year, population, source)
SELECT
    mid_year,
    population,
    coalesce(source, 'population file')
FROM stg_population
QUALIFY row_number() OVER (PARTITION BY mid_year ORDER BY _file_id DESC, _line DESC) = 1;
