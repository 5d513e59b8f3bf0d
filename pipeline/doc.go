// Package pipeline runs the whole job once: it takes the run lock, builds in
// a working copy of the warehouse, stages every new file of the inbox,
// rebuilds the canonical model, the calendar and every indicator, writes the
// star schema and the ledger, and publishes the result in one rename.
//
// A run is all or nothing. If any step fails, the working copy is thrown
// away and the published warehouse is left as it was, apart from one
// etl_run row that records the failure. Files are recognised by content
// hash: a file already loaded is skipped, so running again on the same inbox
// stages nothing new and gives the same indicator values. A file that cannot
// be read as any known export is copied to the quarantine folder with a
// .reason.txt beside it and the run goes on without it; Run then returns
// ErrNeedsAttention with the summary, so a scheduler can flag it.
//
// Only this package, schedules and the command log. Logs carry counts,
// durations and file names, never a value from a case row.
package pipeline
