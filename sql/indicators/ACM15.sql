-- definition:  Of the children on a child in need plan at the end of the
--              month's last day (the ACM11 rule) whose case was not held by
--              the disabled children's team that day, the number and
--              percentage whose plan had been open for longer than 9 months:
--              it started before the same day 9 months earlier (a plan started
--              on 30/04/2025 has been open exactly 9 months on 31/01/2026 and
--              is not counted; one started on 29/04/2025 is). Where a child
--              has two plans open, the earlier start counts. The team holding
--              a case on a day is the allocation (native allocations export)
--              that started on or before it and ended on or after it, the
--              latest-starting where rows overlap; a team is the disabled
--              children's team (DCT) when its name contains a pattern of
--              cm_dct_team_pattern, ignoring case (default 'Disab', replaced
--              by the latest dct_teams file in the inbox). The appendix says
--              "CIN episodes"; the open CIN plan is used, as for ACM11.
-- numerator:   children in the denominator whose plan started more than 9
--              months before the month's last day
-- denominator: children on a CIN plan at the month's last day, not held by the
--              DCT that day
-- period:      snapshot at the last day of the month
-- authority:   local measure (the council's 9-month threshold); plans follow
--              the DfE children in need census
-- source:      cin_plans, allocations

-- cin_plan_cohort (sql/model/98_indicator_macros.sql) returns the children on
-- a CIN plan at each period's last day, with the team and worker holding the
-- case that day (is_dct, has_allocation, worker_key).
WITH cohort AS (
    SELECT * FROM cin_plan_cohort('indicator_period')
),

final AS (
    SELECT
        period_id,
        'all' AS breakdown,
        child_key AS subject_key,
        CASE WHEN CAST(plan_start + INTERVAL 9 MONTH AS DATE) < period_end THEN 1.0
            ELSE 0.0 END AS numerator,
        1.0 AS denominator,
        period_end AS decided_on,
        CASE WHEN CAST(plan_start + INTERVAL 9 MONTH AS DATE) < period_end
            THEN 'open longer than 9 months' ELSE 'open 9 months or less' END AS note
    FROM cohort
    WHERE NOT is_dct
)

SELECT * FROM final
