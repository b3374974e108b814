// Package layout describes a printed document apart from the format it is
// written in: its title and running header, its parts (a ledger is one
// part; each member's form is a part numbered by itself), and their blocks
// — headings, paragraphs, tables, forms, field lines and signature lines.
//
// The documents of package reports build a Document once; package pdf and
// package docx render that same Document, so the PDF and the Word version
// of a document never differ in content. The typography of official
// documents that does not depend on the format lives here too: one date
// form for tables and one for prose (TableDate, ProseDate), full-width
// punctuation in Chinese text (Typeset), and text that must not be broken
// across lines (Keep).
package layout
