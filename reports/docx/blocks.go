package docx

import (
	"strconv"
	"strings"

	"dangjian/reports/layout"
)

// Blanks left to write on: underscores about as wide as the PDF's rules.
const (
	signBlank  = "________________" // after 「签字：」, some 30 mm
	fieldBlank = "________________" // an empty Field
	dateBlanks = "　　　　年　　月　　日"      // 「    年  月  日」 after a signature
)

// block writes one block.
func (r *renderer) block(b layout.Block) error {
	kept := r.keep
	r.keep = false
	switch b := b.(type) {
	case *layout.Heading:
		r.heading(b)
		r.keep = true // its style keeps it with the next paragraph
	case *layout.Paragraph:
		r.paragraph(b)
	case *layout.Table:
		return r.table(b)
	case *layout.Form:
		r.form(b)
	case *layout.Fields:
		r.fields(b)
	case *layout.Signatures:
		r.signatures(b)
	case *layout.Spacer:
		if kept { // after a heading: kept with what follows, as the heading is
			r.spacerKept(b.MM)
			r.keep = true
		} else {
			r.spacer(b.MM)
		}
	case *layout.PageBreak:
		r.w.s(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>` + "\n")
		r.newPage(0)
	}
	return nil
}

// advance adds a block h mm high to the estimate of the page's height
// used: a block that does not fit starts a page, unless it is higher than
// a page.
func (r *renderer) advance(h float64) {
	switch {
	case r.y+h <= r.geo.bodyHeight:
		r.y += h
	case h <= r.geo.bodyHeight:
		r.newPage(h)
	default:
		r.flow(h)
	}
}

// flow adds text h mm high that runs on from page to page.
func (r *renderer) flow(h float64) {
	r.y += h
	for r.y > r.geo.bodyHeight {
		r.y -= r.geo.bodyHeight
		r.pages++
	}
}

// newPage counts a new page of the part, y mm of it used.
func (r *renderer) newPage(y float64) {
	r.y = y
	r.pages++
}

// jc is the paragraph alignment of a, "" for left.
func jc(a layout.Align) string {
	switch a {
	case layout.Center:
		return `<w:jc w:val="center"/>`
	case layout.Right:
		return `<w:jc w:val="right"/>`
	case layout.Justify:
		return `<w:jc w:val="both"/>`
	}
	return ""
}

// heading writes a section heading in 黑体 (Word's heading styles, so it
// shows in the navigation pane).
func (r *renderer) heading(h *layout.Heading) {
	style, size := "Heading1", 14.0
	if h.Level >= 2 {
		style, size = "Heading2", 12
	}
	r.w.s(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	r.w.run("", typeset(h.Text))
	r.w.s("</w:p>\n")
	r.advance(float64(lines(h.Text, size, r.geo.bodyWidth))*lineH(size) + 3)
}

// paragraph writes running text, a paragraph for each of its lines, the
// first line indented by two characters when asked.
func (r *renderer) paragraph(p *layout.Paragraph) {
	size := p.Size
	if size == 0 {
		size = proseSize
	}
	var ppr strings.Builder
	if p.Indent {
		ppr.WriteString(`<w:ind w:firstLineChars="200"`)
		ppr.WriteString(` w:firstLine="`)
		ppr.WriteString(strconv.Itoa(tw(2 * size * mmPerPt)))
		ppr.WriteString(`"/>`)
	}
	ppr.WriteString(jc(p.Align))
	rpr := ""
	if size != proseSize {
		rpr = sz(size)
	}
	for _, text := range strings.Split(typeset(p.Text), "\n") {
		r.w.s("<w:p>")
		if ppr.Len() > 0 || rpr != "" {
			r.w.s("<w:pPr>")
			r.w.s(ppr.String())
			if rpr != "" {
				r.w.s("<w:rPr>" + rpr + "</w:rPr>")
			}
			r.w.s("</w:pPr>")
		}
		r.w.run(rpr, strings.TrimSuffix(text, "\r"))
		r.w.s("</w:p>\n")
		r.flow(float64(lines(text, size, r.geo.bodyWidth)) * size * 1.5 * mmPerPt)
	}
}

// sz is the run property of a type size.
func sz(size float64) string {
	h := strconv.Itoa(halfPt(size))
	return `<w:sz w:val="` + h + `"/><w:szCs w:val="` + h + `"/>`
}

// fieldLabel is a field's caption with its colon.
func fieldLabel(label string) string {
	label = typeset(label)
	if !strings.HasSuffix(label, "：") && !strings.HasSuffix(label, ":") {
		label += "："
	}
	return label
}

// itemGap is the least space between the items of a field line, mm.
const itemGap = 8.0

// fields writes 「填报单位：…  填表人：____  报出日期：…」 as the PDF sets it:
// as many items on a line as fit with itemGap between them, a line's
// items spread from the left to the right edge (by tab stops: the last
// item at a right tab on the edge, those between at the estimated start
// of their place).
func (r *renderer) fields(f *layout.Fields) {
	texts := make([]string, len(f.Items))
	widths := make([]float64, len(f.Items))
	for i, fl := range f.Items {
		value := typeset(fl.Value)
		if value == "" {
			value = fieldBlank
		}
		texts[i] = fieldLabel(fl.Label) + value
		widths[i] = textWidth(texts[i], proseSize)
	}
	body := r.geo.bodyWidth
	for start := 0; start < len(texts); {
		n, used := 1, widths[start]
		for start+n < len(texts) && used+itemGap+widths[start+n] <= body {
			used += itemGap + widths[start+n]
			n++
		}
		r.fieldLine(texts[start:start+n], widths[start:start+n], used)
		start += n
	}
}

// fieldLine writes one line of field items whose widths with the gaps
// between them add up to used mm.
func (r *renderer) fieldLine(texts []string, widths []float64, used float64) {
	w := &r.w
	n := len(texts)
	body := r.geo.bodyWidth
	w.s(`<w:p><w:pPr><w:pStyle w:val="FieldLine"/>`)
	if n > 1 {
		gap := (body - used + float64(n-1)*itemGap) / float64(n-1)
		w.s("<w:tabs>")
		x := 0.0
		for i := 1; i < n-1; i++ {
			x += widths[i-1] + gap
			w.s(`<w:tab w:val="left"`)
			w.intAttr("w:pos", tw(x))
			w.s("/>")
		}
		w.s(`<w:tab w:val="right"`)
		w.intAttr("w:pos", tw(body))
		w.s("/></w:tabs>")
	}
	w.s("</w:pPr>")
	for i, text := range texts {
		if i > 0 {
			w.s(`<w:r><w:tab/></w:r>`)
		}
		w.run("", text)
	}
	w.s("</w:p>\n")
	r.advance(lineH(proseSize) + 2)
}

// signText is a signature line: 「党支部书记签字：________________    年  月  日」,
// with 「（盖章）」 after the caption when a seal goes there.
func signText(sl layout.SignLine) string {
	t := typeset(sl.Who)
	if sl.Seal {
		t += "（盖章）"
	}
	t += signBlank
	if sl.Date {
		t += dateBlanks
	}
	return t
}

// signatures writes signature lines, each a right-aligned paragraph with
// room above it for a hand.
func (r *renderer) signatures(s *layout.Signatures) {
	for _, sl := range s.Lines {
		r.w.s(`<w:p><w:pPr><w:pStyle w:val="Sign"/></w:pPr>`)
		r.w.run("", signText(sl))
		r.w.s("</w:p>\n")
		r.advance(signH)
	}
}

// spacer writes an empty paragraph mm high.
func (r *renderer) spacer(mm float64) { r.space(mm, "") }

// spacerKept writes an empty paragraph mm high kept on the page of the
// paragraph or table row after it.
func (r *renderer) spacerKept(mm float64) { r.space(mm, "<w:keepNext/>") }

// space writes an empty paragraph mm high with the paragraph properties
// ppr before its spacing.
func (r *renderer) space(mm float64, ppr string) {
	if mm <= 0 {
		return
	}
	r.w.s(`<w:p><w:pPr>` + ppr + `<w:spacing w:before="0" w:after="0"`)
	r.w.intAttr("w:line", max(tw(mm), 1))
	r.w.s(` w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>` + "\n")
	r.advance(mm)
}
