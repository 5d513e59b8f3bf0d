// Package extract reads the files a council drops in its inbox, recognises
// what each one is, checks every value and lands the good rows in DuckDB
// staging tables (stg_*). It never guesses: a value that cannot be read is
// refused with the file, physical line, column, raw value and a reason, and
// the rest of the file goes on. Identifiers of children are replaced by a
// keyed hash before anything reaches the database; names and addresses are
// never staged, and postcodes are cut to their district.
//
// # What is accepted
//
// Delimited text with a header row: comma, semicolon or tab; UTF-8 with or
// without a byte order mark, UTF-16 with a mark, and Windows-1252 (chosen
// when the start of the file is not valid UTF-8). Quoted fields may hold
// delimiters and line breaks. Blank lines and repeated header rows (two
// exports joined end to end) are skipped and not counted as rows. Null
// markers (blank, NULL, N/A, n/a, -, #N/A) read as missing; Excel's
// ="0123" text guard is removed.
//
// Headers match their specification after folding case, spaces, curly
// quotes, doubled brackets and a trailing full stop, and through each
// column's list of known alternative spellings. Codes match with or without
// Ofsted's "a) " prefix, as "1A: Individual" or as their label.
//
// Dates are British: 01/02/2026 is 1 February 2026. Also read: 1/2/2026,
// 01-02-2026, 01.02.2026, ISO 2026-02-01, 01-Feb-2026, 1 February 2026, a
// trailing midnight time, and Excel serial day numbers (e.g. 46054). A
// two-digit year is 2000 to 2069 for 00 to 69 and 1970 to 1999 for 70 to 99.
// A date that does not exist, such as 31/02/2026, is refused, never rolled
// over into March.
//
// # Contract
//
// A file's kind is found from its header (see [Detect]); the file then
// stages into the table named by its [Kind], one row per accepted record,
// with the columns _file_id and _line first. Counting always holds:
// rows read = rows staged + rows refused, where a row is a non-blank record
// after the header that is not a repeated header. A file whose kind cannot
// be found, whose required columns are missing, or whose body cannot be read
// returns a *FileError and stages nothing.
package extract
