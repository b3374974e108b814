package docx

import (
	"math"
	"strconv"

	"dangjian/reports/layout"
)

// Shading of header cells and total rows (the PDF's grey), and of form
// labels.
const (
	headShade  = `<w:shd w:val="clear" w:color="auto" w:fill="EBEBEB"/>`
	labelShade = `<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>`
)

// tableProps opens a ruled table with fixed column widths (the grid's),
// cell padding pad mm left and right and vpad mm above and below.
func (r *renderer) tableProps(grid []int, pad, vpad float64) {
	w := &r.w
	total := 0
	for _, g := range grid {
		total += g
	}
	w.s(`<w:tbl><w:tblPr><w:tblW`)
	w.intAttr("w:w", total)
	w.s(` w:type="dxa"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		w.s(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="auto"/>`)
	}
	w.s(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>`)
	for _, side := range []string{"top", "left", "bottom", "right"} {
		p := pad
		if side == "top" || side == "bottom" {
			p = vpad
		}
		w.s(`<w:` + side)
		w.intAttr("w:w", tw(p))
		w.s(` w:type="dxa"/>`)
	}
	w.s(`</w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, g := range grid {
		w.s(`<w:gridCol`)
		w.intAttr("w:w", g)
		w.s(`/>`)
	}
	w.s("</w:tblGrid>\n")
}

// columnWidths gives each column its width in mm as the PDF does: a Width
// of 0 shares what the others leave; widths beyond the body are scaled
// down to it.
func columnWidths(t *layout.Table, body float64) []float64 {
	return layout.ColumnWidths(t, body)
}

// gridOf converts widths in mm to twips, rounding the running edges so
// that the columns add up to the table's width.
func gridOf(ws []float64) []int {
	grid := make([]int, len(ws))
	x, prev := 0.0, 0
	for i, w := range ws {
		x += w
		edge := tw(x)
		grid[i] = edge - prev
		prev = edge
	}
	return grid
}

// table writes a ruled Word table: the caption, the header rows (marked
// to repeat on every page), the rows (never split across pages; totals
// bold and shaded) and the note.
func (r *renderer) table(t *layout.Table) error {
	if len(t.Columns) == 0 {
		return nil
	}
	w := &r.w
	ws := columnWidths(t, r.geo.bodyWidth)
	grid := gridOf(ws)
	if t.Caption != "" {
		w.s(`<w:p><w:pPr><w:pStyle w:val="TableCaption"/></w:pPr>`)
		w.run("", typeset(t.Caption))
		w.s("</w:p>\n")
		r.advance(lineH(proseSize) + 1)
	}
	r.tableProps(grid, padH, padV)
	headH := r.tableHeader(t, grid, ws)
	r.advance(headH)
	plain, total := make([]string, len(grid)), make([]string, len(grid))
	for i, c := range t.Columns {
		open := `<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(grid[i]) + `" w:type="dxa"/>`
		para := `</w:tcPr><w:p><w:pPr><w:pStyle w:val="Cell"/>` + jc(c.Align)
		plain[i] = open + para
		total[i] = open + headShade + para
	}
	for i := range t.Rows {
		if i%512 == 511 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
		}
		r.tableRow(t, &t.Rows[i], ws, plain, total, headH)
	}
	w.s("</w:tbl>\n")
	if t.Note != "" {
		w.s(`<w:p><w:pPr><w:pStyle w:val="TableNote"/></w:pPr>`)
		w.run("", typeset(t.Note))
		w.s("</w:p>\n")
		r.advance(float64(lines(t.Note, tableSize, r.geo.bodyWidth)) * lineH(tableSize))
	}
	r.spacer(2)
	return nil
}

// tableRow writes one row, never split across pages, at least its
// MinHeight high. open holds each
// column's cell up to its paragraph properties (total: shaded).
func (r *renderer) tableRow(t *layout.Table, row *layout.Row, ws []float64, plain, total []string, headH float64) {
	w := &r.w
	open := plain
	bold := ""
	if row.Total {
		open, bold = total, `<w:b/><w:bCs/>`
	}
	w.s(`<w:tr><w:trPr><w:cantSplit/>`)
	if row.MinHeight > 0 { // room for handwriting
		w.s(`<w:trHeight`)
		w.intAttr("w:val", tw(row.MinHeight))
		w.s(` w:hRule="atLeast"/>`)
	}
	w.s(`</w:trPr>`)
	n := 1
	for i, c := range t.Columns {
		text := ""
		if i < len(row.Cells) {
			text = typeset(row.Cells[i])
		}
		w.s(open[i])
		size := float64(tableSize)
		if c.Keep {
			size = keepSize(text, ws[i]-2*padH)
		}
		text = unjoin(text, size, ws[i]-2*padH)
		rpr := bold + scaleProp(fitScale(text, size, ws[i]-2*padH))
		if size != tableSize {
			rpr += sz(size)
		}
		if rpr != "" {
			w.s("<w:rPr>" + rpr + "</w:rPr>")
		}
		w.s("</w:pPr>")
		w.run(rpr, text)
		w.s("</w:p></w:tc>")
		if !c.Keep {
			n = max(n, lines(text, size, ws[i]-2*padH))
		}
	}
	w.s("</w:tr>\n")
	h := max(float64(n)*lineH(tableSize)+2*padV, row.MinHeight)
	if r.y+h > r.geo.bodyHeight {
		r.newPage(headH)
	}
	r.y += h
}

// keepSize is the type size of a Keep cell's text: the table size, or
// smaller (down to keepMinSize, in half points) so that it fits in avail
// mm on one line.
func keepSize(text string, avail float64) float64 {
	wd := textWidth(text, tableSize)
	if wd <= avail {
		return tableSize
	}
	size := math.Floor(tableSize*avail/wd*2) / 2
	return max(size, keepMinSize)
}

// tableHeader writes the header rows, repeated on every page: the groups
// over their columns (a group without a title leaves its columns' titles
// merged down both rows) and the columns' titles, in 黑体, shaded. It
// returns their estimated height.
func (r *renderer) tableHeader(t *layout.Table, grid []int, ws []float64) float64 {
	w := &r.w
	n := len(t.Columns)
	cell := func(width, span int, merge, title string) {
		w.s(`<w:tc><w:tcPr><w:tcW`)
		w.intAttr("w:w", width)
		w.s(` w:type="dxa"/>`)
		if span > 1 {
			w.s(`<w:gridSpan`)
			w.intAttr("w:val", span)
			w.s(`/>`)
		}
		w.s(merge + headShade + `<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableHead"/></w:pPr>`)
		w.run("", typeset(title))
		w.s("</w:p></w:tc>")
	}
	titleLines := 1
	for i, c := range t.Columns {
		titleLines = max(titleLines, lines(c.Title, tableSize, ws[i]-2*padH))
	}
	h := float64(titleLines)*lineH(tableSize) + 2*padV
	const headRow = `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`
	if len(t.Groups) == 0 {
		w.s(headRow)
		for i, c := range t.Columns {
			cell(grid[i], 1, "", c.Title)
		}
		w.s("</w:tr>\n")
		return h
	}
	spanned := make([]bool, n) // under a titled group
	w.s(headRow)
	col := 0
	for _, g := range t.Groups {
		if g.Span <= 0 || col >= n {
			continue
		}
		end := min(col+g.Span, n)
		if g.Title == "" {
			for i := col; i < end; i++ {
				cell(grid[i], 1, `<w:vMerge w:val="restart"/>`, t.Columns[i].Title)
			}
			col = end
			continue
		}
		width := 0
		for i := col; i < end; i++ {
			width += grid[i]
			spanned[i] = true
		}
		cell(width, end-col, "", g.Title)
		col = end
	}
	for i := col; i < n; i++ { // columns the groups leave
		cell(grid[i], 1, `<w:vMerge w:val="restart"/>`, t.Columns[i].Title)
	}
	w.s("</w:tr>\n" + headRow)
	for i, c := range t.Columns {
		if spanned[i] {
			cell(grid[i], 1, "", c.Title)
		} else {
			cell(grid[i], 1, `<w:vMerge/>`, "")
		}
	}
	w.s("</w:tr>\n")
	return h + lineH(tableSize) + 2*padV
}
