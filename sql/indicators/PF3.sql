-- definition:  The number of new private fostering notifications received
--              in the month: arrangements in the council's private fostering
--              export whose notification date is in the month. Each
--              notification counts; a child notified twice in the month (two
--              arrangements) counts twice.
-- numerator:   private fostering notifications dated in the month
-- denominator: none (a count)
-- period:      monthly flow, by notification date
-- authority:   DfE private fostering statistics (notifications received in
--              the year), applied to every month
-- source:      private_fostering

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        f.child_key AS subject_key,
        CAST(count(*) AS DOUBLE) AS numerator,
        0.0 AS denominator,
        max(f.notification_date) AS decided_on,
        'private fostering notification' AS note
    FROM cm_private_fostering AS f
    INNER JOIN indicator_period AS p
        ON f.notification_date BETWEEN p.period_start AND p.period_end
    GROUP BY p.period_id, f.child_key
)

SELECT * FROM final
