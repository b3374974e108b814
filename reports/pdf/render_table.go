package pdf

import (
	"strings"

	"dangjian/reports/layout"
)

// Table cell padding, mm.
const (
	padH = 1.2 // left and right
	padV = 0.7 // top and bottom
)

// tableCols is a table's columns placed on the body width.
type tableCols struct {
	t    *layout.Table
	x    []float64 // each column's left edge, and the table's right edge
	w    []float64
	size []float64 // a row's cells: the type size each is set in
}

// placeColumns gives each column its width: a Width of 0 shares what the
// others leave; when the widths given exceed the body they are scaled down.
func placeColumns(t *layout.Table, body float64) *tableCols {
	n := len(t.Columns)
	tc := &tableCols{t: t, x: make([]float64, n+1), w: make([]float64, n), size: make([]float64, n)}
	copy(tc.w, layout.ColumnWidths(t, body))
	x := 0.0
	for i := range tc.w {
		tc.x[i] = x
		x += tc.w[i]
	}
	tc.x[n] = x
	return tc
}

// table draws a ruled table: caption, a header repeated on every page, the
// rows (never split across pages), and the note.
func (r *renderer) table(t *layout.Table) error {
	if len(t.Columns) == 0 {
		return nil
	}
	tc := placeColumns(t, r.geo.bodyW)
	if cap(r.lines) < len(t.Columns) {
		r.lines = make([][]string, len(t.Columns))
	}
	lines := r.lines[:len(t.Columns)]
	capLines, headH, start := r.tableStart(tc, lines)
	r.ensure(start)
	r.caption(capLines)
	r.tableHeader(tc, headH)
	segTop := r.y
	carry := newCarry(t)
	for i := range t.Rows {
		if i%512 == 511 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
		}
		row := &t.Rows[i]
		r.record = row.Record
		if r.record == "" {
			r.record = r.partRecord()
		}
		h := r.rowLines(tc, row, lines)
		if r.y+h > r.geo.bottom && r.y > segTop+0.01 {
			r.tableRules(tc, segTop)
			r.tableGoesOn(tc, headH)
			segTop = r.y
			if c := carry.fill(row); c != row {
				row = c
				h = r.rowLines(tc, row, lines)
			}
		}
		carry.note(row)
		// A row taller than a whole page is the one row that is split:
		// its lines go on as the pages take them, the header repeated.
		for r.y+h > r.geo.bottom {
			part := r.splitRow(tc, lines, r.geo.bottom-r.y)
			if part == nil {
				break
			}
			r.tableRow(tc, row, part, heightOf(tc, part))
			r.tableRules(tc, segTop)
			r.tableGoesOn(tc, headH)
			segTop = r.y
			h = heightOf(tc, lines)
		}
		r.tableRow(tc, row, lines, h)
	}
	r.tableRules(tc, segTop)
	r.record = r.partRecord()
	if t.Note != "" {
		r.y += 1
		for _, l := range r.wrapText(t.Note, faceSong, tableSize, r.geo.bodyW) {
			r.ensure(lineH(tableSize))
			r.text(faceSong, tableSize, r.geo.left, r.y, r.geo.bodyW, l, layout.Left)
			r.y += lineH(tableSize)
		}
	}
	r.y += 2
	return nil
}

// caption draws a table's caption lines at the writing position.
func (r *renderer) caption(lines []string) {
	for _, l := range lines {
		r.text(faceHei, proseSize, r.geo.left, r.y, r.geo.bodyW, l, layout.Left)
		r.y += lineH(proseSize)
	}
	if len(lines) > 0 {
		r.y++
	}
}

// tableGoesOn starts the next page of a table that runs on: the caption
// again with 「（续）」 (a roster's branch, say, is named on each of its
// pages) and the header.
func (r *renderer) tableGoesOn(tc *tableCols, headH float64) {
	r.newPage(false)
	if c := tc.t.Caption; c != "" {
		rec := r.record // the caption is the part's, not the row's
		r.record = r.partRecord()
		r.caption(r.wrapText(c+"（续）", faceHei, proseSize, r.geo.bodyW))
		r.record = rec
	}
	r.tableHeader(tc, headH)
}

// tableStart sets out what a table needs at the foot of a page before it
// may begin there: its caption's lines, the header's height and the
// height of the caption, the header and the first row together (lines
// holds the first row's lines after it).
func (r *renderer) tableStart(tc *tableCols, lines [][]string) (capLines []string, headH, start float64) {
	t := tc.t
	if t.Caption != "" {
		capLines = r.wrapText(t.Caption, faceHei, proseSize, r.geo.bodyW)
		start = float64(len(capLines))*lineH(proseSize) + 1
	}
	headH = r.headerHeight(tc)
	start += headH
	if len(t.Rows) > 0 {
		start += r.rowLines(tc, &t.Rows[0], lines)
	}
	return capLines, headH, start
}

// rowLines sets lines[i] to the lines of each cell of row and tc.size[i]
// to its type size, and returns the row's height. A cell that fits on
// its line is not copied; a Keep cell too wide is set smaller down to
// keepMinSize, and only then wrapped.
func (r *renderer) rowLines(tc *tableCols, row *layout.Row, lines [][]string) float64 {
	f := faceSong
	if row.Total {
		f = faceHei
	}
	h := lineH(tableSize)
	for i, c := range tc.t.Columns {
		text := ""
		if i < len(row.Cells) {
			text = typeset(row.Cells[i])
		}
		avail := tc.w[i] - 2*padH
		size := float64(tableSize)
		lines[i] = lines[i][:0]
		w, multi := r.widest(text, f, size)
		fits := w <= avail
		if !fits && c.Keep {
			size = max(keepMinSize, tableSize*avail/w)
			size = float64(int(size*4)) / 4 // quarter points, rounded down
			fits = size > keepMinSize || w*size/tableSize <= avail
		}
		switch {
		case fits && !multi:
			lines[i] = append(lines[i], text)
		case fits:
			lines[i] = append(lines[i], strings.Split(text, "\n")...)
		default:
			lines[i] = append(lines[i], wrap(text, avail, r.measure(f, size))...)
		}
		tc.size[i] = size
		h = max(h, float64(len(lines[i]))*lineH(size))
	}
	return max(h+2*padV, row.MinHeight)
}

// tableRow draws a row whose lines rowLines has set, h high, at the
// writing position, with the rule under it.
func (r *renderer) tableRow(tc *tableCols, row *layout.Row, lines [][]string, h float64) {
	left := r.geo.left
	f := faceSong
	if row.Total {
		f = faceHei
		r.shade(left, r.y, tc.x[len(tc.w)], h, 235, "F")
	}
	for i, c := range tc.t.Columns {
		size := tc.size[i]
		lh := lineH(size)
		top := r.y + padV
		if len(lines[i]) == 1 && size < tableSize {
			top += (lineH(tableSize) - lh) / 2
		}
		for j, l := range lines[i] {
			r.textSet(f, size, left+tc.x[i]+padH, top+float64(j)*lh, tc.w[i]-2*padH, l, c.Align)
		}
	}
	r.y += h
	r.pdf.SetLineWidth(0.2)
	r.pdf.Line(left, r.y, left+tc.x[len(tc.w)], r.y)
}

// tableRules draws the column rules of the rows drawn on this page, from
// top down to the writing position.
func (r *renderer) tableRules(tc *tableCols, top float64) {
	if r.y <= top {
		return
	}
	r.pdf.SetLineWidth(0.2)
	for _, x := range tc.x {
		r.pdf.Line(r.geo.left+x, top, r.geo.left+x, r.y)
	}
}

// headerHeight is the height of a table's header: the groups' row (when
// there are groups) and the titles' row.
func (r *renderer) headerHeight(tc *tableCols) float64 {
	g, t := r.headerRows(tc)
	return g + t
}

// headerRows returns the heights of the groups' row and the titles' row.
func (r *renderer) headerRows(tc *tableCols) (float64, float64) {
	lh := lineH(tableSize)
	n := 1
	for i, c := range tc.t.Columns {
		n = max(n, len(r.wrapText(c.Title, faceHei, tableSize, tc.w[i]-2*padH)))
	}
	titles := float64(n)*lh + 2*padV + 0.6
	if len(tc.t.Groups) == 0 {
		return 0, titles
	}
	gn, col := 1, 0
	for _, g := range tc.t.Groups {
		if g.Span <= 0 {
			continue
		}
		end := min(col+g.Span, len(tc.w))
		gn = max(gn, len(r.wrapText(g.Title, faceHei, tableSize, tc.x[end]-tc.x[col]-2*padH)))
		col = end
	}
	return float64(gn)*lh + 2*padV + 0.6, titles
}

// tableHeader draws the header at the writing position: the groups over
// their columns (a group without a title leaves its columns' titles the
// height of both rows) and the columns' titles, in 黑体, shaded.
func (r *renderer) tableHeader(tc *tableCols, h float64) {
	gh, th := r.headerRows(tc)
	left, top := r.geo.left, r.y
	r.pdf.SetLineWidth(0.2)
	cell := func(x0, x1, y, ch float64, title string) {
		r.shade(left+x0, y, x1-x0, ch, 235, "FD")
		ls := r.wrapText(title, faceHei, tableSize, x1-x0-2*padH)
		lh := lineH(tableSize)
		ty := y + (ch-float64(len(ls))*lh)/2
		for j, l := range ls {
			r.textSet(faceHei, tableSize, left+x0+padH, ty+float64(j)*lh, x1-x0-2*padH, l, layout.Center)
		}
	}
	spanned := make([]bool, len(tc.w)) // under a titled group
	col := 0
	for _, g := range tc.t.Groups {
		if g.Span <= 0 || col >= len(tc.w) {
			continue
		}
		end := min(col+g.Span, len(tc.w))
		if g.Title != "" {
			cell(tc.x[col], tc.x[end], top, gh, g.Title)
			for i := col; i < end; i++ {
				spanned[i] = true
			}
		}
		col = end
	}
	for i, c := range tc.t.Columns {
		if spanned[i] || gh == 0 {
			cell(tc.x[i], tc.x[i+1], top+gh, th, c.Title)
		} else {
			cell(tc.x[i], tc.x[i+1], top, gh+th, c.Title)
		}
	}
	r.y = top + h
}

// heightOf is the height of a row of these cells' lines.
func heightOf(tc *tableCols, lines [][]string) float64 {
	h := lineH(tableSize)
	for i := range lines {
		h = max(h, float64(len(lines[i]))*lineH(tc.size[i]))
	}
	return h + 2*padV
}

// splitRow takes from lines the lines of each cell that fit in room mm and
// returns them, leaving the rest in lines; nil when not a line fits.
func (r *renderer) splitRow(tc *tableCols, lines [][]string, room float64) [][]string {
	part := make([][]string, len(lines))
	more := false
	for i := range lines {
		n := min(int((room-2*padV)/lineH(tc.size[i])), len(lines[i]))
		if n <= 0 {
			continue
		}
		if n < len(lines[i]) {
			more = true
		}
		part[i] = lines[i][:n]
		lines[i] = lines[i][n:]
	}
	if !more {
		return nil
	}
	return part
}

// widest measures the widest of the lines of s (split at line ends) and
// tells whether s has more than one.
func (r *renderer) widest(s string, f face, size float64) (float64, bool) {
	if !strings.ContainsRune(s, '\n') {
		return r.width(s, f, size), false
	}
	w := 0.0
	for line := range strings.SplitSeq(s, "\n") {
		w = max(w, r.width(line, f, size))
	}
	return w, true
}

// carry keeps the labels of a table's Carry columns: the last non-blank
// cell of each above the row being drawn, to be repeated on the first row
// of a page that a group runs on to.
type carry struct {
	cols   []int    // the Carry columns
	labels []string // their last labels, "" before the first
}

// newCarry returns the carry of t; nil when t has no Carry column.
func newCarry(t *layout.Table) *carry {
	var c carry
	for i, col := range t.Columns {
		if col.Carry {
			c.cols = append(c.cols, i)
		}
	}
	if len(c.cols) == 0 {
		return nil
	}
	c.labels = make([]string, len(c.cols))
	return &c
}

// note remembers row's labels. A total row neither gives nor takes one.
func (c *carry) note(row *layout.Row) {
	if c == nil || row.Total {
		return
	}
	for k, i := range c.cols {
		if i < len(row.Cells) && row.Cells[i] != "" {
			c.labels[k] = row.Cells[i]
		}
	}
}

// fill returns row with the labels it leaves blank filled in, for the
// first row of a page; row itself when it needs none.
func (c *carry) fill(row *layout.Row) *layout.Row {
	if c == nil || row.Total {
		return row
	}
	var out *layout.Row
	for k, i := range c.cols {
		if c.labels[k] == "" || (i < len(row.Cells) && row.Cells[i] != "") {
			continue
		}
		if out == nil {
			cp := *row
			cp.Cells = make([]string, max(len(row.Cells), c.cols[len(c.cols)-1]+1))
			copy(cp.Cells, row.Cells)
			out = &cp
		}
		out.Cells[i] = c.labels[k]
	}
	if out == nil {
		return row
	}
	return out
}
