package app

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// dashboardScreen is the 工作台: this month's to-dos, the branches'
// training completion and meeting coverage as bar charts, and every finding
// grouped by rule, where a member's finding opens the member's form.
type dashboardScreen struct {
	u       *UI
	year    *widget.Select
	summary *widget.Label
	month   *widget.Label
	todos   []*todoList

	training, meetings             *barChart
	trainingScroll, meetingsScroll *container.Scroll
	trainingTitle                  *widget.Label

	items     []findingItem
	memberIDs []string // per item: the member a line is about, "" for headings and branches
	list      *widget.List

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
			return memberText(f, shorten(afterColon(f.Detail), "", "("))
		}, nil},
	{"预备期届满", "人", func(f *rules.Finding, _ string) bool { return f.Rule == vocab.RuleProbation },
		func(f *rules.Finding, y string) string {
			return memberText(f, strings.Replace(shorten(f.Detail, "预备期", ","), y, "", 1))
		}, func(f *rules.Finding) bool { return strings.Contains(f.Detail, "尚未讨论转正") }},
	{"转接未回执", "人", func(f *rules.Finding, _ string) bool { return f.Rule == vocab.RuleTransfer },
		func(f *rules.Finding, _ string) string {
			return memberText(f, "转至"+shorten(f.Detail, "转出至", "(介绍信", "已超过"))
		}, nil},
	{"六个月预警", "项", func(f *rules.Finding, _ string) bool { return f.Rule == vocab.RuleSixMonth },
		func(f *rules.Finding, _ string) string {
			return memberText(f, strings.Replace(shorten(f.Detail, "已连续", ",", "("), "党的组织生活", "组织生活", 1))
		}, func(f *rules.Finding) bool { return strings.Contains(f.Detail, "脱党风险") }},
}

// todoItem is a line of a to-do list.
type todoItem struct {
	text     string
	memberID string
	urgent   bool
}

// todoList shows the to-dos of one kind.
type todoList struct {
	kind  todoKind
	items []todoItem
	head  *widget.Label
	none  *widget.Label
	list  *widget.List
}

// Heights of the dashboard's parts that scroll.
const (
	todoRows       = 4
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
	s.month = widget.NewLabelWithStyle(fmt.Sprintf("本月待办(%d年%d月)", now.Year(), now.Month()),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var cards []fyne.CanvasObject
	for _, k := range todoKinds {
		t := s.newTodoList(k)
		s.todos = append(s.todos, t)
		cards = append(cards, t.object())
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

	s.list = widget.NewList(
		func() int { return len(s.items) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			it := s.items[id]
			l.TextStyle = fyne.TextStyle{Bold: it.heading}
			l.Importance = widget.MediumImportance
			if it.heading {
				l.Importance = widget.HighImportance
			}
			l.SetText(it.text)
		},
	)
	s.list.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(s.memberIDs) && s.memberIDs[id] != "" {
			s.openMember(s.memberIDs[id])
		}
		s.list.UnselectAll()
	}
	findingsHead := container.NewHBox(
		widget.NewLabelWithStyle("制度落实情况", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel("点击党员所在的行可打开其信息"))

	head := container.NewVBox(top, s.month, container.NewGridWithColumns(len(cards), cards...),
		charts, widget.NewSeparator(), findingsHead)
	s.load()
	return container.NewBorder(head, nil, nil, nil, s.list)
}

// newTodoList makes the list of one kind of to-do; tapping a member's line
// opens the member's form.
func (s *dashboardScreen) newTodoList(k todoKind) *todoList {
	t := &todoList{kind: k}
	t.head = widget.NewLabelWithStyle(k.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.head.Truncation = fyne.TextTruncateEllipsis
	t.none = widget.NewLabel("正在检查…")
	t.none.Importance = widget.LowImportance
	t.list = widget.NewList(
		func() int { return len(t.items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Importance = widget.MediumImportance
			if t.items[id].urgent {
				l.Importance = widget.DangerImportance
			}
			l.SetText(t.items[id].text)
		},
	)
	t.list.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(t.items) && t.items[id].memberID != "" {
			s.openMember(t.items[id].memberID)
		}
		t.list.UnselectAll()
	}
	return t
}

// object lays the list out under its heading, tall enough for a few lines.
func (t *todoList) object() fyne.CanvasObject {
	row := widget.NewLabel("国").MinSize().Height
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(0, todoRows*row))
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	body := container.NewStack(space, container.NewVBox(t.none), t.list)
	return container.NewStack(bg, container.NewBorder(t.head, nil, nil, nil, body))
}

// set shows the list's items and their count.
func (t *todoList) set(items []todoItem) {
	t.items = items
	t.head.SetText(fmt.Sprintf("%s %d%s", t.kind.title, len(items), t.kind.unit))
	t.none.SetText("无")
	t.none.Hidden = len(items) > 0
	t.none.Refresh()
	t.list.Refresh()
}

// chartTitle is the bold title above a chart.
func chartTitle(title string) *widget.Label {
	return widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// dashboardData is what one load computes off the UI goroutine.
type dashboardData struct {
	findings []rules.Finding
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
	year, store := selectedYear(s.year), s.u.store
	s.summary.SetText("正在检查…")
	// Not load: the to-dos of any load are this month's and shown, even
	// when a newer load (of another year) supersedes the rest.
	l, request := s.loads, s.loads.next()
	async(s.u, func() (dashboardData, error) {
		now := store.Now()
		fig, err := store.Figures(l.ctx, year, appcore.CheckDay(year, now))
		if err != nil {
			return dashboardData{}, err
		}
		return dashboardFrom(fig, year, now), nil
	}, func(d dashboardData, err error) {
		if l.ctx.Err() != nil {
			return // the screen was left
		}
		if d.todos != nil { // this month's, whichever year is now selected
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
		s.items, s.memberIDs = groupFindingsWithMembers(d.findings)
		s.list.Refresh()
		s.summary.SetText(fmt.Sprintf("共%d项待落实,考评得分%s分", len(d.findings),
			strconv.FormatFloat(d.score, 'f', -1, 64)))
		s.trainingTitle.SetText(fmt.Sprintf("学习培训学时达标率(%d学时,班子成员%d学时)",
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
// scores' order) of members meeting their training requirement
// (TrainingHours) and of 主题党日 and 三会一课 periods met (Meetings); the
// to-dos only for the current year (of now).
func dashboardFrom(fig *rules.Figures, year int, now time.Time) dashboardData {
	fs := fig.Findings()
	scores := fig.Scores()
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
		row := barRow{label: sc.Branch}
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
		held, met := shareOf(bm.ThemeDayHeld, bm.ThemeDayRequired), shareOf(bm.ThreeOneMet, bm.ThreeOneRequired)
		d.meetings = append(d.meetings, barRow{label: sc.Branch,
			values: []float64{held, met}, texts: []string{percent(held), percent(met)}})
	}
	if year == now.Year() {
		d.todos = todosFrom(fs, year, now.Month())
	}
	return d
}

// shareOf is done out of required, whole when nothing was required (as
// the scores count a part with nothing required).
func shareOf(done, required int) float64 {
	if required <= 0 {
		return 1
	}
	return min(float64(done)/float64(required), 1)
}

// todosFrom sorts the findings into the to-do lists of a month.
func todosFrom(fs []rules.Finding, year int, month time.Month) [][]todoItem {
	y := strconv.Itoa(year) + "年"
	ym := fmt.Sprintf("%s%d月", y, month)
	todos := make([][]todoItem, len(todoKinds))
	for i := range fs {
		f := &fs[i]
		for k, kind := range todoKinds {
			if kind.match(f, ym) {
				todos[k] = append(todos[k], todoItem{text: kind.text(f, y), memberID: f.MemberID,
					urgent: kind.urgent != nil && kind.urgent(f)})
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

// groupFindingsWithMembers lays findings out as groupFindings does, with
// the member each line is about.
func groupFindingsWithMembers(fs []rules.Finding) ([]findingItem, []string) {
	items := groupFindings(fs)
	ids := make([]string, len(items))
	next := 0 // groupFindings makes one line per finding, in order, between headings
	for i, it := range items {
		if it.heading || next >= len(fs) {
			continue
		}
		ids[i] = fs[next].MemberID
		next++
	}
	return items, ids
}

// openMember opens a member's form through the 党员 screen, building one
// (not shown) when it has not been built yet.
func (s *dashboardScreen) openMember(id string) {
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

// afterColon returns what follows the first full-width colon, or s.
func afterColon(s string) string {
	if _, after, ok := strings.Cut(s, ":"); ok {
		return after
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
