package app

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/reports/sheets"
	snapshot "dangjian/sync"
)

// overviewTitle is the 全校概览's title in the sidebar.
const overviewTitle = "全校概览"

// overviewScreen is the committee's first screen, the 全校概览: a row per
// organization with its members, branches, last accepted snapshot and its
// age, status, findings, training completion, 主题党日 and 三会一课
// coverage, 党费 收缴率 and 欠缴, and 考评 score, every figure from the one
// calculator (data.Store.OrgFigures, rules.Summary). A header sorts;
// selecting a row shows its findings by rule; Enter, a double click or
// 打开工作台 shows that organization's 工作台; 导出 writes the table to
// Excel.
type overviewScreen struct {
	u        *UI
	data     overviewData
	loaded   bool
	year     *widget.Select
	table    *dataTable
	summary  *widget.Label
	progress *widget.ProgressBar // an organization at a time
	reading  *widget.ProgressBarInfinite
	message  *widget.Label
	detail   *widget.Label // the selected organization's findings by rule
	openDesk *widget.Button
	export   *widget.Button
	terms    *widget.Select // the 学期 chooser
	loads    *loader
}

func newOverviewScreen(u *UI) fyne.CanvasObject {
	s := &overviewScreen{u: u, loads: newLoader(u)}
	u.keep("overview", s)
	s.year = newYearSelect(u.store.Now())
	s.year.OnChanged = func(string) { s.load() }
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.message = widget.NewLabel("")
	s.message.Wrapping = fyne.TextWrapWord
	s.message.Hide()
	s.progress = widget.NewProgressBar()
	s.progress.Hide()
	s.reading = widget.NewProgressBarInfinite()
	s.reading.Hide()
	s.detail = widget.NewLabel("选择一个组织，这里列出其问题按规则的数量。")
	s.detail.Wrapping = fyne.TextWrapWord
	cols := make([]column, len(overviewColumns))
	for i, c := range overviewColumns {
		cols[i] = c.column
	}
	s.table = newDataTable(u, "committee.overview", cols, func() int { return len(s.data.rows) }, s.cell,
		rowActions{open: s.openDashboard})
	s.table.sortable(func(col int, desc bool) { sortOverview(&s.data, col, desc) })
	// A sort keeps the organization selected, and its detail with it.
	s.table.keepSelection(func(row int) string { return s.data.rows[row].orgID }, s.showDetail)
	selected := s.table.table.OnSelected
	s.table.table.OnSelected = func(id widget.TableCellID) {
		selected(id)
		s.showDetail()
	}
	refresh := widget.NewButtonWithIcon("刷新", theme.ViewRefreshIcon(), s.load)
	s.export = widget.NewButtonWithIcon("导出Excel…", theme.DocumentSaveIcon(), s.chooseExport)
	s.openDesk = widget.NewButtonWithIcon("打开工作台", theme.HomeIcon(), func() { s.openDashboard(s.table.selectedRow()) })
	s.openDesk.Disable()
	title := widget.NewLabelWithStyle(overviewTitle, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	choices := container.NewHBox(widget.NewLabel("年度"), s.year)
	if s.terms = newTermChooser(u, s.termShown); s.terms != nil {
		choices.Objects = append([]fyne.CanvasObject{widget.NewLabel("学期"), termChooserBox(s.terms)}, choices.Objects...)
	}
	top := container.NewVBox(
		container.NewBorder(nil, nil, title, container.NewHBox(refresh, s.export, s.openDesk)),
		container.NewHScroll(choices), s.summary, s.reading, s.progress, s.message)
	detail := container.NewBorder(widget.NewLabelWithStyle("问题按规则", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, nil, nil, container.NewVScroll(s.detail))
	split := container.NewVSplit(s.table.object(), detail)
	split.Offset = 0.7
	s.load()
	return container.NewBorder(top, nil, nil, nil, split)
}

// termShown sets the 年度 to the year of an earlier term's result when the
// window shows one (its figures are that year's).
func (s *overviewScreen) termShown() {
	t := termsOf(s.u).shown
	if !earlier(t) {
		return
	}
	if term, err := snapshot.ParseTerm(t.Term); err == nil {
		year := strconv.Itoa(term.Year())
		if slices.Contains(s.year.Options, year) && s.year.Selected != year {
			s.year.SetSelected(year)
		}
	}
}

// cell is the text of the table at row, col.
func (s *overviewScreen) cell(row, col int) string {
	c := overviewColumns[col]
	return overviewText(c.format, c.value(&s.data, &s.data.rows[row]))
}

// load computes the figures off the UI goroutine: a moving bar while the
// records are read, then one that advances an organization at a time (or
// nothing to wait for when the figures are kept in committee.db).
func (s *overviewScreen) load() {
	u := s.u
	store, c, rep := u.store, u.committee, u.report
	year, now := selectedYear(s.year), store.Now()
	s.progress.SetValue(0)
	s.progress.Hide()
	s.reading.Show()
	s.reading.Start()
	s.export.Disable()
	s.summary.SetText("正在计算各组织的数据…")
	t := s.loads.latest.started + 1 // the ticket load takes below
	progress := func(done, total int) {
		u.post(func() {
			if s.loads.latest.started == t && total > 0 {
				s.reading.Stop()
				s.reading.Hide()
				s.progress.Show()
				s.progress.SetValue(float64(done) / float64(total))
			}
		})
	}
	load(s.loads, func(ctx context.Context) (overviewData, error) {
		// The newest figures kept, of an earlier day, show at once while
		// today's are computed.
		if kept, err := keptOverview(ctx, store, c, rep, year, now); err == nil && !kept.asOf.Equal(appcore.CheckDay(year, now)) {
			u.post(func() {
				if s.loads.latest.started == t && ctx.Err() == nil {
					s.show(kept)
					s.showMessage(fmt.Sprintf("以下是截至%s的数据，正在计算截至今天的数据…", kept.asOf.Format("2006年1月2日")))
				}
			})
		}
		return loadOverview(ctx, store, c, rep, year, now, progress)
	}, func(d overviewData, err error) {
		s.reading.Stop()
		s.reading.Hide()
		s.progress.Hide()
		if err != nil {
			s.summary.SetText("")
			s.showMessage("无法计算全校概览：" + err.Error())
			return
		}
		s.showMessage("")
		s.show(d)
	})
}

// show puts an overview on the screen, sorted as the table is.
func (s *overviewScreen) show(d overviewData) {
	s.data, s.loaded = d, true
	if col, desc := s.table.sortCol, s.table.sortDesc; col >= 0 {
		sortOverview(&s.data, col, desc)
	}
	s.summary.SetText(overviewSummary(&s.data))
	s.export.Enable()
	s.table.refresh()
	s.showDetail()
}

// showMessage shows a line above the table, hidden when empty.
func (s *overviewScreen) showMessage(text string) {
	s.message.SetText(text)
	if text == "" {
		s.message.Hide()
	} else {
		s.message.Show()
	}
}

// overviewSummary is the line of the university's figures.
func overviewSummary(d *overviewData) string {
	if len(d.rows) == 0 {
		return "尚无组织的数据：登记组织并汇总后，这里列出每个组织的情况。"
	}
	t := &d.total
	text := fmt.Sprintf("全校 %d 个组织，党员 %d 名，支部 %d 个，待整改问题 %d 项；培训达标率 %s，考评得分 %.1f",
		len(d.rows), t.Members, t.Branches, t.Open(), overviewText(sheets.FormatPercent, t.TrainingRate()), t.Score())
	return text + fmt.Sprintf("（%d年度，截至%d年%d月%d日）", d.year, d.asOf.Year(), int(d.asOf.Month()), d.asOf.Day())
}

// showDetail shows the selected organization's findings by rule and
// snapshot, and enables 打开工作台 for an organization with records.
func (s *overviewScreen) showDetail() {
	row := s.table.selectedRow()
	if row < 0 || row >= len(s.data.rows) {
		s.openDesk.Disable()
		s.detail.SetText("选择一个组织，这里列出其问题按规则的数量。")
		return
	}
	r := &s.data.rows[row]
	var lines []string
	if a := r.accepted(); a != nil {
		lines = append(lines, fmt.Sprintf("%s：最后接受的快照为第%d号，%s（%s）", r.name, a.Seq,
			a.Manifest.CreatedAt.Local().Format("2006-01-02 15:04"), ageText(s.data.now.Sub(a.Manifest.CreatedAt))))
	} else {
		lines = append(lines, r.name+"：尚无接受的快照")
	}
	if r.view != nil && r.view.Status != nil && r.view.Status.Reason != "" {
		lines = append(lines, "最近一次检查："+r.view.Status.Reason)
	}
	switch {
	case r.sum == nil:
		lines = append(lines, "汇总数据库中没有该组织的数据。")
	case r.sum.Findings == 0:
		lines = append(lines, "没有待整改的问题。")
	default:
		lines = append(lines, findingsByRule(r.sum)...)
	}
	s.detail.SetText(strings.Join(lines, "\n"))
	if r.sum != nil {
		s.openDesk.Enable()
	} else {
		s.openDesk.Disable()
	}
}

// openDashboard shows the 工作台 of the organization of row: the
// committee's organization filter is set to it, then the 工作台 opens.
func (s *overviewScreen) openDashboard(row int) {
	if row < 0 || row >= len(s.data.rows) || s.data.rows[row].sum == nil {
		return
	}
	s.u.setOrgScope(s.data.rows[row].orgID)
	s.u.showScreen("工作台")
}

// showScreen opens the sidebar's screen titled title; false when there is
// none.
func (u *UI) showScreen(title string) bool {
	for i, sc := range u.screens {
		if sc.title == title {
			u.open(i)
			return true
		}
	}
	return false
}

// chooseExport asks where to write the table as an Excel workbook.
func (s *overviewScreen) chooseExport() {
	name := fmt.Sprintf("全校概览（%d年度）.xlsx", s.data.year)
	s.u.chooseSave(excelFiles, "导出全校概览", filepath.Join(s.u.lastFolder(excelFiles), name), func(path string) {
		s.u.confirmOutput(path, func() { s.exportTo(path, nil) })
	})
}

// exportTo writes the table, in its order, with the university's line,
// to path off the UI goroutine; done (when set) is told the outcome.
func (s *overviewScreen) exportTo(path string, done func(error)) {
	if !s.loaded {
		return
	}
	sheet := overviewSheet(&s.data)
	dbPath := s.u.store.Path()
	s.u.runJob("正在导出全校概览", func(ctx context.Context, _ progressFunc) error {
		return appcore.WriteOutput(path, dbPath, func(w io.Writer) error { return sheets.WriteFigures(w, sheet) })
	}, func(err error) {
		if err != nil {
			s.showMessage("未能导出：" + err.Error())
		} else {
			s.u.notify("已导出全校概览：" + path)
		}
		if done != nil {
			done(err)
		}
	})
}
