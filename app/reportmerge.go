package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"dangjian/reports/merge"
)

// templateFiles are the unit's own Word templates that 套打 fills.
var templateFiles = fileKind{"template", "Word 模板", []string{".docx"}}

// prefMergeTemplate is the preference holding the template last merged.
const prefMergeTemplate = "reports.merge.template"

// The output choices of 套打.
const (
	mergeToFolder = "每条记录一个文件（保存到文件夹）"
	mergeToOne    = "全部记录生成一个文件"
)

// mergeSection is the 「套打模板（Word）」 tab of the 报表 screen: the unit's
// own .docx filled with the records of a kind (package reports/merge),
// one document per record into a folder or all into one file, with the
// placeholders the kind fills listed and copyable.
type mergeSection struct {
	u        *UI
	kind     *widget.Select
	year     *widget.Select
	branch   *branchSelect
	template *widget.Entry
	mode     *widget.RadioGroup
	out      *widget.Entry
	result   *widget.Label
	last     string // the file or folder last written
}

func newMergeSection(u *UI) *mergeSection {
	m := &mergeSection{u: u}
	var titles []string
	for _, k := range merge.Kinds {
		titles = append(titles, merge.Title(k))
	}
	m.kind = newSelect(titles, func(string) { m.suggestOut() })
	m.kind.SetSelected(titles[0])
	m.year = newYearSelect(u.store.Now())
	m.year.OnChanged = func(string) { m.suggestOut() }
	m.branch = newBranchSelect(allBranches)
	m.branch.OnChanged = func(string) { m.suggestOut() }
	m.template = widget.NewEntry()
	m.template.SetPlaceHolder("本单位的Word模板，在要填写处写上 {{姓名}} 这样的占位符")
	if last := u.app.Preferences().String(prefMergeTemplate); last != "" && fileExists(last) {
		m.template.SetText(last)
	}
	m.out = widget.NewEntry()
	m.mode = widget.NewRadioGroup([]string{mergeToFolder, mergeToOne}, func(string) { m.suggestOut() })
	m.mode.Required = true
	m.mode.SetSelected(mergeToFolder)
	m.result = widget.NewLabel("")
	m.result.Wrapping = fyne.TextWrapWord
	m.suggestOut()
	return m
}

// view is the section: its title, the form and the buttons.
func (m *mergeSection) view() fyne.CanvasObject {
	chooseTemplate := widget.NewButton("选择文件…", func() {
		m.u.chooseOpen(templateFiles, "选择模板", func(path string) { m.template.SetText(path) })
	})
	chooseOut := widget.NewButton("选择位置…", m.chooseOut)
	fields := widget.NewButton("占位符…", m.showFields)
	form := container.New(layout.NewFormLayout(),
		formLabel("种类"), container.NewBorder(nil, nil, nil, fields, m.kind),
		formLabel("年度"), m.year,
		formLabel("党支部"), m.branch.Select,
		formLabel("模板"), container.NewBorder(nil, nil, nil, chooseTemplate, m.template),
		formLabel("生成"), m.mode,
		formLabel("保存到"), container.NewBorder(nil, nil, nil, chooseOut, m.out),
	)
	run := widget.NewButton("套打", m.start)
	run.Importance = widget.HighImportance
	open := widget.NewButton("打开", func() {
		if m.last != "" {
			if err := openInViewer(m.u.app, m.last); err != nil {
				m.u.showOpenFailure(m.last, err)
			}
		}
	})
	return container.NewVBox(
		widget.NewLabel("用本单位自己的Word模板（责任书、评议表、介绍信等）逐人填写，格式与模板完全相同。"),
		form, container.NewHBox(run, open), m.result)
}

// selectedKind is the kind chosen.
func (m *mergeSection) selectedKind() merge.Kind {
	for _, k := range merge.Kinds {
		if merge.Title(k) == m.kind.Selected {
			return k
		}
	}
	return merge.Members
}

// oneFile tells whether every record goes into one file.
func (m *mergeSection) oneFile() bool { return m.mode.Selected == mergeToOne }

// suggestOut proposes where to write: a folder named after the choices,
// or a .docx of that name, beside the output chosen before.
func (m *mergeSection) suggestOut() {
	if m.out == nil || m.mode == nil {
		return
	}
	title := m.kind.Selected
	if i := strings.IndexAny(title, "(（"); i > 0 { // reports/merge writes its titles' notes in brackets
		title = title[:i]
	}
	name := m.year.Selected + "年" + title + "套打"
	if b := m.branch.name(); b != "" {
		name = b + name
	} else if org := m.u.scope.orgNames()[m.u.orgScopeID()]; org != "" {
		name = org + name
	}
	dir := m.u.lastFolder(wordFiles)
	if cur := m.out.Text; cur != "" {
		dir = filepath.Dir(cur)
	}
	if m.oneFile() {
		name += ".docx"
	}
	m.out.SetText(filepath.Join(dir, name))
}

// chooseOut asks for the output: a folder, or the one .docx.
func (m *mergeSection) chooseOut() {
	if m.oneFile() {
		m.u.chooseSave(wordFiles, "另存为", m.out.Text, func(path string) { m.out.SetText(path) })
		return
	}
	m.u.chooseFolder("选择保存的文件夹", m.u.lastFolder(wordFiles), func(dir string) {
		m.u.rememberFolder(wordFiles, filepath.Join(dir, "x"))
		m.out.SetText(dir)
	})
}

// chooseFolder asks for a folder with Fyne's folder dialog, opened in dir,
// and calls chosen with its path.
func (u *UI) chooseFolder(title, dir string, chosen func(dir string)) {
	d := dialog.NewFolderOpen(func(folder fyne.ListableURI, err error) {
		if err != nil || folder == nil {
			return
		}
		chosen(folder.Path())
	}, u.win)
	if dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.SetTitleText(title)
	d.SetView(dialog.ListView)
	d.Resize(fyne.NewSize(900, 640).Min(u.win.Canvas().Size().SubtractWidthHeight(40, 40)))
	d.Show()
}

// start checks the choices, then runs the merge.
func (m *mergeSection) start() {
	req := merge.Request{Kind: m.selectedKind(), Template: strings.TrimSpace(m.template.Text),
		Out: strings.TrimSpace(m.out.Text), OneFile: m.oneFile(),
		Options: merge.Options{Year: selectedYear(m.year), BranchID: m.branch.id(),
			OrgID: m.u.orgScopeID()}} // in committee mode, the organization the filter shows
	switch {
	case req.Template == "":
		m.result.SetText("请选择模板文件")
		return
	case req.Out == "":
		m.result.SetText("请选择保存位置")
		return
	}
	m.u.app.Preferences().SetString(prefMergeTemplate, req.Template)
	if req.OneFile {
		m.u.confirmOutput(req.Out, func() { m.run(req) })
		return
	}
	m.run(req)
}

// run merges off the UI goroutine behind a progress dialog with 取消.
func (m *mergeSection) run(req merge.Request) {
	store := m.u.store
	m.result.SetText("")
	var res merge.Result // set by the job, read when it is done
	m.u.runJob("正在套打", func(ctx context.Context, progress progressFunc) error {
		req.Progress = progress
		var err error
		res, err = merge.Merge(ctx, store, req)
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, context.Canceled):
			m.result.SetText("已取消，未生成文件。")
		case err != nil:
			m.result.SetText("套打失败，未生成文件：" + err.Error())
		case req.OneFile:
			m.last = req.Out
			m.result.SetText(fmt.Sprintf("已生成%d条记录的套打文档：%s", res.Records, req.Out))
		default:
			m.last = req.Out
			m.result.SetText(fmt.Sprintf("已生成%d个套打文档%s，保存在：%s", len(res.Files), mergeRenamedNote(res.Renamed), req.Out))
		}
	})
}

// fileExists tells whether path is a file that exists.
func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}

// mergeRenamedNote tells how many documents were numbered because their
// name was taken: 「（其中3个与已有文件同名，已加序号）」; "" when none.
func mergeRenamedNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("（其中%d个与已有文件同名，已加序号）", n)
}
