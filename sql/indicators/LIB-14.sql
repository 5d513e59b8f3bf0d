-- definition:  The number of items withdrawn (deleted) from the libraries'
--              stock in the financial year, in total, by site and by stock
--              category:
--              one per item and day of the movement, as the catalogue
--              records it. An item withdrawn twice on different days counts
--              twice.
-- numerator:   items withdrawn (by item, movement and day) dated in the year
-- denominator: none (a count)
-- period:      financial year, flow, by the movement date
-- authority:   local definition (the council's libraries scorecard), from
--              the native stock movements export (docs/native-libraries.md);
--              the open data stock summary counts stock held, not movements
-- source:      library_stock_movements
-- to_date:     yes

WITH moved AS (
    SELECT
        p.period_id,
        m.item_key,
        m.movement_date,
        m.library,
        m.stock_category
    FROM cm_library_stock_movement AS m
    INNER JOIN indicator_period AS p
        ON m.movement_date BETWEEN p.period_start AND p.period_end
    WHERE m.movement = 'Withdrawn'
),

members AS (
    SELECT
        'all' AS breakdown,
        *
    FROM moved
    UNION ALL
    SELECT
        'site=' || library,
        *
    FROM moved
    UNION ALL
    SELECT
        'stock=' || stock_category,
        *
    FROM moved
),

final AS (
    SELECT
        period_id,
        breakdown,
        item_key || ' | ' || strftime(movement_date, '%Y-%m-%d') AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        movement_date AS decided_on,
        'item withdrawn' AS note
    FROM members
)

SELECT
    period_id,
    breakdown,
    subject_key,
    numerator,
    denominator,
    decided_on,
    note
FROM final
