package app

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/field"
)

// certDialog edits, for a saved session, each attendee's 学时 credited and
// the number of the 结业证书 they received (the 学习管理档案 lists both).
type certDialog struct {
	d      *trainingDialog
	rows   []data.TrainingAttendee // as read, by member name
	names  []string
	hours  []*widget.Entry
	certs  []*widget.Entry
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

func (d *trainingDialog) showCertificates(rows []data.TrainingAttendee) {
	u := d.s.u
	c := &certDialog{d: d, rows: rows, msg: widget.NewLabel("")}
	c.msg.Importance = widget.DangerImportance
	c.msg.Wrapping = fyne.TextWrapWord
	grid := container.NewGridWithColumns(3, widget.NewLabelWithStyle("党员", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("学时", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("证书编号", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, a := range rows {
		name := string(a.MemberID)
		if e, ok := d.people.index.get(string(a.MemberID)); ok {
			name = e.name
		}
		_, h := textEntry()
		h.SetText(strconv.FormatFloat(a.Hours, 'f', -1, 64))
		_, cert := textEntry()
		cert.SetText(a.Certificate)
		cert.SetPlaceHolder("无证书时留空")
		c.names, c.hours, c.certs = append(c.names, name), append(c.hours, h), append(c.certs, cert)
		grid.Add(widget.NewLabel(name))
		grid.Add(h)
		grid.Add(cert)
	}
	save := widget.NewButton("保存", c.save)
	save.Importance = widget.HighImportance
	c.saving.button = save
	cancel := widget.NewButton("取消", nil)
	var body fyne.CanvasObject = container.NewVScroll(grid)
	if len(rows) == 0 {
		body = widget.NewLabel("这次培训尚无参加人员。")
	}
	c.dlg = dialog.NewCustomWithoutButtons("学时与证书 — "+trainingName(d.rec),
		container.NewBorder(nil, container.NewVBox(c.msg, container.NewHBox(save, cancel)), nil, nil, body), u.win)
	cancel.OnTapped = u.guardDialog(c.dlg, c.dirty)
	c.dlg.Resize(fyne.NewSize(620, 520))
	d.certs = c
	c.dlg.Show()
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
		h, err := field.ParseHours(c.hours[i].Text)
		if err != nil {
			c.msg.SetText(c.names[i] + "的学时：" + err.Error())
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
