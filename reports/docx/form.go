package docx

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"dangjian/reports/layout"
)

// formCell is a cell of a form row placed on the form's grid.
type formCell struct {
	cell     *layout.Cell
	from, to int     // the grid columns it spans, [from, to)
	w        float64 // its width, mm
	width    int     // its width on the grid, twips
}

// formRow is a row of a form placed on the grid, with its estimated
// height.
type formRow struct {
	row   *layout.FormRow
	cells []formCell
	need  float64 // mm: the row's Height, or more when its text needs it
	sign  float64 // mm: the room of its signature lines (0 when none)
}

// minCell is the least width of a form cell, mm: no cell vanishes from
// the grid.
const minCell = 1.0

// cellWidths gives a form row's cells their widths in mm as the PDF does
// (and no cell narrower than minCell).
func cellWidths(row *layout.FormRow, body float64) []float64 {
	ws := layout.CellWidths(row, body)
	for i := range ws {
		ws[i] = max(ws[i], minCell)
	}
	return ws
}

// formGrid places the rows of f on one grid: the union of every row's cell
// edges, in twips (edges closer than 4 twips are one). It returns the
// grid's column widths and the rows placed.
func formGrid(f *layout.Form, body float64) ([]int, []formRow) {
	edges := make([][]int, len(f.Rows))
	all := []int{0}
	widths := make([][]float64, len(f.Rows))
	for i := range f.Rows {
		ws := cellWidths(&f.Rows[i], body)
		widths[i] = ws
		x := 0.0
		edges[i] = []int{0}
		for _, w := range ws {
			x += w
			edges[i] = append(edges[i], tw(x))
		}
		all = append(all, edges[i]...)
	}
	slices.Sort(all)
	var canon []int
	for _, e := range all {
		if len(canon) == 0 || e-canon[len(canon)-1] >= 4 {
			canon = append(canon, e)
		}
	}
	index := func(e int) int { // the canonical edge nearest e
		best := 0
		for j, c := range canon {
			if abs(c-e) < abs(canon[best]-e) {
				best = j
			}
		}
		return best
	}
	grid := make([]int, len(canon)-1)
	for j := range grid {
		grid[j] = canon[j+1] - canon[j]
	}
	rows := make([]formRow, len(f.Rows))
	for i := range f.Rows {
		row := &f.Rows[i]
		fr := formRow{row: row, cells: make([]formCell, len(row.Cells))}
		for k := range row.Cells {
			c := &row.Cells[k]
			from, to := index(edges[i][k]), index(edges[i][k+1])
			if to <= from { // not with cells a millimetre wide; a safeguard
				to = min(from+1, len(grid))
				from = to - 1
			}
			fr.cells[k] = formCell{cell: c, from: from, to: to, w: widths[i][k]}
			if len(c.Sign) > 0 {
				fr.sign = max(fr.sign, 1+float64(len(c.Sign))*signH)
			}
		}
		for k := range fr.cells {
			for _, g := range grid[fr.cells[k].from:fr.cells[k].to] {
				fr.cells[k].width += g
			}
		}
		rows[i] = fr
	}
	for i := range rows {
		rows[i].need = rowNeed(&rows[i])
	}
	return grid, rows
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// indentProp is the paragraph property that sets the first line of a
// value cell's paragraph in by two characters when the cell asks for it.
func indentProp(c *layout.Cell) string {
	if !c.Indent || c.Label {
		return ""
	}
	return `<w:ind w:firstLineChars="200" w:firstLine="` + strconv.Itoa(tw(2*formSize*mmPerPt)) + `"/>`
}

// rowNeed estimates the height a form row's text and signature lines need.
func rowNeed(fr *formRow) float64 {
	lh := lineH(formSize)
	need := max(fr.row.Height, lh+2*formPad)
	for _, c := range fr.cells {
		text := strings.TrimSpace(c.cell.Text)
		if c.cell.Indent && text != "" {
			text = "\u3000\u3000" + text // the indent takes room on the first line
		}
		n := lines(text, formSize, c.w-2*formPad)
		need = max(need, float64(n)*lh+2*formPad+fr.sign)
	}
	return need
}

// form writes a ruled form as a Word table: label cells shaded, each
// row's cells on one grid (cells of different rows need not line up),
// rows at least their Height. The Fill row is given the height the page
// is estimated to leave and may run on to the next page, where Word
// flows long text by itself. A cell's signature lines go in a row of
// their own under the text, without a rule between, so that they stay at
// the foot of the cell however long the text.
func (r *renderer) form(f *layout.Form) {
	if len(f.Rows) == 0 {
		return
	}
	grid, rows := formGrid(f, r.geo.bodyWidth)
	if len(grid) == 0 { // no row has a cell
		return
	}
	r.tableProps(grid, formPad, 1)
	lh := lineH(formSize)
	for i := range rows {
		fr := &rows[i]
		if len(fr.cells) == 0 { // Word has no row without a cell
			continue
		}
		h := fr.need
		if fr.row.Fill {
			after := 0.0
			for _, o := range rows[i+1:] {
				after += o.need
			}
			least := min(fr.need, 3*lh+2*formPad+fr.sign)
			if r.y+least+after > r.geo.bodyHeight {
				r.newPage(0)
			}
			h = max(r.geo.bodyHeight-r.y-after-fillSlack, least)
			r.formRow(fr, h, len(grid))
			r.flow(max(h, fr.need)) // long text runs on to the next pages
			continue
		}
		r.formRow(fr, h, len(grid))
		r.advance(h)
	}
	r.w.s("</w:tbl>\n")
	r.spacer(2)
}

// formRow writes a row h mm high (at least), and the row of its signature
// lines when it has any.
func (r *renderer) formRow(fr *formRow, h float64, gridN int) {
	w := &r.w
	split := fr.sign > 0
	textH := h
	if split {
		textH = max(h-fr.sign, lineH(formSize)+2*formPad)
	}
	end := 0
	if n := len(fr.cells); n > 0 {
		end = fr.cells[n-1].to
	}
	rowStart := func(height float64, canSplit bool) {
		w.s("<w:tr><w:trPr>")
		if end < gridN {
			w.s("<w:gridAfter")
			w.intAttr("w:val", gridN-end)
			w.s("/>")
		}
		if !canSplit {
			w.s("<w:cantSplit/>")
		}
		w.s(`<w:trHeight`)
		w.intAttr("w:val", tw(height))
		w.s(` w:hRule="atLeast"/></w:trPr>`)
	}
	// A row higher than a page may break across pages (Word would cut
	// it off the page's foot otherwise); others are kept whole.
	rowStart(textH, fr.row.Fill || textH > r.geo.bodyHeight-fillSlack)
	for _, c := range fr.cells {
		merge, borders := "", ""
		if split {
			if len(c.cell.Sign) > 0 {
				borders = `<w:tcBorders><w:bottom w:val="nil"/></w:tcBorders>`
			} else {
				merge = `<w:vMerge w:val="restart"/>`
			}
		}
		r.cellStart(c, merge, borders)
		keep := ""
		if split && !fr.row.Fill {
			keep = "<w:keepNext/>"
		}
		if c.cell.Label {
			w.s(labelShade + `<w:vAlign w:val="center"/></w:tcPr>`)
			w.s(`<w:p><w:pPr><w:pStyle w:val="FormText"/>` + keep + `<w:jc w:val="center"/></w:pPr>`)
			w.run("", labelText(c.cell.Text, h))
			w.s("</w:p></w:tc>")
			continue
		}
		if !fr.row.Fill && !split && h <= 4*lineH(formSize)+2*formPad {
			w.s(`<w:vAlign w:val="center"/>`)
		}
		w.s("</w:tcPr>")
		for _, text := range strings.Split(typeset(strings.TrimSpace(c.cell.Text)), "\n") {
			text = unjoin(strings.TrimSuffix(text, "\r"), formSize, c.w-2*formPad)
			rpr := scaleProp(fitScale(text, formSize, c.w-2*formPad))
			w.s(`<w:p><w:pPr><w:pStyle w:val="FormText"/>` + keep + indentProp(c.cell) + jc(c.cell.Align))
			if rpr != "" {
				w.s("<w:rPr>" + rpr + "</w:rPr>")
			}
			w.s(`</w:pPr>`)
			w.run(rpr, text)
			w.s("</w:p>")
		}
		w.s("</w:tc>")
	}
	w.s("</w:tr>\n")
	if !split {
		return
	}
	rowStart(fr.sign, false)
	for _, c := range fr.cells {
		if len(c.cell.Sign) == 0 { // the cell above continues down
			r.cellStart(c, `<w:vMerge/>`, "")
			if c.cell.Label {
				w.s(labelShade)
			}
			w.s(`</w:tcPr><w:p><w:pPr><w:pStyle w:val="FormText"/></w:pPr></w:p></w:tc>`)
			continue
		}
		r.cellStart(c, "", `<w:tcBorders><w:top w:val="nil"/></w:tcBorders>`)
		w.s(`<w:vAlign w:val="bottom"/></w:tcPr>`)
		for _, sl := range c.cell.Sign {
			w.s(`<w:p><w:pPr><w:pStyle w:val="Sign"/></w:pPr>`)
			w.run("", signText(sl))
			w.s("</w:p>")
		}
		w.s("</w:tc>")
	}
	w.s("</w:tr>\n")
}

// cellStart opens a form cell and its properties up to its shading.
func (r *renderer) cellStart(c formCell, merge, borders string) {
	w := &r.w
	w.s(`<w:tc><w:tcPr><w:tcW`)
	w.intAttr("w:w", c.width)
	w.s(` w:type="dxa"/>`)
	if c.to-c.from > 1 {
		w.s(`<w:gridSpan`)
		w.intAttr("w:val", c.to-c.from)
		w.s(`/>`)
	}
	w.s(merge + borders)
}

// labelText is a label as printed: in a cell much taller than its text,
// a character a line, as printed forms set their labels.
func labelText(text string, h float64) string {
	text = strings.ReplaceAll(typeset(text), joiner, "")
	lh := lineH(formSize)
	n := utf8.RuneCountInString(text)
	if n < 2 || strings.ContainsRune(text, '\n') || h <= 3*lh+2*formPad || float64(n)*lh*1.15 > h-2*formPad {
		return text
	}
	var b strings.Builder
	for i, ch := range text {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteRune(ch)
	}
	return b.String()
}
