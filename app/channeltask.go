package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// taskDoneForm asks how the organization did one of the committee's
// tasks: an optional 说明 and an optional file. 标记完成 records it off
// the UI goroutine; the status bar then offers 撤销.
type taskDoneForm struct {
	p       *channelPanel
	task    data.CommitteeNotice
	note    *widget.Entry
	file    string // the file chosen, "" for none
	name    *widget.Label
	message *widget.Label
	ok      *widget.Button
	dlg     *dialog.CustomDialog
}

// markDone opens the form that marks a task done.
func (p *channelPanel) markDone(n data.CommitteeNotice) {
	f := &taskDoneForm{p: p, task: n, note: widget.NewMultiLineEntry(), name: widget.NewLabel("未选择"),
		message: widget.NewLabel("")}
	p.u.keep("taskDone", f)
	f.note.SetPlaceHolder("可不填，如完成情况、上报方式")
	f.note.SetMinRowsVisible(3)
	f.note.Wrapping = fyne.TextWrapWord
	f.name.Truncation = fyne.TextTruncateEllipsis
	f.message.Wrapping = fyne.TextWrapWord
	f.message.Importance = widget.DangerImportance
	choose := widget.NewButton("选择文件…", func() {
		p.u.chooseOpen(attachmentFiles, "选择随任务上报的文件", f.setFile)
	})
	head := widget.NewLabel(fmt.Sprintf("任务：%s", n.Title))
	head.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem("说明", f.note),
		widget.NewFormItem("附件", container.NewBorder(nil, nil, nil, choose, f.name)))
	cancel := widget.NewButton("取消", func() { f.dlg.Hide() })
	f.ok = widget.NewButton("标记完成", f.submit)
	f.ok.Importance = widget.HighImportance
	note := widget.NewLabel("标记后，下次同步时随本组织的数据报送党委。")
	note.Importance = widget.LowImportance
	note.Wrapping = fyne.TextWrapWord
	f.dlg = dialog.NewCustomWithoutButtons("标记任务完成", container.NewVBox(head, form, note, f.message,
		container.NewCenter(container.NewHBox(cancel, f.ok))), p.u.win)
	f.dlg.Resize(fyne.NewSize(520, 0))
	f.dlg.Show()
	p.u.win.Canvas().Focus(f.note)
}

// setFile takes the file the open dialog returned.
func (f *taskDoneForm) setFile(path string) {
	f.file = path
	f.name.SetText(filepath.Base(path))
}

// submit reads the file and records the completion off the UI goroutine.
func (f *taskDoneForm) submit() {
	u, store, task, note, path := f.p.u, f.p.u.store, f.task, f.note.Text, f.file
	f.ok.Disable()
	f.message.SetText("")
	async(u, func() (*data.TaskDone, error) {
		var content []byte
		name := ""
		if path != "" {
			r, err := os.Open(path)
			if err != nil {
				return nil, fmt.Errorf("无法读取文件：%w", err)
			}
			defer r.Close()
			if content, err = readLimited(r); err != nil {
				return nil, err
			}
			name = filepath.Base(path)
		}
		return store.MarkTaskDone(context.Background(), task.TaskID, note, name, content)
	}, func(_ *data.TaskDone, err error) {
		f.ok.Enable()
		if err != nil {
			f.message.SetText("未标记：" + err.Error())
			return
		}
		f.dlg.Hide()
		p := f.p
		u.notifyUndo("已标记完成：“"+task.Title+"”", func() { p.unmarkDone(task) })
		p.load()
	})
}

// unmarkDone takes back a completion just marked (its files too).
func (p *channelPanel) unmarkDone(task data.CommitteeNotice) {
	store := p.u.store
	async(p.u, func() (struct{}, error) {
		return struct{}{}, store.UnmarkTaskDone(context.Background(), task.TaskID)
	}, func(_ struct{}, err error) {
		if err != nil {
			p.u.showRefusal("不能撤销", err)
			return
		}
		p.u.notify("已撤销完成标记：“" + task.Title + "”")
		p.load()
	})
}

// open shows a line whole: a refusal's message, or a notice or task with
// its text, deadline and, for a task, its completion and files.
func (p *channelPanel) open(line channelLine) {
	if line.refusal != "" {
		msg := widget.NewLabel(line.refusal + "\n\n已收到的通知、任务和考核标准继续有效；请向党委组织部核实。")
		msg.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustom("党委发布的内容被拒收", "关闭", container.NewGridWrap(fyne.NewSize(480, 180), msg), p.u.win)
		d.Show()
		return
	}
	n := line.notice
	parts := container.NewVBox()
	meta := n.Kind.Label() + " · " + n.PublishedAt.Local().Format("2006-01-02") + " 发布"
	if text, _ := deadlineText(n.Deadline, p.u.store.Now(), false); text != "" {
		meta += " · " + text
	}
	parts.Add(widget.NewLabelWithStyle(n.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	parts.Add(widget.NewLabel(meta))
	body := widget.NewLabel(n.Text)
	body.Wrapping = fyne.TextWrapWord
	parts.Add(body)
	var d *dialog.CustomDialog
	buttons := container.NewHBox(widget.NewButton("关闭", func() { d.Hide() }))
	if n.IsTask() {
		state, imp := taskStateText(n)
		l := widget.NewLabel(state)
		l.Importance = imp
		if n.Done != nil {
			l.SetText(fmt.Sprintf("已于 %s 标记完成", n.Done.DoneAt.Local().Format("2006-01-02 15:04")))
			if n.Done.Note != "" {
				l.SetText(l.Text + "：" + n.Done.Note)
			}
			l.Wrapping = fyne.TextWrapWord
			parts.Add(widget.NewSeparator())
			parts.Add(l)
			parts.Add(newAttachmentsPanel(p.u, data.TaskDoneTable, n.Done.ID).view())
		} else {
			parts.Add(widget.NewSeparator())
			parts.Add(l)
			mark := widget.NewButton("标记完成", func() {
				d.Hide()
				p.markDone(n)
			})
			mark.Importance = widget.HighImportance
			buttons.Add(mark)
		}
	}
	scroll := container.NewVScroll(parts)
	scroll.SetMinSize(fyne.NewSize(520, 320))
	d = dialog.NewCustomWithoutButtons(n.Kind.Label(), container.NewBorder(nil, container.NewCenter(buttons), nil, nil, scroll), p.u.win)
	d.Show()
}
