package extract

// Code lists shared by the file kinds. Each value is "CODE=label|label":
// the code is what is staged; labels and the code itself are what files may
// hold, matched without regard to case and with or without Ofsted's "a) "
// prefix (see codeCandidates).

var (
	genderCodes = Codes("gender",
		"M=Male|1|a) Male|Boy|1 - Male",
		"F=Female|2|Girl|2 - Female",
		"U=Not stated/recorded|Not stated|Not recorded|Unknown|0|9|Indeterminate|Not known",
		"N=Neither")

	ethnicityCodes = Codes("ethnicity code",
		"WBRI=White British", "WIRI=White Irish", "WIRT=Traveller of Irish heritage",
		"WOTH=Any other White background", "WROM=Gypsy/Roma|Gypsy Roma",
		"MWBC=White and Black Caribbean", "MWBA=White and Black African",
		"MWAS=White and Asian", "MOTH=Any other mixed background", "AIND=Indian",
		"APKN=Pakistani", "ABAN=Bangladeshi", "AOTH=Any other Asian background",
		"BCRB=Caribbean", "BAFR=African", "BOTH=Any other Black background",
		"CHNE=Chinese", "OOTH=Any other ethnic group",
		"REFU=Refused|Declined", "NOBT=Information not yet obtained|Not obtained")

	yesNoCodes = Codes("yes/no answer",
		"Y=Yes|True|1|a) Yes",
		"N=No|False|0|b) No",
		"U=Unknown|Not known")

	// Contact and referral sources, Annex A and CIN census.
	sourceCodes = Codes("contact or referral source",
		"1A=Individual|Family member|Relative|Carer", "1B=Individual: acquaintance|Acquaintance",
		"1C=Individual: self|Self", "1D=Individual: other|Other individual",
		"2A=Schools", "2B=Education services",
		"3A=Health services: GP|GP", "3B=Health services: health visitor|Health visitor",
		"3C=Health services: school nurse|School nurse",
		"3D=Health services: other primary health services|Other primary health services",
		"3E=Health services: A&E|A&E", "3F=Health services: other|Other health services",
		"4=Housing", "5A=LA services: social care|Social care",
		"5B=LA services: other internal|Other internal",
		"5C=LA services: external|External", "5D=Early help",
		"6=Police", "7=Other legal agency", "8=Other", "9=Anonymous", "10=Unknown")

	bragCodes = Codes("final BRAG rating",
		"Blue=B", "Red=R", "Amber=A", "Green=G")

	contactOutcomeCodes = Codes("contact outcome",
		"NFA=No further action",
		"NFA_SIGNPOSTING=NFA - signposting|NFA signposting|NFA (signposting)|Signposting",
		"REFERRAL_SOCIAL_CARE=Referral to social care|Referral to children's social care",
		"REFERRAL_EARLY_INTERVENTION=Referral to early intervention|Referral to early help",
		"STEP_ACROSS_MASH=Step across from MASH|Step across to early help from MASH")

	// Whether an assessment found the child to need children's social care
	// support (Annex A list 4). Besides yes, no and unknown, systems export
	// "CS Assessment Updated" for an assessment that updated the record of a
	// child already open to children's social care: it answers neither yes
	// nor no, so it is staged as UPDATED, not refused and not guessed. It is
	// neither NFA nor a new finding of need.
	assessedSupportCodes = Codes("assessment finding",
		"Y=Yes|True|1|a) Yes",
		"N=No|False|0|b) No",
		"U=Unknown|Not known",
		"UPDATED=CS Assessment Updated|Assessment updated|Updated")

	// Early help (CAF) episodes: how the family came to early help, and why
	// the episode closed (docs/native-intake.md).
	cafRouteCodes = Codes("early help referral route",
		"STEP_ACROSS_MASH=Step across from MASH|Step across",
		"STEP_DOWN_SOCIAL_CARE=Step down from social care|Step down from LCS|Step down",
		"FRONT_DOOR=Referral to early intervention|Front door referral|Contact referred",
		"OTHER=Other|Direct|Direct request")
	cafClosureCodes = Codes("early help closure reason",
		"OUTCOMES_MET=Outcomes met|Outcomes achieved|Needs met",
		"STEP_UP=Step up to social care|Stepped up to social care|Step up",
		"DISENGAGED=Family disengaged|Consent withdrawn|Disengaged",
		"MOVED=Moved out of area|Moved away",
		"OTHER=Other")

	// Single assessments: first in a referral or a later one, and whether the
	// outcome was no further action.
	assessmentTypeCodes = Codes("assessment type",
		"INITIAL=Initial|Initial single assessment|First",
		"SUBSEQUENT=Subsequent|Subsequent single assessment|Re-assessment|Reassessment")
	assessmentOutcomeCodes = Codes("assessment outcome",
		"NFA=No further action|NFA|Closed NFA",
		"FURTHER_ACTION=Further action|Services provided|Continue involvement")

	abuseCategoryCodes = Codes("category of abuse",
		"NEG=Neglect", "PHY=Physical abuse|Physical", "SAB=Sexual abuse|Sexual",
		"EMO=Emotional abuse|Emotional", "MUL=Multiple/not recommended|Multiple")

	legalStatusCodes = Codes("legal status",
		"C1=Interim care order|ICO", "C2=Full care order", "D1=Freeing order",
		"E1=Placement order", "V2=Accommodated under section 20|Section 20",
		"V3=Single short break", "V4=Series of short breaks",
		"L1=Police protection", "L2=Emergency protection order|EPO",
		"L3=Child assessment order", "J1=Remanded to local authority accommodation",
		"J2=Placed under PACE", "J3=Sentenced to a youth rehabilitation order")

	rneCodes = Codes("reason for new episode",
		"S=Started to be looked after", "L=Change of legal status only",
		"P=Change of placement and carer", "T=Change of placement, same carer",
		"B=Change of legal status, placement and carer",
		"U=Change of legal status and placement, same carer")

	// Categories of need. Besides the census wording, the spellings case
	// management systems export most often (liia's Annex A schema): "1ABUSNEG
	// - Abuse or Neglect" reads through its label, "N1 - Abuse / Neglect"
	// through its code; system codes without a label are listed here.
	needCodes = Codes("category of need",
		"N1=Abuse or neglect|Abuse/Neglect|Abuse / Neglect|1ABUSNEG|ABUSNEG",
		"N2=Child's disability|Child’s disability|Disability|Child's disability or illness|"+
			"2CHLDDIS|CHLDDIS",
		"N3=Parental illness or disability|Parental disability or illness|"+
			"Parents illness or disability|Parent's disability or illness|3PRNTDIS|PRNTDIS",
		"N4=Family in acute stress|4FAMSTRS|FAMSTRS",
		"N5=Family dysfunction|5FAMDYSF|FAMDYSF",
		"N6=Socially unacceptable behaviour|Socially unacceptable behavior|6SOCBHVR|SOCBHVR",
		"N7=Low income|7LOWINCM|LOWINCM",
		"N8=Absent parenting|8ABSPRNT|ABSPRNT",
		"N9=Cases other than children in need|Cases other than CIN|9NOTCIN|NOTCIN",
		"N0=Not stated|Not recorded")

	placementCodes = Codes("placement type",
		"A3", "A4", "A5", "A6", "H5", "K1", "K2", "K3", "P1", "P2", "P3", "R1", "R2", "R3", "R5",
		"S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1",
		"Z11", "Z12", "Z13", "Z14")

	providerCodes = Codes("placement provider",
		"PR0", "PR1", "PR2", "PR3", "PR4", "PR5")

	// Reasons an episode ceased. E99 is not a DfE code: it marks an episode
	// closed when later returns were stitched together.
	reasonCeasedCodes = Codes("reason episode ceased",
		"X1=Episode ceases and new episode begins on same day",
		"E11=Adopted: application unopposed", "E12=Adopted: application opposed",
		"E2=Died", "E3=Care taken over by another LA", "E4A=Returned home: planned",
		"E4B=Returned home: not planned", "E13=Left care to live with parent(s) without PR",
		"E41=Residence or child arrangements order",
		"E45=Special guardianship order: former foster carer",
		"E46=Special guardianship order: carer not former foster carer",
		"E47=Special guardianship order: relative or friend",
		"E48=Special guardianship order: other",
		"E5=Moved into independent living with supportive accommodation",
		"E6=Moved into independent living without formalised support",
		"E7=Transferred to residential care for adults", "E9=Sentenced to custody",
		"E14=Accommodation on remand ended", "E15=Age assessment: aged 18 or over",
		"E16=Moved abroad", "E17=Aged 18 and remained with former foster carers",
		"E8=Any other reason", "E99=Closed when returns were stitched together")

	placeChangeCodes = Codes("reason for placement change",
		"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ",
		"PLACE", "CUSTOD", "OTHER")

	reviewCodes = Codes("review participation code",
		"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7")

	missingCodes = Codes("missing type", "M=Missing",
		"A=Away from placement without authorisation|Absent")

	inTouchCodes = Codes("in-touch code", "YES=Yes", "NO=No", "DIED=Died", "REFU=Refused",
		"NREQ=Not required", "RHOM=Returned home")

	activityCodes = Codes("activity code",
		"F1", "F2", "F3", "F4", "F5", "P1", "P2", "P3", "P4", "P5", "G4", "G5", "G6", "0")

	prevPermCodes = Codes("previous permanence code", "P1", "P2", "P3", "P4", "Z1")

	adoptedReasonCodes = Codes("reason placed for adoption ceased", "RD1", "RD2", "RD3", "RD4")

	caseStatusCodes = Codes("case status",
		"CLA=Looked after child", "CPP=Child Protection plan", "CINP=Child in need plan",
		"ASSESS=Open assessment", "CLOSED=Closed episode")

	eligibilityCodes = Codes("care leaver eligibility",
		"RELEVANT=Relevant child|Relevant", "FORMER_RELEVANT=Former relevant child|Former relevant",
		"QUALIFYING=Qualifying care leaver|Qualifying", "ELIGIBLE=Eligible child|Eligible")
)
