package app

import (
	"context"
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"dangjian/reports/documents"
)

// memberForms are the forms 「打印…」 prints for one member.
var memberForms = documents.MemberKinds

// memberPrint is the 「打印…」 dialog of the 党员 screen and of a member's
// page: the member's 民主评议党员登记表 or 党员目标管理责任书 of a year,
// the 党员档案 (the whole file, no year) or the 学习管理档案 (up to a
// year), as PDF or Word, saved where the user says.
type memberPrint struct {
	u      *UI
	id     string // the member's id
	name   string
	form   *widget.RadioGroup
	year   *widget.Select
	format *widget.RadioGroup
	output *outputField
	dlg    *dialog.CustomDialog
}

// printSelected opens 「打印…」 for the member selected in the table.
func (s *membersScreen) printSelected() {
	row := s.table.selectedRow()
	if row < 0 || row >= len(s.shown) {
		s.u.notify("请先在表格中选中一名党员")
		return
	}
	s.u.printMember(s.shown[row].id, s.shown[row].cells[0])
}

// printMember opens 「打印…」 for the member with id and name.
func (u *UI) printMember(id, name string) { u.printMemberAs(id, name, memberForms[0]) }

// printMemberFile opens 「打印…」 for the member with 党员档案 chosen: the
// member's page prints the whole file with it.
func (u *UI) printMemberFile(id, name string) { u.printMemberAs(id, name, documents.MemberFile) }

// printMemberAs opens 「打印…」 for the member with id and name, form k
// chosen.
func (u *UI) printMemberAs(id, name string, k documents.Kind) {
	p := &memberPrint{u: u, id: id, name: name}
	var titles []string
	for _, k := range memberForms {
		titles = append(titles, documents.Title(k))
	}
	p.form = widget.NewRadioGroup(titles, func(string) { p.formChanged() })
	p.form.Required = true
	p.year = newYearSelect(u.store.Now())
	p.year.OnChanged = func(string) { p.suggestPath() }
	p.format = newFormatChoice(u, func(f documents.Format) {
		p.output.kind = filesOf(f)
		p.output.entry.SetText(withFormatExt(p.output.entry.Text, f))
	})
	p.output = newOutputField(u, "", filesOf(formatOf(p.format.Selected)))
	p.form.SetSelected(documents.Title(k))
	form := container.New(layout.NewFormLayout(),
		formLabel("表单"), p.form,
		formLabel("年度"), p.year,
		formLabel("格式"), p.format,
		formLabel("保存到"), p.output.view(),
	)
	write := widget.NewButton("生成", p.start)
	write.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", nil)
	p.dlg = dialog.NewCustomWithoutButtons("打印 — "+name,
		container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, write), nil, nil, form), u.win)
	cancel.OnTapped = p.dlg.Hide
	p.dlg.Resize(fyne.NewSize(620, 340))
	u.keep("memberPrint", p)
	p.dlg.Show()
}

// kind is the form chosen.
func (p *memberPrint) kind() documents.Kind {
	for _, k := range memberForms {
		if documents.Title(k) == p.form.Selected {
			return k
		}
	}
	return memberForms[0]
}

// formChanged follows the form chosen: the year is asked only of a form
// that covers one (not of the 党员档案, which covers the whole file).
func (p *memberPrint) formChanged() {
	if p.year != nil {
		if documents.UsesYear(p.kind()) {
			p.year.Enable()
		} else {
			p.year.Disable()
		}
	}
	p.suggestPath()
}

// suggestPath proposes 「2026年民主评议党员登记表-姓名.pdf」 (「党员档案-姓名.pdf」
// for the whole file) in the folder chosen before.
func (p *memberPrint) suggestPath() {
	if p.output == nil || p.year == nil {
		return
	}
	f := formatOf(p.format.Selected)
	dir := p.u.lastFolder(filesOf(f))
	if cur := p.output.entry.Text; cur != "" {
		dir = filepath.Dir(cur)
	}
	name := documents.Title(p.kind()) + "-" + p.name + f.Ext()
	if documents.UsesYear(p.kind()) {
		name = p.year.Selected + "年" + name
	}
	p.output.entry.SetText(filepath.Join(dir, name))
}

// start writes the form once the path is checked; the dialog closes and
// the status bar tells the outcome.
func (p *memberPrint) start() {
	job := reportJob{kind: p.kind(), format: formatOf(p.format.Selected), path: p.output.entry.Text,
		opts: documents.Options{Year: selectedYear(p.year), MemberID: p.id}}
	if job.path == "" {
		p.u.notify("请选择保存位置")
		return
	}
	p.u.confirmOutput(job.path, func() {
		p.dlg.Hide()
		p.u.writeDocument(job, func(rep documents.Report, err error) {
			switch {
			case errors.Is(err, context.Canceled):
				p.u.notify("已取消，未生成文件")
			case err != nil:
				p.u.showError(errors.New("生成失败，未生成文件：" + err.Error()))
			default:
				p.u.notify("已生成" + p.name + "的" + documents.Title(job.kind) + "：" + job.path)
				if err := openInViewer(p.u.app, job.path); err != nil {
					p.u.showOpenFailure(job.path, err)
				}
				p.u.showMissing(rep)
			}
		})
	})
}
