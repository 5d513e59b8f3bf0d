package extract

func init() { register(planningKinds) }

// Code lists of the planning exports (docs/native-planning.md).
var (
	// cinCaseTypeCodes are the council's categories of a child in need case
	// that the scorecard leaves out of some measures: a direct care package
	// held by the disabled children's team, the council's S18 cases and
	// transitions to adult services.
	cinCaseTypeCodes = Codes("CIN case type",
		"CIN=Child in need|Standard",
		"DCP=Direct care package|Direct Care Package|DC package",
		"S18=Section 18|S 18",
		"TRANS=Transitions|Transition|Trans")

	finalOrderCodes = Codes("final order of care proceedings",
		"CO=Care order", "SO=Supervision order", "PO=Placement order",
		"SGO=Special guardianship order", "CAO=Child arrangements order",
		"NOO=No order", "WD=Withdrawn")

	applicationTypeCodes = Codes("CAFCASS application type",
		"CARE=Care order|Care", "SUPERVISION=Supervision order|Supervision")
)

// planningKinds are the native exports of the intervention and planning
// measures: CIN plans, case allocations, visits, reviews, the legal
// proceedings and the disabled children's team pattern.
func planningKinds() []*Kind {
	child := func() Column {
		return col("child_key", "Child ID", ID, req|notNull, "Child Unique ID", "Person ID")
	}
	cinPlans := kind("cin_plans", "native CIN plans export",
		col("plan_key", "CIN Plan ID", ID, req|notNull),
		child(),
		col("start_date", "CIN Plan Start Date", Date, req|notNull),
		col("end_date", "CIN Plan End Date", Date, req),
		codeCol("case_type", "Case Type", cinCaseTypeCodes, 0),
	)
	cinPlans.Checks = []Check{{Before: "start_date", After: "end_date"}}

	allocations := kind("allocations", "native case allocations export",
		child(),
		col("start_date", "Allocation Start Date", Date, req|notNull),
		col("end_date", "Allocation End Date", Date, req),
		col("team", "Allocated Team", Text, req|notNull),
		col("worker_key", "Allocated Worker", ID, req),
	)
	allocations.Checks = []Check{{Before: "start_date", After: "end_date"}}

	cpVisits := kind("cp_visits", "native child protection visits export",
		child(),
		col("visit_date", "CP Visit Date", Date, req|notNull),
		codeCol("seen_alone", "Child Seen Alone", yesNoCodes, 0, "Seen Alone"),
	)
	cinVisits := kind("cin_visits", "native children in need visits export",
		child(),
		col("visit_date", "CIN Visit Date", Date, req|notNull),
		codeCol("seen_alone", "Child Seen Alone", yesNoCodes, 0, "Seen Alone"),
	)
	cpReviews := kind("cp_reviews", "native child protection review conferences export",
		child(),
		col("review_date", "CP Review Conference Date", Date, req|notNull),
	)
	cinReviews := kind("cin_reviews", "native children in need reviews export",
		child(),
		col("review_date", "CIN Review Date", Date, req|notNull),
	)

	plo := kind("plo", "native public law outline (pre-proceedings) export",
		col("plo_key", "PLO ID", ID, req|notNull),
		child(),
		col("start_date", "PLO Start Date", Date, req|notNull),
		col("end_date", "PLO End Date", Date, req),
	)
	plo.Checks = []Check{{Before: "start_date", After: "end_date"}}

	proceedings := kind("care_proceedings", "native care proceedings export",
		col("proceedings_key", "Proceedings ID", ID, req|notNull),
		child(),
		col("issue_date", "Issue Date", Date, req|notNull),
		col("final_hearing_date", "Final Hearing Date", Date, req),
		codeCol("exception", "Exception to Timescale", yesNoCodes, req, "Exception"),
		codeCol("final_order", "Final Order", finalOrderCodes, 0),
	)
	proceedings.Checks = []Check{{Before: "issue_date", After: "final_hearing_date"}}

	supervision := kind("supervision_orders", "native supervision orders export",
		child(),
		col("start_date", "Order Start Date", Date, req|notNull),
		col("end_date", "Order End Date", Date, req),
	)
	supervision.Checks = []Check{{Before: "start_date", After: "end_date"}}

	cafcass := kind("cafcass_applications", "native CAFCASS care applications export",
		col("application_key", "Application ID", ID, req|notNull),
		child(),
		col("application_date", "Application Date", Date, req|notNull),
		codeCol("application_type", "Application Type", applicationTypeCodes, 0),
	)

	dctTeams := kind("dct_teams", "disabled children's team names (reference)",
		col("pattern", "Team Name Contains", Text, req|notNull),
	)
	return []*Kind{cinPlans, allocations, cpVisits, cinVisits, cpReviews, cinReviews,
		plo, proceedings, supervision, cafcass, dctTeams}
}
