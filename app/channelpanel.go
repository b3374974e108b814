package app

import (
	"context"
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/vocab"
	snapshot "dangjian/sync"
)

// channelRows is how many lines of the committee's notices the 工作台
// shows at once; more scroll inside the card.
const channelRows = 2

// channelPanel is the 工作台's card of what the committee sent through
// its signed channel: its notices and tasks, newest first, a task with its
// deadline (red once past, highlighted when near) and whether it is done.
// A line opens the whole notice, where a task is marked done. When the
// last check refused some of the committee's objects, that shows first,
// in red. The card is hidden while there is nothing to show, and in
// committee mode (the consolidated database receives nothing).
type channelPanel struct {
	u       *UI
	box     *fyne.Container
	space   *canvas.Rectangle // holds the list's height
	checked *widget.Label     // when the channel was last read, and how many are open
	list    *widget.List
	lines   []channelLine
	loads   *loader
}

// channelLine is a line of the card: a refusal, or a notice or task.
type channelLine struct {
	refusal string // the refusal's message; the line is then only that
	notice  data.CommitteeNotice
}

// channelView is what one load reads: the notices, and the sync state's
// record of the last check of the channel.
type channelView struct {
	notices   []data.CommitteeNotice
	checkedAt string // local time of the last check, "" for none
	refusal   string // the last check's error, "" for none
}

// channelPanel places the committee's notices and tasks on the 工作台.
func (s *dashboardScreen) channelPanel() fyne.CanvasObject {
	p := newChannelPanel(s.u)
	return p.box
}

func newChannelPanel(u *UI) *channelPanel {
	p := &channelPanel{u: u, loads: newLoader(u)}
	u.keep("channel", p)
	title := widget.NewLabelWithStyle("党委通知与任务", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.checked = widget.NewLabel("")
	p.checked.Importance = widget.LowImportance
	p.list = widget.NewList(func() int { return len(p.lines) }, newChannelRow, p.showRow)
	p.list.OnSelected = func(id widget.ListItemID) {
		p.list.UnselectAll()
		if id >= 0 && id < len(p.lines) {
			p.open(p.lines[id])
		}
	}
	p.space = canvas.NewRectangle(color.Transparent)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	// The title beside the list, not above it: the card costs the 工作台
	// only the height of its lines.
	p.box = container.NewStack(bg, container.NewBorder(nil, nil, container.NewVBox(title, p.checked), nil,
		container.NewStack(p.space, p.list)))
	p.box.Hide()
	if u.committee == nil {
		p.load()
	}
	return p
}

// newChannelRow is a line's template: kind, title, deadline, state and
// the task's 标记完成.
func newChannelRow() fyne.CanvasObject {
	act := widget.NewButton("标记完成", nil)
	act.Importance = widget.HighImportance
	right := container.NewHBox(widget.NewLabel(""), widget.NewLabel(""), act)
	return container.NewBorder(nil, nil, widget.NewLabel(""), right, newHoverText())
}

// showRow fills line id into a row.
func (p *channelPanel) showRow(id widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	title := box.Objects[0].(*hoverText)
	kind := box.Objects[1].(*widget.Label)
	right := box.Objects[2].(*fyne.Container)
	when, state, act := right.Objects[0].(*widget.Label), right.Objects[1].(*widget.Label), right.Objects[2].(*widget.Button)
	line := p.lines[id]
	if line.refusal != "" {
		kind.Importance, title.Importance = widget.DangerImportance, widget.DangerImportance
		kind.SetText("拒收")
		title.SetText(line.refusal)
		when.Hide()
		state.Hide()
		act.Hide()
		return
	}
	n := line.notice
	today := p.u.store.Now()
	kind.Importance, title.Importance = widget.MediumImportance, widget.MediumImportance
	kind.SetText(n.Kind.Label())
	title.SetText(n.Title)
	text, imp := deadlineText(n.Deadline, today, n.IsTask() && n.Done == nil)
	when.Importance = imp
	when.SetText(text)
	when.Hidden = text == ""
	when.Refresh()
	stateText, stateImp := taskStateText(n)
	state.Importance = stateImp
	state.SetText(stateText)
	state.Hidden = stateText == ""
	state.Refresh()
	if n.IsTask() && n.Done == nil {
		act.OnTapped = func() { p.markDone(n) }
		act.Show()
	} else {
		act.Hide()
	}
}

// taskStateText is whether a task is done, for its line: 已完成 in green,
// 未完成; nothing for a notice.
func taskStateText(n data.CommitteeNotice) (string, widget.Importance) {
	switch {
	case !n.IsTask():
		return "", widget.MediumImportance
	case n.Done != nil:
		return "已完成", widget.SuccessImportance
	}
	return string(vocab.NotDone), widget.MediumImportance
}

// load reads the notices and the last check of the channel off the UI
// goroutine.
func (p *channelPanel) load() {
	store := p.u.store
	load(p.loads, func(ctx context.Context) (channelView, error) {
		var v channelView
		notices, err := store.CommitteeNotices(ctx)
		if err != nil {
			return v, err
		}
		v.notices = notices
		if st, err := snapshot.LoadState(snapshot.StatePath(store.Path())); err == nil {
			v.refusal = st.ChannelError
			if !st.ChannelCheckedAt.IsZero() {
				v.checkedAt = st.ChannelCheckedAt.Local().Format("01-02 15:04")
			}
		}
		return v, nil
	}, func(v channelView, err error) {
		if err != nil {
			p.lines = []channelLine{{refusal: "党委通知无法读取：" + err.Error()}}
			p.layout("")
			return
		}
		p.show(v)
	})
}

// show puts a load's result in the card.
func (p *channelPanel) show(v channelView) {
	p.lines = p.lines[:0]
	if v.refusal != "" {
		p.lines = append(p.lines, channelLine{refusal: v.refusal})
	}
	open := 0
	for _, n := range v.notices {
		p.lines = append(p.lines, channelLine{notice: n})
		if n.IsTask() && n.Done == nil {
			open++
		}
	}
	// One line beside the title: what is left to do, else when the
	// committee's channel was last read.
	note := "上次接收 " + v.checkedAt
	switch {
	case open > 0:
		note = fmt.Sprintf("%d项任务未完成", open)
	case v.checkedAt == "":
		note = ""
	}
	p.layout(note)
}

// layout sizes the card to its lines (up to channelRows) and shows it
// when it has any.
func (p *channelPanel) layout(note string) {
	p.checked.SetText(note)
	p.checked.Hidden = note == ""
	rows := min(len(p.lines), channelRows)
	row := newChannelRow().MinSize().Height
	p.space.SetMinSize(fyne.NewSize(0, float32(rows)*row+float32(max(rows-1, 0))*theme.Padding()))
	p.list.Refresh()
	if len(p.lines) == 0 {
		p.box.Hide()
	} else {
		p.box.Show()
	}
	p.box.Refresh()
}

// reloadChannel reads the 工作台's card again when it is shown, as after a
// sync brought the committee's new objects.
func (u *UI) reloadChannel() {
	if p, ok := u.built["channel"].(*channelPanel); ok && p.loads.ctx.Err() == nil {
		p.load()
	}
}
