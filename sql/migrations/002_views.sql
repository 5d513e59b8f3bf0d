-- 002: views for analysts.

-- One readable row per indicator value.
CREATE OR REPLACE VIEW indicator_values AS
SELECT
    f.indicator_id,
    i.code,
    i.title,
    i.frequency,
    p.period_start,
    p.period_end,
    p.label AS period_label,
    f.breakdown,
    f.numerator,
    f.denominator,
    f.value,
    i.unit,
    f.to_date
FROM fact_indicator AS f
INNER JOIN dim_indicator AS i
    ON i.indicator_id = f.indicator_id
INNER JOIN dim_period AS p
    ON p.period_id = f.period_id;
