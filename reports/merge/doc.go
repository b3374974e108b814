// Package merge fills a unit's own Word templates (.docx) with the
// records of the database — mail merge: a template holds placeholders
// such as {{姓名}} {{所在支部}} {{入党日期}}, and one document is made per
// member or per record (民主评议表, 目标管理责任书, 介绍信), into a folder or
// all into one file.
//
// Fields lists the placeholders with a description each; Records reads
// the records of a kind from the store; OpenTemplate reads a template and
// Template.Check refuses placeholders the kind does not fill, naming them;
// Template.Write fills it for one record and Template.WriteAll for many in
// one file; Merge does all of that and writes the output whole or not at
// all.
//
// The template's formatting is kept: a placeholder's value takes the
// formatting of the run where the placeholder starts, even when Word has
// split the placeholder over several runs (spell-check marks, a change of
// format in the middle); every other byte of the document — styles,
// numbering, tables, pictures, headers and footers without placeholders —
// is the template's. Placeholders in headers, footers, tables, footnotes
// and endnotes are filled too. The paragraph holding an agreement's
// {{目标}} is repeated once per target, keeping its numbering; when the
// list placeholders fill two or more cells of a table row, the row is
// repeated.
//
// The package is written over archive/zip and encoding/xml rather than a
// .docx library: the libraries available (github.com/gomutex/godocx,
// github.com/nguyenthenguyen/docx) either read the document into their
// own model and write it back — losing what the model does not know and
// changing bytes the template's author never touched — or replace text in
// the raw XML, which misses a placeholder split over runs. Here the XML
// is only read, to find where each w:t lies; the output is the template's
// bytes with those w:t elements replaced, and the zip entries without
// placeholders are copied compressed as they are.
package merge
