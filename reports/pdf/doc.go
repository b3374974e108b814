// Package pdf renders a layout.Document as an A4 PDF (Render): a binding
// edge of 28 mm on the left (portrait) or at the top (landscape ledgers), a
// running header with the organization and the period, each part's title in
// the title face on its first page, 「第 N 页 共 M 页」 counted per part and the
// print date in the footer. Tables repeat their header on every page and
// never split a row; Keep columns are set smaller rather than broken; a
// form's Fill row continues on 续页 pages rather than shrinking its text.
// Every text is set with layout.Typeset; lines never start with closing
// punctuation (避头尾) and never break where a word joiner keeps a name or a
// document number whole. The print faces are embedded as subsets, and a
// character no face has is printed as the face's empty box and named, with
// its record, in the Result. The documents themselves are built by package
// reports/documents.
package pdf
