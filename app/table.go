package app

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// column is a table column's title and width (the width a columnTable
// gives it; a dataTable fits its columns to their text instead, and uses
// the width only while the table is empty).
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

// rowActions are what a row offers: Enter and double-click run open; the
// right-click menu shows 打开/编辑/删除/复制 for the non-nil ones (复制
// always).
type rowActions struct {
	open   func(row int) // 打开 (Enter, double-click)
	edit   func(row int) // 编辑; nil: same as open, item hidden
	remove func(row int) // 删除; nil: no 删除 item
}

// dataTable is a table of rows: a click selects a row (highlighted),
// double-click or Enter opens it, right-click offers the row's actions,
// Ctrl+C copies the selected cell, or the selected row, as tab-separated
// text (pastes into Excel/WPS); column widths (dragged by the user on the
// header's dividers) and the sort order are remembered per table name in
// the preferences. Columns the user has not sized fit their text, up to
// maxColumnWidth; a longer text is cut with an ellipsis and shown whole in
// the status bar while the pointer is over it.
type dataTable struct {
	u     *UI
	name  string
	cols  []column
	rows  func() int
	cell  func(row, col int) string
	act   rowActions
	table *rowTable

	selected, selectedCol int  // -1 when none
	cellCopy              bool // Ctrl+C copies the cell, not the row

	widths []float32    // each column's width now
	set    []float32    // each column's width as last given to the table (0: never)
	sized  map[int]bool // columns the user sized (remembered)

	sortCol  int // -1: the screen's own order
	sortDesc bool
	onSort   func(col int, desc bool)
	// rowKey names the record of a row, for a sort to keep the selection
	// on it (nil: a sort clears the selection); unselected is told when a
	// sort leaves no row selected that was (see keepSelection).
	rowKey     func(row int) string
	unselected func()

	sizing bool // the columns are being sized: cells wait for the refresh after
}

// maxColumnWidth bounds the width a column takes to fit its text.
const maxColumnWidth = 320

// pageRows is how far PageUp and PageDown move the selection.
const pageRows = 15

// fitSample is how many rows, spread over the table, are measured to fit
// the columns.
const fitSample = 400

// newDataTable makes a dataTable named name (the key of what is
// remembered); rows and cell give its content, act what a row offers.
func newDataTable(u *UI, name string, cols []column, rows func() int, cell func(row, col int) string, act rowActions) *dataTable {
	t := &dataTable{u: u, name: name, cols: cols, rows: rows, cell: cell, act: act,
		selected: -1, selectedCol: -1, sortCol: -1, sized: map[int]bool{}}
	t.widths = make([]float32, len(cols))
	t.set = make([]float32, len(cols))
	t.table = newRowTable(t)
	for col, w := range t.rememberedWidths() {
		t.sized[col] = true
		t.widths[col] = w
	}
	t.fit()
	return t
}

// object is the table, for a layout.
func (t *dataTable) object() fyne.CanvasObject { return t.table }

// refresh shows the rows anew (after a load or a sort): columns the user
// has not sized fit their text again; a selection beyond the last row is
// dropped.
func (t *dataTable) refresh() {
	if t.selected >= t.rows() {
		t.selected, t.selectedCol = -1, -1
		t.table.UnselectAll()
	}
	t.fit()
	t.table.Refresh()
}

// selectedRow is the row selected, -1 when none.
func (t *dataTable) selectedRow() int { return t.selected }

// selectRow selects row (the whole row, as a click does).
func (t *dataTable) selectRow(row int) {
	t.selectCell(row, -1)
}

// selectCell selects row, with col the cell Ctrl+C copies (-1: the row).
func (t *dataTable) selectCell(row, col int) {
	if row < 0 || row >= t.rows() {
		return
	}
	at := col // the cell scrolled to: the row's, in the column last used
	if at < 0 {
		at = max(t.selectedCol, 0)
	}
	t.selected, t.selectedCol = row, at
	t.cellCopy = col >= 0
	t.table.Select(widget.TableCellID{Row: row, Col: at})
	t.table.Refresh()
}

// openSelected opens the selected row, what Enter does.
func (t *dataTable) openSelected() {
	if t.selected >= 0 && t.selected < t.rows() && t.act.open != nil {
		t.act.open(t.selected)
	}
}

// copySelected puts the selected cell (after a click on it) or the
// selected row (after Enter, the keyboard or 复制) on the clipboard as
// tab-separated text, and returns it; "" when nothing is selected.
func (t *dataTable) copySelected() string {
	if t.selected < 0 || t.selected >= t.rows() {
		return ""
	}
	var text string
	if t.cellCopy && t.selectedCol >= 0 && t.selectedCol < len(t.cols) {
		text = clipText(t.cell(t.selected, t.selectedCol))
	} else {
		text = t.rowText(t.selected)
	}
	if c := t.u.app.Clipboard(); c != nil {
		c.SetContent(text)
	}
	return text
}

// rowText is a row as one line of tab-separated cells.
func (t *dataTable) rowText(row int) string {
	cells := make([]string, len(t.cols))
	for col := range t.cols {
		cells[col] = clipText(t.cell(row, col))
	}
	return strings.Join(cells, "\t")
}

// clipText is a cell's text as a spreadsheet cell: no tabs or line breaks.
func clipText(s string) string {
	return strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// sortable makes header taps sort: onSort(col, desc) sorts the screen's
// rows (then call refresh); the last choice is remembered and onSort is
// called once at once with it.
func (t *dataTable) sortable(onSort func(col int, desc bool)) {
	t.onSort = onSort
	if col, desc, ok := t.rememberedSort(); ok {
		t.sortCol, t.sortDesc = col, desc
		onSort(col, desc)
	}
	t.table.Refresh()
}

// sortBy sorts by col: ascending first, descending on a second tap.
func (t *dataTable) sortBy(col int) {
	if t.onSort == nil || col < 0 || col >= len(t.cols) {
		return
	}
	if t.sortCol == col {
		t.sortDesc = !t.sortDesc
	} else {
		t.sortCol, t.sortDesc = col, false
	}
	t.rememberSort()
	key, col, had := "", t.selectedCol, t.selected >= 0 && t.selected < t.rows()
	if had && t.rowKey != nil {
		key = t.rowKey(t.selected)
	}
	t.selected, t.selectedCol = -1, -1
	t.table.UnselectAll()
	t.onSort(t.sortCol, t.sortDesc)
	t.table.Refresh()
	if key != "" {
		for row := range t.rows() {
			if t.rowKey(row) == key {
				t.selectCell(row, col)
				t.table.ScrollTo(widget.TableCellID{Row: row, Col: max(col, 0)})
				return
			}
		}
	}
	if had && t.unselected != nil {
		t.unselected()
	}
}

// keepSelection makes a sort keep the selection on the row whose key is
// the selected row's (the same record, wherever the sort puts it), and
// tell unselected when it leaves none selected, for a screen that shows
// the selected row's details.
func (t *dataTable) keepSelection(key func(row int) string, unselected func()) {
	t.rowKey, t.unselected = key, unselected
}

// headerText is a column's title with the sort order's arrow.
func (t *dataTable) headerText(col int) string {
	title := t.cols[col].title
	if col == t.sortCol {
		if t.sortDesc {
			return title + " ▼"
		}
		return title + " ▲"
	}
	return title
}

// rowMenu is the right-click menu of row.
func (t *dataTable) rowMenu(row int) *fyne.Menu {
	var items []*fyne.MenuItem
	if t.act.open != nil {
		items = append(items, fyne.NewMenuItem("打开", func() { t.act.open(row) }))
	}
	if t.act.edit != nil {
		items = append(items, fyne.NewMenuItem("编辑", func() { t.act.edit(row) }))
	}
	if t.act.remove != nil {
		items = append(items, fyne.NewMenuItem("删除", func() { t.act.remove(row) }))
	}
	items = append(items, fyne.NewMenuItem("复制", func() {
		t.selected, t.cellCopy = row, false
		t.copySelected()
	}))
	return fyne.NewMenu("", items...)
}

// headerMenu is the right-click menu of the header.
func (t *dataTable) headerMenu() *fyne.Menu {
	return fyne.NewMenu("", fyne.NewMenuItem("列宽适应内容", t.fitAll))
}

// fitAll forgets the widths the user gave and fits every column to its
// text.
func (t *dataTable) fitAll() {
	t.sized = map[int]bool{}
	t.rememberWidths()
	t.fit()
	t.table.Refresh()
}

// fit sets the width of each column the user has not sized to its widest
// text, among the header and a sample of rows, up to maxColumnWidth.
func (t *dataTable) fit() {
	n := t.rows()
	step := 1
	if n > fitSample {
		step = n / fitSample
	}
	pad := 2*theme.Padding() + 2*theme.InnerPadding()
	size := theme.TextSize()
	// Each width set redraws the table; the cells are filled once, after.
	t.sizing = true
	defer func() { t.sizing = false }()
	for col, c := range t.cols {
		if t.sized[col] {
			t.setWidth(col, t.widths[col])
			continue
		}
		w := fyne.MeasureText(t.headerText(col)+" ▲", size, fyne.TextStyle{Bold: true}).Width + pad
		if n == 0 && c.width > w {
			w = c.width
		}
		widest, wideLen := "", 0
		for row := 0; row < n; row += step {
			s := t.cell(row, col)
			if l := textLen(s); l > wideLen {
				widest, wideLen = s, l
			}
		}
		if wideLen > 0 {
			w = max(w, fyne.MeasureText(widest, size, fyne.TextStyle{}).Width+pad)
		}
		w = min(w, maxColumnWidth)
		t.widths[col] = w
		t.setWidth(col, w)
	}
}

// setWidth gives the table col's width when it changed: each width given
// lays the whole table out again, which at thousands of rows is what makes
// a refresh slow.
func (t *dataTable) setWidth(col int, w float32) {
	if t.set[col] == w {
		return
	}
	t.set[col] = w
	t.table.SetColumnWidth(col, w)
}

// textLen is a quick measure of how wide s is: a CJK character counts as
// two Latin ones.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x2E80 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// sawWidth notes the width of col as laid out: a width other than the one
// set comes from the user dragging the header's divider, and is remembered.
func (t *dataTable) sawWidth(col int, w float32) {
	if col < 0 || col >= len(t.widths) || w <= 0 {
		return
	}
	if d := w - t.widths[col]; d > -0.5 && d < 0.5 {
		return
	}
	t.widths[col], t.set[col] = w, w // the table has it already
	t.sized[col] = true
	t.rememberWidths()
}

// rowTable is the widget.Table of a dataTable, with the keys of office
// software: Enter opens the selected row, ↑ ↓ PageUp PageDown Home End move
// the selection, Ctrl+C copies; Esc and the window's shortcuts go on to the
// window.
type rowTable struct {
	widget.Table
	t *dataTable
}

func newRowTable(t *dataTable) *rowTable {
	r := &rowTable{t: t}
	r.Length = func() (int, int) { return t.rows(), len(t.cols) }
	r.CreateCell = func() fyne.CanvasObject { return newTableCell(t) }
	r.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		if t.sizing {
			return
		}
		c := o.(*tableCell)
		c.row, c.col = id.Row, id.Col
		text := ""
		if id.Row >= 0 && id.Row < t.rows() && id.Col >= 0 && id.Col < len(t.cols) {
			text = t.cell(id.Row, id.Col)
		}
		c.show(text, id.Row == t.selected)
	}
	r.ShowHeaderRow = true
	r.CreateHeader = func() fyne.CanvasObject { return newHeaderCell(t) }
	r.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		h := o.(*headerCell)
		h.col = id.Col
		if id.Row < 0 && id.Col >= 0 && id.Col < len(t.cols) {
			h.label.SetText(t.headerText(id.Col))
			t.sawWidth(id.Col, h.Size().Width)
		}
	}
	r.OnSelected = func(id widget.TableCellID) {
		if id.Row != t.selected {
			t.selected, t.selectedCol, t.cellCopy = id.Row, id.Col, true
			r.Refresh()
		}
	}
	r.ExtendBaseWidget(r)
	return r
}

// TypedKey opens the selected row on Enter, moves the selection with ↑ and
// ↓, and passes Esc to the window.
func (r *rowTable) TypedKey(ev *fyne.KeyEvent) {
	t := r.t
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		t.openSelected()
	case fyne.KeyUp:
		if t.selected > 0 {
			t.selectRow(t.selected - 1)
		}
	case fyne.KeyDown:
		if t.selected < t.rows()-1 {
			t.selectRow(t.selected + 1)
		}
	case fyne.KeyPageUp:
		t.selectRow(max(t.selected-pageRows, 0))
	case fyne.KeyPageDown:
		t.selectRow(min(t.selected+pageRows, t.rows()-1))
	case fyne.KeyHome:
		t.selectRow(0)
	case fyne.KeyEnd:
		t.selectRow(t.rows() - 1)
	case fyne.KeyEscape:
		passKey(r, ev)
	default:
		r.Table.TypedKey(ev)
	}
}

// TypedShortcut copies on Ctrl+C and passes the window's shortcuts on.
func (r *rowTable) TypedShortcut(s fyne.Shortcut) {
	switch {
	case s.ShortcutName() == (&fyne.ShortcutCopy{}).ShortcutName():
		r.t.copySelected()
	default:
		passShortcut(r, s)
	}
}

// focus gives the table the keyboard.
func (r *rowTable) focus() {
	if c := canvasOf(r); c != nil {
		c.Focus(r)
	}
}

// tableCell is a data cell: the text, cut with an ellipsis when too long,
// on the row's highlight. A click selects its row, a double click opens it,
// a right click offers the row's menu.
type tableCell struct {
	widget.BaseWidget
	t        *dataTable
	row, col int
	bg       *canvas.Rectangle
	label    *widget.Label
}

func newTableCell(t *dataTable) *tableCell {
	c := &tableCell{t: t, bg: canvas.NewRectangle(color.Transparent), label: widget.NewLabel("")}
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer draws the highlight under the text.
func (c *tableCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, c.label))
}

// show puts text in the cell, highlighted when its row is selected.
func (c *tableCell) show(text string, selected bool) {
	if selected {
		c.bg.FillColor = theme.Color(theme.ColorNameSelection)
	} else {
		c.bg.FillColor = color.Transparent
	}
	c.bg.Refresh()
	c.label.SetText(text)
}

// Tapped selects the cell's row.
func (c *tableCell) Tapped(*fyne.PointEvent) {
	c.t.selectCell(c.row, c.col)
	c.t.table.focus()
}

// DoubleTapped opens the cell's row.
func (c *tableCell) DoubleTapped(*fyne.PointEvent) {
	c.t.selectCell(c.row, c.col)
	c.t.table.focus()
	c.t.openSelected()
}

// TappedSecondary selects the cell's row and shows its menu.
func (c *tableCell) TappedSecondary(ev *fyne.PointEvent) {
	c.t.selectCell(c.row, c.col)
	c.t.table.focus()
	if cv := canvasOf(c); cv != nil {
		widget.ShowPopUpMenuAtPosition(c.t.rowMenu(c.row), cv, ev.AbsolutePosition)
	}
}

// MouseIn shows a text cut by the ellipsis whole in the status bar.
func (c *tableCell) MouseIn(*desktop.MouseEvent) {
	text := c.label.Text
	if text == "" || c.t.u.status == nil {
		return
	}
	pad := 2 * theme.InnerPadding()
	if fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width+pad > c.Size().Width {
		c.t.u.showHint(text)
	}
}

// MouseMoved does nothing: the text shown stays.
func (c *tableCell) MouseMoved(*desktop.MouseEvent) {}

// MouseOut puts the status bar back.
func (c *tableCell) MouseOut() { c.t.u.showHint("") }

// headerCell is a column's title: a click sorts by it (on a sortable
// table), a right click offers 列宽适应内容. Dragging the divider between
// two titles sizes a column.
type headerCell struct {
	widget.BaseWidget
	t     *dataTable
	col   int
	label *widget.Label
}

func newHeaderCell(t *dataTable) *headerCell {
	h := &headerCell{t: t, col: -1, label: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	h.label.Truncation = fyne.TextTruncateEllipsis
	h.ExtendBaseWidget(h)
	return h
}

// CreateRenderer draws the title.
func (h *headerCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(h.label)
}

// Tapped sorts by the column.
func (h *headerCell) Tapped(*fyne.PointEvent) { h.t.sortBy(h.col) }

// TappedSecondary offers 列宽适应内容.
func (h *headerCell) TappedSecondary(ev *fyne.PointEvent) {
	if cv := canvasOf(h); cv != nil {
		widget.ShowPopUpMenuAtPosition(h.t.headerMenu(), cv, ev.AbsolutePosition)
	}
}
