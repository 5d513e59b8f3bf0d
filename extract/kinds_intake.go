package extract

func init() { register(intakeKinds) }

// intakeKinds are the native exports of the front door and early help that
// Annex A lacks (docs/native-intake.md): early help (CAF) episodes with how
// they began and ended, and single assessments with their type and outcome.
func intakeKinds() []*Kind {
	caf := kind("caf_episodes", "native early help (CAF) episodes export",
		col("episode_key", "Episode ID", ID, req|notNull, "CAF Episode ID", "Early Help Episode ID"),
		col("child_key", "Child ID", ID, req|notNull, "Child Unique ID", "Person ID"),
		col("start_date", "Episode Start Date", Date, req|notNull, "CAF Start Date", "Start Date"),
		codeCol("route", "Referral Route", cafRouteCodes, req, "Route"),
		col("agreed_date", "Assessment Agreed Date", Date, req,
			"Management Agreement Date", "CAF Assessment Completed Date"),
		col("closure_date", "Episode Closure Date", Date, req, "CAF Closure Date", "Closure Date"),
		codeCol("closure_reason", "Closure Reason", cafClosureCodes, 0),
	)
	caf.Checks = []Check{
		{Before: "start_date", After: "agreed_date"},
		{Before: "start_date", After: "closure_date"},
	}

	asmt := kind("assessments", "native single assessments export",
		col("assessment_key", "Assessment ID", ID, req|notNull),
		col("child_key", "Child ID", ID, req|notNull, "Child Unique ID", "Person ID"),
		col("start_date", "Assessment Start Date", Date, req|notNull),
		col("authorised_date", "Assessment Authorisation Date", Date, req, "Authorisation Date"),
		codeCol("assessment_type", "Assessment Type", assessmentTypeCodes, req, "Type"),
		codeCol("outcome", "Assessment Outcome", assessmentOutcomeCodes, req, "Outcome"),
	)
	asmt.Checks = []Check{{Before: "start_date", After: "authorised_date"}}
	return []*Kind{caf, asmt}
}
