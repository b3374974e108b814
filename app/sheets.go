package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/reports/sheets"
)

// sheetsScreen is the 导入导出 screen: check a sheet and see every problem
// by row before anything is written, then import it or not; save templates
// and exports.
type sheetsScreen struct {
	u        *UI
	kind     *widget.Select
	file     *widget.Entry
	summary  *widget.Label
	problems []string         // each problem as one line
	found    []sheets.Problem // the same, for the table
	list     *dataTable
	importOK *widget.Button
	skipBad  *widget.Button
	checked  string // the file the preview shows
	year     *widget.Select
	out      *widget.Entry
	orgNames map[string]string // committee mode: the organizations' names by id

	update   *widget.Check             // members: update stored members, blank cells kept
	cancel   *widget.Button            // drops a checked preview
	userMap  map[string]string         // the user's choices: sheet header → column or 忽略
	mapping  *sheets.HeaderMapping     // how the checked file's headers map
	mapBox   *fyne.Container           // one row per header: header → column
	mapPanel fyne.CanvasObject         // mapBox in a scroll, hidden without a mapping
	mapPick  map[string]*widget.Select // the choice per header
	changes  []sheets.Change           // an update's preview
	changeTV *dataTable
}

func newSheetsScreen(u *UI) fyne.CanvasObject {
	s := &sheetsScreen{u: u}
	u.sheets = s
	var titles []string
	for _, k := range sheets.Kinds {
		titles = append(titles, sheets.LayoutOf(k).Title)
	}
	s.kind = newSelect(titles, func(string) { s.resetMapping() })
	s.kind.SetSelected(titles[0])
	s.file = widget.NewEntry()
	s.file.SetPlaceHolder("选择要导入的 Excel 工作簿（.xlsx）")
	s.file.OnChanged = func(string) { s.resetMapping() }
	s.update = widget.NewCheck("按公民身份号码更新已有党员（空白单元格保留原值，写入前列出每一处改动）", func(bool) {
		s.resetPreview()
	})
	s.cancel = widget.NewButton("取消", func() {
		s.resetPreview()
		s.summary.SetText("已取消，未写入任何数据。")
	})
	s.mapBox = container.NewVBox()
	mapScroll := container.NewVScroll(s.mapBox)
	mapScroll.SetMinSize(fyne.NewSize(340, 0))
	s.mapPanel = container.NewBorder(
		widget.NewLabelWithStyle("列对应（工作表表头 → 模板列）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, nil, nil, mapScroll)
	s.mapPanel.Hide()
	s.changeTV = newDataTable(u, "sheets.changes", changeColumns, func() int { return len(s.changes) }, s.changeCell, rowActions{})
	pick := widget.NewButton("选择文件…", s.chooseFile)
	check := widget.NewButton("检查", s.check)
	check.Importance = widget.HighImportance
	s.importOK = widget.NewButton("导入", func() { s.run(false) })
	s.skipBad = widget.NewButton("只导入有效的行", func() { s.run(true) })
	s.summary = widget.NewLabel("先选择文件并检查：检查不写入任何数据，会列出每一行的问题。")
	s.summary.Wrapping = fyne.TextWrapWord
	s.list = newDataTable(u, "sheets.problems", problemColumns, func() int { return len(s.found) }, s.problemCell, rowActions{})
	s.resetPreview()

	s.year = newYearSelect(u.store.Now(), "全部年度")
	output := newOutputField(u, filepath.Join(u.lastFolder(excelFiles), "导出.xlsx"), excelFiles)
	s.out = output.entry
	template := widget.NewButton("保存模板", s.saveTemplate)
	export := widget.NewButton("导出", s.export)
	national := widget.NewButton("导出全国党员管理信息系统格式", s.exportNational)

	importForm := widget.NewForm(
		widget.NewFormItem("表格类型", s.kind),
		widget.NewFormItem("文件", container.NewBorder(nil, nil, nil, pick, s.file)),
	)
	exportForm := widget.NewForm(
		widget.NewFormItem("年度", s.year),
		widget.NewFormItem("保存到", output.view()),
	)
	top := container.NewVBox(
		widget.NewLabelWithStyle("从Excel导入", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		importForm, s.update, container.NewHBox(check, s.importOK, s.skipBad, s.cancel), s.summary)
	bottom := container.NewVBox(widget.NewSeparator(),
		widget.NewLabelWithStyle("模板和导出（所选表格类型）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		exportForm, container.NewHBox(template, export, national))
	if u.inCommittee() {
		// The organizations import their own records; the committee
		// exports the consolidated database, every organization's.
		top = container.NewVBox(widget.NewLabelWithStyle("表格类型", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			s.kind, s.summary)
		s.showScope()
		store := u.store
		load(newLoader(u), store.OrgsInOrder, func(orgs []data.Org, err error) {
			if err == nil {
				s.orgNames = map[string]string{}
				for _, o := range orgs {
					s.orgNames[o.ID] = o.Name
				}
				s.showScope()
			}
		})
		return u.scoped(container.NewBorder(top, bottom, nil, nil), s.showScope)
	}
	s.changeTV.object().Hide()
	tables := container.NewStack(s.list.object(), s.changeTV.object())
	return container.NewBorder(top, bottom, s.mapPanel, nil, tables)
}

// showScope says, in committee mode, whose records an export holds: the
// organization the 二级党组织 filter shows, or every organization.
func (s *sheetsScreen) showScope() {
	whose := "汇总数据库中全部组织"
	if id := s.u.orgScopeID(); id != "" {
		whose = "所选组织"
		if name := s.orgNames[id]; name != "" {
			whose = "「" + name + "」"
		}
	}
	s.summary.SetText("汇总数据中的记录由各组织维护，此处不导入。导出的是" + whose + "的记录。")
}

// problemColumns are the columns of the problems a check found; copied
// (Ctrl+C) they paste into the sheet beside the rows.
var problemColumns = []column{{"行", 60}, {"列", 140}, {"问题", 600}}

// problemCell is a cell of the problems' table.
func (s *sheetsScreen) problemCell(row, col int) string {
	p := s.found[row]
	switch col {
	case 0:
		return fmt.Sprintf("第%d行", p.Row)
	case 1:
		return p.Column
	}
	return p.Msg
}

func (s *sheetsScreen) selectedKind() sheets.Kind {
	for _, k := range sheets.Kinds {
		if sheets.LayoutOf(k).Title == s.kind.Selected {
			return k
		}
	}
	return sheets.Members
}

// resetPreview forgets a check when the file or kind changes: importing
// always follows a check of exactly that file.
func (s *sheetsScreen) resetPreview() {
	if s.importOK == nil {
		return
	}
	s.checked, s.problems, s.found, s.changes = "", nil, nil, nil
	s.importOK.Disable()
	s.skipBad.Disable()
	s.cancel.Disable()
	s.importOK.SetText("导入")
	if s.update.Checked {
		s.importOK.SetText("确认写入")
	}
	if s.selectedKind() == sheets.Members {
		s.update.Enable()
	} else {
		s.update.SetChecked(false)
		s.update.Disable()
	}
	s.list.refresh()
	s.changeTV.refresh()
	s.showTable(false)
}

// resetMapping forgets the header mapping and the choices made for it,
// when another file or kind is chosen.
func (s *sheetsScreen) resetMapping() {
	if s.importOK == nil {
		return
	}
	s.userMap, s.mapping, s.mapPick = map[string]string{}, nil, nil
	s.mapBox.RemoveAll()
	s.mapPanel.Hide()
	s.resetPreview()
}

// showTable shows the update's changes, or the problems.
func (s *sheetsScreen) showTable(changes bool) {
	if changes {
		s.list.object().Hide()
		s.changeTV.object().Show()
		return
	}
	s.changeTV.object().Hide()
	s.list.object().Show()
}

// options are the import's options as the screen sets them.
func (s *sheetsScreen) options(dryRun, skipInvalid bool) sheets.Options {
	m := make(map[string]string, len(s.userMap))
	for h, c := range s.userMap {
		m[h] = c
	}
	return sheets.Options{DryRun: dryRun, SkipInvalid: skipInvalid, Map: m,
		Update: s.update.Checked && s.selectedKind() == sheets.Members}
}

// showMapping lists each header of the sheet with the template column it
// fills, to be changed: an unknown header is 忽略 until the user picks a
// column. A change asks for a new check.
func (s *sheetsScreen) showMapping(hm *sheets.HeaderMapping) {
	s.mapping = hm
	s.mapBox.RemoveAll()
	s.mapPick = map[string]*widget.Select{}
	if hm == nil {
		s.mapPanel.Hide()
		return
	}
	choices := sheets.Choices(hm.Kind)
	for _, c := range hm.Cols {
		header := c.Header
		pick := newSelect(choices, nil)
		if c.Read() {
			pick.SetSelected(c.Column)
		} else {
			pick.SetSelected(sheets.Ignore)
		}
		pick.OnChanged = func(v string) {
			s.userMap[header] = v
			s.resetPreview()
			s.summary.SetText("列对应已改：请重新检查。")
		}
		s.mapPick[header] = pick
		how := widget.NewLabel(c.How)
		s.mapBox.Add(container.NewBorder(nil, nil, widget.NewLabel(header), how, pick))
	}
	s.mapPanel.Show()
}

// changeColumns are the columns of an update's preview.
var changeColumns = []column{{"行", 60}, {"党员", 90}, {"列", 120}, {"原值", 200}, {"新值", 200}}

// changeCell is a cell of the preview's table.
func (s *sheetsScreen) changeCell(row, col int) string {
	c := s.changes[row]
	switch col {
	case 0:
		return fmt.Sprintf("第%d行", c.Row)
	case 1:
		return c.Name
	case 2:
		return c.Column
	case 3:
		return orBlank(c.Old)
	}
	return orBlank(c.New)
}

func orBlank(v string) string {
	if v == "" {
		return "（空）"
	}
	return v
}

// chooseFile asks for the workbook to import.
func (s *sheetsScreen) chooseFile() {
	s.u.chooseOpen(excelFiles, "选择要导入的 Excel 工作簿", func(path string) { s.file.SetText(path) })
}

// check reads the file's headers (shown with the columns they fill),
// then runs the import as a dry run and shows what it found.
func (s *sheetsScreen) check() {
	path := s.file.Text
	if path == "" {
		s.summary.SetText("请先选择文件")
		return
	}
	k, store, o := s.selectedKind(), s.u.store, s.options(true, false)
	var hm *sheets.HeaderMapping
	var rep *sheets.Report
	s.u.runJob("正在检查", func(ctx context.Context, progress progressFunc) error {
		var err error
		hm, err = sheets.ReadHeaders(ctx, store, k, path, o)
		if err != nil {
			return err
		}
		o.Progress = progress
		rep, err = sheets.ImportFile(ctx, store, k, path, o)
		return err
	}, func(err error) {
		s.resetPreview()
		s.showMapping(hm)
		if err != nil {
			s.summary.SetText(importError(err))
			return
		}
		s.show(rep)
		s.checked = path
		if rep.Rows > 0 && len(rep.Problems) == 0 {
			s.importOK.Enable()
			s.cancel.Enable()
		}
		if len(rep.Problems) > 0 && rep.Skipped < rep.Rows {
			s.skipBad.Enable()
			s.cancel.Enable()
		}
	})
}

// show lists a report's problems and summary.
func (s *sheetsScreen) show(rep *sheets.Report) {
	s.problems, s.found = s.problems[:0], append([]sheets.Problem(nil), rep.Problems...)
	for _, w := range rep.Warnings {
		w.Msg = "提示：" + w.Msg
		s.found = append(s.found, w)
	}
	for _, p := range s.found {
		s.problems = append(s.problems, p.String())
	}
	s.list.refresh()
	s.changes = rep.Changes
	s.changeTV.refresh()
	s.showTable(len(rep.Problems) == 0 && len(rep.Changes) > 0)
	valid := rep.Created + rep.Updated + rep.Unchanged
	text := fmt.Sprintf("读取%d行：有效%d行（新增%d，更新%d，未变%d），有问题%d行。", rep.Rows, valid,
		rep.Created, rep.Updated, rep.Unchanged, rep.Skipped)
	switch {
	case rep.Written:
		text += "已写入。"
	case rep.DryRun && len(rep.Problems) == 0:
		text += "没有发现问题，可以导入。"
	case rep.DryRun:
		text += "尚未写入任何数据：改正后重新检查，或只导入有效的行。"
	}
	if n := len(rep.Warnings); n > 0 {
		text += fmt.Sprintf("另有%d条提示（发展党员规则允许的例外），列在下表中，不影响导入。", n)
	}
	if rep.Mapping != nil {
		if ignored := rep.Mapping.Ignored(); len(ignored) > 0 {
			text += "未导入的列：" + strings.Join(ignored, "、") + "（需要时在左侧“列对应”中选择）。"
		}
		if rep.Mapping.Remembered {
			text += "沿用了此前为同样表头选择的列对应。"
		}
	}
	if s.update.Checked && rep.DryRun && len(rep.Problems) == 0 {
		text += fmt.Sprintf("将更新%d处，见下表；核对无误后点“确认写入”，或点“取消”。", len(rep.Changes))
	}
	s.summary.SetText(text)
}

// run imports the checked file: all rows, or only the valid ones.
func (s *sheetsScreen) run(skipInvalid bool) {
	if s.checked == "" {
		return
	}
	s.importJob("正在导入", s.checked, s.options(false, skipInvalid), nil)
}

// importJob runs an import (or its check) of the file in the background,
// then shows its report; after, when set, follows on success.
func (s *sheetsScreen) importJob(title, path string, o sheets.Options, after func(*sheets.Report)) {
	k, store := s.selectedKind(), s.u.store
	var rep *sheets.Report
	s.u.runJob(title, func(ctx context.Context, progress progressFunc) error {
		o.Progress = progress
		var err error
		rep, err = sheets.ImportFile(ctx, store, k, path, o)
		return err
	}, func(err error) {
		s.resetPreview()
		if err != nil {
			s.summary.SetText(importError(err))
			return
		}
		s.show(rep)
		if after != nil {
			after(rep)
		}
	})
}

func importError(err error) string {
	var ie *sheets.InputError
	switch {
	case errors.As(err, &ie):
		return ie.Msg + " 未写入任何数据。"
	case errors.Is(err, context.Canceled):
		return "已取消，未写入任何数据。"
	}
	return "导入失败，未写入任何数据：" + err.Error()
}

func (s *sheetsScreen) saveTemplate() {
	k := s.selectedKind()
	path := filepath.Join(filepath.Dir(s.out.Text), sheets.LayoutOf(k).Title+"导入模板.xlsx")
	s.write("正在生成模板", path, func(ctx context.Context, w io.Writer, _ progressFunc) error {
		return sheets.Template(k, w)
	})
}

func (s *sheetsScreen) export() {
	k, year := s.selectedKind(), selectedYear(s.year)
	store, orgID := s.u.store, s.u.orgScopeID() // in committee mode, the organization chosen
	s.write("正在导出", s.out.Text, func(ctx context.Context, w io.Writer, progress progressFunc) error {
		_, err := sheets.ExportWith(ctx, store, k, w, sheets.ExportOptions{Year: year, OrgID: orgID, Progress: progress})
		return err
	})
}

// exportNational saves the members on the rolls in the column layout of
// the 全国党员管理信息系统's 党员信息 import, beside the export's file.
func (s *sheetsScreen) exportNational() {
	store, orgID := s.u.store, s.u.orgScopeID()
	path := filepath.Join(filepath.Dir(s.out.Text), "党员信息（全国党员管理信息系统格式）.xlsx")
	s.write("正在导出", path, func(ctx context.Context, w io.Writer, progress progressFunc) error {
		_, err := sheets.ExportNational(ctx, store, w, sheets.ExportOptions{OrgID: orgID, Progress: progress})
		return err
	})
}

// write produces a file off the UI goroutine and says where it went.
func (s *sheetsScreen) write(title, path string, produce func(ctx context.Context, w io.Writer, p progressFunc) error) {
	s.u.confirmOutput(path, func() {
		s.u.runJob(title, func(ctx context.Context, progress progressFunc) error {
			return appcore.WriteOutput(path, s.u.store.Path(), func(w io.Writer) error { return produce(ctx, w, progress) })
		}, s.written(path))
	})
}

// written reports where write put the file, or why it did not.
func (s *sheetsScreen) written(path string) func(error) {
	return func(err error) {
		if err != nil {
			s.summary.SetText("未能保存：" + err.Error())
			return
		}
		s.summary.SetText("已保存：" + path)
	}
}
