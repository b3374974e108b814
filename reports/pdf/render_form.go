package pdf

import (
	"strings"
	"unicode/utf8"

	"dangjian/reports/layout"
)

// Form geometry, mm.
const (
	formPadding = 2.0 // between a cell's border and its text
	signGap     = 1.0 // above the signature lines of a cell
	contMark    = "（转续页）"
	// maxContPages bounds the 续页 of one form (a safeguard; a page holds
	// some 2,000 characters).
	maxContPages = 200
)

// formCell is a cell of a form row placed and set.
type formCell struct {
	cell  *layout.Cell
	x, w  float64
	lines []string // the value's lines at formSize (labels: the label's)
}

// formRowSet is a row placed on the body width with its cells' lines.
type formRowSet struct {
	row   *layout.FormRow
	cells []formCell
	need  float64 // the height the row's text and signature lines need
}

// cellText is a value cell's text as it is wrapped: trimmed, and with
// Indent the first line of each of its paragraphs set in by two
// characters (two ideographic spaces), as official prose is.
func cellText(c *layout.Cell) string {
	text := strings.TrimSpace(c.Text)
	if !c.Indent || c.Label || text == "" {
		return text
	}
	paras := strings.Split(text, "\n")
	for i, p := range paras {
		if p = strings.TrimLeft(p, " \u3000"); p != "" {
			paras[i] = "\u3000\u3000" + p
		}
	}
	return strings.Join(paras, "\n")
}

// signRoom is the height a cell keeps at its foot for its signature lines.
func signRoom(c *layout.Cell) float64 {
	if len(c.Sign) == 0 {
		return 0
	}
	return signGap + float64(len(c.Sign))*signH
}

// setFormRow places a row's cells (Width 0 sharing what is left) and
// wraps their text.
func (r *renderer) setFormRow(row *layout.FormRow) formRowSet {
	ws := layout.CellWidths(row, r.geo.bodyW)
	rs := formRowSet{row: row, cells: make([]formCell, len(row.Cells))}
	lh := lineH(formSize)
	x := 0.0
	for i := range row.Cells {
		c := &row.Cells[i]
		w := ws[i]
		fc := formCell{cell: c, x: x, w: w}
		fc.lines = r.wrapText(cellText(c), faceSong, formSize, w-2*formPadding)
		if len(fc.lines) == 1 && fc.lines[0] == "" {
			fc.lines = nil
		}
		rs.need = max(rs.need, float64(len(fc.lines))*lh+2*formPadding+signRoom(c))
		rs.cells[i] = fc
		x += w
	}
	rs.need = max(rs.need, row.Height, lh+2*formPadding)
	return rs
}

// form draws a ruled form. Its Fill row takes what the page leaves under
// it once the rows after it are placed; text that does not fit there goes
// on 续页 pages (the part's title with 「（续页）」, the row's labels and the
// rest of the text), never shrunk below formSize nor cut.
func (r *renderer) form(f *layout.Form) {
	rows := make([]formRowSet, len(f.Rows))
	for i := range f.Rows {
		rows[i] = r.setFormRow(&f.Rows[i])
	}
	var rest *formRowSet // the Fill row's text left for the 续页
	for i := range rows {
		rs := &rows[i]
		h := rs.need
		if rs.row.Fill {
			after := 0.0
			for _, o := range rows[i+1:] {
				after += o.need
			}
			least := min(rs.need, lineH(formSize)*3+2*formPadding+signRoomRow(rs))
			if r.y+least+after > r.geo.bottom {
				r.newPage(false)
			}
			h = max(r.geo.bottom-r.y-after, least)
			rest = r.formFillRow(rs, h)
			r.y += h
			continue
		}
		if h > r.geo.bottom-r.geo.bodyTop {
			r.formLong(rs)
			continue
		}
		r.ensure(h)
		r.formRow(rs, h)
		r.y += h
	}
	for pages := 0; rest != nil && pages < maxContPages; pages++ {
		r.contPage()
		h := r.geo.bottom - r.y
		if need := rest.heightNeeded(); need <= h {
			// the text's end, its signature lines under it
			r.formRowWith(rest, need, true)
			r.y += need
			break
		}
		rest = r.formFillRow(rest, h)
		r.y += h
	}
	r.y += 2
}

// signRoomRow is the largest signature room of a row's cells.
func signRoomRow(rs *formRowSet) float64 {
	m := 0.0
	for _, c := range rs.cells {
		m = max(m, signRoom(c.cell))
	}
	return m
}

// formFillRow draws a Fill row h high: value text beyond what fits ends
// with contMark and is returned as a row (labels kept) for the next page;
// nil when it all fit. A cell whose text goes on keeps its signature lines
// for the page where the text ends, under its end; a cell that ends here
// has them at its foot.
func (r *renderer) formFillRow(rs *formRowSet, h float64) *formRowSet {
	lh := lineH(formSize)
	var rest *formRowSet
	shown := *rs
	shown.cells = append([]formCell(nil), rs.cells...)
	for i, c := range rs.cells {
		if c.cell.Label || len(c.lines) == 0 {
			continue
		}
		if float64(len(c.lines))*lh+2*formPadding+signRoom(c.cell) <= h+0.01 {
			continue
		}
		if rest == nil {
			rest = &formRowSet{row: rs.row, cells: make([]formCell, len(rs.cells))}
			for j, o := range rs.cells {
				rest.cells[j] = formCell{cell: withoutSigns(o.cell), x: o.x, w: o.w}
				if o.cell.Label {
					rest.cells[j].lines = o.lines
				}
			}
		}
		n := int((h - 2*formPadding + 0.01) / lh) // lines that fit without the signatures
		keep := min(max(n-1, 0), len(c.lines)-1)  // at least a line goes on, with the signatures
		shown.cells[i].cell = withoutSigns(c.cell)
		shown.cells[i].lines = append(append([]string(nil), c.lines[:keep]...), contMark)
		rest.cells[i].cell = c.cell
		rest.cells[i].lines = c.lines[keep:]
	}
	r.formRowWith(&shown, h, true)
	return rest
}

// formRow draws a row that is not the Fill row.
func (r *renderer) formRow(rs *formRowSet, h float64) { r.formRowWith(rs, h, false) }

// formRowWith draws a row's cells h high at the writing position.
func (r *renderer) formRowWith(rs *formRowSet, h float64, fill bool) {
	lh := lineH(formSize)
	left := r.geo.left
	r.pdf.SetLineWidth(0.25)
	for _, c := range rs.cells {
		x := left + c.x
		if c.cell.Label {
			r.shade(x, r.y, c.w, h, 242, "FD")
			r.formLabel(x, c.w, h, c)
			continue
		}
		r.pdf.Rect(x, r.y, c.w, h, "D")
		top := r.y + formPadding
		if !fill && len(c.cell.Sign) == 0 && h <= 4*lh+2*formPadding {
			top = r.y + (h-float64(len(c.lines))*lh)/2
		}
		for j, l := range c.lines {
			a := c.cell.Align
			if l == contMark {
				a = layout.Right
			}
			r.text(faceSong, formSize, x+formPadding, top+float64(j)*lh, c.w-2*formPadding, l, a)
		}
		r.formSigns(c, x, h)
	}
}

// formLabel draws a label cell's text centred; a label in a cell much
// taller than its text is set vertically, a character a line, as printed
// forms do.
func (r *renderer) formLabel(x, w, h float64, c formCell) {
	lh := lineH(formSize)
	text := strings.ReplaceAll(typeset(c.cell.Text), string(wordJoiner), "")
	n := utf8.RuneCountInString(text)
	if h > 3*lh+2*formPadding && float64(n)*lh*1.15 <= h-2*formPadding && n > 1 {
		top := r.y + (h-float64(n)*lh*1.15)/2
		i := 0
		for _, ch := range text {
			r.text(faceSong, formSize, x, top+float64(i)*lh*1.15, w, string(ch), layout.Center)
			i++
		}
		return
	}
	top := r.y + (h-float64(len(c.lines))*lh)/2
	for j, l := range c.lines {
		r.text(faceSong, formSize, x+formPadding, top+float64(j)*lh, w-2*formPadding, l, layout.Center)
	}
}

// formSigns draws a cell's signature lines at its foot, right-aligned,
// the last line lowest.
func (r *renderer) formSigns(c formCell, x, h float64) {
	bottom := r.y + h - formPadding
	avail := c.w - 2*formPadding
	for k := len(c.cell.Sign) - 1; k >= 0; k-- {
		sl := c.cell.Sign[k]
		rule := signRule
		if w := r.signWidth(sl, rule); w > avail {
			rule = max(rule-(w-avail), 8)
		}
		w := r.signWidth(sl, rule)
		r.signLine(sl, x+formPadding+max(avail-w, 0), bottom, rule)
		bottom -= signH
	}
}

// formLong draws a row (not the Fill row) higher than a page: its text
// runs from the writing position to the page's foot and continues on 续页
// pages (the part's title with 「（续页）」 and the row's labels), each
// page's part but the last ending with contMark; the signature lines go
// under the text's end. The rows after it follow it.
func (r *renderer) formLong(rs *formRowSet) {
	lh := lineH(formSize)
	cur := *rs
	cur.cells = append([]formCell(nil), rs.cells...)
	for pages := 0; pages < maxContPages; pages++ {
		room := r.geo.bottom - r.y
		need := cur.heightNeeded()
		if need <= room {
			r.formRowWith(&cur, need, true)
			r.y += need
			return
		}
		if room < 3*lh+2*formPadding {
			if pages == 0 { // nothing of the row on this page: it starts on the next
				r.newPage(false)
			} else {
				r.contPage()
			}
			continue
		}
		n := int((room - 2*formPadding + 0.01) / lh) // lines that fit
		shown := cur
		shown.cells = append([]formCell(nil), cur.cells...)
		for i, c := range cur.cells {
			shown.cells[i].cell = withoutSigns(c.cell)
			if c.cell.Label {
				continue
			}
			if float64(len(c.lines))*lh+2*formPadding+signRoom(c.cell) <= room {
				// it ends here, its signatures under it
				shown.cells[i].cell = c.cell
				cur.cells[i].lines, cur.cells[i].cell = nil, withoutSigns(c.cell)
				continue
			}
			// at least a line goes on, with the signatures
			keep := min(n-1, len(c.lines)-1)
			shown.cells[i].lines = append(append([]string(nil), c.lines[:keep]...), contMark)
			cur.cells[i].lines = c.lines[keep:]
		}
		r.formRowWith(&shown, room, true)
		r.y += room
		r.contPage()
	}
}

// heightNeeded is the height a row's cells need as they stand.
func (rs *formRowSet) heightNeeded() float64 {
	lh := lineH(formSize)
	h := lh + 2*formPadding
	for _, c := range rs.cells {
		h = max(h, float64(len(c.lines))*lh+2*formPadding+signRoom(c.cell))
	}
	return h
}

// withoutSigns is c without its signature lines.
func withoutSigns(c *layout.Cell) *layout.Cell {
	if len(c.Sign) == 0 {
		return c
	}
	o := *c
	o.Sign = nil
	return &o
}

// contPage starts a 续页: a page of the part under its title with
// 「（续页）」.
func (r *renderer) contPage() {
	r.newPage(false)
	r.title(r.partTitle + "（续页）")
}
