-- 003: what each table and its main columns mean, written into the catalogue.
--
-- DuckDB keeps these comments in the database file (duckdb_tables(),
-- duckdb_views() and duckdb_columns() show them), so they travel with every
-- working copy and publish. `scorecard publish` carries them into PostgreSQL,
-- where reporting tools show them as descriptions.
--
-- Only tables made by migrations are described here. The case-level facts
-- and dim_child are rebuilt by sql/marts on every run, which would drop a
-- comment made once, so their descriptions belong beside their CREATE.

-- Ledger ---------------------------------------------------------------------

COMMENT ON TABLE schema_migration IS
    'Schema migrations applied to this warehouse, one row each.';

COMMENT ON TABLE etl_run IS
    'Ledger: one row per run of the pipeline, including failed runs.';
COMMENT ON COLUMN etl_run.run_id IS
    'Run number, 1 for the first run, one more for each run after.';
COMMENT ON COLUMN etl_run.started_at IS 'When the run started (UTC).';
COMMENT ON COLUMN etl_run.ended_at IS 'When the run ended (UTC); empty while running.';
COMMENT ON COLUMN etl_run.status IS
    'running, then succeeded (new files loaded), unchanged (nothing new in the inbox) '
    'or failed.';
COMMENT ON COLUMN etl_run.as_of IS
    'The day the exports were taken. A period is reported once it ended before this day.';
COMMENT ON COLUMN etl_run.files_new IS 'Files loaded for the first time by this run.';
COMMENT ON COLUMN etl_run.files_quarantined IS
    'Files this run could not recognise, copied to the quarantine folder.';
COMMENT ON COLUMN etl_run.rows_staged IS 'Rows this run accepted, over all new files.';
COMMENT ON COLUMN etl_run.rows_refused IS
    'Rows this run refused, over all new files; each refusal is in etl_reject.';
COMMENT ON COLUMN etl_run.message IS 'A one-line summary, or why the run failed.';

COMMENT ON TABLE etl_file IS
    'Ledger: every file (or workbook sheet) ever loaded. '
    'For each, rows_read = rows_staged + rows_refused.';
COMMENT ON COLUMN etl_file.file_id IS 'File number, unique in this warehouse.';
COMMENT ON COLUMN etl_file.run_id IS 'The run that loaded the file (etl_run.run_id).';
COMMENT ON COLUMN etl_file.file_name IS
    'Name of the file in the inbox; a workbook sheet reads "book.xlsx [List 3]".';
COMMENT ON COLUMN etl_file.kind IS 'The kind of export the file was recognised as.';
COMMENT ON COLUMN etl_file.sha256 IS
    'SHA-256 of the whole file: a file with the same content is never loaded twice.';
COMMENT ON COLUMN etl_file.part IS 'The sheet of a workbook; empty for other files.';
COMMENT ON COLUMN etl_file.bytes IS 'Size of the file in bytes.';
COMMENT ON COLUMN etl_file.rows_read IS
    'Data rows read (headers, repeated headers and blank rows not counted).';
COMMENT ON COLUMN etl_file.rows_staged IS 'Rows accepted into the warehouse.';
COMMENT ON COLUMN etl_file.rows_refused IS 'Rows refused; each refusal is in etl_reject.';
COMMENT ON COLUMN etl_file.loaded_at IS 'When the file was loaded (UTC).';

COMMENT ON TABLE etl_reject IS
    'Ledger: every refused value, with the file, line and column it came from and why. '
    'A row refused for two reasons appears twice.';
COMMENT ON COLUMN etl_reject.file_id IS 'The file the row came from (etl_file.file_id).';
COMMENT ON COLUMN etl_reject.file_name IS 'Name of that file.';
COMMENT ON COLUMN etl_reject.line IS 'Line of the file the row starts on; the first line is 1.';
COMMENT ON COLUMN etl_reject.column_name IS
    'The column as headed in the file, or "(whole row)".';
COMMENT ON COLUMN etl_reject.raw_value IS
    'The value as written in the file. A child''s identifier is never kept: it reads '
    '"(identifier withheld)".';
COMMENT ON COLUMN etl_reject.reason IS 'Why the value was refused, in plain words.';

COMMENT ON TABLE etl_quarantine IS
    'Ledger: files that could not be recognised, copied to the quarantine folder '
    'with a .reason.txt beside them.';
COMMENT ON COLUMN etl_quarantine.run_id IS 'The run that found the file.';
COMMENT ON COLUMN etl_quarantine.file_name IS 'Name of the file in the inbox.';
COMMENT ON COLUMN etl_quarantine.sha256 IS 'SHA-256 of the whole file.';
COMMENT ON COLUMN etl_quarantine.reason IS 'What the file lacks, in plain words.';

-- Reference data -------------------------------------------------------------

COMMENT ON TABLE ref_population IS
    'ONS mid-year estimates of the council''s population aged 0 to 17, '
    'the denominators of rates per 10,000.';
COMMENT ON COLUMN ref_population.mid_year IS
    'The year whose 30 June the estimate is for. A period uses the estimate of the year '
    'its financial year starts in.';
COMMENT ON COLUMN ref_population.population IS 'Children aged 0 to 17 (persons).';
COMMENT ON COLUMN ref_population.source IS 'Where the estimate came from.';

COMMENT ON TABLE ref_bank_holiday IS
    'England and Wales bank holidays, one-off days included; they are not working days.';

-- Dimensions -----------------------------------------------------------------

COMMENT ON TABLE dim_date IS 'Calendar: one row per day, with financial year and working days.';
COMMENT ON COLUMN dim_date.date_key IS 'The date as a number, yyyymmdd.';
COMMENT ON COLUMN dim_date.date IS 'The day.';
COMMENT ON COLUMN dim_date.day_name IS 'Monday to Sunday.';
COMMENT ON COLUMN dim_date.iso_year IS 'ISO 8601 year the day''s week belongs to.';
COMMENT ON COLUMN dim_date.iso_week IS 'ISO 8601 week number (weeks run Monday to Sunday).';
COMMENT ON COLUMN dim_date.fin_year IS 'Financial year, April to March, written 2026-27.';
COMMENT ON COLUMN dim_date.fin_year_start IS 'Calendar year the financial year starts in.';
COMMENT ON COLUMN dim_date.fin_quarter IS
    'Financial quarter: 1 April to June, 2 July to September, 3 October to December, '
    '4 January to March.';
COMMENT ON COLUMN dim_date.is_weekend IS 'Saturday or Sunday.';
COMMENT ON COLUMN dim_date.is_bank_holiday IS 'An England and Wales bank holiday.';
COMMENT ON COLUMN dim_date.is_working_day IS 'Neither a weekend nor a bank holiday.';
COMMENT ON COLUMN dim_date.working_day_seq IS
    'Working days from the calendar''s first day up to and including this one: the working '
    'days after a start date up to an end date are seq(end) - seq(start).';

COMMENT ON TABLE dim_period IS
    'Reporting periods: days, ISO weeks, months, and financial quarters and years.';
COMMENT ON COLUMN dim_period.period_id IS
    'Frequency and label, such as month:2026-11 or quarter:2026-27-Q3.';
COMMENT ON COLUMN dim_period.frequency IS 'day, week, month, quarter or year.';
COMMENT ON COLUMN dim_period.period_start IS 'First day of the period.';
COMMENT ON COLUMN dim_period.period_end IS
    'Last day of the period; a snapshot counts what is open on this day.';
COMMENT ON COLUMN dim_period.label IS 'How the period is printed: 2026-11, 2026-W45, 2026-27 Q3.';

COMMENT ON TABLE dim_indicator IS
    'The indicator catalogue: every row of the council''s performance appendix, '
    'computed or not.';
COMMENT ON COLUMN dim_indicator.indicator_id IS
    'Stable id: the printed code (CCA4), with .N where a code is printed again (CCA4.2); '
    'a row printed without a code gets a section prefix and a number (WF-01, IA-D1).';
COMMENT ON COLUMN dim_indicator.code IS 'The code as printed in the appendix; empty where none.';
COMMENT ON COLUMN dim_indicator.title IS 'The indicator''s title as printed.';
COMMENT ON COLUMN dim_indicator.section IS 'The appendix section it is listed under.';
COMMENT ON COLUMN dim_indicator.frequency IS
    'How often it is reported: day, week, month, quarter or year.';
COMMENT ON COLUMN dim_indicator.unit IS
    'Unit of value: count, percent (0 to 100), rate_per_10k (per 10,000 children aged 0 to '
    '17), mean_days, mean_weeks, median_days, hours, fte or money.';
COMMENT ON COLUMN dim_indicator.polarity IS
    'Which way is better: higher_better, lower_better or neutral.';
COMMENT ON COLUMN dim_indicator.definition IS 'What is counted, in plain words.';
COMMENT ON COLUMN dim_indicator.numerator IS 'What the numerator counts.';
COMMENT ON COLUMN dim_indicator.denominator IS 'What the denominator counts, if any.';
COMMENT ON COLUMN dim_indicator.period IS
    'What the period counts over: a flow (events in the period), a snapshot (open on its '
    'last day), the financial year to date, or the previous 12 months.';
COMMENT ON COLUMN dim_indicator.authority IS
    'Whose definition this is: Ofsted Annex A guidance, DfE statistics methodology, '
    'or the council''s own.';
COMMENT ON COLUMN dim_indicator.status IS 'computed, or not_computed.';
COMMENT ON COLUMN dim_indicator.status_reason IS 'Why an indicator is not computed.';
COMMENT ON COLUMN dim_indicator.appendix_line IS 'Line of the appendix the row comes from.';
COMMENT ON COLUMN dim_indicator.sort_order IS 'Order of the indicator in the printed scorecard.';

COMMENT ON TABLE dim_breakdown IS
    'Breakdowns of indicator values: all, or one member of one dimension.';
COMMENT ON COLUMN dim_breakdown.breakdown IS
    '''all'', or dimension=member such as brag=Red or site=Burnt Oak.';
COMMENT ON COLUMN dim_breakdown.dimension IS 'The dimension broken down by, or all.';
COMMENT ON COLUMN dim_breakdown.member IS 'The member of that dimension, or all.';

-- Facts ----------------------------------------------------------------------

COMMENT ON TABLE fact_indicator IS
    'Indicator values: one row per indicator, period and breakdown, rebuilt on every run. '
    'A period appears once it has ended and the data cover all of it.';
COMMENT ON COLUMN fact_indicator.indicator_id IS 'The indicator (dim_indicator).';
COMMENT ON COLUMN fact_indicator.period_id IS 'The period (dim_period).';
COMMENT ON COLUMN fact_indicator.breakdown IS 'all, or one member of a breakdown (dim_breakdown).';
COMMENT ON COLUMN fact_indicator.numerator IS
    'Sum of the members'' numerators; empty when a member''s count is unknown.';
COMMENT ON COLUMN fact_indicator.denominator IS
    'Sum of the members'' denominators; for a rate, the 0 to 17 population; '
    'empty for counts and hours.';
COMMENT ON COLUMN fact_indicator.value IS
    'The value in the indicator''s unit (dim_indicator.unit): a percent is 0 to 100, '
    'a rate is per 10,000 children.';
COMMENT ON COLUMN fact_indicator.run_id IS 'The run that computed the value (etl_run).';

COMMENT ON TABLE fact_indicator_member IS
    'The cases behind each indicator value: one row per member of its numerator or '
    'denominator. Children and cases appear only by keyed hash.';
COMMENT ON COLUMN fact_indicator_member.indicator_id IS 'The indicator (dim_indicator).';
COMMENT ON COLUMN fact_indicator_member.period_id IS 'The period (dim_period).';
COMMENT ON COLUMN fact_indicator_member.breakdown IS 'The breakdown the member counts in.';
COMMENT ON COLUMN fact_indicator_member.subject_key IS
    'The child, case or library the row is about. Child identifiers are keyed hashes '
    '(HMAC-SHA-256) of the case system''s id: they join across tables and runs, but the '
    'key to make them is kept outside the warehouse. A case key is the child''s hash '
    'followed by a date.';
COMMENT ON COLUMN fact_indicator_member.numerator IS
    'The member''s part of the numerator (1, days, visits); empty when unknown.';
COMMENT ON COLUMN fact_indicator_member.denominator IS
    'The member''s part of the denominator (1, or 0 for counts).';
COMMENT ON COLUMN fact_indicator_member.decided_on IS 'The date that decided membership.';
COMMENT ON COLUMN fact_indicator_member.note IS 'Why, in a few words (no case values).';

-- Views ----------------------------------------------------------------------

COMMENT ON VIEW indicator_values IS
    'One readable row per indicator value: fact_indicator joined to its indicator and period.';
COMMENT ON COLUMN indicator_values.indicator_id IS 'The indicator (dim_indicator).';
COMMENT ON COLUMN indicator_values.code IS 'The code as printed; empty where none.';
COMMENT ON COLUMN indicator_values.frequency IS 'day, week, month, quarter or year.';
COMMENT ON COLUMN indicator_values.period_start IS 'First day of the period.';
COMMENT ON COLUMN indicator_values.period_end IS
    'Last day of the period; a snapshot counts what is open on this day.';
COMMENT ON COLUMN indicator_values.period_label IS 'The period as printed: 2026-11, 2026-27 Q3.';
COMMENT ON COLUMN indicator_values.breakdown IS 'all, or dimension=member.';
COMMENT ON COLUMN indicator_values.value IS
    'The value in the unit of the column unit: a percent is 0 to 100, a rate is per 10,000 '
    'children aged 0 to 17.';
COMMENT ON COLUMN indicator_values.unit IS
    'count, percent, rate_per_10k, mean_days, mean_weeks, median_days, hours, fte or money.';

COMMENT ON TABLE etl_key IS 'Fingerprint of the identifier key the warehouse was built with (a keyed hash of a fixed label, never the key): a run with another key is refused, as children would stop joining up.';
