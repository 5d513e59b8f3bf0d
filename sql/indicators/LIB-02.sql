-- definition:  The number of borrowers in the financial quarter: distinct
--              borrowers with at least one item issued (or renewed) in the
--              quarter, in total, by site and by borrower category. This
--              reads the appendix's "No of borrowers" as active borrowers
--              (people who borrowed: public library statistics count active
--              borrowers over a year, this counts them over the quarter),
--              not as cards registered at the quarter end, a number that
--              keeps counting people who no longer use the service. A
--              borrower counts once in the total however many sites they
--              borrow at, and once at each site they borrow at, so the
--              sites add up to more than the total. A borrower's category
--              is the one on their last issue of the quarter (the issue
--              row's, else their registration's, else "Not recorded"), so
--              the categories add up to the total.
-- numerator:   distinct borrowers (keyed) with an issue dated in the
--              quarter; by site, those with an issue at the library; by
--              borrower, those whose last issue of the quarter is of the
--              category
-- denominator: none (a count)
-- period:      financial quarter, flow (activity in the quarter)
-- authority:   local definition (the council's libraries scorecard), from
--              the native item-level issues export and borrower
--              registrations (docs/native-libraries.md); no open library
--              schema identifies borrowers
-- source:      library_issues
-- to_date:     yes

WITH issues AS (
    SELECT
        p.period_id,
        i.borrower_key,
        i.library_id,
        i.library,
        i.borrower_category,
        i.issue_date,
        i.item_key
    FROM cm_library_issue AS i
    INNER JOIN indicator_period AS p
        ON i.issue_date BETWEEN p.period_start AND p.period_end
),

by_borrower AS (
    SELECT
        period_id,
        borrower_key,
        arg_max(borrower_category, (issue_date, item_key)) AS borrower_category,
        min(issue_date) AS first_issue
    FROM issues
    GROUP BY period_id, borrower_key
),

by_site AS (
    SELECT
        period_id,
        borrower_key,
        library_id,
        max(library) AS library,
        min(issue_date) AS first_issue
    FROM issues
    GROUP BY period_id, borrower_key, library_id
),

members AS (
    SELECT
        period_id,
        'all' AS breakdown,
        borrower_key AS subject_key,
        first_issue
    FROM by_borrower
    UNION ALL
    SELECT
        period_id,
        'borrower=' || borrower_category,
        borrower_key,
        first_issue
    FROM by_borrower
    UNION ALL
    SELECT
        period_id,
        'site=' || library,
        borrower_key,
        first_issue
    FROM by_site
),

final AS (
    SELECT
        period_id,
        breakdown,
        subject_key,
        1.0 AS numerator,
        0.0 AS denominator,
        first_issue AS decided_on,
        'borrowed in the quarter' AS note
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
