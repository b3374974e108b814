package layout

// The least width, mm, of a column or a form cell whose Width is 0.
const (
	leastColumn = 12.0
	leastCell   = 10.0
)

// Share places widths on a body width, in mm: a width of 0 shares what the
// others leave, at least least each; widths adding up to more than the
// body are all scaled down to it. Both writers place tables and forms with
// it, so the PDF and the Word document agree.
func Share(widths []float64, body, least float64) []float64 {
	fixed, free := 0.0, 0
	for _, w := range widths {
		if w > 0 {
			fixed += w
		} else {
			free++
		}
	}
	share := 0.0
	if free > 0 {
		share = max((body-fixed)/float64(free), least)
	}
	out := make([]float64, len(widths))
	total := 0.0
	for i, w := range widths {
		if w <= 0 {
			w = share
		}
		out[i] = w
		total += w
	}
	if total > body {
		for i := range out {
			out[i] *= body / total
		}
	}
	return out
}

// ColumnWidths are a table's column widths on a body width (Share).
func ColumnWidths(t *Table, body float64) []float64 {
	ws := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		ws[i] = c.Width
	}
	return Share(ws, body, leastColumn)
}

// CellWidths are a form row's cell widths on a body width (Share).
func CellWidths(row *FormRow, body float64) []float64 {
	ws := make([]float64, len(row.Cells))
	for i, c := range row.Cells {
		ws[i] = c.Width
	}
	return Share(ws, body, leastCell)
}
