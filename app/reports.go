package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/reports/documents"
)

// reportsScreen is the 报表 screen: choose a document, a year, a branch
// and a format (PDF or Word) — for the roster its columns, for the roster
// and the statistics the day they are as of — write the file with a
// progress bar, then open it for printing. A second tab fills the unit's
// own Word templates (套打, mergeSection). In committee mode the documents
// cover the 二级党组织 filter's choice (the whole university, or one
// organization) and the committee's own documents are offered too
// (reportscommittee.go).
type reportsScreen struct {
	u        *UI
	kind     *widget.Select
	year     *widget.Select
	branch   *branchSelect
	format   *widget.RadioGroup
	asOf     *widget.Entry  // 截至日期, for the roster and the statistics
	columns  *columnChooser // the roster's columns
	period   *devPeriod     // 起止日期, for the documents of 发展党员 over a period
	output   *outputField
	path     *widget.Entry
	generate *widget.Button
	result   *widget.Label
	last     string // the last file written
	merge    *mergeSection
	tabs     *container.AppTabs // 打印台账和表单, 套打模板（Word）

	asOfRow, columnsRow, branchRow []fyne.CanvasObject // the rows shown for some documents only
	form, page                     *fyne.Container     // the choices, and they with the buttons: laid out again when rows show or hide
}

func newReportsScreen(u *UI) fyne.CanvasObject {
	s := &reportsScreen{u: u}
	u.reports = s
	var titles []string
	for _, k := range documents.Kinds {
		titles = append(titles, documents.Title(k))
	}
	titles = append(titles, u.committeeTitles()...)
	s.kind = newSelect(titles, func(string) { s.kindChanged() })
	s.year = newYearSelect(u.store.Now())
	s.year.OnChanged = func(string) { s.suggestPath() }
	s.branch = newBranchSelect(allBranches)
	s.branch.OnChanged = func(string) { s.suggestPath() }
	s.format = newFormatChoice(u, s.formatChanged)
	s.asOf = widget.NewEntry()
	s.asOf.SetPlaceHolder(asOfHint)
	s.asOf.OnChanged = func(string) { s.suggestPath() }
	s.columns = newColumnChooser(u)
	s.period = newDevPeriod(func() { s.suggestPath() })
	s.output = newOutputField(u, "", filesOf(s.selectedFormat()))
	s.path = s.output.entry
	s.result = widget.NewLabel("")
	s.result.Wrapping = fyne.TextWrapWord
	s.generate = widget.NewButton("", s.start)
	s.generate.Importance = widget.HighImportance
	open := widget.NewButton("打开", func() { s.open(s.last) })

	s.asOfRow = []fyne.CanvasObject{formLabel("截至日期"), s.asOf}
	s.columnsRow = []fyne.CanvasObject{formLabel("列"), s.columns.view}
	s.branchRow = []fyne.CanvasObject{formLabel("党支部"), s.branch.Select}
	rows := []fyne.CanvasObject{
		formLabel("文档"), s.kind,
		formLabel("年度"), s.year,
	}
	rows = append(rows, s.branchRow...)
	rows = append(rows, s.asOfRow...)
	rows = append(rows, s.period.row...)
	rows = append(rows, s.columnsRow...)
	rows = append(rows, formLabel("格式"), s.format, formLabel("保存到"), s.output.view())
	form := container.New(layout.NewFormLayout(), rows...)
	s.form = form

	s.page = container.NewVBox(form, container.NewHBox(s.generate, open), s.result)
	s.kind.SetSelected(titles[0])
	s.formatChanged(s.selectedFormat())
	s.loadBranches()
	s.merge = newMergeSection(u)
	s.tabs = container.NewAppTabs(
		container.NewTabItem("打印台账和表单", container.NewVScroll(s.page)),
		container.NewTabItem("套打模板（Word）", container.NewVScroll(s.merge.view())),
	)
	return u.scoped(s.tabs, s.scopeChanged)
}

// formLabel is the label of a form row, as widget.Form shows it.
func formLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

// showRow shows or hides a form row.
func showRow(row []fyne.CanvasObject, show bool) {
	for _, o := range row {
		if show {
			o.Show()
		} else {
			o.Hide()
		}
	}
}

// loadBranches offers the branches.
func (s *reportsScreen) loadBranches() {
	load(newLoader(s.u), s.u.store.BranchRefs, func(refs []data.BranchRef, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		refs = s.inScope(refs)
		s.branch.set(refs)
		if s.merge != nil {
			s.merge.branch.set(refs)
		}
	})
}

// documentsDir is where reports go unless the user picks another folder.
func documentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return os.TempDir()
	}
	return filepath.Join(home, "Documents", "党员教育管理")
}

// kindChanged shows the choices the document has and proposes its file
// name.
func (s *reportsScreen) kindChanged() {
	k := s.selectedKind()
	ck, committee := s.committeeKind()
	showRow(s.asOfRow, hasAsOf(k) && !committee || committee && ck == documents.CommitteeStats)
	showRow(s.columnsRow, k == documents.Roster && !committee)
	s.period.show(k, hasDevPeriod(k) && !committee)
	showRow(s.branchRow, !committee)
	if s.page != nil {
		s.form.Refresh()
		s.page.Refresh()
	}
	s.suggestPath()
}

// formatChanged names the button after the format, gives the path the
// format's extension and the file dialog its filter.
func (s *reportsScreen) formatChanged(f documents.Format) {
	s.generate.SetText("生成" + f.Name())
	s.output.kind = filesOf(f)
	s.path.SetText(withFormatExt(s.path.Text, f))
}

// suggestPath proposes a file name from the choices: 「2026年学习培训台账」,
// and for a document as of a day 「党员花名册（截至2026年12月3日）」.
func (s *reportsScreen) suggestPath() {
	if s.path == nil || s.kind.Selected == "" {
		return
	}
	name := s.year.Selected + "年" + s.kind.Selected
	ck, committee := s.committeeKind()
	if hasAsOf(s.selectedKind()) && !committee || committee && ck == documents.CommitteeStats {
		name = s.kind.Selected + "（截至" + proseDay(s.asOfDay()) + "）"
	}
	if hasDevPeriod(s.selectedKind()) && !committee {
		name += s.period.name()
	}
	if b := s.branch.name(); b != "" && !committee {
		name = b + name
	}
	name = s.scopeName(ck, committee) + name
	f := s.selectedFormat()
	dir := s.u.lastFolder(filesOf(f))
	if s.path.Text != "" {
		dir = filepath.Dir(s.path.Text)
	}
	s.path.SetText(filepath.Join(dir, name+f.Ext()))
}

// asOfDay is the day the roster or the statistics are as of: the one
// typed, else the print day, or 31 December for a past year (a day typed
// wrong counts as none until it is corrected).
func (s *reportsScreen) asOfDay() time.Time {
	if day, err := readAsOf(s.asOf.Text); err == nil && !day.IsZero() {
		return day
	}
	today := s.u.store.Now()
	if year := selectedYear(s.year); year != 0 && year < today.Year() {
		return time.Date(year, time.December, 31, 0, 0, 0, 0, time.Local)
	}
	return today
}

// proseDay writes a day as in a document's text: 2026年12月3日.
func proseDay(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

func (s *reportsScreen) selectedKind() documents.Kind {
	for _, k := range documents.Kinds {
		if documents.Title(k) == s.kind.Selected {
			return k
		}
	}
	return documents.Roster
}

// selectedFormat is the format chosen.
func (s *reportsScreen) selectedFormat() documents.Format {
	if s.format == nil {
		return documents.PDF
	}
	return formatOf(s.format.Selected)
}

// reportJob is one document to write: an organization's (kind), or the
// committee's (committee, when set).
type reportJob struct {
	kind      documents.Kind
	committee documents.CommitteeKind
	format    documents.Format
	path      string
	opts      documents.Options
}

// start checks the choices, then writes the chosen document.
func (s *reportsScreen) start() {
	job := reportJob{kind: s.selectedKind(), format: s.selectedFormat(), path: s.path.Text,
		opts: documents.Options{Year: selectedYear(s.year), OrgID: s.u.orgScopeID(), BranchID: s.branch.id()}}
	if job.path == "" {
		s.result.SetText("请选择保存位置")
		return
	}
	if ck, ok := s.committeeKind(); ok {
		s.startCommittee(job, ck)
		return
	}
	if hasAsOf(job.kind) {
		day, err := readAsOf(s.asOf.Text)
		if err != nil {
			s.result.SetText("截至日期无效：" + err.Error())
			return
		}
		if day.Format(time.DateOnly) > s.u.store.Now().Format(time.DateOnly) {
			s.result.SetText("截至日期不能晚于今天")
			return
		}
		job.opts.AsOf = day
	}
	if hasDevPeriod(job.kind) {
		var msg string
		if job.opts.From, job.opts.To, msg = s.period.read(); msg != "" {
			s.result.SetText(msg)
			return
		}
	}
	if job.kind == documents.Roster {
		if job.opts.Columns = s.columns.chosen(); len(job.opts.Columns) == 0 {
			s.result.SetText("请至少选择一列")
			return
		}
	}
	s.u.confirmOutput(job.path, func() { s.write(job) })
}

// write writes the document off the UI goroutine, then opens it and tells
// the characters that were printed as an empty box.
func (s *reportsScreen) write(job reportJob) {
	s.result.SetText("")
	s.u.writeDocument(job, func(rep documents.Report, err error) {
		switch {
		case errors.Is(err, context.Canceled):
			s.result.SetText("已取消，未生成文件。")
		case err != nil:
			s.result.SetText("生成失败，未生成文件：" + err.Error())
		default:
			s.last = job.path
			s.result.SetText(fmt.Sprintf("已生成：%s", job.path))
			s.open(job.path)
			s.u.showMissing(rep)
		}
	})
}

// writeDocument writes a document with a progress dialog and 取消, off the
// UI goroutine; done runs on the UI goroutine.
func (u *UI) writeDocument(job reportJob, done func(documents.Report, error)) {
	if job.committee != "" {
		u.writeCommitteeDocument(job, done)
		return
	}
	store := u.store
	var rep documents.Report // set by the job, read when it is done
	u.runJob("正在生成"+documents.Title(job.kind), func(ctx context.Context, progress progressFunc) error {
		return appcore.WriteOutput(job.path, store.Path(), func(w io.Writer) error {
			opts := job.opts
			opts.Progress = progress
			var err error
			rep, err = documents.Write(ctx, store, job.kind, job.format, w, opts)
			return err
		})
	}, func(err error) { done(rep, err) })
}

// open shows a file in the system's viewer.
func (s *reportsScreen) open(path string) {
	if path == "" {
		return
	}
	if err := openInViewer(s.u.app, path); err != nil {
		s.u.showOpenFailure(path, err)
	}
}
