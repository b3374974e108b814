package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// openDues sets 党费基数 (王建国 5000 元, 李红梅 3000 元) and 记录起始月份 to
// January, shows the 党费 screen and picks a year whose March is payable.
func openDues(t *testing.T) (*UI, *uiQueue, *duesScreen, int) {
	t.Helper()
	u, q := newTestUI(t)
	ctx := context.Background()
	for name, base := range map[string]data.Money{"王建国": data.Yuan(5000), "李红梅": data.Yuan(3000)} {
		ms, err := u.store.Members.List(ctx, data.Where(data.ColName, name))
		if err != nil || len(ms) != 1 {
			t.Fatalf("member %s: %v", name, err)
		}
		ms[0].DuesBase = base
		if err := u.store.Members.Update(ctx, &ms[0]); err != nil {
			t.Fatal(err)
		}
	}
	now := u.store.Now()
	year := now.Year()
	if now.Month() < time.March {
		year--
	}
	// Records kept here from January: the months before count.
	if err := u.store.SetSetting(ctx, rules.RecordsSinceKey, fmt.Sprintf("%d-01", year)); err != nil {
		t.Fatal(err)
	}
	showScreen(u, newDuesScreen)
	q.settle(u)
	s, ok := u.built["dues"].(*duesScreen)
	if !ok {
		t.Fatal("the 党费 screen is not kept as \"dues\"")
	}
	s.year.SetSelected(strconv.Itoa(year))
	q.settle(u)
	if len(s.shown) != 3 {
		t.Fatalf("%d lines, want the 3 members", len(s.shown))
	}
	return u, q, s, year
}

// duesLine returns the index of the member's shown line.
func duesLine(t *testing.T, s *duesScreen, name string) int {
	t.Helper()
	for i, r := range s.shown {
		if r.name() == name {
			return i
		}
	}
	t.Fatalf("no line for %s", name)
	return -1
}

// unpaidMarch is what March of year shows before any payment: 未缴 once
// it is over, nothing while it runs.
func unpaidMarch(u *UI, year int) string {
	if now := u.store.Now(); year == now.Year() && now.Month() == time.March {
		return ""
	}
	return "未缴"
}

func TestDuesPaymentForMarchShowsInTheGridAndTotals(t *testing.T) {
	u, q, s, year := openDues(t)
	row := duesLine(t, s, "王建国")
	march := duesColMonth1 + 2
	if got := s.cell(row, duesColDue); got != "50.00" {
		t.Fatalf("月应缴 of 王建国 at 5000 元: %q, want 50.00", got)
	}
	if got, want := s.cell(row, march), unpaidMarch(u, year); got != want {
		t.Fatalf("March before any payment: %q, want %q", got, want)
	}
	before := s.sum()
	if before.Paid != 0 || before.Arrears != before.Due || before.Due == 0 {
		t.Fatalf("totals before paying: %+v", before)
	}

	s.table.Select(widget.TableCellID{Row: row, Col: march})
	d := s.pay
	if d == nil || d.pay.month != 3 || d.pay.name != "王建国" {
		t.Fatalf("selecting March opened %+v", d)
	}
	if d.amount.Text != "50.00" || d.date.Text != data.DateOf(u.store.Now()).String() {
		t.Fatalf("defaults: amount %q, date %q", d.amount.Text, d.date.Text)
	}
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if d.message.Text != "" {
		t.Fatalf("payment refused: %q", d.message.Text)
	}
	row = duesLine(t, s, "王建国")
	if got := s.cell(row, march); got != "50.00" {
		t.Fatalf("March after paying: %q", got)
	}
	if got := s.cell(row, duesColPaidSum); got != "50.00" {
		t.Fatalf("实缴合计 of 王建国: %q", got)
	}
	after := s.sum()
	if after.Paid != before.Paid+5000 || after.Arrears != before.Arrears-5000 || after.Due != before.Due {
		t.Fatalf("totals %+v → %+v", before, after)
	}
	if !strings.Contains(s.totals.Text, "实缴 50.00 元") {
		t.Fatalf("totals line %q", s.totals.Text)
	}
	rows, err := u.store.DuesOfYear(context.Background(), year)
	if err != nil || len(rows) != 1 || rows[0].Month != fmt.Sprintf("%d-03", year) || rows[0].Paid != 5000 {
		t.Fatalf("stored: %+v (%v)", rows, err)
	}

	// Paying 0 for February records it as unpaid: the month has passed.
	s.table.Select(widget.TableCellID{Row: row, Col: duesColMonth1 + 1})
	s.pay.amount.SetText("0")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if got := s.cell(duesLine(t, s, "王建国"), duesColMonth1+1); got != "未缴" {
		t.Fatalf("February with 0 paid: %q", got)
	}

	// A month after the current one is not payable.
	if now := u.store.Now(); year == now.Year() && now.Month() < time.December {
		last := s.pay
		s.table.Select(widget.TableCellID{Row: row, Col: duesColMonth1 + 11})
		if s.pay != last || s.cell(row, duesColMonth1+11) != "" {
			t.Fatal("December opened a payment before it came")
		}
	}
}

func TestDuesNegativePaymentShowsAMessageAndSavesNothing(t *testing.T) {
	u, q, s, year := openDues(t)
	row := duesLine(t, s, "李红梅")
	march := duesColMonth1 + 2
	before := s.sum()
	s.table.Select(widget.TableCellID{Row: row, Col: march})
	d := s.pay
	if d == nil || d.amount.Text != "15.00" {
		t.Fatalf("dialog for 李红梅 at 3000 元: %+v", d)
	}
	d.amount.SetText("-5")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if !strings.Contains(d.message.Text, "不能为负数") {
		t.Fatalf("message for a negative amount: %q", d.message.Text)
	}
	if n, _ := u.store.Dues.Count(context.Background()); n != 0 {
		t.Fatalf("a negative payment saved %d rows", n)
	}
	if got := s.cell(duesLine(t, s, "李红梅"), march); got != unpaidMarch(u, year) || s.sum() != before {
		t.Fatalf("after the refused payment: March %q, totals %+v → %+v", got, before, s.sum())
	}
	// The dialog stays open for a correction.
	findButtonIn(t, u, "保存")
}

func TestDuesBranchFilterNarrowsLinesAndTotals(t *testing.T) {
	_, _, s, _ := openDues(t)
	all := s.sum()
	s.branch.SetSelected("学生第一党支部")
	if len(s.shown) != 1 || s.shown[0].name() != "张伟" || s.sum().Due != 0 {
		t.Fatalf("学生第一党支部: %d lines, totals %+v", len(s.shown), s.sum())
	}
	if !strings.Contains(s.totals.Text, "党员1名") {
		t.Fatalf("totals line of 学生第一党支部: %q", s.totals.Text)
	}
	s.branch.SetSelected(allBranches)
	if len(s.shown) != 3 || s.sum() != all {
		t.Fatalf("back to all: %d lines, totals %+v, want %+v", len(s.shown), s.sum(), all)
	}
}

func TestDuesMonthCellsFollowTheLedgersStates(t *testing.T) {
	line := &rules.DuesLine{Member: &rules.Member{Name: "刘转出", Status: vocab.StatusTransferred},
		Base: 400000, Rate: "1%", MonthlyDue: 4000}
	line.Months[0] = rules.DuesMonth{State: rules.DuesPaid, Counted: true, Due: 4000, Paid: 4500}
	line.Months[1] = rules.DuesMonth{State: rules.DuesUnpaid, Counted: true, Due: 4000, Arrears: 4000}
	line.Months[2] = rules.DuesMonth{State: rules.DuesExempt, Counted: true}
	line.Months[3] = rules.DuesMonth{State: rules.DuesPending, Counted: true, Due: 4000}
	line.Due, line.Paid, line.Arrears = 12000, 4500, 4000
	r := newDuesRow(line)
	want := []string{"45.00", "未缴", "免交", "", ""}
	for i, w := range want {
		if got := r.cells[duesColMonth1+i]; got != w {
			t.Errorf("month %d (state %d): %q, want %q", i+1, line.Months[i].State, got, w)
		}
	}
	if r.unpaid != 1<<1 {
		t.Errorf("months in red: %b, want February only", r.unpaid)
	}
	if r.cells[duesColName] != "刘转出（已转出）" || r.cells[duesColDueSum] != "120.00" ||
		r.cells[duesColPaidSum] != "45.00" || r.cells[duesColOwed] != "40.00" {
		t.Errorf("cells %q", r.cells)
	}
}

// benchLedger is the 党费 ledger of n members in 40 branches with a full
// year of payments (12n dues rows), as of 3 December of the year.
func benchLedger(n int) *rules.DuesLedger {
	f := &rules.Facts{Year: 2026, AsOf: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)}
	for b := range 40 {
		f.Branches = append(f.Branches, rules.Branch{ID: fmt.Sprintf("b%02d", b), Name: fmt.Sprintf("第%d党支部", b)})
	}
	for i := range n {
		id := fmt.Sprintf("m%05d", i)
		f.Members = append(f.Members, rules.Member{ID: id, BranchID: fmt.Sprintf("b%02d", i%40),
			Name: fmt.Sprintf("党员%05d", i), PersonType: vocab.PersonStaff, Status: vocab.StatusNormal,
			Category: vocab.CategoryFull, DuesBase: int64(300000 + i%800000), Joined: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
		for m := 1; m <= 12; m++ {
			f.Dues = append(f.Dues, rules.DuesRecord{MemberID: id, Month: time.Date(2026, time.Month(m), 1, 0, 0, 0, 0, time.UTC),
				Due: 3000, Paid: 3000})
		}
	}
	return rules.DuesLedgerOf(f, rules.DefaultSettings())
}

// BenchmarkDuesRows20000 measures formatting the 党费 grid of 20,000
// members from the calculator's ledger, once per load.
func BenchmarkDuesRows20000(b *testing.B) {
	const n = 20000
	l := benchLedger(n)
	b.ResetTimer()
	for b.Loop() {
		rows := duesRowsOf(l)
		if len(rows) != n || rows[0].cells[duesColPaidSum] != "360.00" {
			b.Fatalf("%d rows, %q paid", len(rows), rows[0].cells[duesColPaidSum])
		}
	}
}

// BenchmarkDuesFilter20000 measures choosing a branch on the 党费 screen
// of 20,000 members, which runs on the UI goroutine (target: far under
// 50 ms).
func BenchmarkDuesFilter20000(b *testing.B) {
	a := test.NewTempApp(b)
	s := &duesScreen{u: &UI{app: a}, totals: widget.NewLabel(""), branch: newBranchSelect(allBranches)}
	s.table = columnTable(duesColumns, func() int { return len(s.shown) }, s.cell)
	l := benchLedger(20000)
	s.view = duesView{year: 2026, asOf: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC), ledger: l, rows: duesRowsOf(l)}
	var refs []data.BranchRef
	for i := range 40 {
		r := data.BranchRef{Label: fmt.Sprintf("第%d党支部", i)}
		r.ID = fmt.Sprintf("b%02d", i)
		refs = append(refs, r)
	}
	s.branch.set(refs)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		s.branch.Selected = s.branch.Options[i%len(s.branch.Options)]
		s.filter()
	}
}

func TestDuesPaymentCorrectedAndDeleted(t *testing.T) {
	u, q, s, year := openDues(t)
	ctx := context.Background()
	march := duesColMonth1 + 2
	before := s.sum()
	row := duesLine(t, s, "王建国")
	s.table.Select(widget.TableCellID{Row: row, Col: march})
	s.pay.note.SetText("现金")
	test.Tap(topDialogButton(t, u, "保存"))
	q.settle(u)
	stored, err := u.store.DuesMonth(ctx, s.shown[row].line.Member.ID, fmt.Sprintf("%d-03", year))
	if err != nil || stored == nil || stored.Paid != 5000 || stored.Note != "现金" {
		t.Fatalf("stored %+v (%v)", stored, err)
	}

	// A paid month opens its payment, to correct it.
	s.table.Select(widget.TableCellID{Row: duesLine(t, s, "王建国"), Col: march})
	q.settle(u)
	d := s.pay
	if d.pay.rec == nil || d.amount.Text != "50.00" || d.date.Text != stored.PaidDate.String() || d.note.Text != "现金" {
		t.Fatalf("the paid month opened %+v: amount %q, date %q, note %q", d.pay, d.amount.Text, d.date.Text, d.note.Text)
	}
	d.amount.SetText("80")
	d.note.SetText("现金,补交30元")
	test.Tap(topDialogButton(t, u, "修改"))
	q.settle(u)
	if d.message.Text != "" {
		t.Fatalf("correction refused: %q", d.message.Text)
	}
	row = duesLine(t, s, "王建国")
	if got := s.cell(row, march); got != "80.00" {
		t.Fatalf("March after the correction: %q", got)
	}
	if after := s.sum(); after.Paid != before.Paid+8000 || !strings.Contains(s.totals.Text, "实缴 80.00 元") {
		t.Fatalf("totals after the correction %+v (%q)", after, s.totals.Text)
	}
	if n, _ := u.store.Dues.Count(ctx, data.WithDeleted()); n != 1 {
		t.Fatalf("%d dues rows, want the one corrected in place", n)
	}

	// Deleted: the month is owed again, until 撤销.
	s.table.Select(widget.TableCellID{Row: row, Col: march})
	q.settle(u)
	test.Tap(topDialogButton(t, u, "删除"))
	title := fmt.Sprintf("党费缴纳记录“王建国 %d年3月 80.00元”", year)
	if got := topDialogText(u); !strings.Contains(got, "删除"+title+"？删除后可在回收站恢复。") {
		t.Fatalf("confirmation %q", got)
	}
	test.Tap(topDialogButton(t, u, "删除"))
	q.settle(u)
	row = duesLine(t, s, "王建国")
	if got, want := s.cell(row, march), unpaidMarch(u, year); got != want {
		t.Fatalf("March after the deletion: %q, want %q", got, want)
	}
	if s.sum() != before || strings.Contains(s.totals.Text, "实缴 80.00 元") {
		t.Fatalf("totals after the deletion %+v, want %+v", s.sum(), before)
	}
	if u.noticeText() != "已删除"+title {
		t.Fatalf("notice %q", u.noticeText())
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the payment dialog stayed open after the deletion")
	}
	if !u.tapUndo() {
		t.Fatal("no 撤销")
	}
	q.settle(u)
	if got := s.cell(duesLine(t, s, "王建国"), march); got != "80.00" || s.sum().Paid != before.Paid+8000 {
		t.Fatalf("after 撤销: March %q, totals %+v", got, s.sum())
	}
}

func TestDuesPaymentListFindsAndOpensAPayment(t *testing.T) {
	u, q, s, year := openDues(t)
	for _, p := range []struct {
		name  string
		month int
	}{{"王建国", 1}, {"王建国", 2}, {"李红梅", 2}} {
		id := s.shown[duesLine(t, s, p.name)].line.Member.ID
		if err := u.store.PayDues(context.Background(), id, fmt.Sprintf("%d-%02d", year, p.month), 1500,
			data.NewDate(year, time.Month(p.month), 10+p.month)); err != nil {
			t.Fatal(err)
		}
	}
	s.load()
	q.settle(u)

	test.Tap(findButton(t, u, "缴费记录"))
	q.settle(u)
	l := s.list
	if l == nil || len(l.rows) != 3 || l.count.Text != "共3条" {
		t.Fatalf("the year's list: %+v", l)
	}
	if got := l.rows[0].cells; got[0] != data.NewDate(year, 2, 12).String() || got[1] != fmt.Sprintf("%d-02", year) || got[4] != "15.00" {
		t.Fatalf("newest first: %q", got)
	}
	test.Type(l.search, "李红梅")
	if len(l.rows) != 1 || l.count.Text != "显示1条，共3条" {
		t.Fatalf("search 李红梅: %d rows, %q", len(l.rows), l.count.Text)
	}
	l.table.selectRow(0)
	if got := l.table.copySelected(); !strings.Contains(got, "李红梅\t教工第一党支部\t15.00") {
		t.Fatalf("copied %q", got)
	}
	l.table.openSelected()
	if s.pay == nil || s.pay.pay.name != "李红梅" || s.pay.pay.month != 2 || s.pay.save.Text != "修改" {
		t.Fatalf("the row opened %+v", s.pay)
	}
	s.pay.dlg.Hide()
	l.dlg.Hide()

	// A member's name on the grid lists the member's payments.
	s.table.Select(widget.TableCellID{Row: duesLine(t, s, "王建国"), Col: duesColName})
	q.settle(u)
	if l = s.list; len(l.rows) != 2 || l.rows[1].cells[1] != fmt.Sprintf("%d-01", year) {
		t.Fatalf("王建国's payments: %+v", l.rows)
	}
	u.escape()
	if s.list != nil || u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the list")
	}
}
