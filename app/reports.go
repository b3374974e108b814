package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/reports/documents"
)

// reportsScreen is the 报表 screen: choose a document, a year and a branch,
// write the PDF with a progress bar, then open it for printing.
type reportsScreen struct {
	u      *UI
	kind   *widget.Select
	year   *widget.Select
	branch *branchSelect
	path   *widget.Entry
	result *widget.Label
	last   string // the last PDF written
}

func newReportsScreen(u *UI) fyne.CanvasObject {
	s := &reportsScreen{u: u}
	u.reports = s
	var titles []string
	for _, k := range documents.Kinds {
		titles = append(titles, documents.Title(k))
	}
	s.kind = newSelect(titles, func(string) { s.suggestPath() })
	s.year = newYearSelect(u.store.Now())
	s.year.OnChanged = func(string) { s.suggestPath() }
	s.branch = newBranchSelect(allBranches)
	s.branch.OnChanged = func(string) { s.suggestPath() }
	output := newOutputField(u, "", pdfFiles)
	s.path = output.entry
	s.result = widget.NewLabel("")
	s.result.Wrapping = fyne.TextWrapWord
	generate := widget.NewButton("生成PDF", s.generate)
	generate.Importance = widget.HighImportance
	open := widget.NewButton("打开", func() { s.open(s.last) })

	s.kind.SetSelected(titles[0])
	s.loadBranches()

	form := widget.NewForm(
		widget.NewFormItem("文档", s.kind),
		widget.NewFormItem("年度", s.year),
		widget.NewFormItem("党支部", s.branch.Select),
		widget.NewFormItem("保存到", output.view()),
	)
	return container.NewVBox(
		widget.NewLabelWithStyle("打印台账和表单", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		form, container.NewHBox(generate, open), s.result)
}

// loadBranches offers the branches.
func (s *reportsScreen) loadBranches() {
	load(newLoader(s.u), s.u.store.BranchRefs, func(refs []data.BranchRef, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.branch.set(refs)
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

// suggestPath proposes a file name from the choices.
func (s *reportsScreen) suggestPath() {
	if s.path == nil || s.kind.Selected == "" {
		return
	}
	name := s.year.Selected + "年" + s.kind.Selected
	if b := s.branch.name(); b != "" {
		name = b + name
	}
	dir := s.u.lastFolder(pdfFiles)
	if s.path.Text != "" {
		dir = filepath.Dir(s.path.Text)
	}
	s.path.SetText(filepath.Join(dir, name+".pdf"))
}

func (s *reportsScreen) selectedKind() documents.Kind {
	for _, k := range documents.Kinds {
		if documents.Title(k) == s.kind.Selected {
			return k
		}
	}
	return documents.Roster
}

// generate writes the chosen document off the UI goroutine, then opens it.
func (s *reportsScreen) generate() {
	k, path, year, branchID := s.selectedKind(), s.path.Text, selectedYear(s.year), s.branch.id()
	if path == "" {
		s.result.SetText("请选择保存位置")
		return
	}
	s.u.confirmOutput(path, func() { s.write(k, path, year, branchID) })
}

// write writes the document off the UI goroutine, then opens it.
func (s *reportsScreen) write(k documents.Kind, path string, year int, branchID string) {
	store := s.u.store
	s.result.SetText("")
	var rep documents.Report // set by the job, read when it is done
	s.u.runJob("正在生成"+documents.Title(k), func(ctx context.Context, progress progressFunc) error {
		return appcore.WriteOutput(path, store.Path(), func(w io.Writer) error {
			var err error
			rep, err = documents.Write(ctx, store, k, documents.PDF, w, documents.Options{Year: year, BranchID: branchID, Progress: progress})
			return err
		})
	}, func(err error) {
		switch {
		case errors.Is(err, context.Canceled):
			s.result.SetText("已取消,未生成文件。")
		case err != nil:
			s.result.SetText("生成失败: " + err.Error())
		default:
			s.last = path
			text := fmt.Sprintf("已生成: %s", path)
			if missing := rep.MissingText(); missing != "" {
				text += "\n" + missing
			}
			s.result.SetText(text)
			s.open(path)
		}
	})
}

// open shows a file in the system's viewer.
func (s *reportsScreen) open(path string) {
	if path == "" {
		return
	}
	if err := openInViewer(s.u.app, path); err != nil {
		s.u.showError(fmt.Errorf("无法打开%s: %w", path, err))
	}
}
