package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// agreementScreen is the 目标管理 screen: a branch's members on the rolls
// with their 目标管理责任书 of the year (TARGET): signed date, targets,
// completion and score. Selecting a member edits the agreement, its targets
// and the scanned signed copy. The counts of signed agreements are the
// calculator's (rules.Figures.Agreements) for the year as of its check day,
// over the members TARGET applies to.
type agreementScreen struct {
	u     *UI
	pick  *yearBranch
	rows  []agreementRow
	table *dataTable
	// sortCol and sortDesc are the order the user chose (-1: by the roll).
	sortCol  int
	sortDesc bool
	summary  *widget.Label
	loads    *loader
	dialog   *agreementDialog // the dialog last opened
}

// agreementRow is a member with the member's agreement of the year (nil
// when there is none) and its targets in order.
type agreementRow struct {
	member    data.Member
	agreement *data.Agreement
	targets   []data.AgreementTarget
}

var agreementColumns = []column{{"姓名", 110}, {"签订日期", 110}, {"目标数", 70}, {"完成情况", 260}, {"得分", 70}}

func newAgreementScreen(u *UI) fyne.CanvasObject {
	s := &agreementScreen{u: u, loads: newLoader(u), sortCol: -1}
	u.keep("agreement", s)
	s.summary = widget.NewLabel("正在读取…")
	s.summary.Wrapping = fyne.TextWrapWord // a narrow window wraps it rather than widen
	s.table = newDataTable(u, "agreement", agreementColumns, func() int { return len(s.rows) }, s.cell, rowActions{open: s.openDialog, remove: u.editable(s.removeRow)})
	s.table.sortable(func(col int, desc bool) {
		s.sortCol, s.sortDesc = col, desc
		s.sortRows()
		s.table.refresh()
	})
	s.pick = newYearBranch(u, s.load)
	title := widget.NewLabelWithStyle("目标管理", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil, container.NewHBox(title, s.pick.view()), nil, s.summary)
	return u.scoped(container.NewBorder(top, nil, nil, nil, s.table.object()), s.pick.reload)
}

func (s *agreementScreen) cell(row, col int) string {
	r := s.rows[row]
	a := r.agreement
	if col == 0 {
		return r.member.Name
	}
	if a == nil {
		if col == 1 {
			return "（未建立）"
		}
		return ""
	}
	switch col {
	case 1:
		if a.SignedDate.IsZero() {
			return "未签订"
		}
		return a.SignedDate.String()
	case 2:
		return strconv.Itoa(len(r.targets))
	case 3:
		return completionSummary(r.targets)
	}
	if a.AssessedAt.IsZero() && a.Score == 0 {
		return ""
	}
	return strconv.FormatFloat(a.Score, 'f', -1, 64)
}

// completionSummary counts the targets by completion: 完成2、未评定1.
func completionSummary(ts []data.AgreementTarget) string {
	if len(ts) == 0 {
		return "无目标"
	}
	counts := map[string]int{}
	for _, t := range ts {
		counts[t.Completion]++
	}
	var parts []string
	for _, c := range data.Completions {
		if counts[c] > 0 {
			parts = append(parts, fmt.Sprintf("%s%d", c, counts[c]))
		}
	}
	if counts[""] > 0 {
		parts = append(parts, fmt.Sprintf("未评定%d", counts[""]))
	}
	return strings.Join(parts, "、")
}

// completionScore scores the targets: 完成 counts whole, 部分完成 half, out
// of 100.
func completionScore(completions []string) float64 {
	if len(completions) == 0 {
		return 0
	}
	var points float64
	for _, c := range completions {
		switch c {
		case string(vocab.Done):
			points += 1
		case string(vocab.PartlyDone):
			points += 0.5
		}
	}
	return float64(int(points/float64(len(completions))*10000+0.5)) / 100
}

// agreementData is what a load reads: the rows and the calculator's tally
// of the branch.
type agreementData struct {
	rows  []agreementRow
	tally rules.AgreementTally
	// since is where the agreement records start when they start after
	// January of the year: the year is not counted then.
	since time.Time
}

// agreementsSince is where the agreement records start when they do not
// cover the whole of the year, the calculator then giving no tally (an
// empty one may also mean that TARGET applies to nobody), or zero.
func agreementsSince(fig *rules.Figures, tallies map[string]rules.AgreementTally, year int) time.Time {
	c := fig.Facts().Coverage.Agreements
	if len(tallies) > 0 || c.IsZero() || c.Year() < year || c.Year() == year && c.Month() == time.January {
		return time.Time{}
	}
	return c
}

// agreementSummary is the summary line over members on the rolls.
func agreementSummary(members int, d agreementData) string {
	if !d.since.IsZero() {
		return fmt.Sprintf("在册党员%d名；责任书记录自%d年%d月开始，本年度不统计签订率",
			members, d.since.Year(), int(d.since.Month()))
	}
	t := d.tally
	return fmt.Sprintf("在册党员%d名，应签订责任书%d名，已签订%d名，未签订%d名", members, t.Required, t.Signed, t.Required-t.Signed)
}

func (s *agreementScreen) load() {
	year, branchID, ok := s.pick.selected()
	if s.table == nil {
		return
	}
	if !ok {
		s.showNoBranch()
		return
	}
	store, orgID := s.u.store, s.pick.figuresOrg()
	load(s.loads, func(ctx context.Context) (agreementData, error) {
		var d agreementData
		fig, err := s.u.figuresIn(ctx, store, orgID, year, appcore.CheckDay(year, store.Now()))
		if err != nil {
			return d, err
		}
		tallies := fig.Agreements()
		d.tally, d.since = tallies[branchID], agreementsSince(fig, tallies, year)
		members, err := branchMembers(ctx, store.Tables, branchID)
		if err != nil {
			return d, err
		}
		as, err := store.Agreements.List(ctx, data.Where(data.ColYear, year), data.WhereIn(data.ColMemberID, memberIDs(members)))
		if err != nil {
			return d, err
		}
		byMember := map[string]*data.Agreement{}
		var ids []string
		for i := range as {
			if byMember[string(as[i].MemberID)] == nil {
				byMember[string(as[i].MemberID)] = &as[i]
				ids = append(ids, as[i].ID)
			}
		}
		ts, err := store.AgreementTargets.List(ctx, data.WhereIn(data.ColAgreementID, ids), data.OrderBy(data.ColSeq, data.ColID))
		if err != nil {
			return d, err
		}
		targets := map[string][]data.AgreementTarget{}
		for _, t := range ts {
			targets[string(t.AgreementID)] = append(targets[string(t.AgreementID)], t)
		}
		for _, m := range members {
			r := agreementRow{member: m, agreement: byMember[m.ID]}
			if r.agreement != nil {
				r.targets = targets[r.agreement.ID]
			}
			d.rows = append(d.rows, r)
		}
		return d, nil
	}, func(d agreementData, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.rows = d.rows
		s.summary.SetText(agreementSummary(len(d.rows), d))
		s.sortRows()
		s.table.refresh()
	})
}

// rowOf returns the row of the member named name, or nil.
func (s *agreementScreen) rowOf(name string) *agreementRow {
	for i := range s.rows {
		if s.rows[i].member.Name == name {
			return &s.rows[i]
		}
	}
	return nil
}

// agreementDialog edits an agreement, its targets and its attachments.
type agreementDialog struct {
	s       *agreementScreen
	member  data.Member
	rec     *data.Agreement
	isNew   bool
	form    *recordForm
	targets []*targetInput
	removed []data.AgreementTarget // stored targets removed in the dialog
	// shownTargets is targetsText as the dialog opened.
	shownTargets string
	targetBox    *fyne.Container
	targetMsg    *widget.Label
	attachments  *attachmentsPanel
	dlg          *dialog.CustomDialog
	loaded       data.Agreement // the agreement as opened, which 删除 deletes
	saving       saveOnce       // the save in flight
}

// targetInput is one target's line: its content and completion.
type targetInput struct {
	rec        data.AgreementTarget
	content    *escEntry
	completion *escSelect // Esc in it reaches the dialog
}

// targetsText is the targets as typed, to tell whether they changed.
func (d *agreementDialog) targetsText() string {
	var b strings.Builder
	for _, t := range d.targets {
		b.WriteString(t.content.Text + "\x1f" + t.completion.Selected + "\n")
	}
	return b.String()
}

// dirty tells whether the dialog holds changes not saved: in the form, or
// a target added, removed or changed.
func (d *agreementDialog) dirty() bool {
	return d.form.dirty() || len(d.removed) > 0 || d.targetsText() != d.shownTargets
}

// openDialog edits the agreement of row i (a new one when there is none).
func (s *agreementScreen) openDialog(i int) {
	year, _, _ := s.pick.selected()
	r := s.rows[i]
	if s.u.inCommittee() { // the organizations keep their agreements
		s.view(r)
		return
	}
	d := &agreementDialog{s: s, member: r.member}
	if r.agreement != nil {
		rec := *r.agreement
		d.rec, d.loaded = &rec, rec
	} else {
		d.rec, d.isNew = &data.Agreement{Year: year, MemberID: data.Ref(r.member.ID)}, true
	}
	d.form = newRecordForm(d.rec, formSpec{skip: map[string]bool{"year": true, "member_id": true}})
	d.targetBox = container.NewVBox()
	for _, t := range r.targets {
		d.addTarget(t)
	}
	d.showTargets()
	d.targetMsg = widget.NewLabel("")
	d.targetMsg.Importance = widget.DangerImportance
	d.targetMsg.Wrapping = fyne.TextWrapWord
	d.attachments = newAttachmentsPanel(s.u, "agreements", d.rec.ID)
	if d.isNew {
		d.attachments.tell("保存责任书后可添加签字扫描件")
	}

	head := widget.NewLabelWithStyle(fmt.Sprintf("%s %d年度党员目标管理责任书", r.member.Name, d.rec.Year),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	add := widget.NewButton("添加目标", func() {
		d.addTarget(data.AgreementTarget{})
		d.showTargets()
	})
	score := widget.NewButton("按完成情况计分", d.fillScore)
	targetHead := container.NewHBox(widget.NewLabelWithStyle("目标", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		add, score)
	body := container.NewVBox(head, d.form.summary, d.form.form, d.form.general, widget.NewSeparator(),
		targetHead, d.targetBox, d.targetMsg, widget.NewSeparator(), d.attachments.view())
	save := widget.NewButton("保存", d.save)
	save.Importance = widget.HighImportance
	d.saving.button = save
	var cancel func()
	buttons := container.NewHBox(save, widget.NewButton("取消", func() { cancel() }))
	if !d.isNew {
		del := widget.NewButton("删除", func() { s.removeAgreement(d.loaded, r.member.Name, d.dlg.Hide) })
		del.Importance = widget.DangerImportance
		buttons.Add(del)
	}
	d.dlg = dialog.NewCustomWithoutButtons("目标管理责任书", container.NewBorder(nil, buttons, nil, nil,
		container.NewVScroll(body)), s.u.win)
	d.dlg.Resize(fyne.NewSize(760, 640))
	d.shownTargets = d.targetsText()
	cancel = s.u.guardDialog(d.dlg, d.dirty)
	s.dialog = d
	d.dlg.Show()
}

// addTarget appends a target's line.
func (d *agreementDialog) addTarget(t data.AgreementTarget) *targetInput {
	in := &targetInput{rec: t, content: newEntry(), completion: newEscSelect(append([]string{""}, data.Completions...), nil)}
	in.content.SetPlaceHolder("目标内容")
	in.content.SetText(t.Content)
	in.completion.PlaceHolder = "完成情况"
	in.completion.SetSelected(t.Completion)
	d.targets = append(d.targets, in)
	return in
}

// removeTarget drops a target's line; a stored target is deleted on save.
func (d *agreementDialog) removeTarget(in *targetInput) {
	for i, t := range d.targets {
		if t == in {
			d.targets = append(d.targets[:i], d.targets[i+1:]...)
			if in.rec.ID != "" {
				d.removed = append(d.removed, in.rec)
			}
			break
		}
	}
	d.showTargets()
}

// showTargets lays out the targets' lines, numbered.
func (d *agreementDialog) showTargets() {
	d.targetBox.RemoveAll()
	if len(d.targets) == 0 {
		d.targetBox.Add(widget.NewLabel("（尚无目标，点“添加目标”）"))
	}
	for i, in := range d.targets {
		remove := widget.NewButton("移除", func() { d.removeTarget(in) })
		d.targetBox.Add(container.NewBorder(nil, nil, widget.NewLabel(strconv.Itoa(i+1)+"."),
			container.NewHBox(in.completion, remove), in.content))
	}
	d.targetBox.Refresh()
}

// fillScore puts the score the targets' completion gives into the form.
func (d *agreementDialog) fillScore() {
	var cs []string
	for _, in := range d.targets {
		if strings.TrimSpace(in.content.Text) != "" {
			cs = append(cs, in.completion.Selected)
		}
	}
	if e, ok := d.form.inputs["score"].object.(*widget.Entry); ok {
		e.SetText(strconv.FormatFloat(completionScore(cs), 'f', -1, 64))
	}
}

// agreementSaved says which target, if any, the store refused.
type agreementSaved struct{ failedTarget int }

// save writes the agreement and its targets in one transaction off the UI
// goroutine; a second 保存 while it runs does nothing.
func (d *agreementDialog) save() {
	if d.saving.running {
		return
	}
	if !d.form.read() {
		// The form reads a score as it reads hours; name it as a score.
		if l := d.form.errors["score"]; l != nil && l.Visible() {
			l.SetText(strings.ReplaceAll(l.Text, "学时", "得分"))
		}
		return
	}
	d.targetMsg.SetText("")
	// The writes work on copies: a refused save leaves the dialog's records
	// (ids, versions) as they were, ready for another try.
	rec, isNew, store := *d.rec, d.isNew, d.s.u.store
	var targets []data.AgreementTarget
	for _, in := range d.targets {
		t := in.rec
		t.Content, t.Completion = strings.TrimSpace(in.content.Text), in.completion.Selected
		if t.ID == "" && t.Content == "" && t.Completion == "" {
			continue // a blank line left over
		}
		t.Seq = len(targets) + 1
		targets = append(targets, t)
	}
	removed := append([]data.AgreementTarget(nil), d.removed...)
	if !d.saving.begin() {
		return
	}
	async(d.s.u, func() (agreementSaved, error) {
		ctx := context.Background()
		out := agreementSaved{failedTarget: -1}
		err := store.Write(ctx, func(tx *data.Tx) error {
			out.failedTarget = -1
			var err error
			if isNew {
				err = tx.Agreements.Create(ctx, &rec)
			} else {
				err = tx.Agreements.Update(ctx, &rec)
			}
			if err != nil {
				return err
			}
			for i := range removed {
				if err := tx.AgreementTargets.Delete(ctx, &removed[i]); err != nil {
					return err
				}
			}
			for i := range targets {
				t := &targets[i]
				t.AgreementID = data.Ref(rec.ID)
				if t.ID == "" {
					err = tx.AgreementTargets.Create(ctx, t)
				} else {
					err = tx.AgreementTargets.Update(ctx, t)
				}
				if err != nil {
					out.failedTarget = t.Seq
					return err
				}
			}
			return nil
		})
		return out, err
	}, func(out agreementSaved, err error) {
		d.saving.end()
		if err != nil {
			d.showSaveError(out.failedTarget, err)
			return
		}
		d.dlg.Hide()
		d.s.load()
	})
}

// showSaveError shows a refusal: under the form, or by the targets when a
// target was refused.
func (d *agreementDialog) showSaveError(target int, err error) {
	if errors.Is(err, data.ErrConflict) {
		d.s.load()
	}
	problems := data.ProblemsOf(err)
	if target < 0 || len(problems) == 0 {
		d.form.showSaveError(err)
		return
	}
	d.form.clearErrors()
	var parts []string
	for _, p := range problems {
		parts = append(parts, "「"+p.Label+"」"+p.Msg)
	}
	d.targetMsg.SetText(fmt.Sprintf("第%d项目标：%s", target, strings.Join(parts, " ")))
}

// removeRow deletes the agreement of row i, after asking; a member
// without one has nothing to delete.
func (s *agreementScreen) removeRow(i int) {
	if i < 0 || i >= len(s.rows) {
		return
	}
	r := s.rows[i]
	if r.agreement == nil {
		s.u.notify(r.member.Name + "尚无本年度目标管理责任书")
		return
	}
	s.removeAgreement(*r.agreement, r.member.Name, nil)
}

// removeAgreement deletes an agreement with its targets after a
// confirmation naming it, with 撤销 in the status bar (and the 回收站)
// bringing both back; closed (may be nil) runs once it is deleted.
func (s *agreementScreen) removeAgreement(rec data.Agreement, name string, closed func()) {
	store := s.u.store
	deleted := false
	s.u.deleteWithUndo(fmt.Sprintf("目标管理责任书“%s %d年度”", name, rec.Year),
		func(ctx context.Context) error { return store.Agreements.Delete(ctx, &rec) },
		func(ctx context.Context) error { return store.Agreements.Restore(ctx, rec.ID) },
		func() {
			if !deleted && closed != nil {
				deleted = true
				closed()
			}
			s.load()
		})
}

// sortRows puts the rows in the order the user chose by a column header
// (by 拼音 or by value, as every table sorts).
func (s *agreementScreen) sortRows() {
	if s.sortCol < 0 || s.sortCol >= len(agreementColumns) {
		return
	}
	sortRowsBy(s.rows, s.sortCol, s.sortDesc, func(i int) string { return s.cell(i, s.sortCol) })
}

// view shows a row's agreement read-only, with its targets' completion,
// as committee mode opens it.
func (s *agreementScreen) view(r agreementRow) {
	if r.agreement == nil {
		s.u.notify(r.member.Name + "本年度尚未建立目标管理责任书")
		return
	}
	names := map[string]string{r.member.ID: r.member.Name}
	s.u.viewRecord(r.member.Name+" 目标管理责任书", r.agreement, names,
		widget.NewFormItem("完成情况", widget.NewLabel(completionSummary(r.targets))))
}

// showNoBranch empties the table when no branch can be chosen (an
// organization without branches chosen in committee mode).
func (s *agreementScreen) showNoBranch() {
	if len(s.pick.branch.Options) > 0 {
		return // a branch is yet to be chosen
	}
	s.loads.next().take() // a read under way is not shown
	s.rows = nil
	s.summary.SetText("没有党支部")
	s.table.refresh()
}
