-- definition:  Long-term placement stability: of the children looked after
--              at the end of the month's last day (the CLA1 cohort: short
--              breaks left out, an episode ending that day having ceased)
--              who were under 16 that day and had been looked after
--              continuously for at least 2 years and 6 months (their period
--              of care began on or before the day 30 months before the
--              month's last day), the percentage who had been in the same
--              placement for at least 2 years (it began on or before the day
--              24 months before). A period of care is a run of SSDA903
--              episodes, short breaks left out, each starting the day the one
--              before ended. "The same placement" is read from the episodes
--              as CLA14 reads placements: an episode with reason for new
--              episode S, P, B, T or U begins a new placement, L (legal
--              status change only) does not, and T or U into placement types
--              A3 to A6 (placed for adoption with the carer the child already
--              lives with) does not either, so an adoptive placement with the
--              former foster carer counts together with the foster
--              placement, as DfE allows. T and U (a new placement with the
--              same carer) count as moves here, as in CLA14. Age is taken
--              from the SSDA903 header's date of birth; a child with no date
--              of birth has an unknown member value. Placements and periods
--              of care that began before the first return are known only as
--              far back as the returns go: when a child's first episode in
--              the data began before the first day the returns cover and is
--              not itself a start (of care, or of a placement), the true
--              start is earlier than the data show. That does not matter
--              when the date shown already meets the threshold; when it
--              does not, the child's membership or result is unknown and the
--              member value is NULL, which leaves the month's value unknown
--              rather than wrong.
-- numerator:   children in the cohort in the same placement for 2 years or
--              more
-- denominator: children looked after at the month's last day, aged under 16,
--              looked after continuously for 2.5 years or more
-- period:      snapshot at the last day of the month
-- authority:   DfE children looked after statistics methodology (long-term
--              placement stability, formerly NI 63: under 16 at 31 March,
--              looked after continuously 2.5 years or more, in the same
--              placement 2 years or more, or placed for adoption with that
--              placement and the one before lasting 2 years), applied to
--              every month end
-- source:      cla

WITH current_episode AS (
    SELECT
        p.period_id,
        p.period_end,
        e.child_key,
        e.care_start,
        e.care_start_known,
        e.placement_start,
        e.placement_start_known
    FROM cm_cla_episode AS e
    INNER JOIN indicator_period AS p
        ON e.start_date <= p.period_end
        AND (e.end_date IS NULL OR e.end_date > p.period_end)
    WHERE NOT e.is_short_break
    QUALIFY row_number() OVER (
        PARTITION BY p.period_id, e.child_key ORDER BY e.start_date DESC
    ) = 1
),

-- in_care_long and stable are true, false or NULL (not known from the data).
judged AS (
    SELECT
        c.period_id,
        c.period_end,
        c.child_key,
        c.placement_start,
        ch.birth_date,
        CASE
            WHEN c.care_start <= CAST(c.period_end - INTERVAL 30 MONTH AS DATE) THEN true
            WHEN c.care_start_known THEN false
        END AS in_care_long,
        CASE
            WHEN c.placement_start <= CAST(c.period_end - INTERVAL 24 MONTH AS DATE) THEN true
            WHEN c.placement_start_known THEN false
        END AS stable
    FROM current_episode AS c
    LEFT JOIN cm_child AS ch
        ON ch.child_key = c.child_key
),

cohort AS (
    SELECT
        *
    FROM judged
    WHERE in_care_long IS DISTINCT FROM false
        AND (birth_date IS NULL
            OR birth_date > CAST(period_end - INTERVAL 16 YEAR AS DATE))
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        CASE
            WHEN birth_date IS NULL OR in_care_long IS NULL OR stable IS NULL THEN NULL
            WHEN stable THEN 1.0
            ELSE 0.0
        END AS numerator,
        1.0 AS denominator,
        period_end AS decided_on,
        CASE
            WHEN birth_date IS NULL THEN 'no date of birth'
            WHEN in_care_long IS NULL OR stable IS NULL THEN 'start before the data'
            ELSE 'placement since ' || CAST(placement_start AS VARCHAR)
        END AS note
    FROM cohort
)

SELECT * FROM final
