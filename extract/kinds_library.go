package extract

func init() { register(libraryKinds) }

// Library kinds: the Libraries Hacked open data schemas (loans, physical
// visits, events, membership, stock), their older layouts with counting
// periods as start and end dates, and the wide monthly files councils
// publish with one column per month. Counts may be suppressed (x, *, c):
// they stage as NULL, never as zero.

func libraryName(f flag) Column {
	return col("library", "Library name", Text, f, "Library", "Branch", "Site")
}

func libraryKinds() []*Kind {
	la := col("authority", "Local authority", Text, 0, "Authority")
	visits := kind("library_visits", "library physical visits",
		la, libraryName(req|notNull),
		col("count_start", "Count start", Date, req|notNull),
		col("count_end", "Count end", Date, req|notNull),
		col("count_type", "Count type", Text, 0),
		col("visits", "Visits", Int, req|suppressed),
	)
	visits.Checks = []Check{{Before: "count_start", After: "count_end"}}
	loans := kind("library_loans", "library loans by month",
		la, libraryName(req|notNull),
		col("month", "Month", Month, req|notNull),
		col("stock_type", "Type", Text, 0, "Item type", "Stock type"),
		col("loans", "Loans", Int, req|suppressed, "Issues"),
	)
	loansRange := kind("library_loans_range", "library loans by counting period",
		la, libraryName(req|notNull),
		col("count_start", "Count start", Date, req|notNull),
		col("count_end", "Count end", Date, req|notNull),
		col("stock_type", "Type", Text, 0, "Item type", "Stock type"),
		col("loans", "Loans", Int, req|suppressed, "Issues"),
	)
	loansRange.Checks = []Check{{Before: "count_start", After: "count_end"}}
	events := kind("library_events", "library events",
		la, libraryName(req|notNull),
		col("event_date", "Event date", Date, req|notNull),
		col("event_name", "Name", Text, 0, "Event name"),
		col("main_outcome", "Main outcome", Text, 0, "Outcome"),
		col("secondary_outcome", "Secondary outcome", Text, 0),
		col("attendees", "Attendees", Int, req|suppressed),
	)
	membership := kind("library_membership", "library membership",
		la,
		col("count_date", "Count date", Date, req|notNull),
		col("area_code", "Area code", Text, req),
		col("members", "Members", Int, req|suppressed),
	)
	stock := kind("library_stock", "library stock summary",
		la, libraryName(req|notNull),
		col("count_date", "Count date", Date, req|notNull),
		col("stock_type", "Type", Text, 0),
		col("items", "Items", Int, req|suppressed),
	)
	usage := kind("library_usage", "library monthly usage (long format)",
		libraryName(req|notNull),
		col("month", "month", Month, req|notNull),
		col("enquiries", "enquiries", Int, suppressed),
		col("visits", "visits", Int, req|suppressed),
		col("issues", "issues", Int, req|suppressed),
		col("pc_sessions_pct", "sessions", Percent, suppressed),
	)
	wideVisits := kind("library_visits_wide", "library monthly visits (one column per month)",
		libraryName(req|notNull),
		col("month", "(month)", Month, notNull),
		col("visits", "(visits)", Int, suppressed),
	)
	wideVisits.Wide = &Wide{MonthColumn: "month", ValueColumn: "visits"}
	wideVisits.NameHint = "visit"
	wideIssues := kind("library_issues_wide", "library monthly issues (one column per month)",
		libraryName(req|notNull),
		col("month", "(month)", Month, notNull),
		col("loans", "(issues)", Int, suppressed),
	)
	wideIssues.Wide = &Wide{MonthColumn: "month", ValueColumn: "loans"}
	wideIssues.NameHint = "issue"
	return []*Kind{visits, loans, loansRange, events, membership, stock, usage,
		wideVisits, wideIssues}
}
