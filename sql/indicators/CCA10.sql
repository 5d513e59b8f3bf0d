-- definition:  Referrals to children's social care received in the month per
--              10,000 children aged 0 to 17 living in the council's area. The
--              rate is for the month alone and is not annualised: the twelve
--              monthly rates of a financial year add up to that year's rate.
--              Each referral counts, so a child referred twice in the month
--              counts twice. Referrals are Annex A list 3 rows, one per child,
--              date and source.
-- numerator:   referrals dated in the month
-- denominator: ONS mid-year estimate of the population aged 0 to 17 for the
--              mid-year in which the month's financial year starts (mid-2025
--              for April 2025 to March 2026)
-- period:      monthly flow, by date of referral
-- authority:   DfE children in need statistics methodology (referrals per
--              10,000 children aged under 18); monthly, not annualised, is
--              the council's local variant
-- source:      referrals

WITH final AS (
    SELECT
        p.period_id,
        'all' AS breakdown,
        r.referral_key AS subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        r.referral_date AS decided_on,
        'referral received' AS note
    FROM cm_referral AS r
    INNER JOIN indicator_period AS p
        ON r.referral_date BETWEEN p.period_start AND p.period_end
)

SELECT * FROM final
