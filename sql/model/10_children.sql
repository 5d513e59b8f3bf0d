-- Children: one row per keyed child, from every file that describes one.
-- Later files win over earlier ones; the SSDA903 header wins over Annex A,
-- whose child details are a by-product of each list.

CREATE OR REPLACE TABLE cm_child AS
WITH described AS (
    SELECT child_key, birth_date, sex AS gender, ethnicity, 1 AS rank, _file_id, _line
    FROM stg_ssda903_header
    UNION ALL
    SELECT child_key, birth_date, gender, ethnicity, 2, _file_id, _line FROM stg_annexa_l1
    UNION ALL
    SELECT child_key, birth_date, gender, ethnicity, 2, _file_id, _line FROM stg_annexa_l3
    UNION ALL
    SELECT child_key, birth_date, gender, ethnicity, 2, _file_id, _line FROM stg_annexa_l4
    UNION ALL
    SELECT child_key, birth_date, gender, ethnicity, 2, _file_id, _line FROM stg_annexa_l5
    UNION ALL
    SELECT child_key, birth_date, gender, ethnicity, 2, _file_id, _line FROM stg_annexa_l7
),

final AS (
    SELECT
        child_key,
        birth_date,
        gender,
        ethnicity
    FROM described
    QUALIFY row_number() OVER (
        PARTITION BY child_key
        ORDER BY rank, _file_id DESC, _line DESC
    ) = 1
)

SELECT * FROM final;
