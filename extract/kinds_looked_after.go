package extract

func init() { register(lookedAfterKinds) }

// lookedAfterKinds are the council's own looked-after and private fostering
// exports (docs/native-looked-after.md): what neither the SSDA903 return
// nor Annex A holds as dated history. Every child is an ID.
func lookedAfterKinds() []*Kind {
	childID := func() Column {
		return col("child_key", "Child ID", ID, req|notNull, "Child Unique ID", "Person ID")
	}
	visits := kind("cla_visits", "native looked-after statutory visits export",
		childID(),
		col("visit_date", "CLA Visit Date", Date, req|notNull),
	)
	carePlans := kind("cla_care_plans", "native looked-after care plans export",
		childID(),
		col("plan_date", "CLA Care Plan Date", Date, req|notNull),
	)
	permanence := kind("cla_permanence_plans", "native looked-after permanence plans export",
		childID(),
		codeCol("plan", "Permanence Plan", permanencePlanCodes, req|notNull),
		col("start_date", "Permanence Plan Start Date", Date, req|notNull),
		col("end_date", "Permanence Plan End Date", Date, req),
	)
	permanence.Checks = []Check{{Before: "start_date", After: "end_date"}}
	stayingPut := kind("staying_put", "native staying put arrangements export",
		childID(),
		col("start_date", "Staying Put Start Date", Date, req|notNull),
		col("end_date", "Staying Put End Date", Date, req),
	)
	stayingPut.Checks = []Check{{Before: "start_date", After: "end_date"}}
	pf := kind("private_fostering", "native private fostering arrangements export",
		childID(),
		col("notification_date", "PF Notification Date", Date, req|notNull),
		col("start_date", "PF Arrangement Start Date", Date, req|notNull),
		col("end_date", "PF Arrangement End Date", Date, req),
	)
	pf.Checks = []Check{{Before: "start_date", After: "end_date"}}
	pfVisits := kind("private_fostering_visits", "native private fostering visits export",
		childID(),
		col("visit_date", "PF Visit Date", Date, req|notNull),
	)
	return []*Kind{visits, carePlans, permanence, stayingPut, pf, pfVisits}
}

// permanencePlanCodes are the permanence plans of Annex A list 8.
var permanencePlanCodes = Codes("permanence plan",
	"HOME=Return to family", "ADOPT=Adoption", "SGO=SGO/CAO|Special guardianship",
	"SUPPORTED=Supported living in the community", "RESIDENTIAL=Long-term residential placement",
	"FOSTERING=Long-term fostering", "OTHER=other")
