package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	snapshot "dangjian/sync"
)

// publicationsView lists what the committee published, newest first.
type publicationsView struct {
	u       *UI
	pubs    []snapshot.Publication
	table   *dataTable
	message *widget.Label
	shown   dialog.Dialog // the publication opened last
}

// publicationColumns are the columns of the list of publications.
var publicationColumns = []column{{"序号", 60}, {"类别", 80}, {"发布时间", 140}, {"标题", 380}, {"截止日期", 100}}

func newPublicationsView(u *UI) *publicationsView {
	v := &publicationsView{u: u, message: widget.NewLabel("")}
	v.message.Wrapping = fyne.TextWrapWord
	v.table = newDataTable(u, "committee.publications", publicationColumns, func() int { return len(v.pubs) }, v.cell,
		rowActions{open: v.open})
	return v
}

func (v *publicationsView) object() fyne.CanvasObject {
	return container.NewBorder(v.message, nil, nil, nil, v.table.object())
}

// show lists pubs (by seq ascending) newest first.
func (v *publicationsView) show(pubs []snapshot.Publication) {
	v.pubs = make([]snapshot.Publication, 0, len(pubs))
	for i := len(pubs) - 1; i >= 0; i-- {
		v.pubs = append(v.pubs, pubs[i])
	}
	v.message.SetText("")
	v.message.Hidden = len(pubs) > 0
	if len(pubs) == 0 {
		v.message.SetText("尚未发布任何内容。")
	}
	v.table.refresh()
}

func (v *publicationsView) fail(err error) {
	v.message.Importance = widget.DangerImportance
	v.message.SetText("发布记录无法读取：" + err.Error())
	v.message.Show()
}

// cell is the text of the list at row, col.
func (v *publicationsView) cell(row, col int) string {
	p := v.pubs[row]
	switch col {
	case 0:
		return strconv.FormatUint(p.Index.Seq, 10)
	case 1:
		return p.Index.Kind.Label()
	case 2:
		return p.Index.CreatedAt.Local().Format("2006-01-02 15:04")
	case 3:
		return publicationTitle(p.Body)
	}
	return p.Body.Deadline
}

// open shows what the publication of row says, to read (a publication is
// not changed: a new one replaces it).
func (v *publicationsView) open(row int) {
	if row < 0 || row >= len(v.pubs) {
		return
	}
	p := v.pubs[row]
	title := widget.NewLabelWithStyle(publicationTitle(p.Body), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	meta := widget.NewLabel(publicationMeta(p))
	meta.Wrapping = fyne.TextWrapWord
	body := widget.NewLabel(publicationText(p.Body))
	body.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(container.NewVBox(title, meta, widget.NewSeparator(), body))
	scroll.SetMinSize(fyne.NewSize(520, 320))
	v.shown = dialog.NewCustom(p.Index.Kind.Label()+"（第"+strconv.FormatUint(p.Index.Seq, 10)+"号）", "关闭", scroll, v.u.win)
	v.shown.Show()
}

// publicationMeta is the line under a publication's title: its number,
// kind, when it was published and its deadline.
func publicationMeta(p snapshot.Publication) string {
	meta := fmt.Sprintf("第%d号 · %s · %s 发布", p.Index.Seq, p.Index.Kind.Label(), p.Index.CreatedAt.Local().Format("2006-01-02 15:04"))
	if p.Body.Deadline != "" {
		meta += " · 截止日期 " + p.Body.Deadline
	}
	return meta
}

// publicationText is what a publication says, a line per item: a notice's
// or task's text, each threshold with its name, each term with its dates.
func publicationText(b snapshot.ChannelBody) string {
	var lines []string
	switch b.Kind {
	case data.ChannelThresholds:
		for _, d := range rules.SettingDefs {
			if value, ok := b.Thresholds[d.Key]; ok {
				lines = append(lines, d.Label+"："+value)
			}
		}
	case data.ChannelCalendar:
		for _, t := range b.Calendar {
			lines = append(lines, fmt.Sprintf("%s：%s至%s", snapshot.TermLabel(t.Term), t.Start, t.End))
		}
	default:
		if strings.TrimSpace(b.Text) != "" {
			lines = append(lines, b.Text)
		}
	}
	if len(lines) == 0 {
		return "（没有正文）"
	}
	return strings.Join(lines, "\n")
}

// publicationTitle says what a publication holds in a line: a notice's
// title, a task's with its id, the year and count of thresholds, the
// terms of a calendar.
func publicationTitle(b snapshot.ChannelBody) string {
	switch b.Kind {
	case data.ChannelThresholds:
		return fmt.Sprintf("%d年度考核标准（%d项）", b.Year, len(b.Thresholds))
	case data.ChannelCalendar:
		names := make([]string, len(b.Calendar))
		for i, t := range b.Calendar {
			names[i] = fmt.Sprintf("%s(%s至%s)", snapshot.TermLabel(t.Term), t.Start, t.End)
		}
		return strings.Join(names, "、")
	case data.ChannelTask:
		return b.Title + "（编号 " + b.TaskID + "）"
	}
	return b.Title
}

// taskProgressView is, per task the committee published (newest first),
// which organizations have done it — when, with their note and files,
// which open — and which have not.
type taskProgressView struct {
	u       *UI
	tasks   []snapshot.TaskProgress
	list    *widget.List
	chosen  int // the task shown, -1 for none
	head    *widget.Label
	rows    []progressRow
	table   *dataTable
	message *widget.Label
}

// progressRow is an organization's line for a task.
type progressRow struct {
	org   string
	done  *data.TaskCompletion // nil: not done
	state string
}

// progressColumns are the columns of a task's organizations.
var progressColumns = []column{{"组织", 200}, {"情况", 90}, {"完成时间", 140}, {"说明", 240}, {"附件", 180}}

func newTaskProgressView(u *UI) *taskProgressView {
	v := &taskProgressView{u: u, chosen: -1, head: widget.NewLabel("正在读取…"), message: widget.NewLabel("")}
	v.head.Wrapping = fyne.TextWrapWord
	v.message.Wrapping = fyne.TextWrapWord
	v.list = widget.NewList(func() int { return len(v.tasks) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil, widget.NewLabel(""), newHoverText())
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			tp := v.tasks[id]
			box := o.(*fyne.Container)
			box.Objects[0].(*hoverText).SetText(tp.Task.Body.Title)
			box.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%d/%d", len(tp.Done), len(tp.Done)+len(tp.NotDone)))
		})
	v.list.OnSelected = func(id widget.ListItemID) { v.choose(id) }
	v.table = newDataTable(u, "committee.taskprogress", progressColumns, func() int { return len(v.rows) }, v.cell,
		rowActions{open: v.openFiles})
	return v
}

func (v *taskProgressView) object() fyne.CanvasObject {
	hint := widget.NewLabel("完成情况来自最近一次汇总的数据；双击已完成的组织打开其附件。")
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	right := container.NewBorder(container.NewVBox(v.head, v.message), hint, nil, nil, v.table.object())
	split := container.NewHSplit(v.list, right)
	split.Offset = 0.3
	return split
}

func (v *taskProgressView) fail(err error) {
	v.head.SetText("任务完成情况无法读取：" + err.Error())
}

// show lists the tasks, keeping the one shown when it is still there.
func (v *taskProgressView) show(tasks []snapshot.TaskProgress) {
	var keep string
	if v.chosen >= 0 && v.chosen < len(v.tasks) {
		keep = v.tasks[v.chosen].Task.Body.TaskID
	}
	v.tasks = tasks
	v.list.Refresh()
	v.chosen = -1
	for i, tp := range tasks {
		if tp.Task.Body.TaskID == keep {
			v.chosen = i
		}
	}
	if len(tasks) == 0 {
		v.head.SetText("尚未发布任务。在「发布任务」中发布，各组织标记完成并同步、汇总后，在此查看。")
		v.rows = nil
		v.table.refresh()
		return
	}
	v.list.Select(max(v.chosen, 0))
}

// choose shows the organizations of task id.
func (v *taskProgressView) choose(id int) {
	if id < 0 || id >= len(v.tasks) {
		return
	}
	v.chosen = id
	tp := v.tasks[id]
	b := tp.Task.Body
	head := fmt.Sprintf("%s（编号 %s）\n已完成 %d 个组织，未完成 %d 个", b.Title, b.TaskID, len(tp.Done), len(tp.NotDone))
	overdue := false
	if b.Deadline != "" {
		head += "，截止 " + b.Deadline
		if d, err := time.Parse(time.DateOnly, b.Deadline); err == nil && daysBetween(v.u.store.Now(), d) < 0 {
			overdue = true
			head += "（已过）"
		}
	}
	v.head.SetText(head)
	v.message.SetText("")
	v.rows = v.rows[:0]
	for i := range tp.Done {
		d := &tp.Done[i]
		v.rows = append(v.rows, progressRow{org: d.OrgName, done: d, state: "已完成"})
	}
	for _, o := range tp.NotDone {
		state := string(vocab.NotDone)
		if overdue {
			state = "逾期未完成"
		}
		v.rows = append(v.rows, progressRow{org: o.OrgName, state: state})
	}
	v.table.refresh()
}

// cell is the text of a task's organizations at row, col.
func (v *taskProgressView) cell(row, col int) string {
	r := v.rows[row]
	switch col {
	case 0:
		return r.org
	case 1:
		return r.state
	}
	if r.done == nil {
		return ""
	}
	switch col {
	case 2:
		return r.done.DoneAt.Local().Format("2006-01-02 15:04")
	case 3:
		return r.done.Note
	}
	names := make([]string, len(r.done.Attachments))
	for i, a := range r.done.Attachments {
		names[i] = a.Name
	}
	return strings.Join(names, "、")
}

// openFiles opens the files an organization sent with its completion:
// one at once, several from a list.
func (v *taskProgressView) openFiles(row int) {
	r := v.rows[row]
	if r.done == nil || len(r.done.Attachments) == 0 {
		return
	}
	if len(r.done.Attachments) == 1 {
		v.openFile(r.done.Attachments[0])
		return
	}
	box := container.NewVBox()
	for _, a := range r.done.Attachments {
		name := widget.NewLabel(a.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel(data.SizeText(a.Size)),
			widget.NewButton("打开", func() { v.openFile(a) })), name))
	}
	d := dialog.NewCustom(r.org+"的附件", "关闭", container.NewGridWrap(fyne.NewSize(460, 40*float32(len(r.done.Attachments))), box), v.u.win)
	d.Show()
}

// openFile hands one of the files to the system's viewer, writing it out
// of the consolidated database off the UI goroutine.
func (v *taskProgressView) openFile(a data.Attachment) {
	u, store := v.u, v.u.store
	async(u, func() (string, error) {
		dir, err := u.scratch.dir(store.Path())
		if err != nil {
			return "", err
		}
		return store.ExportAttachment(context.Background(), &a, dir)
	}, func(path string, err error) {
		if err != nil {
			showFormMessage(v.message, err.Error(), true)
			return
		}
		if err := openInViewer(u.app, path); err != nil {
			showFormMessage(v.message, "无法打开“"+a.Name+"”，文件已导出到 "+path, true)
			return
		}
		showFormMessage(v.message, "已打开“"+a.Name+"”", false)
	})
}
