package app

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/committeedb"
	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/sheets"
)

// overviewOf is the 全校概览 built in the window.
func overviewOf(t testing.TB, u *UI) *overviewScreen {
	t.Helper()
	s, ok := u.built["overview"].(*overviewScreen)
	if !ok {
		t.Fatal("the 全校概览 was not built")
	}
	return s
}

// ownSummary is an organization's summary from its own database.
func ownSummary(t *testing.T, w *committeeWorld, i int, year int) rules.Summary {
	t.Helper()
	s := w.own[i]
	figs, err := s.OrgFigures(context.Background(), year, appcore.CheckDay(year, s.Now()))
	if err != nil || len(figs) != 1 {
		t.Fatalf("figures of %s: %v", w.name[i], err)
	}
	return figs[0].Figures.Summary()
}

// rowOf is the row of the organization named name, -1 when none.
func (s *overviewScreen) rowOf(name string) int {
	for i, r := range s.data.rows {
		if r.name == name {
			return i
		}
	}
	return -1
}

// TestOverviewShowsEachOrganizationsOwnFigures: the committee's window
// opens on the 全校概览, a row per organization; the two organizations
// each have a 第一党支部 and a 王建国, and each row's figures are the ones
// its own database gives (never the other's, nor a mix), with the
// snapshot consolidated and its status; selecting a row lists its
// findings by rule. At 1024×768 the screen fits.
func TestOverviewShowsEachOrganizationsOwnFigures(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1024, 768))
	u := w.u
	if u.screens[0].title != overviewTitle || u.screens[u.current].title != overviewTitle {
		t.Fatalf("first screen %q, shown %q", u.screens[0].title, u.screens[u.current].title)
	}
	s := overviewOf(t, u)
	if len(s.data.rows) != 2 {
		t.Fatalf("%d rows", len(s.data.rows))
	}
	year := s.data.year
	var total rules.Summary
	for i, name := range w.name {
		row := s.rowOf(name)
		if row != i { // by 拼音: 计算机 (ji) before 外国语 (wai)
			t.Fatalf("%s is row %d", name, row)
		}
		own := ownSummary(t, w, i, year)
		total.Add(own)
		mine := overviewRow{name: name, sum: &own}
		for c, col := range overviewColumns {
			if col.ofOrg {
				continue
			}
			if got, want := s.cell(row, c), overviewText(col.format, col.value(&s.data, &mine)); got != want {
				t.Errorf("%s, %s: %q, its own database gives %q", name, col.title, got, want)
			}
		}
		for c, want := range map[int]string{overviewCol(t, "快照序号"): "1", overviewCol(t, "状态"): "已接受"} {
			if got := s.cell(row, c); got != want {
				t.Errorf("%s, %s: %q, want %q", name, overviewColumns[c].title, got, want)
			}
		}
		if got := s.cell(row, overviewCol(t, "距今")); !strings.HasSuffix(got, "前") && got != "刚刚" {
			t.Errorf("%s: age %q", name, got)
		}
		s.table.selectRow(row)
		for _, line := range findingsByRule(&own) {
			if !strings.Contains(s.detail.Text, line) {
				t.Errorf("%s: the detail lacks %q:\n%s", name, line, s.detail.Text)
			}
		}
		if s.openDesk.Disabled() {
			t.Errorf("%s: 打开工作台 is disabled", name)
		}
	}
	if s.cell(0, 1) == s.cell(1, 1) {
		t.Fatalf("both organizations show %s members: the fixture does not tell them apart", s.cell(0, 1))
	}
	if s.data.total.Members != total.Members || s.data.total.Findings != total.Findings || s.data.total.Score() != total.Score() {
		t.Errorf("the university's line %+v, the organizations' sum %+v", s.data.total, total)
	}
	if !strings.Contains(s.summary.Text, "党员 "+strconv.Itoa(total.Members)+" 名") {
		t.Errorf("summary %q", s.summary.Text)
	}
	if s.progress.Visible() || s.reading.Visible() {
		t.Error("a progress bar stays after the load")
	}
	size := u.win.Canvas().Size()
	if min := u.shown.MinSize(); min.Height > size.Height || min.Width > size.Width {
		t.Errorf("the screen needs %v in a window of %v", min, size)
	}
}

// TestOverviewSortsByAnyColumn: a header sorts the rows by that column's
// values (numbers as numbers, names by 拼音), a second tap reverses the
// order, and the order is the same after a reload.
func TestOverviewSortsByAnyColumn(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1366, 768))
	s := overviewOf(t, w.u)
	names := func() []string {
		var out []string
		for _, r := range s.data.rows {
			out = append(out, r.name)
		}
		return out
	}
	members := func(name string) int {
		return s.data.rows[s.rowOf(name)].sum.Members
	}
	fewer, more := w.name[0], w.name[1]
	if members(fewer) > members(more) {
		fewer, more = more, fewer
	}
	cases := []struct {
		col        string
		asc, desc  []string
		againAfter bool
	}{
		{"组织", []string{w.name[0], w.name[1]}, []string{w.name[1], w.name[0]}, false},
		{"党员数", []string{fewer, more}, []string{more, fewer}, true},
	}
	for _, c := range cases {
		col := slices.IndexFunc(overviewColumns, func(oc overviewColumn) bool { return oc.title == c.col })
		s.table.sortBy(col)
		if got := names(); !slices.Equal(got, c.asc) {
			t.Errorf("%s ascending: %v", c.col, got)
		}
		s.table.sortBy(col)
		if got := names(); !slices.Equal(got, c.desc) {
			t.Errorf("%s descending: %v", c.col, got)
		}
		if c.againAfter {
			s.load()
			w.q.settle(w.u)
			if got := names(); !slices.Equal(got, c.desc) {
				t.Errorf("%s descending after a reload: %v", c.col, got)
			}
		}
	}
	// Every column sorts without losing a row.
	for col := range overviewColumns {
		s.table.sortBy(col)
		if got := names(); len(got) != 2 || got[0] == got[1] {
			t.Errorf("sorted by %s: %v", overviewColumns[col].title, got)
		}
	}
}

// TestOverviewSortKeepsRowsWithoutFiguresLast: an organization enrolled
// but without records in the database has no figures, and comes last in
// both orders; numbers compare as numbers (9 before 10).
func TestOverviewSortKeepsRowsWithoutFiguresLast(t *testing.T) {
	sum := func(members int) *rules.Summary { return &rules.Summary{Members: members} }
	d := overviewData{rows: []overviewRow{{name: "甲", sum: sum(10)}, {name: "乙"}, {name: "丙", sum: sum(9)}}}
	col := slices.IndexFunc(overviewColumns, func(oc overviewColumn) bool { return oc.title == "党员数" })
	order := func() string {
		var out []string
		for _, r := range d.rows {
			out = append(out, r.name)
		}
		return strings.Join(out, "")
	}
	for _, c := range []struct {
		desc bool
		want string
	}{{false, "丙甲乙"}, {true, "甲丙乙"}} {
		sortOverview(&d, col, c.desc)
		if got := order(); got != c.want {
			t.Errorf("desc=%v: %s, want %s", c.desc, got, c.want)
		}
	}
}

// TestOverviewExportsToExcel: 导出 writes the table as shown, in its
// order, with Chinese headers, numbers as numbers, and the university's
// line last; read back with excelize.
func TestOverviewExportsToExcel(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1366, 768))
	s := overviewOf(t, w.u)
	s.table.sortBy(slices.IndexFunc(overviewColumns, func(oc overviewColumn) bool { return oc.title == "组织" }))
	s.table.sortBy(0) // descending: 外国语 first
	path := filepath.Join(t.TempDir(), "全校概览.xlsx")
	var result error = context.Canceled
	s.exportTo(path, func(err error) { result = err })
	w.q.settle(w.u)
	if result != nil {
		t.Fatal(result)
	}
	if !strings.Contains(w.u.noticeText(), "已导出全校概览") {
		t.Errorf("notice %q", w.u.noticeText())
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("全校概览", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for c, col := range overviewColumns {
		if rows[0][c] != col.title {
			t.Errorf("header %d: %q, want %q", c, rows[0][c], col.title)
		}
	}
	if len(rows) < 4 || rows[1][0] != w.name[1] || rows[2][0] != w.name[0] || rows[3][0] != "全校合计" {
		t.Fatalf("rows %v", rows)
	}
	for r := 0; r < 2; r++ {
		for c, col := range overviewColumns {
			v := col.value(&s.data, &s.data.rows[r])
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			typ, _ := f.GetCellType("全校概览", cell)
			raw := ""
			if c < len(rows[r+1]) {
				raw = rows[r+1][c]
			}
			switch x := v.(type) {
			case nil:
				if raw != "" {
					t.Errorf("%s: %q, want empty", cell, raw)
				}
			case string:
				if raw != x {
					t.Errorf("%s: %q, want %q", cell, raw, x)
				}
			case int, float64:
				want := overviewText(sheets.FormatDecimal, x)
				if n, ok := x.(int); ok {
					want = strconv.Itoa(n)
				}
				got, err := strconv.ParseFloat(raw, 64)
				if err != nil || (typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset) {
					t.Errorf("%s (%s): %q of type %v is not a number", cell, col.title, raw, typ)
					continue
				}
				if overviewText(sheets.FormatDecimal, got) != overviewText(sheets.FormatDecimal, toFloat(x)) {
					t.Errorf("%s (%s): %v, want %s", cell, col.title, got, want)
				}
			}
		}
	}
	if got, want := rows[3][1], strconv.Itoa(s.data.total.Members); got != want {
		t.Errorf("全校合计 members %s, want %s", got, want)
	}
	rate, _ := excelize.CoordinatesToCellName(overviewCol(t, "培训达标率")+1, 2)
	if shown, _ := f.GetCellValue("全校概览", rate); !strings.HasSuffix(shown, "%") {
		t.Errorf("the 培训达标率 shows as %q", shown)
	}
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case float64:
		return x
	}
	return 0
}

// TestOverviewOpensAnOrganizationsDashboard: 打开工作台 on a row (and
// Enter or a double click) sets the committee's organization filter to
// that organization and shows the 工作台.
func TestOverviewOpensAnOrganizationsDashboard(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1366, 768))
	s := overviewOf(t, w.u)
	if !s.openDesk.Disabled() {
		t.Error("打开工作台 is enabled with no row selected")
	}
	row := s.rowOf(w.name[1])
	s.table.selectRow(row)
	test.Tap(s.openDesk)
	w.q.settle(w.u)
	if got := w.u.orgScopeID(); got != w.own[1].Org().ID {
		t.Errorf("the filter is %q, want %s's", got, w.name[1])
	}
	if title := w.u.screens[w.u.current].title; title != "工作台" {
		t.Fatalf("shown: %s", title)
	}
	w.open(t, overviewTitle)
	s = overviewOf(t, w.u)
	s.table.selectRow(s.rowOf(w.name[0]))
	s.table.openSelected()
	w.q.settle(w.u)
	if got := w.u.orgScopeID(); got != w.own[0].Org().ID || w.u.screens[w.u.current].title != "工作台" {
		t.Errorf("Enter: filter %q, screen %s", got, w.u.screens[w.u.current].title)
	}
}

// TestOverviewFiguresKeptAreTheFigures: the figures the 全校概览 keeps in
// committee.db are read back exactly as computed, and a new result of the
// term (an organization gained a member) is never shown with the figures
// kept for the old one.
func TestOverviewFiguresKeptAreTheFigures(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1024, 768))
	s := overviewOf(t, w.u)
	ctx := context.Background()
	term := shownTermOf(w.c, w.u.store.Path())
	if term == nil {
		t.Fatal("the window shows no term's result")
	}
	computed, err := computeSummaries(ctx, w.u.store, s.data.year, s.data.asOf, nil)
	if err != nil {
		t.Fatal(err)
	}
	key, ok := figuresKey(w.u.store.Path(), term, s.data.year, s.data.asOf)
	db, err := committeedb.Open(ctx, w.dir)
	if err != nil {
		t.Fatal(err)
	}
	kept, found, err := db.CachedFigures(ctx, key)
	db.Close()
	if !ok || !found || err != nil {
		t.Fatalf("nothing kept under the result's key (%v, %v)", found, err)
	}
	read, err := decodeSummaries(kept)
	if err != nil || !reflect.DeepEqual(read, computed) {
		t.Fatalf("kept %+v\ncomputed %+v (%v)", read, computed, err)
	}

	before := s.cell(s.rowOf(w.name[1]), 1)
	if err := w.own[1].Members.Create(ctx, &data.Member{BranchID: data.Ref(w.branch[1]), Name: "新党员", StaffNo: "N1",
		IDNumber: field.MakeIDNumber("420106", time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), 99, true),
		Category: string(vocab.CategoryFull), PersonType: string(vocab.PersonStaff),
		JoinedDate: data.NewDate(2010, 7, 1), ConfirmedAt: data.NewDate(2011, 7, 1)}); err != nil {
		t.Fatal(err)
	}
	w.push(t, 1)
	w.consolidate(t, "")
	w.showResult(t, term.Term)
	w.open(t, overviewTitle)
	s = overviewOf(t, w.u)
	want, _ := strconv.Atoi(before)
	if got := s.cell(s.rowOf(w.name[1]), 1); got != strconv.Itoa(want+1) {
		t.Errorf("after the new result %s has %s members, want %d", w.name[1], got, want+1)
	}
}

// TestOverviewOfANewDayShowsTheLastKeptFiguresAtOnce: on a later day the
// figures of the day before, kept for the result, are there to show at
// once (with their day) while the new day's are computed.
func TestOverviewOfANewDayShowsTheLastKeptFiguresAtOnce(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1024, 768))
	s := overviewOf(t, w.u)
	ctx := context.Background()
	tomorrow := s.data.now.AddDate(0, 0, 1)
	kept, err := keptOverview(ctx, w.u.store, w.c, w.u.report, s.data.year, tomorrow)
	if err != nil {
		t.Fatalf("nothing kept to show on the next day: %v", err)
	}
	if !kept.asOf.Equal(s.data.asOf) {
		t.Errorf("kept figures as of %v, want the day they were computed %v", kept.asOf, s.data.asOf)
	}
	if len(kept.rows) != len(s.data.rows) || len(kept.rows) == 0 {
		t.Fatalf("%d rows kept, %d shown", len(kept.rows), len(s.data.rows))
	}
	for i := range kept.rows {
		if k, r := kept.rows[i], s.data.rows[i]; k.name != r.name || (k.sum == nil) != (r.sum == nil) ||
			(k.sum != nil && !reflect.DeepEqual(*k.sum, *r.sum)) {
			t.Errorf("row %d: kept %s %+v, shown %s %+v", i, k.name, k.sum, r.name, r.sum)
		}
	}
	if _, err := keptOverview(ctx, w.u.store, w.c, w.u.report, s.data.year-1, tomorrow); err != errNoneKept {
		t.Errorf("a year never computed: %v, want none kept", err)
	}
}

// overviewCol is the index of the 全校概览's column titled title.
func overviewCol(t *testing.T, title string) int {
	t.Helper()
	c := slices.IndexFunc(overviewColumns, func(oc overviewColumn) bool { return oc.title == title })
	if c < 0 {
		t.Fatalf("no column %s", title)
	}
	return c
}

// TestOverviewKeyFiguresComeFirst: the 全校概览 (and its Excel) puts each
// organization's figures (党员, 支部, 待整改问题, 主要问题, the rates, 欠缴,
// 考评得分) before its snapshot (序号, 时间, 距今, 状态), so that at
// 1024×768 the first figures show without scrolling; the Excel follows
// the same columns, its university's line leaving the snapshot's empty.
func TestOverviewKeyFiguresComeFirst(t *testing.T) {
	w := newCommitteeWorld(t, fyne.NewSize(1024, 768))
	s := overviewOf(t, w.u)
	var titles []string
	for _, c := range overviewColumns {
		titles = append(titles, c.title)
	}
	want := []string{"组织", "党员数", "支部数", "待整改问题", "主要问题", "培训达标率", "主题党日落实率", "三会一课落实率",
		"党费收缴率", "欠缴（元）", "考评得分", devColumnTitle, "快照序号", "快照时间", "距今", "状态"}
	if !slices.Equal(titles, want) {
		t.Fatalf("columns %q, want %q", titles, want)
	}
	// At 1024 the figures through 培训达标率 show without scrolling (the
	// rest a scroll away, before the snapshot's).
	var right float32
	for c := 0; c <= overviewCol(t, "培训达标率"); c++ {
		right += s.table.widths[c]
	}
	if width := s.table.table.Size().Width; right > width {
		t.Errorf("培训达标率 ends at %v, the table is %v wide: %v", right, width, s.table.widths)
	}
	sheet := overviewSheet(&s.data)
	for c, col := range sheet.Columns {
		if col.Title != want[c] {
			t.Errorf("Excel column %d: %q, want %q", c, col.Title, want[c])
		}
	}
	total := sheet.Rows[len(sheet.Rows)-1]
	for c := overviewCol(t, "快照序号"); c < len(want); c++ {
		if total[c] != nil {
			t.Errorf("全校合计, %s: %v", want[c], total[c])
		}
	}
	if total[overviewCol(t, "考评得分")] == nil {
		t.Error("全校合计 has no 考评得分")
	}
}
