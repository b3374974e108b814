package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/demo"
	"dangjian/data/rules"
)

// demoTestUI builds the UI on a demo organization of 60 members with
// records up to today.
func demoTestUI(t *testing.T) (*UI, *uiQueue) {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "demo.db"), "计算机科学与技术学院党委", "D")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := demo.Generate(ctx, s, demo.Options{Members: 60, Seed: 1, AsOf: time.Now()}); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("test")
	w.Resize(w.Canvas().Size().AddWidthHeight(1280, 860))
	q := &uiQueue{}
	u := newUI(a, w, s, q.post)
	q.settle(u)
	return u, q
}

// dashboardOf returns the dashboard built last.
func dashboardOf(t testing.TB, u *UI) *dashboardScreen {
	t.Helper()
	s, ok := u.built["dashboard"].(*dashboardScreen)
	if !ok {
		t.Fatal("the dashboard was not built")
	}
	return s
}

func TestDashboardShowsTodosChartsAndFindings(t *testing.T) {
	u, q := demoTestUI(t)
	showScreen(u, newDashboardScreen)
	q.settle(u)
	s := dashboardOf(t, u)

	now := time.Now()
	fs, err := u.store.Check(context.Background(), now.Year(), appcore.CheckDay(now.Year(), now))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) == 0 {
		t.Fatal("the demo organization has no findings")
	}
	// Each to-do list holds exactly its findings, and says how many.
	ym := fmt.Sprintf("%d年%d月", now.Year(), now.Month())
	want := map[string]int{}
	for _, f := range fs {
		switch {
		case f.Rule == "THEME-DAY" && strings.HasPrefix(f.Detail, ym):
			want["本月主题党日未开展"]++
		case f.Rule == "BIRTHDAY":
			want["本月政治生日"]++
		case f.Rule == "PROBATION":
			want["预备期届满"]++
		case f.Rule == "TRANSFER":
			want["转接未回执"]++
		case f.Rule == "SIX-MONTH":
			want["六个月预警"]++
		case f.Rule.IsDev() && f.Due:
			want[devTodoTitle]++
		}
	}
	if len(s.todos) != 6 {
		t.Fatalf("%d to-do lists, want 6", len(s.todos))
	}
	total := 0
	for _, l := range s.todos {
		n := want[l.kind.title]
		if len(l.items) != n {
			t.Errorf("%s: %d items, want %d", l.kind.title, len(l.items), n)
		}
		if l.head.Text != l.kind.title || l.count.Text != fmt.Sprintf("%d%s", n, l.kind.unit) {
			t.Errorf("%s: heading %q %q, want the count %d", l.kind.title, l.head.Text, l.count.Text, n)
		}
		for _, it := range l.items {
			if it.text == "" {
				t.Errorf("%s: an empty line", l.kind.title)
			}
		}
		total += len(l.items)
	}
	if total == 0 {
		t.Fatalf("no to-dos this month from %d findings", len(fs))
	}

	// Both charts have a row per branch, with bars drawn.
	branches, _ := u.store.Branches.Count(context.Background())
	for _, c := range []struct {
		name   string
		chart  *barChart
		series int
	}{{"training", s.training, 1}, {"meetings", s.meetings, 2}} {
		if len(c.chart.rows) == 0 || len(c.chart.rows) != branches {
			t.Fatalf("%s chart: %d rows for %d branches", c.name, len(c.chart.rows), branches)
		}
		for _, r := range c.chart.rows {
			if r.label == "" || len(r.values) != c.series || len(r.texts) != c.series {
				t.Fatalf("%s chart row %+v", c.name, r)
			}
		}
		rects, texts := 0, 0
		for _, o := range test.WidgetRenderer(c.chart).Objects() {
			switch o.(type) {
			case *canvas.Rectangle:
				rects++
			case *canvas.Text:
				texts++
			}
		}
		if rects < 2*c.series*branches || texts < branches*(1+c.series) {
			t.Fatalf("%s chart draws %d rectangles and %d texts for %d branches", c.name, rects, texts, branches)
		}
	}

	// The findings, summarised by rule and by branch, the first rule's listed.
	if len(s.groups.byRule) != countRules(fs) || s.byRule.Length() != len(s.groups.byRule) {
		t.Fatalf("%d rule lines for the %d rules of %d findings", len(s.groups.byRule), countRules(fs), len(fs))
	}
	if s.open.key != s.groups.byRule[0].key || len(s.open.findings) != len(s.groups.byRule[0].findings) {
		t.Fatalf("the list shows %q (%d), not the first rule", s.open.label, len(s.open.findings))
	}
	fig, err := u.store.Figures(context.Background(), now.Year(), appcore.CheckDay(now.Year(), now))
	if err != nil {
		t.Fatal(err)
	}
	// 待整改问题 as every surface counts them (the documents, 全校概览),
	// the reminders (政治生日, 光荣在党50年) apart.
	sum := fig.Summary()
	reminders := sum.Findings - sum.Open()
	if reminders == 0 || !strings.HasPrefix(s.summary.Text, fmt.Sprintf("待整改问题%d项，提醒%d项，", sum.Open(), reminders)) {
		t.Fatalf("summary %q, want %d 待整改问题 and %d reminders", s.summary.Text, sum.Open(), reminders)
	}

	// Tapping a member's finding opens the member's form.
	row := -1
	for _, g := range s.groups.byBranch {
		for i, f := range g.findings {
			if f.MemberID != "" && row < 0 {
				s.byBranch.Select(indexOfGroup(s.groups.byBranch, g.key))
				row = i
			}
		}
	}
	if row < 0 {
		t.Fatal("no finding about a member")
	}
	wanted := s.open.findings[row]
	s.list.selectRow(row)
	s.list.openSelected()
	q.settle(u)
	if u.members == nil || u.members.dialog == nil {
		t.Fatal("tapping a member's finding opened no form")
	}
	if got := u.members.dialog.rec.ID; got != wanted.MemberID || u.members.dialog.rec.Name != wanted.Member {
		t.Fatalf("the form shows member %s (%s), want %s (%s)", got, u.members.dialog.rec.Name, wanted.MemberID, wanted.Member)
	}
}

// indexOfGroup is the line of the group with the key.
func indexOfGroup(gs []findingGroup, key string) int {
	for i, g := range gs {
		if g.key == key {
			return i
		}
	}
	return -1
}

func TestDashboardTodoOpensTheMember(t *testing.T) {
	u, q := demoTestUI(t)
	showScreen(u, newDashboardScreen)
	q.settle(u)
	s := dashboardOf(t, u)
	for _, l := range s.todos {
		if len(l.items) == 0 || l.items[0].memberID == "" {
			continue
		}
		l.list.Select(0)
		q.settle(u)
		if u.members == nil || u.members.dialog == nil || u.members.dialog.rec.ID != l.items[0].memberID {
			t.Fatalf("tapping %q in %s opened no form of the member", l.items[0].text, l.kind.title)
		}
		return
	}
	t.Skip("no to-do about a member this month")
}

func TestDashboardPastYearKeepsThisMonthsTodos(t *testing.T) {
	u, q := demoTestUI(t)
	showScreen(u, newDashboardScreen)
	q.settle(u)
	s := dashboardOf(t, u)
	before := make([]int, len(s.todos))
	for i, l := range s.todos {
		before[i] = len(l.items)
	}
	s.year.SetSelected(s.year.Options[1])
	q.settle(u)
	for i, l := range s.todos {
		if len(l.items) != before[i] {
			t.Errorf("%s changed with the year: %d → %d", l.kind.title, before[i], len(l.items))
		}
	}
	if !strings.HasPrefix(s.summary.Text, "待整改问题") {
		t.Fatalf("summary %q after changing the year", s.summary.Text)
	}
}

func countRules(fs []rules.Finding) int {
	n := 0
	for i := range fs {
		if i == 0 || fs[i].Rule != fs[i-1].Rule {
			n++
		}
	}
	return n
}

func TestGroupFindingsByRuleAndBranch(t *testing.T) {
	branches := []data.BranchRef{
		{Branch: data.Branch{Meta: data.Meta{ID: "b1"}, Name: "教工党支部"}, OrgName: "计算机学院党委", Label: "计算机学院党委 · 教工党支部"},
		{Branch: data.Branch{Meta: data.Meta{ID: "b2"}, Name: "学生党支部"}, OrgName: "计算机学院党委", Label: "计算机学院党委 · 学生党支部"},
		{Branch: data.Branch{Meta: data.Meta{ID: "b3"}, Name: "学生党支部"}, OrgName: "外国语学院党委", Label: "外国语学院党委 · 学生党支部"},
	}
	fs := []rules.Finding{
		{Rule: "TRAIN-32", BranchID: "b2", Branch: "学生党支部", Member: "王五", MemberID: "m3", Detail: "学时不足"},
		{Rule: "THEME-DAY", BranchID: "b1", Branch: "教工党支部", Detail: "2026年3月未开展主题党日"},
		{Rule: "TALK", BranchID: "b1", Branch: "教工党支部", Member: "张三", MemberID: "m1", Detail: "尚未开展谈心谈话"},
		{Rule: "TALK", BranchID: "b2", Branch: "学生党支部", Member: "李四", MemberID: "m2", Detail: "尚未开展谈心谈话"},
		{Rule: "TALK", BranchID: "b2", Branch: "学生党支部", Member: "赵六", MemberID: "m4", Detail: "尚未开展谈心谈话"},
		{Rule: "EVAL", Detail: "考评"},
	}
	g := groupFindings(fs, branches, rules.DefaultSettings())
	line := func(gs []findingGroup) string {
		var parts []string
		for _, grp := range gs {
			var who []string
			for _, f := range grp.findings {
				who = append(who, f.Member+f.Detail[:0])
			}
			parts = append(parts, fmt.Sprintf("%s %d[%s]", grp.label, len(grp.findings), strings.Join(who, ",")))
		}
		return strings.Join(parts, "; ")
	}
	for _, c := range []struct {
		name string
		got  []findingGroup
		want string
	}{
		{"by rule, in the rules' order, named in Chinese", g.byRule,
			"党员集中学习培训不少于32学时 1[王五]; 每月开展主题党日 1[]; 谈心谈话 3[张三,李四,赵六]; 党员教育管理考评 1[]"},
		{"by branch, most findings first, by their labels (组织 · 支部 in a database of several organizations)", g.byBranch,
			"计算机学院党委 · 学生党支部 3[王五,李四,赵六]; 计算机学院党委 · 教工党支部 2[,张三]; 未归属党支部 1[]"},
	} {
		if got := line(c.got); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
	if g.branches["b1"] != "计算机学院党委 · 教工党支部" || g.branches[""] != "未归属党支部" {
		t.Errorf("the findings' branches are named %v", g.branches)
	}

	// In an organization's own database a branch is its plain name; lines
	// of as many findings follow the store's order (第二 before 第三).
	own := []data.BranchRef{
		{Branch: data.Branch{Meta: data.Meta{ID: "b2"}, Name: "第二党支部"}, OrgName: "计算机学院党委", Label: "第二党支部"},
		{Branch: data.Branch{Meta: data.Meta{ID: "b3"}, Name: "第三党支部"}, OrgName: "计算机学院党委", Label: "第三党支部"},
	}
	g = groupFindings([]rules.Finding{
		{Rule: "TALK", BranchID: "b3", Branch: "第三党支部", Member: "李四", Detail: "尚未开展谈心谈话"},
		{Rule: "TALK", BranchID: "b2", Branch: "第二党支部", Member: "张三", Detail: "尚未开展谈心谈话"},
	}, own, rules.DefaultSettings())
	if got := line(g.byBranch); got != "第二党支部 1[张三]; 第三党支部 1[李四]" {
		t.Errorf("one organization's branches: %s", got)
	}
}

func TestTodoTexts(t *testing.T) {
	fs := []rules.Finding{
		{Rule: "THEME-DAY", Branch: "教工党支部", Detail: "2026年11月尚未开展主题党日"},
		{Rule: "THEME-DAY", Branch: "教工党支部", Detail: "2026年1月未开展主题党日"},
		{Rule: "BIRTHDAY", Member: "余志强", MemberID: "a", Detail: "11月政治生日：入党33周年（1993年11月19日入党）"},
		{Rule: "PROBATION", Member: "熊梦琪", MemberID: "b", Detail: "预备期将于2026年12月19日届满，请及时讨论转正"},
		{Rule: "PROBATION", Member: "罗天宇", MemberID: "b2", Detail: "预备期将于2027年1月9日届满，请及时讨论转正"},
		{Rule: "PROBATION", Member: "陆可馨", MemberID: "b3", Detail: "预备期已于2026年11月7日届满，尚未讨论转正"},
		{Rule: "TRANSFER", Member: "王嘉豪", MemberID: "c",
			Detail: "转出至中共字节跳动(北京)有限公司委员会（介绍信转字〔2026〕第005号）已超过有效期未收到回执，存在“挂空”风险"},
		{Rule: "SIX-MONTH", Member: "刘雅琪", MemberID: "d", Detail: "已连续6个月未参加党的组织生活，存在自行脱党风险"},
		{Rule: "SIX-MONTH", Member: "雷逸飞", MemberID: "e", Detail: "已连续3个月未交纳党费（预警）"},
	}
	got := todosFrom(fs, 2026, time.November, nil)
	want := [][]string{
		{"教工党支部"},
		{"余志强 · 入党33周年"},
		{"熊梦琪 · 将于12月19日届满", "罗天宇 · 将于2027年1月9日届满", "陆可馨 · 已于11月7日届满"},
		{"王嘉豪 · 转至中共字节跳动(北京)有限公司委员会"},
		{"刘雅琪 · 6个月未参加组织生活", "雷逸飞 · 3个月未交纳党费"},
	}
	urgent := map[string]bool{"刘雅琪 · 6个月未参加组织生活": true, "陆可馨 · 已于11月7日届满": true}
	for k := range want {
		if len(got[k]) != len(want[k]) {
			t.Fatalf("%s: %+v", todoKinds[k].title, got[k])
		}
		for i := range want[k] {
			if got[k][i].text != want[k][i] {
				t.Errorf("%s: %q, want %q", todoKinds[k].title, got[k][i].text, want[k][i])
			}
			if got[k][i].urgent != urgent[got[k][i].text] {
				t.Errorf("%s: %q urgent %v", todoKinds[k].title, got[k][i].text, got[k][i].urgent)
			}
		}
	}
}

func TestDashboardChartsAreTheCalculatorsFigures(t *testing.T) {
	u, q := demoTestUI(t)
	showScreen(u, newDashboardScreen)
	q.settle(u)
	s := dashboardOf(t, u)
	now := u.store.Now()
	fig, err := u.store.Figures(context.Background(), now.Year(), appcore.CheckDay(now.Year(), now))
	if err != nil {
		t.Fatal(err)
	}
	members, short := map[string]int{}, map[string]int{}
	for _, h := range fig.TrainingHours() {
		members[h.Member.BranchID]++
		if h.Short() {
			short[h.Member.BranchID]++
		}
	}
	training, meetings := map[string]string{}, map[string]string{}
	for _, bm := range fig.Meetings() {
		b := bm.Branch
		if n := members[b.ID]; n > 0 {
			training[b.Name] = fmt.Sprintf("%d/%d", n-short[b.ID], n)
		}
		meetings[b.Name] = percent(rules.Share(bm.ThemeDayHeld, bm.ThemeDayRequired)) + " " +
			percent(rules.Share(bm.ThreeOneMet, bm.ThreeOneRequired))
	}
	if len(s.training.rows) != len(meetings) || len(s.meetings.rows) != len(meetings) {
		t.Fatalf("%d and %d chart rows for %d branches", len(s.training.rows), len(s.meetings.rows), len(meetings))
	}
	for _, r := range s.training.rows {
		if want := training[r.label]; want != "" && !strings.HasSuffix(r.texts[0], " "+want) {
			t.Errorf("training of %s: %q, want %s", r.label, r.texts[0], want)
		}
	}
	for _, r := range s.meetings.rows {
		if got := strings.Join(r.texts, " "); got != meetings[r.label] {
			t.Errorf("meetings of %s: %q, want %q", r.label, got, meetings[r.label])
		}
	}
	sum := fig.Summary()
	want := fmt.Sprintf("待整改问题%d项", sum.Open())
	if n := sum.Findings - sum.Open(); n > 0 {
		want += fmt.Sprintf("，提醒%d项", n)
	}
	want += "，考评得分" + strconv.FormatFloat(rules.OrgScore(fig.Scores()), 'f', -1, 64) + "分"
	if s.summary.Text != want {
		t.Errorf("summary %q, want %q", s.summary.Text, want)
	}
}

// bigDemoUI builds the UI on a demo organization of n members.
func bigDemoUI(tb testing.TB, n int) (*UI, *uiQueue) {
	tb.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(tb.TempDir(), "demo.db"), "计算机科学与技术学院党委", "D")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if _, err := demo.Generate(ctx, s, demo.Options{Members: n, Seed: 7, AsOf: time.Now()}); err != nil {
		tb.Fatal(err)
	}
	a := test.NewTempApp(tb)
	a.Settings().SetTheme(NewTheme())
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1280, 860))
	q := &uiQueue{}
	return newUI(a, w, s, q.post), q
}

func TestDashboardSummaryIsTheCalculatorsPerRuleAndBranch(t *testing.T) {
	u, q := bigDemoUI(t, 1500)
	q.settle(u)
	showScreen(u, newDashboardScreen)
	q.settle(u)
	s := dashboardOf(t, u)
	now := u.store.Now()
	fig, err := u.store.Figures(context.Background(), now.Year(), appcore.CheckDay(now.Year(), now))
	if err != nil {
		t.Fatal(err)
	}
	refs, err := u.store.BranchRefs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	qualified := map[string]string{} // as the screen names branches: by Label
	for _, r := range refs {
		qualified[r.ID] = r.Label
	}
	perRule, perBranch := map[string]int{}, map[string]int{}
	fs := fig.Findings()
	for _, f := range fs {
		perRule[rules.RuleTitle(f.Rule)]++
		perBranch[qualified[f.BranchID]]++
	}
	if len(fs) < 500 {
		t.Fatalf("only %d findings at 1,500 members", len(fs))
	}
	shown := func(list *widget.List, groups []findingGroup) map[string]int {
		got := map[string]int{}
		if list.Length() != len(groups) {
			t.Fatalf("the list has %d lines for %d groups", list.Length(), len(groups))
		}
		for _, g := range groups {
			if _, dup := got[g.label]; dup {
				t.Fatalf("%s is shown twice", g.label)
			}
			got[g.label] = len(g.findings)
		}
		return got
	}
	for _, c := range []struct {
		name      string
		got, want map[string]int
	}{
		{"by rule", shown(s.byRule, s.groups.byRule), perRule},
		{"by branch", shown(s.byBranch, s.groups.byBranch), perBranch},
	} {
		if fmt.Sprint(c.got) != fmt.Sprint(c.want) {
			t.Errorf("%s: the screen counts\n%v\nthe calculator\n%v", c.name, c.got, c.want)
		}
		for label := range c.got {
			if len(englishIn(label)) > 0 {
				t.Errorf("%s: %q", c.name, label)
			}
		}
	}
	// A line's count is shown beside it, from the same group.
	texts := strings.Join(visibleTexts(s.tabs), "|")
	first := s.groups.byRule[0]
	if !strings.Contains(texts, first.label) || !strings.Contains(texts, fmt.Sprintf("%d项", len(first.findings))) {
		t.Errorf("the first rule's line is not shown with its count: %s", texts)
	}

	// Opening a rule lists its findings and only them; opening a branch, the same.
	for i, g := range s.groups.byRule {
		s.byRule.Select(i)
		if s.list.rows() != perRule[g.label] || !strings.HasPrefix(s.openHead.Text, g.label) {
			t.Fatalf("opening %s lists %d findings under %q, want %d", g.label, s.list.rows(), s.openHead.Text, perRule[g.label])
		}
		for row := 0; row < s.list.rows(); row++ {
			if got := s.list.cell(row, 0); got != g.label {
				t.Fatalf("opening %s lists a finding of %s", g.label, got)
			}
		}
	}
	s.tabs.SelectIndex(1)
	branch := s.groups.byBranch[len(s.groups.byBranch)-1]
	s.byBranch.Select(len(s.groups.byBranch) - 1)
	if s.list.rows() != perBranch[branch.label] {
		t.Fatalf("opening %s lists %d findings, want %d", branch.label, s.list.rows(), perBranch[branch.label])
	}
	for row, f := range s.open.findings {
		if qualified[f.BranchID] != branch.label || s.list.cell(row, 1) != branch.label {
			t.Fatalf("opening %s lists a finding of %s shown as %s", branch.label, qualified[f.BranchID], s.list.cell(row, 1))
		}
	}
}

func BenchmarkDashboard5000(b *testing.B) {
	u, q := bigDemoUI(b, 5000)
	q.settle(u)
	b.ResetTimer()
	for range b.N {
		showScreen(u, newDashboardScreen)
		q.settle(u)
		u.win.Content().Refresh()
		test.WidgetRenderer(dashboardOf(b, u).list.table).Layout(fyne.NewSize(900, 300))
	}
}

// hoverTextAmong finds the line showing text under o.
func hoverTextAmong(o fyne.CanvasObject, text string) *hoverText {
	var found *hoverText
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *hoverText:
			if w.Text == text {
				found = w
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return found
}

func TestTodoCardShowsItsWholeLines(t *testing.T) {
	u, q := demoTestUI(t)
	showScreen(u, newDashboardScreen)
	q.settle(u)
	s := dashboardOf(t, u)
	ms, err := u.store.Members.List(context.Background())
	if err != nil || len(ms) == 0 {
		t.Fatal(err)
	}
	card := s.todos[3]
	long := ms[0].Name + " · 转至中共某某大学计算机科学与技术学院委员会机关第一党支部"
	card.set([]todoItem{{text: long, memberID: ms[0].ID}})
	test.WidgetRenderer(card.list).Layout(card.list.Size())

	// Under the mouse, a line cut short shows whole; it goes when the mouse leaves.
	line := hoverTextAmong(card.list, long)
	if line == nil {
		t.Fatal("the card does not show the line")
	}
	if !line.cut() {
		t.Fatalf("a %v-wide card shows %q whole", line.Size(), long)
	}
	line.MouseIn(&desktop.MouseEvent{})
	if top := u.win.Canvas().Overlays().Top(); top == nil || strings.Join(visibleTexts(top), " ") != long { // wrapped
		t.Fatal("the mouse on a cut line shows no whole text")
	}
	line.MouseOut()
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the whole text stays after the mouse left")
	}

	// 展开 lists the lines whole; tapping the member's opens the member.
	if !card.expand.Visible() {
		t.Fatal("no 展开 on a card with a cut line")
	}
	test.Tap(card.expand)
	b := buttonsAmong(long, overlayRoots(u)...)
	if len(b) != 1 {
		t.Fatalf("展开 does not list %q", long)
	}
	test.Tap(b[0])
	q.settle(u)
	if u.members == nil || u.members.dialog == nil || u.members.dialog.rec.ID != ms[0].ID {
		t.Fatal("a line of 展开 does not open its member")
	}

	// A card whose lines all show has no 展开.
	card.set([]todoItem{{text: "第一党支部"}})
	if card.expand.Visible() {
		t.Fatal("展开 on a card showing every line whole")
	}
}

// TestDashboardAt1024x768ShowsManyFindings: on a 1024×768 window the list
// of findings shows at least 8 rows, however many branches the charts
// hold; the 按支部 lines of an organization's
// own database are its branches' plain names, in the store's order when
// their counts tie; each to-do card's count shows whole.
func TestDashboardAt1024x768ShowsManyFindings(t *testing.T) {
	u, q := bigDemoUI(t, 1500) // enough branches to fill the charts
	u.win.Resize(fyne.NewSize(1024, 768))
	q.settle(u)
	showScreen(u, newDashboardScreen)
	q.settle(u)
	s := dashboardOf(t, u)
	u.win.Content().Refresh()

	cell := newTableCell(s.list).MinSize().Height + theme.SeparatorThicknessSize()
	header := newHeaderCell(s.list).MinSize().Height
	if rows := (s.list.table.Size().Height - header) / cell; rows < 8 {
		t.Errorf("at 1024×768 the findings list is %v high: %.1f rows show, want at least 8", s.list.table.Size().Height, rows)
	}

	refs, err := u.store.BranchRefs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	names, place := map[string]bool{}, map[string]int{}
	for i, r := range refs {
		names[r.Name], place[r.Name] = true, i
	}
	if len(s.groups.byBranch) == 0 {
		t.Fatal("no findings by branch")
	}
	for i, g := range s.groups.byBranch {
		if g.key != "" && !names[g.label] {
			t.Errorf("按支部 line %q is not a branch's name", g.label)
		}
		if i > 0 {
			p := s.groups.byBranch[i-1]
			if len(p.findings) == len(g.findings) && p.key != "" && g.key != "" && place[p.label] > place[g.label] {
				t.Errorf("按支部: %q before %q, both %d项", p.label, g.label, len(g.findings))
			}
		}
	}
	// The charts' bars are the branches in the store's order, by name.
	var want []string
	for _, r := range refs {
		want = append(want, r.Label)
	}
	for _, c := range []*barChart{s.training, s.meetings} {
		var got []string
		for _, r := range c.rows {
			got = append(got, r.label)
		}
		if strings.Join(got, "、") != strings.Join(want, "、") {
			t.Errorf("chart bars\n%s\nwant\n%s", strings.Join(got, "、"), strings.Join(want, "、"))
		}
	}
	for row := range s.list.rows() {
		if b := s.list.cell(row, 1); strings.Contains(b, data.BranchSeparator) {
			t.Errorf("a finding's 党支部 is shown as %q", b)
		}
	}

	for _, l := range s.todos {
		if l.kind.title == devTodoTitle {
			continue // a tab of the lower half, not a card
		}
		count := fmt.Sprintf("%d%s", len(l.items), l.kind.unit)
		if !strings.Contains(l.count.Text, count) || l.count.Size().Width < l.count.MinSize().Width {
			t.Errorf("%s: the count %q shows as %q, %v wide for %v", l.kind.title, count, l.count.Text, l.count.Size().Width, l.count.MinSize().Width)
		}
		title := fyne.MeasureText(l.kind.title, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*theme.InnerPadding()
		if l.head.Size().Width < title {
			t.Errorf("%s: the card's title is %v wide, cut short (it needs %v)", l.kind.title, l.head.Size().Width, title)
		}
	}
}
