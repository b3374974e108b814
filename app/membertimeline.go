package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// memberTimeline is the 党员档案 tab of a member's form: every dated record
// of the member's file (入党, 党内职务, 奖惩, 处置, 状态, 组织关系, 评议,
// 培训, 实践锻炼, 谈心谈话), earliest first, one a line, which a choice of
// the part narrows.
type memberTimeline struct {
	file     *data.MemberFile
	shown    []data.FileEvent
	group    *widget.Select
	count    *widget.Label
	list     *widget.List
	box      fyne.CanvasObject
	failed   string         // why the file could not be read
	selected int            // the event selected in shown, -1 for none
	find     *widget.Button // 在记录中查看
}

// fileScreens are the screens that list the records of the file's
// events, by table.
var fileScreens = map[string]string{
	"practice_posts": "先锋岗和责任区", "pledges": "承诺践诺", "volunteer_services": "志愿服务",
	"rewards": "表彰奖励", "disciplines": "党纪处分", "corrections": "限期改正", "dispositions": "党籍处置",
	"post_terms": "党内职务", "episodes": "党员状态", "honors": "先进典型", "transfers": "组织关系转接",
	"talks": "谈心谈话",
}

// allGroups is the choice that shows every part of the file.
const allGroups = "全部"

// newMemberTimeline lays out the file; goTo, when set, shows the record of
// the event selected on its screen, found by a search (「在记录中查看」).
func newMemberTimeline(f *data.MemberFile, err error, goTo func(screen, query string)) *memberTimeline {
	t := &memberTimeline{file: f, count: widget.NewLabel(""), selected: -1}
	if err != nil || f == nil {
		t.failed = "读取党员档案失败"
		if err != nil {
			t.failed += "：" + err.Error()
		}
		msg := widget.NewLabel(t.failed)
		msg.Wrapping = fyne.TextWrapWord
		msg.Importance = widget.DangerImportance
		t.box = msg
		return t
	}
	groups := []string{allGroups}
	for _, g := range data.FileGroups {
		groups = append(groups, string(g))
	}
	t.list = widget.NewList(func() int { return len(t.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= 0 && i < len(t.shown) {
				o.(*widget.Label).SetText(timelineLine(t.shown[i]))
			}
		})
	t.find = widget.NewButton("在记录中查看", func() {
		if e, ok := t.chosen(); ok && goTo != nil {
			goTo(fileScreens[e.Table], t.file.Member.Name+" "+e.When())
		}
	})
	t.find.Disable()
	t.list.OnSelected = func(i widget.ListItemID) {
		t.selected = i
		t.showFind()
	}
	t.list.OnUnselected = func(widget.ListItemID) {
		t.selected = -1
		t.showFind()
	}
	t.group = widget.NewSelect(groups, func(string) { t.filter() })
	t.group.SetSelected(allGroups)
	right := container.NewHBox(t.count)
	if goTo != nil {
		right.Add(t.find)
	}
	top := container.NewBorder(nil, nil, widget.NewLabel("显示"), right, t.group)
	t.box = container.NewBorder(top, nil, nil, nil, t.list)
	return t
}

// object is the tab's content.
func (t *memberTimeline) object() fyne.CanvasObject { return t.box }

// chosen is the event selected, when its record has a screen.
func (t *memberTimeline) chosen() (data.FileEvent, bool) {
	if t.selected < 0 || t.selected >= len(t.shown) {
		return data.FileEvent{}, false
	}
	e := t.shown[t.selected]
	return e, fileScreens[e.Table] != ""
}

// showFind enables 在记录中查看 for an event whose record has a screen.
func (t *memberTimeline) showFind() {
	if _, ok := t.chosen(); ok {
		t.find.Enable()
	} else {
		t.find.Disable()
	}
}

// filter shows the events of the part chosen.
func (t *memberTimeline) filter() {
	t.list.UnselectAll()
	t.selected = -1
	t.showFind()
	t.shown = t.shown[:0]
	for _, e := range t.file.Events {
		if t.group.Selected == allGroups || string(e.Group) == t.group.Selected {
			t.shown = append(t.shown, e)
		}
	}
	if len(t.file.Events) == 0 {
		t.count.SetText("档案中尚无记录")
	} else {
		t.count.SetText(countText(len(t.shown), len(t.file.Events), "项"))
	}
	t.list.Refresh()
}

// lines is what the tab shows, one line per event, for tests.
func (t *memberTimeline) lines() []string {
	if t.failed != "" {
		return []string{t.failed}
	}
	out := make([]string, len(t.shown))
	for i, e := range t.shown {
		out[i] = timelineLine(e)
	}
	return out
}

// timelineLine shows an event: 「2019-07-01　【党籍】入党　入党」, a stretch
// with its end: 「2024-09-01至2025-06-30」.
func timelineLine(e data.FileEvent) string {
	when := e.When()
	if !e.Until.IsZero() {
		when += "至" + e.Until.String()
	}
	return fmt.Sprintf("%s　【%s】%s　%s", when, e.Group, e.Kind, e.Text)
}

// placeHolders sets the hints of the form's text fields.
func placeHolders(f *recordForm, hints map[string]string) {
	for col, hint := range hints {
		if e, ok := f.inputs[col].object.(*widget.Entry); ok {
			e.SetPlaceHolder(hint)
		}
	}
}

// studyColumns are the columns of the 学习档案 tab.
var studyColumns = []column{{"日期", 96}, {"形式", 76}, {"主题", 170}, {"党校课程", 110}, {"学时", 46}, {"证书编号", 100}}

// studyFile is what the 学习档案 tab shows: the member's trainings, and the
// hours of the latest years as the rules count them.
type studyFile struct {
	recs  []data.StudyRecord
	years []data.StudyYear // newest first
	err   error
}

// studyYearsShown is how many of the latest years the tab gives the
// counted hours of; each costs a reading of that year's figures.
const studyYearsShown = 5

// readStudyFile reads the member's 学习档案, off the UI goroutine.
func readStudyFile(ctx context.Context, store *data.Store, m *data.Member) studyFile {
	recs, err := store.StudyRecords(ctx, m.ID)
	if err != nil {
		return studyFile{err: err}
	}
	var years []int
	for _, r := range recs {
		if y := r.Date.Year(); !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	slices.Reverse(years)
	years = years[:min(len(years), studyYearsShown)]
	counted, err := store.StudyYears(ctx, m, years)
	return studyFile{recs: recs, years: counted, err: err}
}

// studyYearText tells a year's hours as TRAIN-32 and TRAIN-56 count them:
// 「2026年计入8学时，应达32学时（另有不计入的2.5学时）」.
func studyYearText(y data.StudyYear) string {
	h := y.Hours
	if !y.OnRolls {
		return fmt.Sprintf("%d年未列入学时核算", y.Year)
	}
	s := fmt.Sprintf("%d年计入%s学时", y.Year, strconv.FormatFloat(h.Hours, 'f', -1, 64))
	if h.Checked {
		s += fmt.Sprintf("，应达%d学时", h.Required)
	} else {
		s += "（本年度不作核算）"
	}
	if h.Uncounted > 0 {
		s += fmt.Sprintf("（另有不计入的%s学时）", strconv.FormatFloat(h.Uncounted, 'f', -1, 64))
	}
	return s
}

// newStudyView is the 学习档案 tab of a member's form: every training the
// member attended with the hours credited, the 党校课程 and the
// certificate, and the hours of the latest years as the rules count them.
func newStudyView(sf studyFile) (fyne.CanvasObject, []string) {
	recs, err := sf.recs, sf.err
	if err != nil {
		msg := widget.NewLabel("读取学习档案失败：" + err.Error())
		msg.Wrapping = fyne.TextWrapWord
		msg.Importance = widget.DangerImportance
		return msg, nil
	}
	cell := func(row, col int) string {
		r := recs[row]
		switch col {
		case 0:
			return r.Date.String()
		case 1:
			return r.Form
		case 2:
			return r.Topic
		case 3:
			return r.Course
		case 4:
			return strconv.FormatFloat(r.Hours, 'f', -1, 64)
		default:
			return r.Certificate
		}
	}
	table := columnTable(studyColumns, func() int { return len(recs) }, cell)
	table.CreateCell = func() fyne.CanvasObject { // a long 主题 cut, not over the next column
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	var parts []string
	for _, y := range sf.years {
		parts = append(parts, studyYearText(y))
	}
	summary := fmt.Sprintf("共参加培训%d次", len(recs))
	if len(parts) > 0 {
		summary += "；" + strings.Join(parts, "；")
	}
	lines := []string{summary}
	for row := range recs {
		var cells []string
		for col := range studyColumns {
			cells = append(cells, cell(row, col))
		}
		lines = append(lines, strings.Join(cells, "|"))
	}
	top := widget.NewLabel(summary)
	top.Wrapping = fyne.TextWrapWord
	return container.NewBorder(top, nil, nil, nil, table), lines
}
