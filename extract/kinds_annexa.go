package extract

func init() { register(annexAKinds) }

// Annex A lists as one CSV per list, with the headings of Ofsted's template.
// Lists 1 to 10 open with the child's details; lists 4 to 10 add disability;
// lists 3 to 8 close with the allocated team and worker. The worker is
// staged as a keyed hash, as a name must not reach the warehouse.

func annexAChild(disability bool) []Column {
	cols := []Column{
		col("child_key", "Child Unique ID", ID, req|notNull, "Child ID", "ChildUniqueID"),
		codeCol("gender", "Gender", genderCodes, 0, "Sex"),
		codeCol("ethnicity", "Ethnicity", ethnicityCodes, 0),
		col("birth_date", "Date of Birth", Date, 0, "DOB"),
		col("age", "Age of Child (Years)", Number, 0, "Age", "Age of Child"),
	}
	if disability {
		cols = append(cols, codeCol("disability", "Does the Child have a Disability",
			yesNoCodes, 0, "Disability"))
	}
	return cols
}

func allocation() []Column {
	return []Column{
		col("allocated_team", "Allocated Team", Text, 0),
		col("allocated_worker", "Allocated Worker", ID, 0),
	}
}

func annexA(name, title string, disability, allocated bool, cols ...Column) *Kind {
	all := append(annexAChild(disability), cols...)
	if allocated {
		all = append(all, allocation()...)
	}
	return kind(name, title, all...)
}

func annexAKinds() []*Kind {
	l1 := annexA("annexa_l1", "Annex A list 1: contacts", false, false,
		col("contact_date", "Date of Contact", Date, req|notNull),
		codeCol("source", "Contact Source", sourceCodes, 0),
	)
	l2 := annexA("annexa_l2", "Annex A list 2: early help", false, false,
		col("start_date", "Assessment start date", Date, req|notNull),
		col("completion_date", "Assessment completion date", Date, 0),
		col("organisation", "Organisation completing assessment", Text, 0),
	)
	l2.Checks = []Check{{Before: "start_date", After: "completion_date"}}
	l3 := annexA("annexa_l3", "Annex A list 3: referrals", false, true,
		col("referral_date", "Date of referral", Date, req|notNull),
		codeCol("source", "Referral Source", sourceCodes, 0),
		codeCol("nfa", "Referral NFA?", yesNoCodes, 0, "Referral NFA"),
		col("referrals_last_12m", "Number of Referrals in Last 12 Months", Int, 0),
	)
	l4 := annexA("annexa_l4", "Annex A list 4: assessments", true, true,
		col("start_date", "Continuous Assessment Start Date", Date, req|notNull,
			"Assessment start date"),
		codeCol("child_seen", "Child Seen During Continuous Assessment", yesNoCodes, 0),
		col("authorised_date", "Continuous Assessment Date of Authorisation", Date, req,
			"Assessment authorisation date"),
		codeCol("needs_support", "Was the child assessed as requiring LA children's social care support?",
			assessedSupportCodes, 0),
	)
	l4.Checks = []Check{{Before: "start_date", After: "authorised_date"}}
	l5 := annexA("annexa_l5", "Annex A list 5: section 47 enquiries and ICPCs", true, true,
		col("strategy_date", "Strategy discussion initiating Section 47 Enquiry Start Date",
			Date, req|notNull, "Section 47 Enquiry Start Date", "S47 start date"),
		codeCol("icpc_unnecessary", "Was an Initial Child Protection Conference deemed unnecessary?",
			yesNoCodes, 0),
		col("icpc_date", "Date of Initial Child Protection Conference", Date, 0),
		codeCol("icpc_to_plan", "Did the Initial Child Protection Conference Result in a Child Protection Plan",
			yesNoCodes, 0),
		col("s47_last_12m", "Number of Section 47 Enquiries in the last 12 months", Int, 0),
		col("icpc_last_12m", "Number of ICPCs in the last 12 months", Int, 0),
	)
	l6 := annexA("annexa_l6", "Annex A list 6: children in need", true, true,
		col("cin_start_date", "CIN Start Date", Date, req|notNull),
		codeCol("primary_need", "Primary Need Code", needCodes, 0),
		col("last_seen_date", "Date Child Was Last Seen", Date, 0),
		col("cin_closure_date", "CIN Closure Date", Date, 0),
		col("closure_reason", "Reason for Closure", Text, 0),
		codeCol("case_status", "Case Status", caseStatusCodes, 0),
	)
	l6.Checks = []Check{{Before: "cin_start_date", After: "cin_closure_date"}}
	l7 := annexA("annexa_l7", "Annex A list 7: child protection", true, true,
		col("plan_start_date", "Child Protection Plan Start Date", Date, req|notNull),
		codeCol("initial_category", "Initial Category of Abuse", abuseCategoryCodes, 0),
		codeCol("latest_category", "Latest Category of Abuse", abuseCategoryCodes, 0),
		col("last_visit_date", "Date of the Last Statutory Visit", Date, 0),
		codeCol("seen_alone", "Was the Child Seen Alone?", yesNoCodes, 0),
		col("latest_review_date", "Date of latest review conference", Date, 0),
		col("plan_end_date", "Child Protection Plan End Date", Date, 0),
		codeCol("emergency_order", "Subject to Emergency Protection Order or Protected Under Police Powers "+
			"in Last Six Months (Y/N)",
			yesNoCodes, 0),
		col("previous_plans", "Number of Previous Child Protection Plans", Int, 0),
	)
	l7.Checks = []Check{{Before: "plan_start_date", After: "plan_end_date"}}
	l8 := annexA("annexa_l8", "Annex A list 8: children looked after", true, true,
		codeCol("uasc", "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
			yesNoCodes, 0),
		col("start_date", "Date Started to be Looked After", Date, req|notNull),
		codeCol("category_of_need", "Child's Category of Need", needCodes, 0),
		codeCol("second_period", "Is this a second or subsequent period of being a Looked After Child "+
			"within the last 12 months (Y/N)",
			yesNoCodes, 0),
		col("legal_status_start", "Start date of current legal status", Date, 0),
		codeCol("legal_status", "Child's Legal Status", legalStatusCodes, 0),
		col("latest_review_date", "Date of Latest Statutory Review", Date, 0),
		col("last_visit_date", "Date of Last Social Work Visit", Date, 0),
		col("permanence_plan", "What is the permanence plan for this child?", Text, 0),
		col("last_iro_contact", "Date of Last IRO Visit / Contact to the Child", Date, 0),
		col("last_health_assessment", "Date of Last Health Assessment", Date, 0),
		col("last_dental_check", "Date of Last Dental Check", Date, 0),
		col("placements_last_12m", "Number of Placements in the Last 12 months", Int, 0),
		col("ceased_date", "Date Ceased to be Looked After", Date, 0),
		codeCol("reason_ceased", "Reason Ceased to be Looked After", reasonCeasedCodes, 0),
		col("placement_start", "Start Date of Most Recent Placement", Date, 0),
		codeCol("placement_type", "Placement Type", placementCodes, 0),
		codeCol("placement_provider", "Placement Provider", providerCodes, 0),
		col("placement_district", "Placement postcode", Postcode, 0),
		col("placement_urn", "URN of Placement", Text, 0),
		col("placement_location", "Placement Location", Text, 0),
		col("placement_la", "LA of Placement", Text, 0),
		col("missing_episodes", "Number of Episodes the Child has been 'Missing' from their "+
			"Placement in the last 12 months", Int, 0),
		col("absent_episodes", "Number of episodes the child has been 'Absent' from their "+
			"placement in the last 12 months", Int, 0),
		codeCol("rhi_offered", "Was the child offered a Return Interview after their last missing episode (Y/N)?",
			yesNoCodes, 0),
		codeCol("rhi_accepted", "Did the child accept a Return Interview after their last missing episode (Y/N)?",
			yesNoCodes, 0),
	)
	l8.Checks = []Check{{Before: "start_date", After: "ceased_date"}}
	l9 := annexA("annexa_l9", "Annex A list 9: care leavers", true, false,
		codeCol("uasc", "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
			yesNoCodes, 0),
		col("allocated_team", "Allocated Team", Text, 0),
		col("allocated_worker", "Allocated Worker", ID, 0),
		col("personal_adviser", "Allocated Personal Advisor", ID, 0, "Allocated Personal Adviser"),
		codeCol("eligibility", "Eligibility Category", eligibilityCodes, req),
		col("pathway_review_date", "Latest Pathway Plan Review Date", Date, 0),
		codeCol("in_touch", "LA in Touch", inTouchCodes, 0),
		col("latest_contact_date", "Latest Date of Contact", Date, 0),
		col("accommodation", "Type of Accommodation", Text, 0),
		col("accommodation_suitable", "Suitability of Accommodation", Text, 0),
		codeCol("activity", "Activity Status", activityCodes, 0),
	)
	l10 := annexA("annexa_l10", "Annex A list 10: adoption", true, false,
		col("family_key", "Family identifier", ID, 0),
		col("entered_care_date", "Date the Child Entered Care", Date, req),
		col("adm_decision_date", "Date of Decision that Child Should be Placed for Adoption", Date, req),
		col("placement_order_date", "Date of Placement Order", Date, 0),
		col("matched_date", "Date of Matching Child and Prospective Adopters", Date, 0),
		col("placed_date", "Date Placed for Adoption", Date, 0),
		col("adoption_order_date", "Date of Adoption Order", Date, 0),
		col("no_longer_date", "Date of Decision that Child Should No Longer be Placed for Adoption", Date, 0),
		col("no_longer_reason", "Reason Why Child No Longer Placed for Adoption", Text, 0),
		col("ffa_date", "Date the child was placed for fostering in FFA or concurrent planning placement", Date, 0),
	)
	return []*Kind{l1, l2, l3, l4, l5, l6, l7, l8, l9, l10}
}
