package extract

func init() { register(outcomeKinds) }

// Code lists of the health, education and care leaver exports
// (docs/native-outcomes.md).
var (
	healthCheckCodes = Codes("health check",
		"HEALTH_ASSESSMENT=Health assessment|Review health assessment|Initial health assessment",
		"DENTAL=Dental check|Dentist",
		"OPTICIAN=Optician|Sight test|Eye test",
		"DEVELOPMENT=Development check|Developmental check",
		"IMMUNISATIONS=Immunisations|Immunisation status",
		"SUBSTANCE_MISUSE=Substance misuse|Substance misuse identified")

	ofstedRatingCodes = Codes("Ofsted rating",
		"1=Outstanding", "2=Good", "3=Requires improvement|Satisfactory",
		"4=Inadequate", "0=Not inspected|No rating")

	exclusionCodes = Codes("exclusion type",
		"FIXED=Fixed term|Fixed-term|Suspension|Fixed period", "PERMANENT=Permanent")

	offendingCodes = Codes("offending outcome",
		"CONVICTION=Convicted|Conviction", "FINAL_WARNING=Final warning",
		"REPRIMAND=Reprimand")

	leaverContactCodes = Codes("care leaver contact type",
		"VISIT=Visit|Face to face visit|Home visit", "OTHER=Other contact|Phone|Telephone|Video")
)

// outcomeKinds are the native exports of looked-after children's health and
// education and of care leavers' contacts and pathway plans, and the
// council-wide GCSE figure kept as reference data. Each carries a name hint,
// so that a file is read as one of them only when its name says what it is.
func outcomeKinds() []*Kind {
	child := func() Column {
		return col("child_key", "Child ID", ID, req|notNull, "Child Unique ID", "CHILD")
	}
	health := kind("cla_health_checks", "native CLA health checks export",
		child(),
		col("check_date", "Check Date", Date, req|notNull, "Date of Check"),
		codeCol("check_type", "Check", healthCheckCodes, req|notNull, "Check Type"),
		codeCol("outcome", "Outcome", yesNoCodes, 0, "Up to Date"),
	)
	health.NameHint = "health"
	sdq := kind("cla_sdq_scores", "native SDQ scores export",
		child(),
		col("sdq_date", "SDQ Date", Date, req|notNull, "Date of SDQ"),
		col("sdq_score", "SDQ Score", Int, req|notNull, "Total Difficulties Score"),
	)
	sdq.NameHint = "sdq"
	pep := kind("cla_peps", "native personal education plans export",
		child(),
		col("meeting_date", "PEP Meeting Date", Date, req),
		col("form_date", "PEP Form Completed Date", Date, req, "PEP Form Date"),
	)
	pep.NameHint = "pep"
	schools := kind("cla_schools", "native schools attended export",
		child(),
		col("school_urn", "School URN", Text, req|notNull, "URN"),
		col("start_date", "School Start Date", Date, req|notNull),
		col("end_date", "School End Date", Date, req),
		codeCol("ofsted_rating", "Ofsted Rating", ofstedRatingCodes, 0,
			"Latest Ofsted Rating"),
	)
	schools.Checks = []Check{{Before: "start_date", After: "end_date"}}
	schools.NameHint = "school"
	exclusions := kind("cla_exclusions", "native school exclusions export",
		child(),
		col("start_date", "Exclusion Start Date", Date, req|notNull),
		codeCol("exclusion_type", "Exclusion Type", exclusionCodes, req|notNull),
		col("sessions", "Sessions", Int, 0),
	)
	exclusions.NameHint = "exclusion"
	attendance := kind("cla_attendance", "native school attendance export",
		child(),
		col("month", "Month", Month, req|notNull),
		col("sessions_possible", "Sessions Possible", Int, req|notNull),
		col("authorised_absence", "Authorised Absence Sessions", Int, req|notNull),
		col("unauthorised_absence", "Unauthorised Absence Sessions", Int, req|notNull),
	)
	attendance.NameHint = "attendance"
	gcse := kind("cla_gcse_results", "native GCSE results export",
		child(),
		col("results_date", "Results Date", Date, req|notNull),
		codeCol("five_a_c_em", "5 or More A*-C Including English and Maths", yesNoCodes,
			req|notNull, "5+ A*-C inc English and Maths"),
	)
	gcse.NameHint = "gcse"
	comparison := kind("gcse_council_comparison",
		"council-wide GCSE attainment (reference)",
		col("academic_year_end", "Academic Year End", Int, req|notNull),
		col("percent_five_a_c_em", "Percent 5 or More A*-C Including English and Maths",
			Percent, req|notNull),
	)
	comparison.NameHint = "gcse"
	offending := kind("cla_offending", "native convictions, final warnings and reprimands export",
		child(),
		col("outcome_date", "Outcome Date", Date, req|notNull),
		codeCol("outcome", "Outcome", offendingCodes, req|notNull),
	)
	offending.NameHint = "offending"
	contacts := kind("care_leaver_contacts", "native care leaver contacts export",
		child(),
		col("contact_date", "Contact Date", Date, req|notNull),
		codeCol("contact_type", "Contact Type", leaverContactCodes, req|notNull),
		codeCol("in_touch", "In Touch", inTouchCodes, req|notNull),
		codeCol("activity", "Activity", activityCodes, 0),
		col("accommodation", "Accommodation", Text, 0),
	)
	contacts.NameHint = "leaver"
	plans := kind("care_leaver_pathway_plans", "native pathway plans export",
		child(),
		col("review_date", "Pathway Plan Review Date", Date, req|notNull),
	)
	plans.NameHint = "pathway"
	return []*Kind{health, sdq, pep, schools, exclusions, attendance, gcse, comparison,
		offending, contacts, plans}
}
