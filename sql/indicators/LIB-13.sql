-- definition:  The number of items added to the libraries' stock in the
--              financial year, in total, by site and by stock category:
--              one per item and day of the movement, as the catalogue
--              records it. An item added twice on different days counts
--              twice.
-- numerator:   items added to stock (by item, movement and day) dated in the year
-- denominator: none (a count)
-- period:      financial year, flow, by the movement date
-- authority:   local definition (the council's libraries scorecard), from
--              the native stock movements export (docs/native-libraries.md);
--              the open data stock summary counts stock held, not movements
-- source:      library_stock_movements
-- to_date:     yes

-- stock_movement_members (sql/model/98_indicator_macros.sql) gives one
-- member per item and day of the movement, in total, by site and by stock
-- category.
SELECT
    period_id,
    breakdown,
    subject_key,
    numerator,
    denominator,
    decided_on,
    note
FROM stock_movement_members('indicator_period', 'Added', 'item added')
