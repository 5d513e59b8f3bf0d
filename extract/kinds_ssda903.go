package extract

func init() { register(ssda903Kinds) }

// SSDA903 return tables, with the column names DfE's CSV specification uses.
// SEX is 1/2 up to the 2024 return and M/F/U from 2025; both are read.
// Regional extracts that hold several returns in one episodes file add a
// YEAR column, the year in which each return's financial year starts; it is
// read so that the returns can be stitched (sql/model/40_looked_after.sql).

func child903() Column { return col("child_key", "CHILD", ID, req|notNull, "CHILDID") }
func dob903() Column   { return col("birth_date", "DOB", Date, req) }

func ssda903Kinds() []*Kind {
	header := kind("ssda903_header", "SSDA903 header",
		child903(),
		codeCol("sex", "SEX", genderCodes, req),
		dob903(),
		codeCol("ethnicity", "ETHNIC", ethnicityCodes, req),
		col("upn_key", "UPN", ID, 0),
		codeCol("mother", "MOTHER", yesNoCodes, 0),
		col("child_of_mother_dob", "MC_DOB", Date, 0),
	)
	episodes := kind("ssda903_episodes", "SSDA903 episodes",
		child903(),
		col("decom", "DECOM", Date, req|notNull),
		codeCol("rne", "RNE", rneCodes, req|notNull),
		codeCol("legal_status", "LS", legalStatusCodes, req|notNull),
		codeCol("category_of_need", "CIN", needCodes, req),
		codeCol("place", "PLACE", placementCodes, req|notNull, "PL"),
		codeCol("place_provider", "PLACE_PROVIDER", providerCodes, 0),
		col("dec", "DEC", Date, req),
		codeCol("rec", "REC", reasonCeasedCodes, req),
		codeCol("reason_place_change", "REASON_PLACE_CHANGE", placeChangeCodes, 0),
		col("home_district", "HOME_POST", Postcode, 0),
		col("placement_district", "PL_POST", Postcode, 0),
		col("urn", "URN", Text, 0),
		col("return_year", "YEAR", Int, 0),
	)
	episodes.Checks = []Check{{Before: "decom", After: "dec"}}
	reviews := kind("ssda903_reviews", "SSDA903 reviews",
		child903(), dob903(),
		col("review_date", "REVIEW", Date, req|notNull),
		codeCol("review_code", "REVIEW_CODE", reviewCodes, req),
	)
	uasc := kind("ssda903_uasc", "SSDA903 UASC",
		child903(),
		codeCol("sex", "SEX", genderCodes, 0),
		dob903(),
		col("duc", "DUC", Date, req),
	)
	oc2 := kind("ssda903_oc2", "SSDA903 OC2 (outcomes of children looked after 12 months)",
		child903(), dob903(),
		col("sdq_score", "SDQ_SCORE", Int, req),
		col("sdq_reason", "SDQ_REASON", Text, 0),
		codeCol("convicted", "CONVICTED", yesNoCodes, 0),
		codeCol("health_check", "HEALTH_CHECK", yesNoCodes, 0),
		codeCol("immunisations", "IMMUNISATIONS", yesNoCodes, 0),
		codeCol("teeth_check", "TEETH_CHECK", yesNoCodes, 0),
		codeCol("health_assessment", "HEALTH_ASSESSMENT", yesNoCodes, 0),
		codeCol("substance_misuse", "SUBSTANCE_MISUSE", yesNoCodes, 0),
		codeCol("intervention_received", "INTERVENTION_RECEIVED", yesNoCodes, 0),
		codeCol("intervention_offered", "INTERVENTION_OFFERED", yesNoCodes, 0),
	)
	oc3 := kind("ssda903_oc3", "SSDA903 OC3 (care leavers)",
		child903(), dob903(),
		codeCol("in_touch", "IN_TOUCH", inTouchCodes, req),
		codeCol("activity", "ACTIV", activityCodes, req),
		col("accommodation", "ACCOM", Text, req),
	)
	ad1 := kind("ssda903_ad1", "SSDA903 AD1 (adoption)",
		child903(), dob903(),
		col("date_int", "DATE_INT", Date, req),
		col("date_match", "DATE_MATCH", Date, req),
		codeCol("foster_care", "FOSTER_CARE", yesNoCodes, 0),
		col("nb_adopters", "NB_ADOPTR", Int, 0),
		col("sex_adopters", "SEX_ADOPTR", Text, 0),
		col("ls_adopters", "LS_ADOPTR", Text, 0),
	)
	placed := kind("ssda903_placed_for_adoption", "SSDA903 placed for adoption",
		child903(), dob903(),
		col("date_placed", "DATE_PLACED", Date, req|notNull),
		col("date_placed_ceased", "DATE_PLACED_CEASED", Date, req),
		codeCol("reason_placed_ceased", "REASON_PLACED_CEASED", adoptedReasonCodes, req),
	)
	placed.Checks = []Check{{Before: "date_placed", After: "date_placed_ceased"}}
	prevPerm := kind("ssda903_previous_permanence", "SSDA903 previous permanence",
		child903(), dob903(),
		codeCol("prev_perm", "PREV_PERM", prevPermCodes, req),
		col("la_perm", "LA_PERM", Text, 0),
		col("date_perm", "DATE_PERM", Text, 0),
	)
	missing := kind("ssda903_missing", "SSDA903 missing",
		child903(), dob903(),
		codeCol("missing", "MISSING", missingCodes, req|notNull),
		col("mis_start", "MIS_START", Date, req|notNull),
		col("mis_end", "MIS_END", Date, req),
	)
	missing.Checks = []Check{{Before: "mis_start", After: "mis_end"}}
	sw := kind("ssda903_sw_episodes", "SSDA903 social worker episodes",
		child903(), dob903(),
		col("sw_key", "SW_ID", ID, req),
		col("sw_decom", "SW_DECOM", Date, req|notNull),
		col("sw_dec", "SW_DEC", Date, req),
		col("sw_reason", "SW_REASON", Text, 0),
	)
	sw.Checks = []Check{{Before: "sw_decom", After: "sw_dec"}}
	dolo := kind("ssda903_dolo", "SSDA903 deprivation of liberty orders",
		child903(), dob903(),
		col("dolo_start", "DOLO_START", Date, req|notNull),
		col("dolo_end", "DOLO_END", Date, req),
	)
	dolo.Checks = []Check{{Before: "dolo_start", After: "dolo_end"}}
	return []*Kind{header, episodes, reviews, uasc, oc2, oc3, ad1, placed, prevPerm,
		missing, sw, dolo}
}
