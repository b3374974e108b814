package docx

import (
	"archive/zip"
	"fmt"
	"strconv"
	"time"

	"dangjian/reports/layout"
)

// The XML declaration and the namespaces of the WordprocessingML parts.
const (
	xmlHeader  = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	namespaces = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relNS   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	typeWML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
)

// modified is the time stamp of the package's files: the print date, so
// that the same document gives the same bytes.
func (r *renderer) modified() time.Time {
	if r.doc.Printed.IsZero() {
		return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return r.doc.Printed
}

// smallPart is a part of the package written at once: its name and what
// writes it.
type smallPart struct {
	name string
	fill func()
}

// writePackage writes every part of the .docx package; document.xml is
// streamed as it is made. The list of the parts' types comes last, once
// the footers that the sections need are known.
func (r *renderer) writePackage(zw *zip.Writer) error {
	if err := r.writeSmall(zw, "_rels/.rels", func() {
		r.w.s(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + relNS + `officeDocument" Target="word/document.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
			`<Relationship Id="rId3" Type="` + relNS + `extended-properties" Target="docProps/app.xml"/>` +
			`</Relationships>`)
	}); err != nil {
		return err
	}
	if err := r.writeSmall(zw, "docProps/core.xml", r.coreProps); err != nil {
		return err
	}
	if err := r.writeSmall(zw, "docProps/app.xml", func() {
		r.w.s(xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>dangjian</Application></Properties>`)
	}); err != nil {
		return err
	}
	if err := r.newWriter(zw, "word/document.xml"); err != nil {
		return err
	}
	if err := r.writeBody(); err != nil {
		return err
	}
	if err := r.endWriter(); err != nil {
		return err
	}
	small := []smallPart{
		{"word/styles.xml", func() { r.w.s(stylesXML) }},
		{"word/settings.xml", func() { r.w.s(settingsXML) }},
		{"word/fontTable.xml", func() { r.w.s(fontTableXML) }},
		{"word/header1.xml", func() { r.header(headMid{}) }},
	}
	for i, m := range r.heads {
		small = append(small, smallPart{fmt.Sprintf("word/header%d.xml", i+2), func() { r.header(m) }})
	}
	for i, n := range r.footers {
		small = append(small, smallPart{fmt.Sprintf("word/footer%d.xml", i+1), func() { r.footer(i, n) }})
	}
	small = append(small, smallPart{"word/_rels/document.xml.rels", r.documentRels},
		smallPart{"[Content_Types].xml", r.contentTypes})
	fastDeflate(zw)
	for _, s := range small {
		if err := r.writeSmall(zw, s.name, s.fill); err != nil {
			return err
		}
	}
	return nil
}

// contentTypes writes [Content_Types].xml.
func (r *renderer) contentTypes() {
	w := &r.w
	w.s(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="` + typeWML + `document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="` + typeWML + `styles+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="` + typeWML + `settings+xml"/>` +
		`<Override PartName="/word/fontTable.xml" ContentType="` + typeWML + `fontTable+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`)
	for i := range len(r.heads) + 1 {
		w.s(`<Override PartName="/word/header`)
		w.int(i + 1)
		w.s(`.xml" ContentType="` + typeWML + `header+xml"/>`)
	}
	for i := range len(r.footers) {
		w.s(`<Override PartName="/word/footer`)
		w.int(i + 1)
		w.s(`.xml" ContentType="` + typeWML + `footer+xml"/>`)
	}
	w.s(`</Types>`)
}

// documentRels writes word/_rels/document.xml.rels.
func (r *renderer) documentRels() {
	w := &r.w
	w.s(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="` + relNS + `styles" Target="styles.xml"/>` +
		`<Relationship Id="rId2" Type="` + relNS + `settings" Target="settings.xml"/>` +
		`<Relationship Id="rId3" Type="` + relNS + `fontTable" Target="fontTable.xml"/>`)
	for i := range len(r.footers) {
		w.s(`<Relationship Id="rIdF`)
		w.int(i + 1)
		w.s(`" Type="` + relNS + `footer" Target="footer`)
		w.int(i + 1)
		w.s(`.xml"/>`)
	}
	for i := range len(r.heads) + 1 {
		w.s(`<Relationship Id="rIdH`)
		w.int(i + 1)
		w.s(`" Type="` + relNS + `header" Target="header`)
		w.int(i + 1)
		w.s(`.xml"/>`)
	}
	w.s(`</Relationships>`)
}

// coreProps writes docProps/core.xml: the title and the print date.
func (r *renderer) coreProps() {
	w := &r.w
	w.s(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	w.escape(r.doc.Title)
	w.s(`</dc:title><dc:creator>dangjian</dc:creator>`)
	if !r.doc.Printed.IsZero() {
		stamp := r.doc.Printed.UTC().Format("2006-01-02T15:04:05Z")
		w.s(`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created>`)
		w.s(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified>`)
	}
	w.s(`</cp:coreProperties>`)
}

// tabs writes tab stops at the centre and the right edge of the body.
func (r *renderer) tabs() {
	w := &r.w
	body := tw(r.geo.bodyWidth)
	w.s(`<w:tabs><w:tab w:val="center"`)
	w.intAttr("w:pos", body/2)
	w.s(`/><w:tab w:val="right"`)
	w.intAttr("w:pos", body)
	w.s(`/></w:tabs>`)
}

// header writes a running header: the organization on the left, the
// middle m (none on a part's first page) and the period on the right,
// over a rule. When m.left the record stands on the left in the
// organization's place.
func (r *renderer) header(m headMid) {
	w := &r.w
	w.s(xmlHeader + `<w:hdr ` + namespaces + `><w:p><w:pPr><w:pStyle w:val="Header"/>`)
	r.tabs()
	w.s(`</w:pPr>`)
	rpr := ""
	if m.size != 0 && m.size != headSize {
		rpr = sz(m.size)
	}
	if m.left {
		w.run(rpr, m.text)
		w.s(`<w:r><w:tab/></w:r>`)
	} else {
		w.run("", typeset(r.doc.Org))
		w.s(`<w:r><w:tab/></w:r>`)
		w.run(rpr, m.text)
	}
	w.s(`<w:r><w:tab/></w:r>`)
	w.run("", typeset(r.doc.Period))
	w.s(`</w:p></w:hdr>`)
}

// footer writes the footer of part i: 「第 N 页 共 M 页」 in the middle, N
// the page within the section (numbering restarts with each part) and M
// the page number of the bookmark at the part's end, which is the
// section's page count (a PAGEREF field: LibreOffice computes it as Word
// and WPS do, where it shows the stored result of SECTIONPAGES), and the
// print date on the right. pages is the estimate shown until the field
// is computed.
func (r *renderer) footer(i, pages int) {
	w := &r.w
	w.s(xmlHeader + `<w:ftr ` + namespaces + `><w:p><w:pPr><w:pStyle w:val="Footer"/>`)
	r.tabs()
	w.s(`</w:pPr><w:r><w:tab/></w:r>`)
	w.run("", "第 ")
	w.field("PAGE", "1")
	w.run("", " 页 共 ")
	w.field("PAGEREF "+partEndName(i), strconv.Itoa(pages))
	w.run("", " 页")
	if !r.doc.Printed.IsZero() {
		w.s(`<w:r><w:tab/></w:r>`)
		w.run("", "打印日期："+layout.ProseDate(r.doc.Printed))
	}
	w.s(`</w:p></w:ftr>`)
}

// field writes a field whose result Word computes as it lays the pages
// out; shown stands until it does.
func (w *xw) field(instr, shown string) {
	w.s(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> `)
	w.s(instr)
	w.s(` </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>`)
	w.s(shown)
	w.s(`</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`)
}
