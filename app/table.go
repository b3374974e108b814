package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// column is a table column's title and width.
type column struct {
	title string
	width float32
}

// columnTable makes a table with a header row of the columns' titles and
// no header column; each cell is a label showing cell(row, col).
func columnTable(cols []column, rows func() int, cell func(row, col int) string) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(cols) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row >= 0 && id.Row < rows() && id.Col >= 0 && id.Col < len(cols) {
				o.(*widget.Label).SetText(cell(id.Row, id.Col))
			}
		},
	)
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 && id.Col < len(cols) {
			o.(*widget.Label).SetText(cols[id.Col].title)
		}
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.width)
	}
	return t
}

// truncated makes a columnTable's cells cut a text too long for its
// column with an ellipsis.
func truncated(t *widget.Table) *widget.Table {
	t.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	return t
}
