package pdf

// Column is one column of a table.
type Column struct {
	Title string
	Width float64 // mm; the last column with Width 0 takes what is left
	Align string  // "L", "C" or "R"; "L" when empty
}

// Table draws rows under a header that repeats on every page; a row is
// never split across pages.
type Table struct {
	d      *Document
	cols   []Column
	widths []float64
}

const cellPad = 1.2 // mm of padding left and right inside a cell

// NewTable starts a table and draws its header.
func (d *Document) NewTable(cols []Column) *Table {
	t := &Table{d: d, cols: cols, widths: make([]float64, len(cols))}
	used, free := 0.0, -1
	for i, c := range cols {
		t.widths[i] = c.Width
		if c.Width == 0 {
			free = i
		}
		used += c.Width
	}
	if free >= 0 {
		t.widths[free] = max(d.bodyWidth()-used, 10)
	}
	d.font(bodySize)
	d.ensure(d.lineHeight() * 3)
	t.header()
	return t
}

func (t *Table) header() {
	d := t.d
	d.pdf.SetFillColor(230, 230, 230)
	h := d.lineHeight() + 1
	for i, c := range t.cols {
		d.pdf.CellFormat(t.widths[i], h, c.Title, "1", 0, "C", true, 0, "")
	}
	d.pdf.Ln(h)
}

// layout wraps each cell and returns the lines and the row's height.
func (t *Table) layout(cells []string) ([][]string, float64) {
	lines := make([][]string, len(t.cols))
	n := 1
	for i := range t.cols {
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		lines[i] = wrap(text, t.widths[i]-2*cellPad, t.d.runeWidth)
		n = max(n, len(lines[i]))
	}
	return lines, float64(n)*t.d.lineHeight() + 1
}

// Fits reports whether a row of these cells drawn next stays on the current
// page (Row would otherwise start a new page, with the header repeated).
func (t *Table) Fits(cells ...string) bool {
	_, h := t.layout(cells)
	return t.d.pdf.GetY()+h <= t.d.bottom()
}

// Row draws one row; cells beyond the columns are ignored, missing cells
// are blank.
func (t *Table) Row(cells ...string) {
	d := t.d
	lines, h := t.layout(cells)
	lh := d.lineHeight()
	if d.ensure(h) {
		t.header()
	}
	x, y := d.pdf.GetX(), d.pdf.GetY()
	for i, c := range t.cols {
		d.pdf.Rect(x, y, t.widths[i], h, "D")
		align := c.Align
		if align == "" {
			align = "L"
		}
		for j, line := range lines[i] {
			d.pdf.SetXY(x+cellPad, y+0.5+float64(j)*lh)
			d.pdf.CellFormat(t.widths[i]-2*cellPad, lh, line, "", 0, align, false, 0, "")
		}
		x += t.widths[i]
	}
	d.pdf.SetXY(marginLeft(d), y+h)
}

func marginLeft(d *Document) float64 {
	left, _, _, _ := d.pdf.GetMargins()
	return left
}
