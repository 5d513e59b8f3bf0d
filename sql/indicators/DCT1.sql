-- definition:  The ACM11 count (children on a CIN plan at the end of the
--              month's last day) restricted to children allocated to the
--              disabled children's team on that day. The team holding a case
--              on a day is the allocation (native allocations export) that
--              started on or before it and ended on or after it, the
--              latest-starting where rows overlap. A team is the disabled
--              children's team (DCT) when its name contains one of the
--              patterns of cm_dct_team_pattern, ignoring case: by default
--              'Disab', replaced by the patterns of the latest dct_teams file
--              dropped in the inbox. A child with no allocation that day is
--              not a DCT case. A child moving into or out of the team is
--              judged by the team on the month's last day.
-- numerator:   children with a CIN plan open at the month's last day whose
--              case was held by the disabled children's team that day
-- denominator: none (a count)
-- period:      snapshot at the last day of the month
-- authority:   local measure (the council's allocation records); the plan
--              follows the DfE children in need census
-- source:      cin_plans, allocations

-- cin_plan_cohort (sql/model/98_indicator_macros.sql) returns the children on
-- a CIN plan at each period's last day, with the team holding the case that
-- day (is_dct: the disabled children's team).
WITH cohort AS (
    SELECT * FROM cin_plan_cohort('indicator_period')
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        period_end AS decided_on,
        'DCT case on a CIN plan at the month end' AS note
    FROM cohort
    WHERE is_dct
)

SELECT * FROM final
