package app

import (
	"context"
	"errors"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"dangjian/data"
)

func TestLeavingAScreenCancelsItsContext(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "党费")
	q.settle(u)
	dues := u.built["dues"].(*duesScreen)
	if dues.loads.ctx.Err() != nil {
		t.Fatal("the screen shown has its context cancelled")
	}
	openScreen(t, u, "党员")
	q.settle(u)
	if dues.loads.ctx.Err() == nil {
		t.Fatal("the 党费 screen's context lives on after the user left it")
	}
	members := u.members.loads.ctx
	if members.Err() != nil {
		t.Fatal("the screen opened has its context cancelled")
	}
	closed := false
	u.win.SetOnClosed(func() { closed = true })
	u.closeRequested()
	q.settle(u)
	if members.Err() == nil || !closed {
		t.Fatalf("closing the window: context %v, closed %v", members.Err(), closed)
	}
}

func TestALoadOfAScreenLeftIsDropped(t *testing.T) {
	u, q := newTestUI(t)
	openScreen(t, u, "党费")
	dues := u.built["dues"].(*duesScreen) // its load is under way
	openScreen(t, u, "党员")
	q.settle(u)
	if dues.totals.Text != "正在读取…" || len(dues.shown) != 0 {
		t.Fatalf("a screen left shows its load: %q", dues.totals.Text)
	}
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatal("a cancelled load showed a dialog")
	}
	if len(u.members.shown) != 3 {
		t.Fatalf("the screen opened shows %d members", len(u.members.shown))
	}
}

func TestALaterLoadWins(t *testing.T) {
	u, q := newTestUI(t)
	l := newLoader(u)
	release := make(chan struct{})
	var got []string
	show := func(v string, err error) { got = append(got, v) }
	load(l, func(context.Context) (string, error) {
		<-release
		return "older", nil
	}, show)
	load(l, func(context.Context) (string, error) { return "newer", nil }, show)
	if !l.pending() {
		t.Fatal("no load pending while two run")
	}
	close(release)
	q.settle(u)
	if len(got) != 1 || got[0] != "newer" || l.pending() {
		t.Fatalf("results shown %q, pending %v; want only the newer", got, l.pending())
	}

	// A load of a screen the user leaves stops, and shows nothing.
	l = newLoader(u)
	var seen error
	started := make(chan struct{})
	load(l, func(ctx context.Context) (string, error) {
		close(started)
		<-ctx.Done()
		seen = ctx.Err()
		return "", ctx.Err()
	}, show)
	<-started
	openScreen(t, u, "党支部")
	q.settle(u)
	if !errors.Is(seen, context.Canceled) || len(got) != 1 {
		t.Fatalf("leaving the screen: the load saw %v, results %q", seen, got)
	}
}

func TestTicketsOfTheGuard(t *testing.T) {
	var l latest
	if l.pending() {
		t.Fatal("pending before any load")
	}
	a := l.next()
	b := l.next()
	if a.current() || !b.current() || !l.pending() {
		t.Fatalf("after two starts: first current %v, second %v", a.current(), b.current())
	}
	b.take()
	if l.pending() {
		t.Fatal("pending after the latest result was taken")
	}
}

// fixedDay is the clock of the store in TestScreensTakeTheDateFromTheStore,
// far from the day the tests run.
var fixedDay = time.Date(2031, 5, 20, 10, 0, 0, 0, time.UTC)

func TestScreensTakeTheDateFromTheStore(t *testing.T) {
	ctx := context.Background()
	store, err := data.Create(ctx, filepath.Join(t.TempDir(), "clock.db"), "测试学院党委", "T",
		data.WithClock(func() time.Time { return fixedDay }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if err := store.Branches.Create(ctx, &data.Branch{Name: "教工第一党支部", Type: "教工"}); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	q := &uiQueue{}
	u := newUI(a, w, store, q.post)
	q.settle(u)

	newest := strconv.Itoa(fixedDay.Year())
	years := map[string]func() []string{}
	for _, title := range []string{"工作台", "学习培训", "组织生活", "民主评议", "党费", "报表", "导入导出", "设置"} {
		openScreen(t, u, title)
		q.settle(u)
	}
	years["工作台"] = func() []string { return u.built["dashboard"].(*dashboardScreen).year.Options }
	years["学习培训"] = func() []string { return u.training.year.Options }
	years["组织生活"] = func() []string { return u.built["meetings"].(*meetingsScreen).year.Options }
	years["民主评议"] = func() []string { return u.built["appraisal"].(*appraisalScreen).pick.year.Options }
	years["党费"] = func() []string { return u.built["dues"].(*duesScreen).year.Options }
	years["报表"] = func() []string { return u.reports.year.Options }
	years["导入导出"] = func() []string { return u.sheets.year.Options[1:] }
	for title, options := range years {
		if got := options(); len(got) != yearsOffered || got[0] != newest || got[4] != strconv.Itoa(fixedDay.Year()-4) {
			t.Errorf("%s offers the years %q, want the five ending with %s", title, got, newest)
		}
	}
	if month := u.built["dashboard"].(*dashboardScreen).month.Text; !strings.Contains(month, "2031年5月") {
		t.Errorf("工作台's month: %q", month)
	}
	if path := u.settings.backupTo.Text; !strings.Contains(path, "20310520") {
		t.Errorf("设置's backup name: %q", path)
	}
	if !strings.Contains(u.reports.path.Text, "2031年") {
		t.Errorf("报表's file name: %q", u.reports.path.Text)
	}
	openScreen(t, u, "学习培训")
	q.settle(u)
	u.training.openRecord()
	if got := u.training.record.rec.Date; !got.Equal(data.DateOf(fixedDay).Time) {
		t.Errorf("a new training is dated %s", got)
	}
}

func TestAppDoesNotImportTheCommandLine(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if imp.Path.Value == strconv.Quote("dangjian/app/cli") {
				t.Errorf("%s imports dangjian/app/cli; what both need is in dangjian/app/appcore", name)
			}
		}
	}
}

func TestYearChoices(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	sel := newYearSelect(now, "全部年度")
	want := []string{"全部年度", "2026", "2025", "2024", "2023", "2022"}
	if strings.Join(sel.Options, ",") != strings.Join(want, ",") || sel.Selected != "全部年度" || selectedYear(sel) != 0 {
		t.Fatalf("options %q, selected %q", sel.Options, sel.Selected)
	}
	sel.SetSelected("2024")
	if selectedYear(sel) != 2024 {
		t.Fatalf("selected year %d", selectedYear(sel))
	}
}

func TestTheSidebarGroupsEveryScreenAndFollowsCtrlF(t *testing.T) {
	u, q := newTestUI(t)
	side := u.side
	rows := 0
	for _, g := range side.groups {
		rows += len(g.rows)
		if len(g.rows) > 0 && g.heading == nil {
			t.Errorf("group %s has no heading", g.title)
		}
	}
	if rows != len(u.screens) {
		t.Fatalf("the sidebar holds %d of %d screens", rows, len(u.screens))
	}
	// Folded groups show their heading only; a tap opens them.
	var data *sideGroup
	for _, g := range side.groups {
		if g.title == "数据" {
			data = g
		}
	}
	if data == nil || data.open {
		t.Fatal("no folded group 数据 at first")
	}
	shown := strings.Join(side.titles(), " ")
	if strings.Contains(shown, "设置") || !strings.Contains(shown, "【数据】") {
		t.Fatalf("at first the sidebar shows %s", shown)
	}
	test.Tap(data.heading)
	if shown := strings.Join(side.titles(), " "); !strings.Contains(shown, "【数据】 报表 导入导出 回收站 同步 设置") {
		t.Fatalf("after a tap on 数据: %s", shown)
	}
	// A tap on a row opens its screen, highlighted.
	for i, r := range side.rows {
		if r.title == "设置" {
			test.Tap(r)
			q.settle(u)
			if u.current != i || !r.selected {
				t.Fatalf("a tap on 设置 shows screen %d, highlighted %v", u.current, r.selected)
			}
		}
	}
	// The group of the screen shown stays open.
	test.Tap(data.heading)
	if !data.open {
		t.Fatal("the group of the screen shown folded")
	}
	// Ctrl+F shows 党员, selected in the sidebar, with the search focused.
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	q.settle(u)
	if u.screens[u.current].title != "党员" || !side.rows[u.current].selected {
		t.Fatalf("after Ctrl+F the screen is %s, highlighted %v", u.screens[u.current].title, side.rows[u.current].selected)
	}
	for i, r := range side.rows {
		if r.selected && i != u.current {
			t.Errorf("%s stays highlighted", r.title)
		}
	}
	if u.win.Canvas().Focused() != u.members.search {
		t.Fatal("Ctrl+F does not focus the search box")
	}
	// The open groups and the screen shown are remembered.
	u2 := newUI(u.app, u.win, u.store, q.post)
	q.settle(u2)
	if u2.screens[u2.current].title != "党员" || !strings.Contains(strings.Join(u2.side.titles(), " "), "设置") {
		t.Fatalf("reopened on %s with %q", u2.screens[u2.current].title, u2.side.titles())
	}
}
