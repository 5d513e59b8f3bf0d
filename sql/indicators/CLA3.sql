-- definition:  The number of remands to custody that began in the month. A
--              remand to custody is read from the SSDA903 episodes: legal
--              status J1 (remanded to local authority accommodation or to
--              youth detention accommodation) in placement type R5 (young
--              offender institution or prison, which in the return covers
--              secure training centres) or K1 (secure children's home), the
--              youth detention settings. A J1 in any other placement is a
--              remand to local authority accommodation and is not counted.
--              A remand begins with an episode in custody on J1 that does not
--              continue one: the child's episode before it, ending the day it
--              began, was not itself J1 in custody, so moving between secure
--              settings on the same remand counts once. Each remand counts;
--              a child remanded twice in the month counts twice. The J codes
--              are enough here: no native export is needed.
-- numerator:   remands to custody beginning in the month
-- denominator: none (a count)
-- period:      monthly flow, by the start of the remand
-- authority:   SSDA903 legal status and placement codes (DfE children looked
--              after return guidance); reading J1 in R5 or K1 as custody is
--              the council's choice written here
-- source:      cla

WITH episodes AS (
    SELECT
        child_key,
        start_date,
        legal_status = 'J1' AND place IN ('R5', 'K1') AS in_custody,
        lag(end_date) OVER w AS previous_end,
        lag(legal_status = 'J1' AND place IN ('R5', 'K1')) OVER w AS previous_in_custody
    FROM cm_cla_episode
    WINDOW w AS (PARTITION BY child_key ORDER BY start_date)
),

remands AS (
    SELECT
        child_key,
        start_date
    FROM episodes
    WHERE in_custody
        AND NOT (previous_end = start_date AND coalesce(previous_in_custody, false))
),

final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        r.child_key AS subject_key,
        CAST(count(*) AS DOUBLE) AS numerator,
        0.0 AS denominator,
        min(r.start_date) AS decided_on,
        'remanded to custody' AS note
    FROM remands AS r
    INNER JOIN indicator_period AS p
        ON r.start_date BETWEEN p.period_start AND p.period_end
    GROUP BY p.period_id, r.child_key
)

SELECT * FROM final
