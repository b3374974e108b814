package app

import (
	"context"
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/rules"
)

// duesScreen is the 党费 screen: the calculator's 党费 ledger of a year as
// of its check day (rules.Figures.DuesLedger), one line per member with
// each month's state, and recording a payment by selecting a month's
// cell. Every figure on it is the ledger's, so that it agrees with the
// 党费收缴台账 and the 收缴汇总 sheet; a payment reads the ledger again.
type duesScreen struct {
	u      *UI
	year   *widget.Select
	branch *branchSelect
	totals *widget.Label
	table  *widget.Table
	// cols are the grid's columns: duesColumns, and in committee mode
	// 所属组织 at orgCol, after 姓名 (-1 outside it).
	cols   []column
	orgCol int

	view  duesView         // what was read last
	shown []*duesRow       // the lines of the chosen branch
	loads *loader          // reads the year; an older read's result is dropped
	pay   *duesPayDialog   // the last payment dialog opened
	list  *duesPaymentList // the payment list shown, if any
}

// duesView is one year's ledger as read and formatted off the UI
// goroutine.
type duesView struct {
	year     int
	asOf     time.Time // the check day the ledger is computed as of
	ledger   *rules.DuesLedger
	rows     []*duesRow
	branches []data.BranchRef
	orgs     map[string]string // the organization's name, by branch id
}

func newDuesScreen(u *UI) fyne.CanvasObject {
	s := &duesScreen{u: u, loads: newLoader(u), cols: duesColumns, orgCol: -1}
	u.keep("dues", s)
	if u.inCommittee() { // the lines of several organizations: say whose
		s.orgCol = duesColName + 1
		s.cols = slices.Insert(slices.Clone(duesColumns), s.orgCol, memberOrgColumn)
	}
	s.totals = widget.NewLabel("正在读取…")
	s.totals.Wrapping = fyne.TextWrapWord // a large organization's totals are long
	s.table = columnTable(s.cols, func() int { return len(s.shown) }, s.shownCell)
	s.table.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) { s.updateCell(id, o.(*widget.Label)) }
	s.table.StickyColumnCount = 1
	s.table.OnSelected = func(id widget.TableCellID) {
		s.table.Unselect(id)
		col := s.cellCol(id.Col)
		switch {
		case id.Row < 0 || id.Row >= len(s.shown):
		case col >= duesColMonth1 && col < duesColMonth1+12 && !u.inCommittee():
			s.openPay(s.shown[id.Row], col-duesColMonth1+1)
		case col == duesColName:
			s.openPayments(s.shown[id.Row].line.Member.ID)
		}
	}
	s.branch = newBranchSelect(allBranches)
	s.branch.OnChanged = func(string) { s.filter() }
	s.year = newYearSelect(u.store.Now())
	s.year.OnChanged = func(string) { s.load() }
	hint := widget.NewLabel("选择某月的单元格登记、修改或删除缴费；选择姓名查看其缴费记录")
	if u.inCommittee() {
		hint.SetText("选择姓名查看其缴费记录")
	}
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	list := widget.NewButton("缴费记录", func() { s.openPayments("") })
	pickers := container.NewHBox(widget.NewLabel("年度"), s.year, widget.NewLabel("党支部"), s.branch.Select, list)
	s.load()
	return u.scoped(container.NewBorder(container.NewVBox(pickers, s.totals, hint), nil, nil, nil, s.table), s.load)
}

func (s *duesScreen) updateCell(id widget.TableCellID, l *widget.Label) {
	if id.Row < 0 || id.Row >= len(s.shown) || id.Col < 0 || id.Col >= len(s.cols) {
		l.SetText("")
		return
	}
	r, col := s.shown[id.Row], s.cellCol(id.Col)
	l.Text = s.shownCell(id.Row, id.Col)
	l.Importance = widget.MediumImportance
	if m := col - duesColMonth1; m >= 0 && m < 12 && r.unpaid&(1<<m) != 0 {
		l.Importance = widget.DangerImportance
	}
	l.Alignment = fyne.TextAlignTrailing
	if col == duesColName || col == duesColRate || col < 0 {
		l.Alignment = fyne.TextAlignLeading
	}
	l.Refresh()
}

// cellCol is the cell (duesColName…) a column of the grid shows, -1 for
// 所属组织.
func (s *duesScreen) cellCol(col int) int {
	switch {
	case s.orgCol < 0 || col < s.orgCol:
		return col
	case col == s.orgCol:
		return -1
	}
	return col - 1
}

// shownCell is the text of the grid at row, col: a cell of the line, or
// its organization's name.
func (s *duesScreen) shownCell(row, col int) string {
	if c := s.cellCol(col); c >= 0 {
		return s.cell(row, c)
	}
	return s.view.orgs[s.shown[row].line.BranchID]
}

// cell returns the text of a shown line's cell (duesColName…).
func (s *duesScreen) cell(row, col int) string { return s.shown[row].cells[col] }

// load reads the chosen year's ledger as of its check day, with the
// branches, and formats its lines, off the UI goroutine.
func (s *duesScreen) load() {
	if s.table == nil {
		return
	}
	year := selectedYear(s.year)
	if year == 0 {
		return
	}
	store, orgID := s.u.store, s.u.orgScopeID()
	s.totals.SetText("正在读取…")
	load(s.loads, func(ctx context.Context) (duesView, error) {
		v := duesView{year: year, asOf: appcore.CheckDay(year, store.Now())}
		var err error
		if v.branches, err = branchRefsIn(ctx, store, orgID); err != nil {
			return v, err
		}
		v.orgs = make(map[string]string, len(v.branches))
		for _, b := range v.branches {
			v.orgs[b.ID] = b.OrgName
		}
		fig, err := s.u.figuresIn(ctx, store, orgID, year, v.asOf)
		if err != nil {
			return v, err
		}
		v.ledger = fig.DuesLedger()
		v.rows = duesRowsOf(v.ledger)
		return v, nil
	}, func(v duesView, err error) {
		if err != nil {
			s.totals.SetText("读取失败")
			s.u.showError(err)
			return
		}
		s.view = v
		s.branch.set(v.branches)
		s.filter()
	})
}

// reload reads the ledger again after a payment changed, and the payment
// list when it is shown.
func (s *duesScreen) reload() {
	s.load()
	if s.list != nil {
		s.list.load()
	}
}

// filter shows the lines of the chosen branch with its totals.
func (s *duesScreen) filter() {
	if s.table == nil || s.view.ledger == nil {
		return
	}
	id := s.branch.id()
	s.shown = s.shown[:0]
	for _, r := range s.view.rows {
		if id == "" || r.line.BranchID == id {
			s.shown = append(s.shown, r)
		}
	}
	s.totals.SetText(duesTotalsText(s.view, s.sum()))
	s.table.Refresh()
}

// sum is the ledger's totals of the chosen branch, or of the organization.
func (s *duesScreen) sum() rules.DuesTotals {
	if id := s.branch.id(); id != "" {
		return s.view.ledger.Branches[id]
	}
	return s.view.ledger.Org
}

// duesTotalsText is the line above the grid: the ledger's totals and 收缴率.
func duesTotalsText(v duesView, t rules.DuesTotals) string {
	day := fmt.Sprintf("截至%d年%d月%d日", v.asOf.Year(), int(v.asOf.Month()), v.asOf.Day())
	if v.asOf.Year() > v.year {
		day = "全年"
	}
	text := fmt.Sprintf("%d年（%s） 党员%d名  应缴 %s 元  实缴 %s 元  欠缴 %s 元（%d名有欠缴）",
		v.year, day, t.Members, yuan(t.Due), yuan(t.Paid), yuan(t.Arrears), t.Owing)
	if rate, ok := t.Rate(); ok {
		text += fmt.Sprintf("  收缴率 %.1f%%", rate*100)
	}
	return text
}
