package extract

func init() { register(nativeKinds) }

// nativeKinds are the product's own documented exports (docs/native-exports.md)
// for what the standard returns lack, and reference data a council keeps.
func nativeKinds() []*Kind {
	contacts := kind("contacts", "native contacts export",
		col("contact_key", "Contact ID", ID, req|notNull, "Contact Reference"),
		col("child_key", "Child ID", ID, req|notNull, "Child Unique ID", "Person ID"),
		col("contact_date", "Date of Contact", Date, req|notNull, "Contact Date"),
		codeCol("source", "Contact Source", sourceCodes, 0),
		codeCol("final_brag", "Final BRAG", bragCodes, req, "Final BRAG Rating", "BRAG"),
		codeCol("outcome", "Contact Outcome", contactOutcomeCodes, req, "Outcome"),
	)

	population := kind("population", "population estimate aged 0 to 17 (reference)",
		col("mid_year", "Mid-year", Int, req|notNull, "Mid year", "Year"),
		col("population", "Population aged 0 to 17", Int, req|notNull|positive,
			"Population 0 to 17", "Population 0-17", "Population"),
		col("source", "Source", Text, 0),
	)
	contacts.Unique = []string{"contact_key"}
	population.Unique = []string{"mid_year"}
	return []*Kind{contacts, population}
}
