// Package docx writes a layout.Document as a Word document (.docx) that
// Word, WPS and LibreOffice open and edit, with the content of the PDF
// package pdf makes of the same Document: A4 (landscape for ledgers) with
// the 28 mm binding edge, the running header and 「第 N 页 共 M 页」 counted
// per part (each part is a section whose numbering starts at 1; the count
// is the page number of a bookmark at the section's end, a PAGEREF field,
// which LibreOffice computes too), titles, headings, prose with its two-character
// indent, ruled tables whose header rows repeat on every page and whose
// rows never split, forms with shaded labels, field lines and signature
// lines.
//
// Faces: 宋体 for the body, 黑体 for headings and table headers, and
// 方正小标宋简体 for titles, named in the font table with 华文中宋 as its
// alternative and the GB 2312 Song family, so that Word and WPS set titles
// in a Song face where it is not installed; Times New Roman for Latin
// letters and figures. A cell whose figures fit its line in those faces but
// not in the wider ones a reader may have instead (LibreOffice without them
// takes DejaVu) is set with a horizontal scale, so that no identity
// number, date or 「2026年度」 breaks inside a cell; the text itself is left
// as typed, for Word's search. A part's pages after its first name its
// Record in the running header (so a loose page of a batch of forms can be
// put back). Word lays the pages out itself: a table's caption is not
// repeated on the pages it runs on to, as the PDF repeats it.
//
// The package writes WordprocessingML itself over archive/zip. The Go
// library for .docx that was considered, github.com/gomutex/godocx
// (v0.1.5), writes no header or footer parts and no field characters, has
// no section breaks within the body, and keeps the whole document in
// memory; here document.xml is written as it is made, so that a ledger of
// 20,000 rows takes little memory and time.
package docx
