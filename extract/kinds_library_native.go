package extract

func init() { register(libraryNativeKinds) }

// Native library exports: the product's own layouts (docs/native-libraries.md)
// for what no open library schema covers. Each is one row per event (an
// issue, a session, an entry, a response, a complaint, a stock movement, a
// reservation, an enquiry), except website page views and online resource
// sessions, which suppliers give as counts. Borrower, PC user, Wi-Fi device
// and door-entry customer identifiers are personal: they stage only as
// their keyed hash.

var (
	satisfactionCodes = Codes("overall satisfaction",
		"1=Very satisfied", "2=Fairly satisfied|Satisfied",
		"3=Neither satisfied nor dissatisfied|Neither",
		"4=Fairly dissatisfied|Dissatisfied", "5=Very dissatisfied")
	stockMovementCodes = Codes("stock movement",
		"Added=Add|Addition|Accessioned", "Withdrawn=Deleted|Withdrawal|Discarded")
	enquiryChannelCodes = Codes("enquiry channel",
		"Face to face=In person|Face-to-face|F2F", "Telephone=Phone",
		"Email=E-mail", "Online=Web chat|Chat")
)

func libraryNativeKinds() []*Kind {
	issues := kind("library_issues", "library item-level issues (native)",
		libraryName(req|notNull),
		col("issue_date", "Issue date", Date, req|notNull, "Date issued", "Loan date"),
		col("item_key", "Item ID", Text, req|notNull, "Item barcode", "Barcode"),
		col("borrower_key", "Borrower ID", ID, req|notNull, "Borrower number"),
		col("borrower_category", "Borrower category", Text, 0, "Borrower type"),
		col("stock_category", "Stock category", Text, req, "Item category"),
	)
	borrowers := kind("library_borrowers", "library borrower registrations (native)",
		col("borrower_key", "Borrower ID", ID, req|notNull, "Borrower number"),
		col("registered_on", "Registration date", Date, req|notNull,
			"Registered on", "Date registered"),
		libraryName(0),
		col("borrower_category", "Borrower category", Text, req, "Borrower type"),
	)
	pc := kind("library_pc_sessions", "library PC sessions (native)",
		libraryName(req|notNull),
		col("session_date", "Session date", Date, req|notNull),
		col("computer", "Computer", Text, req, "PC", "Terminal"),
		col("user_key", "User ID", ID, req|notNull),
		col("minutes", "Minutes", Int, req|suppressed, "Duration (minutes)"),
		codeCol("jcp_referral", "JCP referral", yesNoCodes, 0,
			"Referred by JCP", "Jobcentre Plus referral"),
	)
	wifi := kind("library_wifi_sessions", "library Wi-Fi sessions (native)",
		libraryName(req|notNull),
		col("session_date", "Session date", Date, req|notNull),
		col("device_key", "Device ID", ID, req|notNull),
		col("minutes", "Minutes", Int, req|suppressed, "Duration (minutes)"),
	)
	teo := kind("library_teo_entries",
		"library technology-enabled opening entries (native)",
		libraryName(req|notNull),
		col("entry_date", "Entry date", Date, req|notNull),
		col("customer_key", "Customer ID", ID, req|notNull),
		col("entry_time", "Entry time", Text, 0),
	)
	satisfaction := kind("library_satisfaction", "library satisfaction survey (native)",
		col("response_key", "Response ID", Text, req|notNull),
		col("response_date", "Response date", Date, req|notNull),
		libraryName(0),
		codeCol("satisfaction", "Overall satisfaction", satisfactionCodes, req),
	)
	web := kind("library_web_hits", "library website page views (native)",
		col("hit_date", "Date", Date, req|notNull),
		col("page_views", "Page views", Int, req|suppressed, "Hits", "Pageviews"),
	)
	online := kind("library_online_sessions", "library online resource sessions (native)",
		col("resource", "Resource", Text, req|notNull, "Platform", "Database"),
		col("month", "Month", Month, req|notNull),
		col("sessions", "Sessions", Int, req|suppressed),
	)
	complaints := kind("library_complaints", "library complaints (native)",
		col("complaint_key", "Complaint reference", Text, req|notNull, "Complaint ID"),
		col("received_date", "Date received", Date, req|notNull),
		libraryName(req),
		col("category", "Category", Text, 0, "Complaint category"),
	)
	stock := kind("library_stock_movements", "library stock added and withdrawn (native)",
		col("item_key", "Item ID", Text, req|notNull, "Item barcode", "Barcode"),
		col("movement_date", "Movement date", Date, req|notNull),
		codeCol("movement", "Movement", stockMovementCodes, req|notNull),
		libraryName(req|notNull),
		col("stock_category", "Stock category", Text, 0, "Item category"),
	)
	reservations := kind("library_reservations", "library reservations (native)",
		col("reservation_key", "Reservation ID", Text, req|notNull),
		col("placed_date", "Date placed", Date, req|notNull),
		col("satisfied_date", "Date satisfied", Date, req),
		col("cancelled_date", "Date cancelled", Date, 0),
		col("library", "Pickup library", Text, 0, "Library name"),
	)
	reservations.Checks = []Check{
		{Before: "placed_date", After: "satisfied_date"},
		{Before: "placed_date", After: "cancelled_date"},
	}
	enquiries := kind("library_enquiries", "library enquiries (native)",
		libraryName(req|notNull),
		col("enquiry_date", "Enquiry date", Date, req|notNull),
		col("enquiry_type", "Enquiry type", Text, req|notNull),
		codeCol("channel", "Channel", enquiryChannelCodes, 0),
	)
	return []*Kind{issues, borrowers, pc, wifi, teo, satisfaction, web, online,
		complaints, stock, reservations, enquiries}
}
