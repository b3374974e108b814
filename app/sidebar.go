package app

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/data/vocab"
)

// The sidebar: the screens in groups under headings, in compact rows. A
// heading folds or opens its group; the group of the screen shown is always
// open. Which groups are open is remembered, so that on a low screen (768
// pixels) the user keeps open what they use and every screen stays one or
// two clicks away; the list scrolls when all are open.

// sideGroups are the sidebar's groups and the screens in each, by title; a
// screen in none joins the last group, and a group with no screen shown
// (党委 outside committee mode) is left out.
var sideGroups = []struct {
	title   string
	screens []string
}{
	{"党委", []string{overviewTitle, "各组织", crossFindingsTitle, termsCompareTitle, publishTitle}}, // committee mode only
	{"日常", []string{"工作台", "党员", "党支部", "党小组"}},
	{"发展党员", []string{pipelineTitle}},
	{"教育管理", []string{"学习培训", "组织生活", string(vocab.MeetingAppraisal), "目标管理"}},
	{"二级党校", []string{"培训计划", "党校教师", "党校课程"}},
	{"实践锻炼", []string{"先锋岗和责任区", "承诺践诺", "志愿服务", leaderLinksTitle, "宣传"}},
	{"党员档案", []string{"表彰奖励", "党纪处分", "限期改正", "党籍处置", "党内职务", "党员状态"}},
	{"党费与关系", []string{"党费", "组织关系转接"}},
	{"关心服务", []string{"谈心谈话", "关心关爱", "联系群众", "先进典型", "意见建议"}},
	{"监督与经费", []string{"干部监督", "经费"}},
	{"数据", []string{"报表", "导入导出", "同步", "回收站", "设置"}},
}

// prefOpenGroups remembers the sidebar's open groups, by title.
const prefOpenGroups = "ui.sidebarOpenGroups"

// sidebar is the list of screens.
type sidebar struct {
	u      *UI
	groups []*sideGroup
	rows   []*sideRow // by screen index
	box    *fyne.Container
	scroll *container.Scroll
}

// sideGroup is one heading and its screens' rows.
type sideGroup struct {
	title   string
	heading *sideHeading
	rows    []*sideRow
	open    bool
}

// newSidebar lays out u.screens in their groups.
func newSidebar(u *UI) *sidebar {
	s := &sidebar{u: u, rows: make([]*sideRow, len(u.screens))}
	byTitle := map[string]*sideGroup{}
	for _, g := range sideGroups {
		sg := &sideGroup{title: g.title}
		s.groups = append(s.groups, sg)
		for _, title := range g.screens {
			byTitle[title] = sg
		}
	}
	for i, sc := range u.screens {
		g := byTitle[sc.title]
		if g == nil {
			g = s.groups[len(s.groups)-1]
		}
		row := newSideRow(sc, func() { u.open(i) })
		s.rows[i] = row
		g.rows = append(g.rows, row)
	}
	open := s.rememberedOpen()
	s.box = container.NewVBox()
	var first *sideGroup // the first group shown, open the first time
	for _, g := range s.groups {
		if len(g.rows) == 0 {
			continue
		}
		if first == nil {
			first = g
		}
		g.open = open == nil && g == first || open[g.title]
		g := g
		g.heading = newSideHeading(g.title, func() { s.toggle(g) })
		s.box.Add(g.heading)
		for _, r := range g.rows {
			s.box.Add(r)
		}
	}
	s.layout()
	// As wide as the widest row, folded or not, so that opening a group
	// does not move the screen beside it.
	var width float32
	for _, g := range s.groups {
		if g.heading != nil {
			width = max(width, g.heading.MinSize().Width)
		}
		for _, r := range g.rows {
			width = max(width, r.MinSize().Width)
		}
	}
	strut := canvas.NewRectangle(color.Transparent)
	strut.SetMinSize(fyne.NewSize(width, 0))
	s.box.Add(strut)
	s.scroll = container.NewVScroll(s.box)
	return s
}

// object is the sidebar, for a layout.
func (s *sidebar) object() fyne.CanvasObject { return s.scroll }

// show highlights the row of screen id and opens its group.
func (s *sidebar) show(id int) {
	for i, r := range s.rows {
		r.setSelected(i == id)
	}
	if id >= 0 && id < len(s.rows) {
		if g := s.groupOf(s.rows[id]); g != nil && !g.open {
			g.open = true
			s.rememberOpen()
		}
	}
	s.layout()
	if id >= 0 && id < len(s.rows) {
		s.scroll.ScrollToOffset(fyne.NewPos(0, max(0, s.rows[id].Position().Y+s.rows[id].Size().Height-s.scroll.Size().Height)))
	}
}

// toggle folds or opens g; the group of the screen shown stays open.
func (s *sidebar) toggle(g *sideGroup) {
	if g.open {
		for _, r := range g.rows {
			if r.selected {
				return
			}
		}
	}
	g.open = !g.open
	s.rememberOpen()
	s.layout()
}

// layout shows the rows of open groups and the headings' arrows.
func (s *sidebar) layout() {
	for _, g := range s.groups {
		if g.heading == nil {
			continue
		}
		g.heading.show(g.title, g.open)
		for _, r := range g.rows {
			if g.open {
				r.Show()
			} else {
				r.Hide()
			}
		}
	}
	s.box.Refresh()
}

// groupOf is the group of row r.
func (s *sidebar) groupOf(r *sideRow) *sideGroup {
	for _, g := range s.groups {
		for _, x := range g.rows {
			if x == r {
				return g
			}
		}
	}
	return nil
}

// rememberedOpen is the set of groups left open; nil when none was saved.
func (s *sidebar) rememberedOpen() map[string]bool {
	p := s.u.app.Preferences()
	if p.String(prefOpenGroups) == "" {
		return nil
	}
	open := map[string]bool{}
	for _, t := range strings.Split(p.String(prefOpenGroups), ",") {
		open[t] = true
	}
	return open
}

// rememberOpen saves which groups are open.
func (s *sidebar) rememberOpen() {
	var open []string
	for _, g := range s.groups {
		if g.open {
			open = append(open, g.title)
		}
	}
	s.u.app.Preferences().SetString(prefOpenGroups, ","+strings.Join(open, ","))
}

// titles is what the sidebar shows, headings in 【】 and folded groups'
// screens left out, for tests.
func (s *sidebar) titles() []string {
	var out []string
	for _, g := range s.groups {
		if g.heading == nil {
			continue
		}
		out = append(out, "【"+g.title+"】")
		for _, r := range g.rows {
			if r.Visible() {
				out = append(out, r.title)
			}
		}
	}
	return out
}

// sideRow is a screen's entry: icon and title in a compact row,
// highlighted when its screen is shown.
type sideRow struct {
	widget.BaseWidget
	title    string
	icon     *widget.Icon
	text     *canvas.Text
	bg       *canvas.Rectangle
	selected bool
	tapped   func()
}

func newSideRow(sc screen, tapped func()) *sideRow {
	r := &sideRow{title: sc.title, icon: widget.NewIcon(sc.icon), text: canvas.NewText(sc.title, theme.Color(theme.ColorNameForeground)),
		bg: canvas.NewRectangle(color.Transparent), tapped: tapped}
	r.text.TextSize = theme.TextSize()
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the icon and the title on the highlight.
func (r *sideRow) CreateRenderer() fyne.WidgetRenderer {
	r.bg.CornerRadius = theme.SelectionRadiusSize()
	line := container.New(&sideRowLayout{}, r.icon, r.text)
	return widget.NewSimpleRenderer(container.NewStack(r.bg, line))
}

// Tapped opens the row's screen.
func (r *sideRow) Tapped(*fyne.PointEvent) { r.tapped() }

// Refresh redraws the row in the theme's colors (light or dark, as now).
func (r *sideRow) Refresh() {
	r.text.Color = theme.Color(theme.ColorNameForeground)
	if r.selected {
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
	}
	r.BaseWidget.Refresh()
}

// setSelected highlights the row or not.
func (r *sideRow) setSelected(on bool) {
	r.selected = on
	if on {
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
		r.text.TextStyle.Bold = true
	} else {
		r.bg.FillColor = color.Transparent
		r.text.TextStyle.Bold = false
	}
	r.bg.Refresh()
	r.text.Refresh()
}

// sideRowLayout puts a small icon then the text, with little padding, so
// that some thirty rows fit 768 pixels.
type sideRowLayout struct{}

func (sideRowLayout) size() (icon, pad float32) {
	return theme.TextSize() + 2, theme.Padding()
}

// MinSize is the icon and text in a row a few pixels taller than the text.
func (l *sideRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	icon, pad := l.size()
	text := objs[1].MinSize()
	return fyne.NewSize(pad+icon+pad+text.Width+pad, max(icon, text.Height)+pad)
}

// Layout places the icon and the text, centred in the height.
func (l *sideRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	icon, pad := l.size()
	objs[0].Resize(fyne.NewSquareSize(icon))
	objs[0].Move(fyne.NewPos(pad, (size.Height-icon)/2))
	text := objs[1].MinSize()
	objs[1].Resize(text)
	objs[1].Move(fyne.NewPos(pad+icon+pad, (size.Height-text.Height)/2))
}

// sideHeading is a group's heading: tapped, it folds or opens the group.
type sideHeading struct {
	widget.BaseWidget
	text   *canvas.Text
	tapped func()
}

func newSideHeading(title string, tapped func()) *sideHeading {
	h := &sideHeading{text: canvas.NewText(title, theme.Color(theme.ColorNamePlaceHolder)), tapped: tapped}
	h.text.TextSize = theme.TextSize() - 1
	h.text.TextStyle.Bold = true
	h.ExtendBaseWidget(h)
	return h
}

// CreateRenderer pads the heading a little.
func (h *sideHeading) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(layout.NewCustomPaddedLayout(theme.Padding()*1.5, 0, theme.Padding(), 0), h.text))
}

// Tapped folds or opens the group.
func (h *sideHeading) Tapped(*fyne.PointEvent) { h.tapped() }

// Refresh redraws the heading in the theme's colors.
func (h *sideHeading) Refresh() {
	h.text.Color = theme.Color(theme.ColorNamePlaceHolder)
	h.BaseWidget.Refresh()
}

// show writes the heading with ▼ (open) or ▶ (folded).
func (h *sideHeading) show(title string, open bool) {
	if open {
		h.text.Text = "▼ " + title
	} else {
		h.text.Text = "▶ " + title
	}
	h.Refresh()
}
