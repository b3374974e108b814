package app

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

const probationCategory = string(vocab.CategoryProbation)

// appraisalScreen is the 民主评议 screen: a branch's members on the rolls
// with their appraisal of the year, a warning when 优秀 exceeds its share
// (APPRAISE), and 新增 to open the year's appraisal for the whole branch.
// Each member's 党员类别 and the branch's tally of grades are the
// calculator's (rules.Figures.Member, rules.Figures.Appraisals) for the
// year as of its check day, so that the screen, the check and the forms
// agree.
type appraisalScreen struct {
	u     *UI
	pick  *yearBranch
	year  int // the year of the rows
	rows  []appraisalRow
	tally rules.AppraisalTally // the branch's graded 正式党员 and 优秀
	ratio rules.Ratio
	table *dataTable
	// sortCol and sortDesc are the order the user chose (-1: by the roll).
	sortCol  int
	sortDesc bool
	summary  *widget.Label
	warning  *widget.Label // 优秀 over the ratio; hidden otherwise
	message  *widget.Label // the outcome of 新增
	loads    *loader
	dialog   *appraisalDialog // the form last opened
}

// appraisalRow is a member, the member's 党员类别 in the year (on the
// calculator's reference day) and the member's appraisal of the year (nil
// when there is none yet).
type appraisalRow struct {
	member    data.Member
	category  string
	appraisal *data.Appraisal
}

// notYetMember is shown as the 党员类别 of a member admitted after the
// year's reference day.
const notYetMember = "（未入党）"

// categoryText is the 党员类别 shown for the row.
func (r appraisalRow) categoryText() string {
	if r.category == "" {
		return notYetMember
	}
	return r.category
}

// probation reports whether the member was a 预备党员 in the year, and so
// gets no grade.
func (r appraisalRow) probation() bool { return r.category == probationCategory }

var appraisalColumns = []column{{"姓名", 110}, {"党员类别", 90}, {"评议等次", 110}, {"支部意见", 90}, {"教育处置", 300}}

func newAppraisalScreen(u *UI) fyne.CanvasObject {
	s := &appraisalScreen{u: u, loads: newLoader(u), sortCol: -1}
	u.keep("appraisal", s)
	s.summary = widget.NewLabel("正在读取…")
	s.summary.Wrapping = fyne.TextWrapWord // a narrow window wraps it rather than widen
	s.warning = widget.NewLabel("")
	s.warning.Importance = widget.DangerImportance
	s.warning.Wrapping = fyne.TextWrapWord
	s.warning.Hide()
	s.message = widget.NewLabel("")
	s.table = newDataTable(u, "appraisal", appraisalColumns, func() int { return len(s.rows) }, s.cell, rowActions{open: s.openForm, remove: u.editable(s.removeRow)})
	s.table.sortable(func(col int, desc bool) {
		s.sortCol, s.sortDesc = col, desc
		s.sortRows()
		s.table.refresh()
	})
	s.pick = newYearBranch(u, s.load)
	add := widget.NewButton("新增", s.addAll)
	add.Importance = widget.HighImportance
	title := widget.NewLabelWithStyle(string(vocab.MeetingAppraisal), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(title, s.pick.view()), add, s.summary),
		s.warning, s.message)
	if u.inCommittee() {
		add.Hide() // the organizations keep their appraisals
	}
	return u.scoped(container.NewBorder(top, nil, nil, nil, s.table.object()), s.pick.reload)
}

func (s *appraisalScreen) cell(row, col int) string {
	r := s.rows[row]
	a := r.appraisal
	switch col {
	case 0:
		return r.member.Name
	case 1:
		return r.categoryText()
	case 2:
		switch {
		case a == nil:
			return "（未评议）"
		case r.probation() && a.Grade == "":
			return "不评定等次"
		case a.Grade == "":
			return "未评定"
		}
		return a.Grade
	case 3:
		switch {
		case a == nil:
			return ""
		case strings.TrimSpace(a.BranchOpinion) != "":
			return "已填写"
		}
		return "未填写"
	}
	if a == nil || a.Grade != string(vocab.GradeFail) {
		return ""
	}
	if f := strings.TrimSpace(a.FollowUp); f != "" {
		return f
	}
	return "未填写（须教育处置）"
}

// appraisalData is what a load reads: the rows of the year and the
// calculator's tally of the branch.
type appraisalData struct {
	year  int
	rows  []appraisalRow
	tally rules.AppraisalTally
	ratio rules.Ratio
}

func (s *appraisalScreen) load() {
	year, branchID, ok := s.pick.selected()
	if s.table == nil {
		return
	}
	if !ok {
		s.showNoBranch()
		return
	}
	store, orgID := s.u.store, s.pick.figuresOrg()
	load(s.loads, func(ctx context.Context) (appraisalData, error) {
		d := appraisalData{year: year}
		fig, err := s.u.figuresIn(ctx, store, orgID, year, appcore.CheckDay(year, store.Now()))
		if err != nil {
			return d, err
		}
		d.ratio = fig.Settings().ExcellentMaxRatio
		d.tally = fig.Appraisals()[branchID]
		members, err := branchMembers(ctx, store.Tables, branchID)
		if err != nil {
			return d, err
		}
		as, err := store.Appraisals.List(ctx, data.Where(data.ColYear, year), data.WhereIn(data.ColMemberID, memberIDs(members)))
		if err != nil {
			return d, err
		}
		byMember := map[string]*data.Appraisal{}
		for i := range as {
			if byMember[string(as[i].MemberID)] == nil {
				byMember[string(as[i].MemberID)] = &as[i]
			}
		}
		for _, m := range members {
			r := appraisalRow{member: m, category: m.Category, appraisal: byMember[m.ID]}
			if fm := fig.Member(m.ID); fm != nil {
				r.category = string(fm.Category)
			}
			d.rows = append(d.rows, r)
		}
		return d, nil
	}, func(d appraisalData, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.year, s.rows, s.tally, s.ratio = d.year, d.rows, d.tally, d.ratio
		s.showTotals()
		s.sortRows()
		s.table.refresh()
	})
}

// showTotals fills the summary and, when 优秀 exceeds its share of the
// graded 正式党员 (the calculator's tally, as APPRAISE counts them), the
// warning.
func (s *appraisalScreen) showTotals() {
	done := 0
	for _, r := range s.rows {
		if r.appraisal != nil {
			done++
		}
	}
	t := s.tally
	s.summary.SetText(fmt.Sprintf("在册党员%d名，已建立评议%d名，评定等次的正式党员%d名，其中优秀%d名",
		len(s.rows), done, t.Graded, t.Excellent))
	if t.Exceeded() {
		s.warning.SetText(fmt.Sprintf("注意：优秀%d名，超过评定等次的正式党员%d名的%s（上限%d名）",
			t.Excellent, t.Graded, ratioText(s.ratio), t.MaxExcellent))
		s.warning.Show()
	} else {
		s.warning.SetText("")
		s.warning.Hide()
	}
}

// ratioText gives a ratio as people read it: 三分之一, else a percentage.
func ratioText(r rules.Ratio) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	if r.Den >= 2 && r.Den <= 10 && r.Num > 0 && r.Num < r.Den {
		return digits[r.Den] + "分之" + digits[r.Num]
	}
	return strconv.FormatFloat(math.Round(float64(r.Num)*10000/float64(r.Den))/100, 'f', -1, 64) + "%"
}

// addAll creates, in one transaction, an appraisal of the year (no grade
// yet) for every member of the branch without one.
func (s *appraisalScreen) addAll() {
	year, branchID, ok := s.pick.selected()
	if !ok {
		return
	}
	store := s.u.store
	async(s.u, func() (int, error) {
		ctx := context.Background()
		n := 0
		err := store.Write(ctx, func(tx *data.Tx) error {
			n = 0
			members, err := branchMembers(ctx, tx.Tables, branchID)
			if err != nil {
				return err
			}
			as, err := tx.Appraisals.List(ctx, data.Where(data.ColYear, year), data.WhereIn(data.ColMemberID, memberIDs(members)))
			if err != nil {
				return err
			}
			has := map[data.Ref]bool{}
			for _, a := range as {
				has[a.MemberID] = true
			}
			for _, m := range members {
				if has[data.Ref(m.ID)] {
					continue
				}
				if err := tx.Appraisals.Create(ctx, &data.Appraisal{Year: year, MemberID: data.Ref(m.ID)}); err != nil {
					return fmt.Errorf("为%s新增评议失败：%w", m.Name, err)
				}
				n++
			}
			return nil
		})
		return n, err
	}, func(n int, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		if n == 0 {
			s.message.SetText("本支部在册党员均已建立本年度评议")
		} else {
			s.message.SetText(fmt.Sprintf("已为%d名党员新增%d年度评议", n, year))
		}
		s.load()
	})
}

// appraisalDialog edits one member's appraisal of the year.
type appraisalDialog struct {
	s           *appraisalScreen
	member      data.Member
	probation   bool // a 预备党员 in the year: no grade
	rec         *data.Appraisal
	isNew       bool
	form        *recordForm
	votes       *voteTotal    // 合计 of the 民主测评 votes
	note        *widget.Label // 预备党员不评定等次, or the 不合格 reminder
	attachments *attachmentsPanel
	dlg         *dialog.CustomDialog
	loaded      data.Appraisal // the appraisal as opened, which 删除 deletes
	saving      saveOnce       // the save in flight
}

// openForm edits the appraisal of row i (a new one when there is none).
func (s *appraisalScreen) openForm(i int) {
	r := s.rows[i]
	if s.u.inCommittee() { // the organizations keep their appraisals
		s.view(r)
		return
	}
	d := &appraisalDialog{s: s, member: r.member, probation: r.probation()}
	if r.appraisal != nil {
		rec := *r.appraisal
		d.rec, d.loaded = &rec, rec
	} else {
		d.rec, d.isNew = &data.Appraisal{Year: s.year, MemberID: data.Ref(r.member.ID)}, true
	}
	skip := map[string]bool{"year": true, "member_id": true}
	d.note = widget.NewLabel("评为不合格的，须填写教育处置情况")
	if d.probation {
		skip["grade"] = true
		d.note.SetText("预备党员不评定等次")
	}
	d.note.Importance = widget.WarningImportance
	d.form = newRecordForm(d.rec, formSpec{choices: map[string][]string{"grade": data.Grades}, skip: skip, u: s.u})
	d.votes = addVoteTotal(d.form)
	d.attachments = newAttachmentsPanel(s.u, "appraisals", d.rec.ID)
	head := widget.NewLabelWithStyle(fmt.Sprintf("%s(%s) %d年度", r.member.Name, r.categoryText(), d.rec.Year),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	save := widget.NewButton("保存", d.save)
	save.Importance = widget.HighImportance
	d.saving.button = save
	var cancel func()
	buttons := container.NewHBox(save, widget.NewButton("取消", func() { cancel() }))
	if !d.isNew {
		del := widget.NewButton("删除", func() { s.removeAppraisal(d.loaded, r.member.Name, d.dlg.Hide) })
		del.Importance = widget.DangerImportance
		buttons.Add(del)
	}
	body := container.NewVBox(head, d.note, d.form.summary, d.form.form, d.form.general, widget.NewSeparator(), d.attachments.view())
	d.dlg = dialog.NewCustomWithoutButtons(string(vocab.MeetingAppraisal), container.NewBorder(nil, buttons, nil, nil,
		container.NewVScroll(body)), s.u.win)
	d.dlg.Resize(fyne.NewSize(620, 560))
	cancel = s.u.guardDialog(d.dlg, d.form.dirty)
	s.dialog = d
	d.dlg.Show()
}

// save writes the appraisal off the UI goroutine; a second 保存 while it
// runs does nothing.
func (d *appraisalDialog) save() {
	if d.saving.running || !d.form.read() || !d.saving.begin() {
		return
	}
	if d.probation {
		d.rec.Grade = ""
	}
	rec, isNew, store := *d.rec, d.isNew, d.s.u.store
	async(d.s.u, func() (data.Appraisal, error) {
		var err error
		if isNew {
			err = store.Appraisals.Create(context.Background(), &rec)
		} else {
			err = store.Appraisals.Update(context.Background(), &rec)
		}
		return rec, err
	}, func(_ data.Appraisal, err error) {
		d.saving.end()
		if err != nil {
			if errors.Is(err, data.ErrConflict) {
				d.s.load()
			}
			d.form.showSaveError(err)
			return
		}
		d.dlg.Hide()
		d.s.load()
	})
}

// removeRow deletes the appraisal of row i, after asking; a member
// without one has nothing to delete.
func (s *appraisalScreen) removeRow(i int) {
	if i < 0 || i >= len(s.rows) {
		return
	}
	r := s.rows[i]
	if r.appraisal == nil {
		s.u.notify(r.member.Name + "尚无本年度民主评议")
		return
	}
	s.removeAppraisal(*r.appraisal, r.member.Name, nil)
}

// removeAppraisal deletes an appraisal after a confirmation naming it,
// with 撤销 in the status bar (and the 回收站) bringing it back; closed
// (may be nil) runs once it is deleted.
func (s *appraisalScreen) removeAppraisal(rec data.Appraisal, name string, closed func()) {
	store := s.u.store
	deleted := false
	s.u.deleteWithUndo(fmt.Sprintf("民主评议“%s %d年度”", name, rec.Year),
		func(ctx context.Context) error { return store.Appraisals.Delete(ctx, &rec) },
		func(ctx context.Context) error { return store.Appraisals.Restore(ctx, rec.ID) },
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
func (s *appraisalScreen) sortRows() {
	if s.sortCol < 0 || s.sortCol >= len(appraisalColumns) {
		return
	}
	sortRowsBy(s.rows, s.sortCol, s.sortDesc, func(i int) string { return s.cell(i, s.sortCol) })
}

// view shows a row's appraisal read-only, as committee mode opens it.
func (s *appraisalScreen) view(r appraisalRow) {
	if r.appraisal == nil {
		s.u.notify(r.member.Name + "本年度尚未评议")
		return
	}
	names := map[string]string{r.member.ID: r.member.Name}
	s.u.viewRecord(r.member.Name+" "+string(vocab.MeetingAppraisal), r.appraisal, names)
}

// showNoBranch empties the table when no branch can be chosen (an
// organization without branches chosen in committee mode).
func (s *appraisalScreen) showNoBranch() {
	if len(s.pick.branch.Options) > 0 {
		return // a branch is yet to be chosen
	}
	s.loads.next().take() // a read under way is not shown
	s.rows = nil
	s.summary.SetText("没有党支部")
	s.table.refresh()
}
