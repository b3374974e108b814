package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// bareUI is a UI with a window and no store, for the shell's pieces.
func bareUI(t *testing.T) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1000, 600))
	u := &UI{app: a, win: w, post: func(f func()) { f() }}
	u.addShortcuts()
	return u
}

// tableFixture is a dataTable of three people shown in u's window, with
// what its actions did.
type tableFixture struct {
	u               *UI
	t               *dataTable
	rows            [][]string
	opened, removed []int
}

func newTableFixture(t *testing.T, u *UI, name string) *tableFixture {
	t.Helper()
	f := &tableFixture{u: u, rows: [][]string{
		{"王建国", "教工第一党支部", "2005-07-01"},
		{"李红梅", "学生第一党支部", "2010-03-15"},
		{"张伟", "机关党支部", "1999-12-31"},
	}}
	cols := []column{{"姓名", 80}, {"所在党支部", 120}, {"入党日期", 100}}
	f.t = newDataTable(u, name, cols, func() int { return len(f.rows) },
		func(row, col int) string { return f.rows[row][col] },
		rowActions{
			open:   func(row int) { f.opened = append(f.opened, row) },
			remove: func(row int) { f.removed = append(f.removed, row) },
		})
	u.win.SetContent(f.t.object())
	f.t.refresh() // laid out in the window's size
	return f
}

// cellAt is the cell widget showing row and col in the window.
func (f *tableFixture) cellAt(t *testing.T, row, col int) *tableCell {
	t.Helper()
	for _, o := range allObjects(f.u.win.Content()) {
		if c, ok := o.(*tableCell); ok && c.row == row && c.col == col && c.Visible() {
			return c
		}
	}
	t.Fatalf("no cell (%d, %d) shown", row, col)
	return nil
}

// allObjects is o and everything it holds, as rendered now (a table's
// cells too, which test.LaidOutObjects leaves out).
func allObjects(o fyne.CanvasObject) []fyne.CanvasObject {
	all := []fyne.CanvasObject{o}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			all = append(all, allObjects(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			all = append(all, allObjects(c)...)
		}
	}
	return all
}

// buttonIn is the button reading text among o's objects, nil when none.
func buttonIn(o fyne.CanvasObject, text string) *widget.Button {
	for _, x := range allObjects(o) {
		if b, ok := x.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	return nil
}

func TestDataTableRightClickOffersTheRowsActions(t *testing.T) {
	u := bareUI(t)
	f := newTableFixture(t, u, "test.menu")
	test.TapSecondary(f.cellAt(t, 1, 0))
	if f.t.selectedRow() != 1 {
		t.Fatalf("a right click on row 1 selected %d", f.t.selectedRow())
	}
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("a right click shows no menu")
	}
	markup := test.RenderObjectToMarkup(top)
	for _, want := range []string{"打开", "删除", "复制"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the row's menu lacks %s", want)
		}
	}
	if strings.Contains(markup, "编辑") {
		t.Error("the menu offers 编辑 though the screen has no edit of its own")
	}

	var labels []string
	for _, item := range f.t.rowMenu(1).Items {
		labels = append(labels, item.Label)
		switch item.Label {
		case "打开", "删除":
			item.Action()
		case "复制":
			item.Action()
			if got := u.app.Clipboard().Content(); got != "李红梅\t学生第一党支部\t2010-03-15" {
				t.Errorf("复制 put %q on the clipboard", got)
			}
		}
	}
	if strings.Join(labels, " ") != "打开 删除 复制" || len(f.opened) != 1 || f.opened[0] != 1 || len(f.removed) != 1 || f.removed[0] != 1 {
		t.Fatalf("menu %q: opened %v, removed %v", labels, f.opened, f.removed)
	}

	// With an edit of its own, the menu offers it.
	edited := -1
	f.t.act.edit = func(row int) { edited = row }
	for _, item := range f.t.rowMenu(2).Items {
		if item.Label == "编辑" {
			item.Action()
		}
	}
	if edited != 2 {
		t.Fatalf("编辑 edited row %d", edited)
	}
}

func TestDataTableClickSelectsAndEnterOrDoubleClickOpens(t *testing.T) {
	u := bareUI(t)
	f := newTableFixture(t, u, "test.open")
	test.Tap(f.cellAt(t, 2, 1))
	if f.t.selectedRow() != 2 || len(f.opened) != 0 {
		t.Fatalf("a click: selected %d, opened %v; want row 2 selected, nothing opened", f.t.selectedRow(), f.opened)
	}
	if u.win.Canvas().Focused() != f.t.table {
		t.Fatal("a click does not give the table the keyboard")
	}
	f.t.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(f.opened) != 1 || f.opened[0] != 2 {
		t.Fatalf("Enter opened %v, want row 2", f.opened)
	}
	f.t.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	f.t.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if f.t.selectedRow() != 1 || f.opened[len(f.opened)-1] != 1 {
		t.Fatalf("↑ then Enter: selected %d, opened %v", f.t.selectedRow(), f.opened)
	}
	for _, k := range []struct {
		key  fyne.KeyName
		want int
	}{{fyne.KeyEnd, 2}, {fyne.KeyHome, 0}, {fyne.KeyPageDown, 2}, {fyne.KeyPageUp, 0}, {fyne.KeyDown, 1}} {
		f.t.table.TypedKey(&fyne.KeyEvent{Name: k.key})
		if f.t.selectedRow() != k.want {
			t.Fatalf("%s selected row %d, want %d", k.key, f.t.selectedRow(), k.want)
		}
	}
	test.DoubleTap(f.cellAt(t, 0, 0))
	if f.t.selectedRow() != 0 || f.opened[len(f.opened)-1] != 0 {
		t.Fatalf("a double click: selected %d, opened %v", f.t.selectedRow(), f.opened)
	}
	f.t.selectRow(1)
	f.t.openSelected()
	if f.opened[len(f.opened)-1] != 1 {
		t.Fatalf("openSelected opened %v", f.opened)
	}
}

func TestDataTableCtrlCCopiesTheCellOrTheRow(t *testing.T) {
	u := bareUI(t)
	f := newTableFixture(t, u, "test.copy")
	copyKey := func() string {
		f.t.table.TypedShortcut(&fyne.ShortcutCopy{Clipboard: u.app.Clipboard()})
		return u.app.Clipboard().Content()
	}
	if got := copyKey(); got != "" {
		t.Fatalf("nothing selected, Ctrl+C copied %q", got)
	}
	test.Tap(f.cellAt(t, 1, 1))
	if got := copyKey(); got != "学生第一党支部" {
		t.Fatalf("after a click on a cell, Ctrl+C copied %q", got)
	}
	f.t.selectRow(0)
	if got := copyKey(); got != "王建国\t教工第一党支部\t2005-07-01" {
		t.Fatalf("a row selected, Ctrl+C copied %q", got)
	}
	f.rows[2][1] = "第一行\n第二行\t尾"
	f.t.selectRow(2)
	if got := f.t.copySelected(); got != "张伟\t第一行 第二行 尾\t1999-12-31" {
		t.Fatalf("a cell with a line break and a tab copies as %q", got)
	}
}

func TestDataTableRemembersWidthsAndSortAcrossRebuilds(t *testing.T) {
	u := bareUI(t)
	f := newTableFixture(t, u, "test.remember")
	var sorts []string
	onSort := func(col int, desc bool) {
		order := "升序"
		if desc {
			order = "降序"
		}
		sorts = append(sorts, f.t.cols[col].title+order)
	}
	f.t.sortable(onSort)
	if len(sorts) != 0 {
		t.Fatalf("nothing remembered, yet sorted: %q", sorts)
	}
	f.t.sortBy(2)
	f.t.sortBy(2)
	if strings.Join(sorts, ",") != "入党日期升序,入党日期降序" || f.t.headerText(2) != "入党日期 ▼" {
		t.Fatalf("two taps on 入党日期: %q, header %q", sorts, f.t.headerText(2))
	}
	// The user drags the divider after 所在党支部 (the table sets the width
	// as a drag does); the header, laid out anew, shows it.
	f.t.table.SetColumnWidth(1, 261)
	test.LaidOutObjects(u.win.Content())
	if !f.t.sized[1] || f.t.widths[1] != 261 {
		t.Fatalf("the dragged width is not taken: %v", f.t.widths)
	}

	// Another screen, then this one again: a new table of the same name.
	g := newTableFixture(t, u, "test.remember")
	sorts = nil
	g.t.sortable(onSort)
	if strings.Join(sorts, ",") != "入党日期降序" {
		t.Fatalf("the rebuilt table sorted %q, want 入党日期降序 once", sorts)
	}
	if g.t.widths[1] != 261 || !g.t.sized[1] || g.t.sized[0] {
		t.Fatalf("the rebuilt table's widths %v, sized %v", g.t.widths, g.t.sized)
	}
	// 列宽适应内容 forgets the dragged width.
	g.t.headerMenu().Items[0].Action()
	if g.t.sized[1] || g.t.widths[1] == 261 {
		t.Fatalf("after 列宽适应内容: widths %v", g.t.widths)
	}
	h := newTableFixture(t, u, "test.remember")
	if h.t.sized[1] {
		t.Fatal("列宽适应内容 is not remembered")
	}
	// Another table keeps its own.
	other := newTableFixture(t, u, "test.other")
	sorts = nil
	other.t.sortable(onSort)
	if len(sorts) != 0 {
		t.Fatalf("a table of another name sorted %q", sorts)
	}
}

func TestDataTableColumnsFitTheirText(t *testing.T) {
	u := bareUI(t)
	f := newTableFixture(t, u, "test.fit")
	long := "中国共产党某某大学计算机科学与技术学院教工第一党支部"
	f.rows[0][1] = long
	f.t.refresh()
	text := fyne.MeasureText(long, u.app.Settings().Theme().Size("text"), fyne.TextStyle{}).Width
	if f.t.widths[1] < min(text, maxColumnWidth) {
		t.Fatalf("所在党支部 is %.0f wide for a text of %.0f", f.t.widths[1], text)
	}
	if f.t.widths[1] > maxColumnWidth {
		t.Fatalf("a column grew to %.0f, past the bound %d", f.t.widths[1], maxColumnWidth)
	}
	name := fyne.MeasureText("王建国", u.app.Settings().Theme().Size("text"), fyne.TextStyle{}).Width
	if f.t.widths[0] < name || f.t.widths[0] > 3*name {
		t.Fatalf("姓名 is %.0f wide for names of %.0f", f.t.widths[0], name)
	}
}
