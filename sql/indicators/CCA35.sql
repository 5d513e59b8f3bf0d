-- definition:  The percentage of section 47 enquiries started in the month
--              that led to a child in need plan: a CIN plan of the same child
--              (native CIN plans export, any case type) starting on or after
--              the strategy discussion that started the enquiry and no more
--              than 3 calendar months after it. An enquiry whose initial
--              conference made a child protection plan led to that plan, not
--              to a CIN plan, and is never counted as leading to one (a CIN
--              plan after the CP plan ends is a step down). Every enquiry of
--              the month is in the denominator, whatever its outcome. The 3
--              months allow for the assessment that decides the plan (up to
--              45 working days, more when late) and the plan's first
--              meeting. No national definition exists; this is the
--              council's. A month's value is known only when the CIN plans
--              export reaches 3 months past the month's end; before that
--              the month has no value (NULL), as a plan still to come would
--              otherwise be counted as no plan.
-- numerator:   enquiries started in the month followed within 3 months by a
--              CIN plan, their conference (if any) having made no CP plan
-- denominator: enquiries started in the month
-- period:      monthly cohort, by date of the strategy discussion
-- authority:   local definition (the council's scorecard); the enquiry is as
--              Annex A list 5 records it
-- source:      s47, cin_plans

WITH plans_known_to AS (
    SELECT last_date
    FROM cm_coverage
    WHERE domain = 'cin_plans'
),

enquiries AS (
    SELECT
        p.period_id,
        p.period_end,
        s.s47_key,
        s.strategy_date,
        coalesce(s.icpc_to_plan = 'Y', false) AS cp_plan,
        EXISTS (
            SELECT 1
            FROM cm_cin_plan AS c
            WHERE c.child_key = s.child_key
                AND c.start_date >= s.strategy_date
                AND c.start_date <= CAST(s.strategy_date + INTERVAL 3 MONTH AS DATE)
        ) AS cin_plan
    FROM cm_s47 AS s
    INNER JOIN indicator_period AS p
        ON s.strategy_date BETWEEN p.period_start AND p.period_end
),

final AS (
    SELECT
        e.period_id,
        'all' AS breakdown,
        e.s47_key AS subject_key,
        CASE
            WHEN e.cin_plan AND NOT e.cp_plan THEN 1.0
            WHEN CAST(e.period_end + INTERVAL 3 MONTH AS DATE) > k.last_date THEN NULL
            ELSE 0.0
        END AS numerator,
        1.0 AS denominator,
        e.strategy_date AS decided_on,
        CASE
            WHEN e.cin_plan AND NOT e.cp_plan THEN 'CIN plan within 3 months'
            WHEN e.cp_plan THEN 'child protection plan at the ICPC'
            WHEN CAST(e.period_end + INTERVAL 3 MONTH AS DATE) > k.last_date
                THEN 'too recent to know'
            ELSE 'no CIN plan within 3 months'
        END AS note
    FROM enquiries AS e
    CROSS JOIN plans_known_to AS k
)

SELECT * FROM final
