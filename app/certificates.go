package app

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/hanzi"
)

// certDialog edits, for a saved session, each attendee's 学时 credited and
// the number of the 结业证书 they received (the 学习管理档案 lists both).
// A session may have over a thousand attendees: the rows show in a
// widget.List, so only the rows in view are laid out and drawn, and a
// search box finds a member by 姓名 or 拼音首字母.
type certDialog struct {
	d      *trainingDialog
	rows   []data.TrainingAttendee // as read, by member name
	names  []string
	keys   [][2]string     // each row's 拼音首字母 and 拼音, for the search
	hours  []*widget.Entry // each row's 学时 field
	certs  []*widget.Entry // each row's 证书编号 field
	views  [][2]fyne.CanvasObject
	shown  []int // the rows the search leaves, in order
	search *widget.Entry
	list   *widget.List
	msg    *widget.Label
	dlg    *dialog.CustomDialog
	saving saveOnce
}

// openCertificates reads the session's attendance and opens the dialog.
func (d *trainingDialog) openCertificates() {
	if d.form.dirty() || !sameMembers(d.people.ids(), d.opened) {
		d.attendee.SetText("请先保存对培训或参加人员的修改，再填写学时与证书。")
		return
	}
	u, id := d.s.u, d.rec.ID
	load(u.reader(), func(ctx context.Context) ([]data.TrainingAttendee, error) {
		return u.store.TrainingAttendees.List(ctx, data.Where(data.ColTrainingID, id))
	}, func(rows []data.TrainingAttendee, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		d.showCertificates(rows)
	})
}

// certField is one row's field. It is the field itself, not the
// widget.Entry inside it, that goes on the canvas: a click focuses the
// object the canvas knows, and an inner Entry is not it, so clicks on any
// row but the one Tab reached left the typing where it was.
func certField(text, placeholder string) (fyne.CanvasObject, *widget.Entry) {
	view, e := textEntry()
	// Set before the field is first drawn: SetText would build every
	// row's renderer, in view or not.
	e.Text, e.PlaceHolder = text, placeholder
	return view, e
}

func (d *trainingDialog) showCertificates(rows []data.TrainingAttendee) {
	u := d.s.u
	c := &certDialog{d: d, rows: rows, msg: widget.NewLabel("")}
	c.msg.Importance = widget.DangerImportance
	c.msg.Wrapping = fyne.TextWrapWord
	for _, a := range rows {
		name, keys := string(a.MemberID), [2]string{}
		if e, ok := d.people.index.get(string(a.MemberID)); ok {
			name, keys = e.name, [2]string{e.initials, e.pinyin}
		}
		hv, h := certField(strconv.FormatFloat(a.Hours, 'f', -1, 64), "")
		cv, cert := certField(a.Certificate, "无证书时留空")
		c.names, c.keys = append(c.names, name), append(c.keys, keys)
		c.hours, c.certs = append(c.hours, h), append(c.certs, cert)
		c.views = append(c.views, [2]fyne.CanvasObject{hv, cv})
	}
	c.filter("")
	head := container.NewGridWithColumns(3, widget.NewLabelWithStyle("党员", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("学时", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("证书编号", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	c.list = widget.NewList(func() int { return len(c.shown) }, func() fyne.CanvasObject {
		// The template holds fields so that rows are as tall as a field.
		return container.NewGridWithColumns(3, widget.NewLabel(""), container.NewStack(newEntry()), container.NewStack(newEntry()))
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		if id < 0 || id >= len(c.shown) {
			return
		}
		i := c.shown[id]
		cells := o.(*fyne.Container).Objects
		cells[0].(*widget.Label).SetText(c.names[i])
		for k, v := range c.views[i] {
			slot := cells[k+1].(*fyne.Container)
			if len(slot.Objects) != 1 || slot.Objects[0] != v {
				slot.Objects = []fyne.CanvasObject{v}
				slot.Refresh()
			}
		}
	})
	c.list.OnSelected = func(id widget.ListItemID) { c.list.UnselectAll() }
	searchView, search := textEntry()
	c.search = search
	c.search.SetPlaceHolder("按姓名或拼音首字母查找参加人员")
	c.search.OnChanged = func(q string) {
		c.filter(q)
		c.list.Refresh()
		c.list.ScrollToTop()
	}
	save := widget.NewButton("保存", c.save)
	save.Importance = widget.HighImportance
	c.saving.button = save
	cancel := widget.NewButton("取消", nil)
	var body fyne.CanvasObject = container.NewBorder(container.NewVBox(searchView, head), nil, nil, nil, c.list)
	if len(rows) == 0 {
		body = widget.NewLabel("这次培训尚无参加人员。")
	}
	title := "学时与证书 — " + trainingName(d.rec)
	if len(rows) > 0 {
		title += "（" + strconv.Itoa(len(rows)) + "人）"
	}
	c.dlg = dialog.NewCustomWithoutButtons(title,
		container.NewBorder(nil, container.NewVBox(c.msg, container.NewHBox(save, cancel)), nil, nil, body), u.win)
	cancel.OnTapped = u.guardDialog(c.dlg, c.dirty)
	c.dlg.Resize(fyne.NewSize(620, 520))
	d.certs = c
	c.dlg.Show()
}

// filter keeps the rows whose member matches q by 姓名, 拼音首字母 or 拼音.
func (c *certDialog) filter(q string) {
	c.shown = c.shown[:0]
	for i, name := range c.names {
		if hanzi.Matches(q, name, c.keys[i][0], c.keys[i][1]) {
			c.shown = append(c.shown, i)
		}
	}
}

// showRow brings row i into view, clearing a search that hides it, and
// puts the typing in its field k (0 学时, 1 证书编号).
func (c *certDialog) showRow(i, k int) {
	if c.list == nil {
		return
	}
	if !slices.Contains(c.shown, i) {
		c.search.SetText("")
		c.filter("")
		c.list.Refresh()
	}
	id := slices.Index(c.shown, i)
	if id < 0 {
		return
	}
	c.list.ScrollTo(id)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c.list); cv != nil {
		if f, ok := c.views[i][k].(fyne.Focusable); ok {
			cv.Focus(f)
		}
	}
}

// checkHours reads a row's 学时: a number above 0 and no more than the
// session's own 学时 (an attendee is never credited more than was given).
func (c *certDialog) checkHours(text string) (float64, string) {
	h, err := field.ParseHours(text)
	if err != nil {
		return 0, err.Error()
	}
	if h <= 0 {
		return 0, "学时应大于0"
	}
	if max := c.d.rec.Hours; max > 0 && h > max {
		return 0, "学时不能超过这次培训的" + strconv.FormatFloat(max, 'f', -1, 64) + "学时"
	}
	return h, ""
}

// dirty reports whether an hour or a number was changed.
func (c *certDialog) dirty() bool {
	for i, a := range c.rows {
		if c.hours[i].Text != strconv.FormatFloat(a.Hours, 'f', -1, 64) || strings.TrimSpace(c.certs[i].Text) != a.Certificate {
			return true
		}
	}
	return false
}

// save writes the changed rows in one transaction, off the UI goroutine.
func (c *certDialog) save() {
	if c.saving.running {
		return
	}
	var changed []data.TrainingAttendee
	for i, a := range c.rows {
		h, problem := c.checkHours(c.hours[i].Text)
		if problem != "" {
			c.msg.SetText("第" + strconv.Itoa(i+1) + "行「" + c.names[i] + "」的学时「" + strings.TrimSpace(c.hours[i].Text) + "」：" + problem + "；请改正后再保存，这次未保存任何一行。")
			c.showRow(i, 0)
			return
		}
		cert := strings.TrimSpace(c.certs[i].Text)
		if h != a.Hours || cert != a.Certificate {
			a.Hours, a.Certificate = h, cert
			changed = append(changed, a)
		}
	}
	c.msg.SetText("")
	if len(changed) == 0 {
		c.dlg.Hide()
		return
	}
	if !c.saving.begin() {
		return
	}
	u := c.d.s.u
	store := u.store
	async(u, func() (int, error) {
		err := store.Write(context.Background(), func(tx *data.Tx) error {
			for i := range changed {
				if err := tx.TrainingAttendees.Update(context.Background(), &changed[i]); err != nil {
					return err
				}
			}
			return nil
		})
		return len(changed), err
	}, func(n int, err error) {
		c.saving.end()
		if err != nil {
			if p := data.ProblemsOf(err); len(p) > 0 {
				c.msg.SetText("保存学时与证书失败：「" + p[0].Label + "」" + p[0].Msg)
				return
			}
			c.msg.SetText("保存学时与证书失败：" + err.Error())
			return
		}
		c.dlg.Hide()
		u.notify("已保存" + strconv.Itoa(n) + "名党员的学时与证书（" + trainingName(c.d.rec) + "）")
		c.d.s.load()
	})
}
