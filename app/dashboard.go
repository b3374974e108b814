package app

import (
	"cmp"
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// dashboardScreen is the 工作台: this month's to-dos above two tabs, the
// findings summarised by rule and by branch with their counts, and the
// branches' training completion and meeting coverage as bar charts; a summary line opens
// the list of its findings, where a member's finding opens the member's
// form.
type dashboardScreen struct {
	u       *UI
	year    *widget.Select
	summary *widget.Label
	month   *widget.Label
	todos   []*todoList

	training, meetings             *barChart
	trainingScroll, meetingsScroll *container.Scroll
	trainingTitle                  *widget.Label

	groups   findingGroups
	byRule   *widget.List
	byBranch *widget.List
	tabs     *container.AppTabs // 按规则, 按支部
	views    *container.AppTabs // the findings, the charts
	open     findingGroup       // the group whose findings are listed
	openHead *widget.Label
	list     *dataTable // the open group's findings

	loads *loader // only the latest load's result is shown
}

// todoKind is one of the to-do lists: which findings it shows and how.
type todoKind struct {
	title string
	unit  string                                 // after the count: 人, 个支部, 项
	match func(f *rules.Finding, ym string) bool // ym is this month as 2026年11月
	// text is the finding's line; y is this year as 2026年, left out of dates.
	text func(f *rules.Finding, y string) string
	// urgent, when set, marks the lines shown in red: overdue, not only near.
	urgent func(f *rules.Finding) bool
}

// todoKinds are the to-do lists, in the order shown.
var todoKinds = []todoKind{
	{"本月主题党日未开展", "个支部", func(f *rules.Finding, ym string) bool {
		return f.Rule == vocab.RuleThemeDay && strings.HasPrefix(f.Detail, ym)
	}, func(f *rules.Finding, _ string) string { return f.Branch }, nil},
	{"本月政治生日", "人", func(f *rules.Finding, _ string) bool { return f.Rule == vocab.RuleBirthday },
		func(f *rules.Finding, _ string) string {
			return memberText(f, shorten(afterColon(f.Detail), "", "（", "("))
		}, nil},
	{"预备期届满", "人", func(f *rules.Finding, _ string) bool { return f.Rule == vocab.RuleProbation },
		func(f *rules.Finding, y string) string {
			return memberText(f, strings.Replace(shorten(f.Detail, "预备期", "，", ","), y, "", 1))
		}, func(f *rules.Finding) bool { return strings.Contains(f.Detail, "尚未讨论转正") }},
	{"转接未回执", "人", func(f *rules.Finding, _ string) bool { return f.Rule == vocab.RuleTransfer },
		func(f *rules.Finding, _ string) string {
			return memberText(f, "转至"+shorten(f.Detail, "转出至", "（介绍信", "(介绍信", "已超过"))
		}, nil},
	{"六个月预警", "项", func(f *rules.Finding, _ string) bool { return f.Rule == vocab.RuleSixMonth },
		func(f *rules.Finding, _ string) string {
			return memberText(f, strings.Replace(shorten(f.Detail, "已连续", "，", ",", "（", "("), "党的组织生活", "组织生活", 1))
		}, func(f *rules.Finding) bool { return strings.Contains(f.Detail, "脱党风险") }},
	devTodoKind(),
}

// todoItem is a line of a to-do list.
type todoItem struct {
	text        string
	memberID    string
	applicantID string // a person in the pipeline of 发展党员
	urgent      bool
}

// todoList shows the to-dos of one kind, in a card of bounded height; a
// line cut short shows its whole text under the mouse, and 「展开」 shows
// every line whole.
type todoList struct {
	s      *dashboardScreen
	kind   todoKind
	items  []todoItem
	head   *hoverText    // the title, cut short when narrow, whole under the mouse
	count  *widget.Label // how many, never cut
	none   *widget.Label
	list   *widget.List
	expand *widget.Button
	all    dialog.Dialog // the 展开 dialog, while shown
	onSet  func()        // after the items are set (the 发展党员 tab's count)
}

// Heights of the dashboard's parts that scroll.
const (
	todoRows       = 3
	chartMaxHeight = 170
)

func newDashboardScreen(u *UI) fyne.CanvasObject {
	s := &dashboardScreen{u: u, loads: newLoader(u)}
	u.keep("dashboard", s)
	s.summary = widget.NewLabel("正在检查…")
	refresh := widget.NewButtonWithIcon("刷新", theme.ViewRefreshIcon(), func() { s.load() })
	s.year = newYearSelect(u.store.Now())
	s.year.OnChanged = func(string) { s.load() }
	title := widget.NewLabelWithStyle("工作台", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil, title, container.NewHBox(widget.NewLabel("年度"), s.year, refresh), s.summary)

	now := u.store.Now()
	s.month = widget.NewLabelWithStyle(fmt.Sprintf("本月待办（%d年%d月）", now.Year(), now.Month()),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var cards []fyne.CanvasObject
	for _, k := range todoKinds {
		t := s.newTodoList(k)
		s.todos = append(s.todos, t)
		if k.title != devTodoTitle { // a tab of its own below (devTodoTab)
			cards = append(cards, t.object())
		}
	}

	s.training = newBarChart("暂无支部", barSeries{"达标率", theme.ColorNamePrimary})
	s.meetings = newBarChart("暂无支部",
		barSeries{string(vocab.MeetingThemeDay), theme.ColorNamePrimary}, barSeries{"三会一课", theme.ColorNameWarning})
	s.trainingScroll = container.NewVScroll(s.training)
	s.meetingsScroll = container.NewVScroll(s.meetings)
	s.trainingTitle = chartTitle("学习培训学时达标率")
	charts := container.NewGridWithColumns(2,
		container.NewBorder(s.trainingTitle, nil, nil, nil, s.trainingScroll),
		container.NewBorder(chartTitle("主题党日和三会一课落实率"), nil, nil, nil, s.meetingsScroll))

	findingsHead := container.NewHBox(
		widget.NewLabelWithStyle("制度落实情况", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel("点击左侧一行列出其问题，双击党员所在的行打开其信息"))

	// The findings and the charts share the height below the to-dos as
	// tabs, each the whole of it: at 1024×768 the list of findings shows
	// a dozen rows, and a chart of 135 branches as many as it can.
	s.views = container.NewAppTabs(
		container.NewTabItem("制度落实情况", container.NewBorder(findingsHead, nil, nil, nil, s.findingsView())),
		container.NewTabItem("各支部达标率", charts),
		s.devTodoTab())
	head := container.NewVBox(top, s.channelPanel(), s.month, container.NewGridWithColumns(len(cards), cards...))
	body := container.NewBorder(head, nil, nil, nil, s.views)
	s.load()
	return u.scoped(body, s.load)
}

// findingsView is the summary (by rule, by branch) beside the list of the
// findings of the line chosen.
func (s *dashboardScreen) findingsView() fyne.CanvasObject {
	groupList := func(groups func() []findingGroup) *widget.List {
		l := widget.NewList(
			func() int { return len(groups()) },
			func() fyne.CanvasObject {
				count := widget.NewLabel("")
				return container.NewBorder(nil, nil, nil, count, newHoverText())
			},
			func(id widget.ListItemID, o fyne.CanvasObject) {
				g := groups()[id]
				box := o.(*fyne.Container)
				box.Objects[0].(*hoverText).SetText(g.label)
				box.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%d项", len(g.findings)))
			})
		l.OnSelected = func(id widget.ListItemID) {
			if gs := groups(); id >= 0 && id < len(gs) {
				s.openGroup(gs[id])
			}
		}
		return l
	}
	s.byRule = groupList(func() []findingGroup { return s.groups.byRule })
	s.byBranch = groupList(func() []findingGroup { return s.groups.byBranch })
	s.tabs = container.NewAppTabs(container.NewTabItem("按规则", s.byRule), container.NewTabItem("按支部", s.byBranch))

	s.openHead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.openHead.Truncation = fyne.TextTruncateEllipsis
	s.list = newDataTable(s.u, "dashboard.findings", findingColumns, func() int { return len(s.open.findings) },
		s.findingCell, rowActions{open: func(row int) {
			s.openFinding(s.open.findings[row])
		}})
	split := container.NewHSplit(s.tabs, container.NewBorder(s.openHead, nil, nil, nil, s.list.object()))
	split.Offset = 0.3
	return split
}

// findingColumns are the columns of the list of a group's findings.
var findingColumns = []column{{"规则", 220}, {"党支部", 220}, {"党员", 90}, {"情况", 320}}

// findingCell is a cell of the open group's findings.
func (s *dashboardScreen) findingCell(row, col int) string {
	f := &s.open.findings[row]
	switch col {
	case 0:
		return s.groups.title(f.Rule)
	case 1:
		return s.groups.branches[f.BranchID]
	case 2:
		return f.Member
	}
	return f.Detail
}

// openGroup lists the findings of a summary line.
func (s *dashboardScreen) openGroup(g findingGroup) {
	s.open = g
	s.openHead.SetText(fmt.Sprintf("%s：%d项", g.label, len(g.findings)))
	s.list.table.ScrollToTop()
	s.list.refresh()
}

// showGroups shows a load's summary, keeping open the line open before
// when it is still there (else the first rule's).
func (s *dashboardScreen) showGroups(g findingGroups) {
	s.groups = g
	s.byRule.UnselectAll()
	s.byBranch.UnselectAll()
	s.byRule.Refresh()
	s.byBranch.Refresh()
	for _, list := range [][]findingGroup{g.byRule, g.byBranch} {
		for _, grp := range list {
			if s.open.key != "" && grp.key == s.open.key && grp.label == s.open.label {
				s.openGroup(grp)
				return
			}
		}
	}
	if len(g.byRule) > 0 {
		s.openGroup(g.byRule[0])
		return
	}
	s.open = findingGroup{}
	s.openHead.SetText("没有待落实的问题")
	s.list.refresh()
}

// newTodoList makes the list of one kind of to-do; tapping a member's line
// opens the member's form.
func (s *dashboardScreen) newTodoList(k todoKind) *todoList {
	t := &todoList{s: s, kind: k}
	t.head = newHoverText()
	t.head.TextStyle = fyne.TextStyle{Bold: true}
	t.head.SetText(k.title)
	t.count = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.none = widget.NewLabel("正在检查…")
	t.none.Importance = widget.LowImportance
	t.list = widget.NewList(
		func() int { return len(t.items) },
		func() fyne.CanvasObject { return newHoverText() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*hoverText)
			l.Importance = widget.MediumImportance
			if t.items[id].urgent {
				l.Importance = widget.DangerImportance
			}
			l.SetText(t.items[id].text)
		},
	)
	t.list.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(t.items) {
			s.openTodo(t.items[id])
		}
		t.list.UnselectAll()
	}
	t.expand = widget.NewButton("展开", t.showAll)
	t.expand.Importance = widget.LowImportance
	t.expand.Hide()
	return t
}

// object lays the list out under its heading (the title, cut short only
// when narrower than 1024 wide, over the count and 展开, which always
// show whole), tall enough for a few lines and no taller: more lines
// scroll inside the card.
func (t *todoList) object() fyne.CanvasObject {
	row := widget.NewLabel("国").MinSize().Height
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(0, todoRows*row))
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	body := container.NewStack(space, container.NewVBox(t.none), t.list)
	// The title has a line of its own, whole at 1024 wide too (five cards
	// of 170 points), and the count and 展开 the line under it.
	heading := container.NewVBox(t.head, container.NewBorder(nil, nil, t.count, t.expand))
	return container.NewStack(bg, container.NewBorder(heading, nil, nil, nil, body))
}

// set shows the list's items and their count; 「展开」 when some do not
// show whole: more lines than the card holds, or a line cut short.
func (t *todoList) set(items []todoItem) {
	t.items = items
	t.count.SetText(fmt.Sprintf("%d%s", len(items), t.kind.unit))
	if t.onSet != nil {
		t.onSet()
	}
	t.none.SetText("无")
	t.none.Hidden = len(items) > 0
	t.none.Refresh()
	t.list.Refresh()
	if t.cut() {
		t.expand.Show()
	} else {
		t.expand.Hide()
	}
}

// cut tells whether the card cannot show every line whole.
func (t *todoList) cut() bool {
	if len(t.items) > todoRows {
		return true
	}
	width := t.list.Size().Width - 2*theme.InnerPadding() - theme.ScrollBarSize()
	for _, it := range t.items {
		if fyne.MeasureText(it.text, theme.TextSize(), fyne.TextStyle{}).Width > width {
			return true
		}
	}
	return false
}

// showAll shows every line of the card whole, wrapped, in a dialog; a
// member's line opens the member.
func (t *todoList) showAll() {
	lines := container.NewVBox()
	for _, it := range t.items {
		if it.memberID == "" && it.applicantID == "" {
			l := widget.NewLabel(it.text)
			l.Wrapping = fyne.TextWrapWord
			if it.urgent {
				l.Importance = widget.DangerImportance
			}
			lines.Add(l)
			continue
		}
		b := widget.NewButton(it.text, nil)
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		lines.Add(b)
		b.OnTapped = func() {
			if t.all != nil {
				t.all.Hide()
			}
			t.s.openTodo(it)
		}
	}
	scroll := container.NewVScroll(lines)
	scroll.SetMinSize(fyne.NewSize(520, 360))
	t.all = dialog.NewCustom(t.kind.title+" "+t.count.Text, "关闭", scroll, t.s.u.win)
	t.all.Show()
}

// chartTitle is the bold title above a chart.
func chartTitle(title string) *widget.Label {
	return widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// dashboardData is what one load computes off the UI goroutine.
type dashboardData struct {
	findings []rules.Finding
	groups   findingGroups
	score    float64
	set      rules.Settings
	training []barRow
	meetings []barRow
	todos    [][]todoItem // per todoKinds; nil unless the year loaded is the current one
}

// load checks the selected year off the UI goroutine and shows the result.
func (s *dashboardScreen) load() {
	if s.list == nil {
		return
	}
	year, store, orgID := selectedYear(s.year), s.u.store, s.u.orgScopeID()
	s.summary.SetText("正在检查…")
	// Not load: the to-dos of any load are this month's and shown, even
	// when a newer load (of another year) supersedes the rest.
	l, request := s.loads, s.loads.next()
	async(s.u, func() (dashboardData, error) {
		now := store.Now()
		// One organization's figures are its own database's (its own
		// settings); the whole university's with 全部组织.
		fig, err := s.u.figuresIn(l.ctx, store, orgID, year, appcore.CheckDay(year, now))
		if err != nil {
			return dashboardData{}, err
		}
		branches, err := branchRefsIn(l.ctx, store, orgID)
		if err != nil {
			return dashboardData{}, err
		}
		d := dashboardFrom(fig, year, now, branches)
		d.groups = groupFindings(d.findings, branches, d.set)
		return d, nil
	}, func(d dashboardData, err error) {
		if l.ctx.Err() != nil {
			return // the screen was left
		}
		if d.todos != nil && orgID == s.u.orgScopeID() { // this month's, whichever year is now selected
			for i, t := range s.todos {
				t.set(d.todos[i])
			}
		}
		if !l.wanted(request) {
			return // a newer request supersedes this one
		}
		request.take()
		if err != nil {
			s.summary.SetText("检查失败")
			for _, t := range s.todos {
				if t.items == nil {
					t.none.SetText("检查失败")
				}
			}
			s.u.showError(err)
			return
		}
		s.showGroups(d.groups)
		s.summary.SetText(dashboardSummary(d.findings, d.score))
		s.trainingTitle.SetText(fmt.Sprintf("学习培训学时达标率（%d学时，班子成员%d学时）",
			d.set.TrainingHours, d.set.LeaderTrainingHours))
		setChart(s.training, s.trainingScroll, d.training)
		setChart(s.meetings, s.meetingsScroll, d.meetings)
	})
}

// setChart shows rows in a chart, its scroll as tall as the chart up to
// chartMaxHeight.
func setChart(c *barChart, scroll *container.Scroll, rows []barRow) {
	c.SetRows(rows)
	scroll.SetMinSize(fyne.NewSize(0, min(c.MinSize().Height, chartMaxHeight)))
	scroll.Refresh()
}

// dashboardFrom computes what the dashboard shows from one calculator's
// figures of a year: the findings, the score, a bar per branch (in the
// order of branches, the store's, each named by its Label) of members
// meeting their training requirement (TrainingHours) and of 主题党日 and
// 三会一课 periods met (Meetings); the to-dos only for the current year (of
// now), each list in the branches' order.
func dashboardFrom(fig *rules.Figures, year int, now time.Time, branches []data.BranchRef) dashboardData {
	fs := fig.Findings()
	place, labels := branchPlaces(branches)
	scores := slices.Clone(fig.Scores())
	slices.SortStableFunc(scores, func(a, b rules.Score) int {
		return cmp.Compare(placeOf(place, a.BranchID), placeOf(place, b.BranchID))
	})
	d := dashboardData{findings: fs, score: rules.OrgScore(scores), set: fig.Settings()}
	if d.set == (rules.Settings{}) {
		d.set = rules.DefaultSettings()
	}
	short := map[string]int{} // members short of their hours, per branch id
	for _, h := range fig.TrainingHours() {
		if h.Short() {
			short[h.Member.BranchID]++
		}
	}
	meetings := map[string]rules.BranchMeetings{}
	for _, bm := range fig.Meetings() {
		meetings[bm.Branch.ID] = bm
	}
	for _, sc := range scores {
		label := sc.Branch
		if l, ok := labels[sc.BranchID]; ok {
			label = l
		}
		row := barRow{label: label}
		if sc.Members == 0 {
			row.values, row.texts = []float64{0}, []string{"无党员"}
		} else {
			done := max(sc.Members-short[sc.BranchID], 0)
			share := float64(done) / float64(sc.Members)
			row.values = []float64{share}
			row.texts = []string{fmt.Sprintf("%s %d/%d", percent(share), done, sc.Members)}
		}
		d.training = append(d.training, row)
		bm := meetings[sc.BranchID]
		held, met := rules.Share(bm.ThemeDayHeld, bm.ThemeDayRequired), rules.Share(bm.ThreeOneMet, bm.ThreeOneRequired)
		d.meetings = append(d.meetings, barRow{label: label,
			values: []float64{held, met}, texts: []string{percent(held), percent(met)}})
	}
	if year == now.Year() {
		d.todos = todosFrom(fs, year, now.Month(), branches)
	}
	return d
}

// todosFrom sorts the findings into the to-do lists of a month, each list
// in the order of branches (the store's; the calculator's within a
// branch), a branch named by its Label.
func todosFrom(fs []rules.Finding, year int, month time.Month, branches []data.BranchRef) [][]todoItem {
	y := strconv.Itoa(year) + "年"
	ym := fmt.Sprintf("%s%d月", y, month)
	place, labels := branchPlaces(branches)
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(placeOf(place, fs[a].BranchID), placeOf(place, fs[b].BranchID))
	})
	todos := make([][]todoItem, len(todoKinds))
	for _, i := range order {
		f := fs[i]
		if l, ok := labels[f.BranchID]; ok {
			f.Branch = l
		}
		for k, kind := range todoKinds {
			if kind.match(&f, ym) {
				todos[k] = append(todos[k], todoItem{text: kind.text(&f, y), memberID: f.MemberID, applicantID: f.ApplicantID,
					urgent: kind.urgent != nil && kind.urgent(&f)})
			}
		}
	}
	for k := range todos {
		if todos[k] == nil {
			todos[k] = []todoItem{}
		}
	}
	return todos
}

// branchPlaces are each branch's place in branches and its Label, by id.
func branchPlaces(branches []data.BranchRef) (place map[string]int, labels map[string]string) {
	place, labels = make(map[string]int, len(branches)), make(map[string]string, len(branches))
	for i, b := range branches {
		place[b.ID], labels[b.ID] = i, b.Label
	}
	return place, labels
}

// placeOf is a branch's place, after every branch listed for one not.
func placeOf(place map[string]int, id string) int {
	if p, ok := place[id]; ok {
		return p
	}
	return len(place)
}

// openMember opens a member's form through the 党员 screen, building one
// (not shown) when it has not been built yet.
func (s *dashboardScreen) openMember(id string) {
	if s.u.inCommittee() { // the organizations keep their members
		s.u.viewMember(id)
		return
	}
	if s.u.members == nil {
		newMembersScreen(s.u)
	}
	s.u.members.openMember(id)
}

// percent prints a share as a whole percentage: 0.853 → 85%.
func percent(share float64) string {
	return fmt.Sprintf("%.0f%%", share*100)
}

// memberText is a to-do line about a member: 张三 · text.
func memberText(f *rules.Finding, text string) string {
	who := f.Member
	if who == "" {
		who = f.Branch
	}
	if who == "" {
		return text
	}
	return who + " · " + text
}

// afterColon returns what follows the first colon, full-width or not, or s.
func afterColon(s string) string {
	for _, colon := range []string{"：", ":"} {
		if _, after, ok := strings.Cut(s, colon); ok {
			return after
		}
	}
	return s
}

// shorten drops a prefix from a finding's detail and cuts it at the first
// of the stops found, keeping it whole when that would leave nothing.
func shorten(detail, prefix string, stops ...string) string {
	d := strings.TrimPrefix(detail, prefix)
	for _, stop := range stops {
		if i := strings.Index(d, stop); i > 0 {
			d = d[:i]
		}
	}
	if d == "" {
		return detail
	}
	return d
}

// dashboardSummary is the 工作台's line: its 待整改问题 (as every surface
// counts them, the reminders apart) and its 考评 score.
func dashboardSummary(findings []rules.Finding, score float64) string {
	problems := 0
	for _, f := range findings {
		if f.Problem() { // this month's to-dos and the reminders are none
			problems++
		}
	}
	reminders := len(findings) - problems
	text := fmt.Sprintf("待整改问题%d项", problems)
	if reminders > 0 {
		text += fmt.Sprintf("，提醒%d项", reminders)
	}
	return text + "，考评得分" + strconv.FormatFloat(score, 'f', -1, 64) + "分"
}
