-- Looked-after episodes from SSDA903 returns, stitched across years.
--
-- A return is one staged episodes file, or, when the file carries a YEAR
-- column (regional extracts), one year within it. YEAR is the calendar year
-- in which the return's financial year starts (2017 = April 2017 to March
-- 2018). Returns are put in order by the 31 March that ends them: the YEAR's
-- when given, otherwise the one ending the financial year of the latest date
-- in the file; a later file for the same year comes after an earlier one.
--
-- A child appears in every return in which one of their episodes was open,
-- so the same episode arrives several times: an episode still open at 31
-- March has no end in that year's return and gains one in the next. The
-- returns are stitched, child by child, by these rules:
--   replace  a later return's episodes replace the earlier returns' from the
--            later return's first start for the child: an earlier return's
--            episode starting on or after that day is dropped (the same
--            episode in two returns, open in the first and closed in the
--            second, is kept once, from the second); within one return the
--            last row for a start date wins;
--   overlap  an earlier return's episode still open, or ending after the
--            start of the child's next episode in a later return, is closed
--            at that start with reason X1 when the next episode continues
--            care (reason for new episode other than S); when the next
--            episode starts a new period of care (S), it is closed the day
--            before that start, or at the earlier return's 31 March if that
--            comes first, with reason E99 if it was open and its own reason
--            if it was not;
--   gap      an earlier return's episode ending with X1 (a new episode the
--            same day) before the child's next episode in a later return
--            starts, when that episode continues care (not S), is extended
--            to that start: the X1 says care went on;
--   absent   an episode still open at the end of a return, for a child with
--            no episode in any later return covering a later year, is closed
--            at that return's 31 March with reason E99: the later returns
--            list every child looked after during their years.
-- Overlaps and gaps within a single return are left as the return has them.
-- E99 is not a DfE code; the cessation counts count it, with no reason.
-- An open episode's reason ceased is blank, whatever the file holds.
--
-- Short breaks (legal status V3 and V4) are kept here, flagged, because the
-- looked-after counts exclude them as DfE's statistics do while respite
-- measures may need them.
--
-- Two derived dates serve the indicators, both over episodes that are not
-- short breaks:
--   care_start       the first day of the period of care the episode belongs
--                    to: a period is a run of episodes each starting the day
--                    the one before ended;
--   placement_start  the first day of the placement the episode belongs to:
--                    an episode begins a placement when it begins a period of
--                    care, or its reason for new episode is S, P, B, T or U,
--                    except T or U into placement types A3 to A6 (the child
--                    placed for adoption with the carer they already live
--                    with, not a move for DfE); L changes legal status only.
--                    This is the rule CLA14 counts placements by.
-- A period or placement whose first episode in the data began before the
-- first day the returns cover may have begun earlier than the data show
-- (its earlier episodes ended before the first return): care_start_known is
-- false unless that episode is a start (S), and placement_start_known false
-- unless it begins a placement by its own code.

CREATE OR REPLACE TABLE cm_cla_return AS
WITH returns AS (
    SELECT
        _file_id AS file_id,
        return_year,
        max(greatest(decom, coalesce(dec, decom))) AS latest
    FROM stg_ssda903_episodes
    GROUP BY _file_id, return_year
),

dated AS (
    SELECT
        file_id,
        return_year,
        CASE
            WHEN return_year IS NOT NULL THEN make_date(return_year + 1, 3, 31)
            WHEN month(latest) >= 4 THEN make_date(year(latest) + 1, 3, 31)
            ELSE make_date(year(latest), 3, 31)
        END AS year_end
    FROM returns
),

final AS (
    SELECT
        file_id,
        return_year,
        year_end,
        row_number() OVER (ORDER BY year_end, file_id) AS return_no
    FROM dated
)

SELECT * FROM final;

CREATE OR REPLACE TABLE cm_cla_episode AS
WITH raw AS (
    SELECT
        e.child_key,
        e.decom,
        e.dec,
        e.rne,
        e.legal_status,
        e.category_of_need,
        e.place,
        e.place_provider,
        CASE WHEN e.dec IS NOT NULL THEN e.rec END AS rec,
        e.reason_place_change,
        r.return_no,
        r.year_end
    FROM stg_ssda903_episodes AS e
    INNER JOIN cm_cla_return AS r
        ON r.file_id = e._file_id
        AND r.return_year IS NOT DISTINCT FROM e.return_year
    QUALIFY row_number() OVER (
        PARTITION BY e.child_key, r.return_no, e.decom ORDER BY e._line DESC
    ) = 1
),

firsts AS (
    SELECT
        child_key,
        return_no,
        min(decom) AS first_start
    FROM raw
    GROUP BY child_key, return_no
),

kept AS (
    SELECT
        raw.*
    FROM raw
    WHERE NOT EXISTS (
        SELECT 1
        FROM firsts AS f
        WHERE f.child_key = raw.child_key
            AND f.return_no > raw.return_no
            AND f.first_start <= raw.decom
    )
),

linked AS (
    SELECT
        k.*,
        lead(k.decom) OVER w AS next_start,
        lead(k.rne) OVER w AS next_rne,
        lead(k.return_no) OVER w AS next_return,
        EXISTS (
            SELECT 1
            FROM cm_cla_return AS later
            WHERE later.year_end > k.year_end
        ) AS superseded
    FROM kept AS k
    WINDOW w AS (PARTITION BY k.child_key ORDER BY k.decom)
),

ruled AS (
    SELECT
        *,
        CASE
            WHEN next_return > return_no
                AND (dec IS NULL OR dec > next_start)
                AND next_rne = 'S' THEN 'overlap_new_start'
            WHEN next_return > return_no
                AND (dec IS NULL OR dec > next_start) THEN 'overlap'
            WHEN next_return > return_no
                AND dec < next_start
                AND rec = 'X1'
                AND next_rne <> 'S' THEN 'gap'
            WHEN next_start IS NULL
                AND dec IS NULL
                AND superseded THEN 'absent'
        END AS stitch_rule
    FROM linked
),

stitched AS (
    SELECT
        *,
        CASE stitch_rule
            WHEN 'overlap_new_start' THEN
                CASE WHEN dec IS NULL THEN least(year_end, CAST(next_start - 1 AS DATE))
                    ELSE CAST(next_start - 1 AS DATE) END
            WHEN 'overlap' THEN next_start
            WHEN 'gap' THEN next_start
            WHEN 'absent' THEN year_end
            ELSE dec
        END AS end_date,
        CASE stitch_rule
            WHEN 'overlap_new_start' THEN coalesce(rec, 'E99')
            WHEN 'overlap' THEN 'X1'
            WHEN 'gap' THEN 'X1'
            WHEN 'absent' THEN 'E99'
            ELSE rec
        END AS reason_ceased
    FROM ruled
),

-- Periods of care and placements, short breaks left out.
care AS (
    SELECT
        child_key,
        decom,
        rne,
        place,
        lag(end_date) OVER (PARTITION BY child_key ORDER BY decom) AS previous_end
    FROM stitched
    WHERE legal_status NOT IN ('V3', 'V4')
),

marked AS (
    SELECT
        *,
        CASE WHEN previous_end IS DISTINCT FROM decom THEN 1 ELSE 0 END AS begins_care,
        CASE
            WHEN previous_end IS DISTINCT FROM decom THEN 1
            WHEN rne IN ('T', 'U') AND place IN ('A3', 'A4', 'A5', 'A6') THEN 0
            WHEN rne IN ('S', 'P', 'B', 'T', 'U') THEN 1
            ELSE 0
        END AS begins_placement
    FROM care
),

numbered AS (
    SELECT
        *,
        sum(begins_care) OVER w AS care_no,
        sum(begins_placement) OVER w AS placement_no
    FROM marked
    WINDOW w AS (
        PARTITION BY child_key ORDER BY decom
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    )
),

-- The first day the returns cover: 1 April of the financial year of the
-- earliest end a return holds (see cm_cla_window below).
first_day AS (
    SELECT
        CASE
            WHEN month(min(dec)) >= 4 THEN make_date(year(min(dec)), 4, 1)
            ELSE make_date(year(min(dec)) - 1, 4, 1)
        END AS day
    FROM raw
),

starts AS (
    SELECT
        n.child_key,
        n.decom,
        n.placement_no,
        first(n.decom) OVER care AS care_start,
        first(n.rne = 'S' OR n.decom >= f.day) OVER care AS care_start_known,
        first(n.decom) OVER placement AS placement_start,
        first(
            n.decom >= f.day
            OR (n.rne IN ('S', 'P', 'B', 'T', 'U')
                AND NOT (n.rne IN ('T', 'U') AND n.place IN ('A3', 'A4', 'A5', 'A6')))
        ) OVER placement AS placement_start_known
    FROM numbered AS n
    CROSS JOIN first_day AS f
    WINDOW
        care AS (PARTITION BY n.child_key, n.care_no ORDER BY n.decom),
        placement AS (PARTITION BY n.child_key, n.placement_no ORDER BY n.decom)
),

final AS (
    SELECT
        s.child_key,
        s.decom AS start_date,
        s.end_date,
        s.rne,
        s.legal_status,
        s.category_of_need,
        s.place,
        s.place_provider,
        s.reason_ceased,
        s.reason_place_change,
        s.legal_status IN ('V3', 'V4') AS is_short_break,
        c.care_start,
        c.care_start_known,
        c.placement_no,
        c.placement_start,
        c.placement_start_known,
        s.return_no,
        s.stitch_rule
    FROM stitched AS s
    LEFT JOIN starts AS c
        ON c.child_key = s.child_key
        AND c.decom = s.decom
)

SELECT * FROM final;

-- Statutory reviews from the returns, once per child and day.
CREATE OR REPLACE TABLE cm_cla_review AS
SELECT DISTINCT
    child_key,
    review_date
FROM stg_ssda903_reviews;

-- The first day the returns cover: 1 April of the financial year of the
-- earliest end any return holds, as for coverage below. A period of care
-- that began before it may have had reviews and placements the data do not
-- hold.
CREATE OR REPLACE TABLE cm_cla_window AS
SELECT
    CASE
        WHEN min(dec) IS NULL THEN NULL
        WHEN month(min(dec)) >= 4 THEN make_date(year(min(dec)), 4, 1)
        ELSE make_date(year(min(dec)) - 1, 4, 1)
    END AS first_day
FROM stg_ssda903_episodes;

-- Coverage (see 99_coverage.sql): returns list every episode open in their
-- year, so the first return's year is found from the earliest end of an
-- episode a return holds (its financial year's 1 April), and the last from
-- the latest date a return holds; ends made by stitching are not in any
-- return and count for neither. Placement moves are counted over the
-- 12 months ending at a month end: cla_12m is cla less its first 11 months.
INSERT INTO cm_coverage_span (domain, first_event, last_event)
SELECT
    'cla',
    (SELECT first_day FROM cm_cla_window),
    max(greatest(decom, coalesce(dec, decom)))
FROM stg_ssda903_episodes;

INSERT INTO cm_coverage_lookback
VALUES
    ('cla_12m', 'cla', 11);
