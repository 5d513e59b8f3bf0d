-- definition:  The number of items issued by the council's libraries in the
--              financial quarter (April to June is Q1), in total, by site,
--              by borrower type and by stock category. Issues and renewals
--              are counted, as the Libraries Hacked loans schema counts
--              them. The native item-level issues export is counted by the
--              month of each issue's day, so an item issued on 31 March
--              falls in Q4 and one issued on 1 April in Q1 of the next
--              year; it alone gives the borrower type, and where it counts
--              a library it replaces the published counts of that library
--              over the same days. A published count is taken whole into the quarter
--              that holds every day of its counting period (a month, or a
--              quarter). A count whose period straddles two quarters, or is
--              longer than one, cannot be split without guessing: it is not
--              counted in any quarter, so such a quarter's total falls short
--              by it. A count withheld in the export (x, *, c) or left blank
--              makes its site's value, its stock category's value and the
--              total unknown, never a smaller number (a row of the usage
--              file blank in every figure is a closed library's month, not
--              a count). A library that opens or closes within a quarter
--              counts the issues of its open days.
-- numerator:   items issued (loans) of every count whose counting period
--              lies wholly inside the quarter; by site, those of the library
--              (name as written in the latest file, libraries matched by
--              name folding case and spaces); by stock, those of the stock
--              type as the export writes it (Libraries Hacked "Type", the
--              native "Stock category"; the Newcastle files give none); by
--              borrower, those of the borrower category of the native
--              export (the issue row's, else the borrower's registration's,
--              else "Not recorded")
-- denominator: none (a count)
-- period:      financial quarter, flow, by the counting period of each count
-- authority:   local definition (the council's libraries scorecard); counts
--              as read from the Libraries Hacked loans schema (Loans: issues
--              and renewals, by library, month or Count start to Count end,
--              and item Type), Newcastle's long-format usage file (issues)
--              and wide monthly issues files, and the native item-level
--              issues export (docs/native-libraries.md), the same count
--              published twice taken once, most detailed source first
-- source:      library_loans
-- to_date:     yes

WITH counts AS (
    SELECT
        p.period_id,
        l.library_id,
        l.library,
        l.stock_type,
        l.borrower_type,
        l.period_start,
        l.period_end,
        l.loans
    FROM cm_library_loan AS l
    INNER JOIN indicator_period AS p
        ON l.period_start >= p.period_start
        AND l.period_end <= p.period_end
),

members AS (
    SELECT
        period_id,
        'all' AS breakdown,
        library_id,
        stock_type,
        borrower_type,
        period_start,
        period_end,
        loans
    FROM counts
    UNION ALL
    SELECT
        period_id,
        'site=' || library,
        library_id,
        stock_type,
        borrower_type,
        period_start,
        period_end,
        loans
    FROM counts
    UNION ALL
    SELECT
        period_id,
        'stock=' || stock_type,
        library_id,
        stock_type,
        borrower_type,
        period_start,
        period_end,
        loans
    FROM counts
    WHERE stock_type IS NOT NULL
    UNION ALL
    SELECT
        period_id,
        'borrower=' || borrower_type,
        library_id,
        stock_type,
        borrower_type,
        period_start,
        period_end,
        loans
    FROM counts
    WHERE borrower_type IS NOT NULL
),

final AS (
    SELECT
        period_id,
        breakdown,
        library_id || coalesce(' | ' || stock_type, '')
            || coalesce(' | ' || borrower_type, '') AS subject_key,
        CAST(loans AS DOUBLE) AS numerator,
        0.0 AS denominator,
        period_start AS decided_on,
        CASE
            WHEN loans IS NULL THEN 'count withheld or blank in the export'
            ELSE 'loans counted ' || strftime(period_start, '%Y-%m-%d')
                || ' to ' || strftime(period_end, '%Y-%m-%d')
        END AS note
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
