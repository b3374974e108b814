// Package sheets moves records in and out of Excel workbooks: blank
// templates with drop-downs and a 填写说明 sheet, an import that reads rows as
// a stream, validates every row and writes all of them or none, and an
// export with the same columns, so that export then import reproduces the
// records. The columns are DESIGN.md's "Sheet columns".
package sheets
