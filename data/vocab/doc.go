// Package vocab is the program's domain vocabulary: every enumerated value
// of the records (党籍状态, 党员类别, 人员类别, meeting kinds, attendance,
// training forms, transfer directions, …) and the compliance rules' ids, as
// Go types with their constants and labels.
//
// A value's text is what the database stores and what sheets and forms
// show, so the types convert to and from the stored text without a table.
// Nothing outside this package spells a domain value as a string literal;
// a test walks the program's source and fails on one.
package vocab
