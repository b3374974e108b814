// Package sheets moves records in and out of Excel workbooks: blank
// templates with drop-downs and a 填写说明 sheet, an import that reads rows as
// a stream, validates every row and writes all of them or none, and an
// export with the same columns, so that export then import reproduces the
// records. The columns are DESIGN.md's "Sheet columns".
//
// The import reads the workbook itself (archive/zip and encoding/xml)
// rather than through excelize, whose row reader drops decoding errors: a
// file damaged anywhere, or over one of the limits of limits.go, is refused
// whole with an *InputError before anything is written. Neither the import
// nor the export writes into the system's temporary folder: what must go
// to disk goes into a private scratch folder beside the database
// (dangjian/data/localfs).
package sheets
