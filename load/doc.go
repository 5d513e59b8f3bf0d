// Package load owns the warehouse file: it opens DuckDB the one way the
// product does, applies the numbered schema migrations, builds the star
// schema's case-level facts, publishes a finished build, and serves it on:
// a copy in PostgreSQL for reporting tools (PublishPostgres) and Parquet
// files for other engines (ExportParquet).
//
// Publishing works on a copy. A run builds in a working file beside the
// published warehouse (see Workspace) and, when everything has succeeded,
// renames it over the published file in one step. A reader who has the
// published file open keeps reading the version it opened; a run that fails
// leaves the published file exactly as it was.
package load
