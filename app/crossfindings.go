package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/app/appcore"
	"dangjian/data"
	"dangjian/data/committeedb"
	"dangjian/data/rules"
	snapshot "dangjian/sync"
)

// crossFindingsTitle is the screen's title in the sidebar.
const crossFindingsTitle = "跨组织问题"

// crossFindingsScreen lists the problems no single organization can see
// (挂空, a 转入 with no 转出, one person on the rolls of two organizations,
// an organization with no snapshot this term), found in the consolidated
// database as a consolidation finds them, each with the 处理情况 the
// committee recorded: kept in the committee's own database (committee.db)
// under the finding's key, so that it survives every re-consolidation and
// stays with the same finding next term.
type crossFindingsScreen struct {
	u        *UI
	list     crossFindingsData
	table    *dataTable
	summary  *widget.Label
	chosen   *widget.Label   // the finding whose note is edited
	editor   *fyne.Container // chosen over the note: laid out again when chosen's lines change
	note     *widget.Entry
	save     *widget.Button
	history  *widget.Label
	readOnly bool // an earlier term: notes are shown, not recorded
	loads    *loader
}

// crossFindingsData is a load of the screen.
type crossFindingsData struct {
	findings []rules.KeyedFinding
	notes    map[string]committeedb.Note
	orgNames map[string]string
	// readOnly: the result shown is an earlier term's, whose findings
	// are as of its consolidation, and whose notes are not recorded.
	readOnly bool
}

// crossFindingColumns are the list's columns.
var crossFindingColumns = []column{{"类别", 110}, {"组织", 200}, {"党员", 80}, {"介绍信编号", 130}, {"情况", 360},
	{"处理情况", 240}, {"记录人", 90}, {"记录时间", 130}}

func newCrossFindingsScreen(u *UI) fyne.CanvasObject {
	s := &crossFindingsScreen{u: u, loads: newLoader(u), readOnly: termReadOnly(u)}
	head := container.NewHBox()
	if sel := newTermChooser(u, nil); sel != nil {
		head.Add(widget.NewLabel("学期"))
		head.Add(termChooserBox(sel))
	}
	u.keep("crossfindings", s)
	s.summary = widget.NewLabel("正在检查…")
	s.summary.Wrapping = fyne.TextWrapWord
	s.table = newDataTable(u, "committee.crossfindings", crossFindingColumns, func() int { return len(s.list.findings) },
		s.cell, rowActions{open: func(int) { u.win.Canvas().Focus(s.note) }})
	s.table.sortable(func(col int, desc bool) {
		sortRowsBy(s.list.findings, col, desc, func(i int) string { return s.cellOf(&s.list.findings[i], col) })
	})
	// A sort keeps the finding selected, and its note in the editor.
	s.table.keepSelection(func(row int) string { return s.list.findings[row].Key }, s.showChosen)
	selected := s.table.table.OnSelected
	s.table.table.OnSelected = func(id widget.TableCellID) {
		selected(id)
		s.showChosen()
	}
	s.chosen = widget.NewLabel("")
	s.chosen.Wrapping = fyne.TextWrapWord
	s.note = widget.NewMultiLineEntry()
	s.note.SetPlaceHolder("处理情况：已采取的措施、结果、待办事项")
	s.note.SetMinRowsVisible(3)
	s.note.Wrapping = fyne.TextWrapWord
	s.save = widget.NewButtonWithIcon("保存处理情况", theme.DocumentSaveIcon(), s.saveNote)
	s.save.Importance = widget.HighImportance
	s.history = widget.NewLabel("")
	s.history.Wrapping = fyne.TextWrapWord
	s.history.Importance = widget.LowImportance
	s.showChosen()
	refresh := widget.NewButtonWithIcon("刷新", theme.ViewRefreshIcon(), s.load)
	title := widget.NewLabelWithStyle(crossFindingsTitle, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Add(refresh)
	top := container.NewVBox(container.NewBorder(nil, nil, title, head), s.summary)
	s.editor = container.NewBorder(s.chosen, container.NewVBox(container.NewHBox(s.save), s.history), nil, nil, s.note)
	split := container.NewVSplit(s.table.object(), s.editor)
	split.Offset = 0.6
	s.load()
	return container.NewBorder(top, nil, nil, nil, split)
}

// cell is the text of the table at row, col.
func (s *crossFindingsScreen) cell(row, col int) string { return s.cellOf(&s.list.findings[row], col) }

func (s *crossFindingsScreen) cellOf(f *rules.KeyedFinding, col int) string {
	n := s.list.notes[f.Key]
	switch col {
	case 0:
		return findingKindText(f.Kind)
	case 1:
		names := make([]string, len(f.OrgIDs))
		for i, id := range f.OrgIDs {
			names[i] = s.list.orgNames[id]
		}
		return strings.Join(names, "、")
	case 2:
		return f.Person
	case 3:
		return f.LetterNo
	case 4:
		return f.Detail
	case 5:
		return n.Text
	case 6:
		return n.Author
	case 7:
		if n.At.IsZero() {
			return ""
		}
		return n.At.Local().Format("2006-01-02 15:04")
	}
	return ""
}

// load finds the cross-organization findings and reads their notes off
// the UI goroutine.
func (s *crossFindingsScreen) load() {
	store, c, now := s.u.store, s.u.committee, s.u.store.Now()
	load(s.loads, func(ctx context.Context) (crossFindingsData, error) {
		return loadCrossFindings(ctx, store, c, now)
	}, func(d crossFindingsData, err error) {
		if err != nil {
			s.summary.SetText("无法检查跨组织问题：" + err.Error())
			return
		}
		key := s.chosenKey()
		s.list = d
		s.readOnly = s.readOnly || d.readOnly
		if col, desc := s.table.sortCol, s.table.sortDesc; col >= 0 {
			sortRowsBy(s.list.findings, col, desc, func(i int) string { return s.cellOf(&s.list.findings[i], col) })
		}
		s.table.refresh()
		s.summary.SetText(crossFindingsSummary(d, s.readOnly))
		for i := range s.list.findings {
			if s.list.findings[i].Key == key {
				s.table.selectRow(i)
			}
		}
		s.showChosen()
	})
}

// crossFindingsSummary is the line above the list.
func crossFindingsSummary(d crossFindingsData, readOnly bool) string {
	if len(d.findings) == 0 {
		return "没有跨组织问题。"
	}
	noted := 0
	for _, f := range d.findings {
		if d.notes[f.Key].Text != "" {
			noted++
		}
	}
	text := fmt.Sprintf("跨组织问题 %d 项，已记录处理情况 %d 项。", len(d.findings), noted)
	if readOnly {
		text += "往期学期只读：处理情况在当前学期记录。"
	}
	return text
}

// loadCrossFindings finds the cross-organization findings of the
// consolidated database with their keys, as the committee's documents do
// (appcore.CommitteeDocumentInput: as a consolidation checks them, today,
// or for an earlier term's result as of its consolidation), and reads the
// committee's notes with who recorded them and when.
func loadCrossFindings(ctx context.Context, store *data.Store, c *snapshot.Committee, now time.Time) (crossFindingsData, error) {
	d := crossFindingsData{orgNames: map[string]string{}}
	if c == nil {
		return d, nil
	}
	term := shownTermOf(c, store.Path())
	d.readOnly = earlier(term)
	in, err := appcore.CommitteeDocumentInput(ctx, c, store, term, now)
	if err != nil {
		return d, err
	}
	d.findings, d.orgNames = in.Findings, in.OrgNames
	orgs, err := store.Orgs.List(ctx)
	if err != nil {
		return d, err
	}
	for _, o := range orgs {
		if d.orgNames[o.ID] == "" {
			d.orgNames[o.ID] = o.Name
		}
	}
	db, err := committeedb.Open(ctx, c.Dir)
	if err != nil {
		return d, err
	}
	defer db.Close()
	d.notes, err = db.Notes(ctx)
	return d, err
}

// chosenKey is the key of the selected finding, "" for none.
func (s *crossFindingsScreen) chosenKey() string {
	if row := s.table.selectedRow(); row >= 0 && row < len(s.list.findings) {
		return s.list.findings[row].Key
	}
	return ""
}

// showChosen puts the selected finding's note in the editor, the
// finding's text whole above it on as many lines as it takes.
func (s *crossFindingsScreen) showChosen() {
	defer s.layoutEditor()
	row := s.table.selectedRow()
	if row < 0 || row >= len(s.list.findings) {
		s.chosen.SetText("选择一个问题，在下面记录其处理情况。")
		s.note.SetText("")
		s.note.Disable()
		s.save.Disable()
		s.history.SetText("")
		return
	}
	f := &s.list.findings[row]
	s.chosen.SetText("【" + findingKindText(f.Kind) + "】" + f.Detail)
	n := s.list.notes[f.Key]
	s.note.SetText(n.Text)
	if n.Author != "" {
		s.history.SetText(fmt.Sprintf("%s 记录于 %s", n.Author, n.At.Local().Format("2006-01-02 15:04")))
	} else {
		s.history.SetText("尚未记录处理情况。")
	}
	if s.readOnly {
		s.note.Disable()
		s.save.Disable()
		return
	}
	s.note.Enable()
	s.save.Enable()
}

// layoutEditor lays the editor out again: the wrapped text of the
// finding chosen may take more lines (or fewer) than the one before, and
// the note box goes under the last of them, not over it.
func (s *crossFindingsScreen) layoutEditor() {
	if s.editor != nil {
		s.editor.Refresh()
	}
}

// saveNote records the editor's text as the selected finding's 处理情况
// in the committee's database, off the UI goroutine.
func (s *crossFindingsScreen) saveNote() {
	row := s.table.selectedRow()
	if s.readOnly || s.u.committee == nil || row < 0 || row >= len(s.list.findings) {
		return
	}
	f := s.list.findings[row]
	text, dir := s.note.Text, s.u.committee.Dir
	s.save.Disable()
	async(s.u, func() (committeedb.Note, error) {
		ctx := context.Background()
		db, err := committeedb.Open(ctx, dir)
		if err != nil {
			return committeedb.Note{}, err
		}
		defer db.Close()
		return db.SetNote(ctx, f.Key, f.Kind, text)
	}, func(n committeedb.Note, err error) {
		s.save.Enable()
		if err != nil {
			s.u.showProblem("未能保存处理情况", err.Error())
			return
		}
		if s.list.notes == nil {
			s.list.notes = map[string]committeedb.Note{}
		}
		if n.Text == "" {
			delete(s.list.notes, n.Key)
		} else {
			s.list.notes[n.Key] = n
		}
		s.table.refresh()
		s.summary.SetText(crossFindingsSummary(s.list, s.readOnly))
		s.showChosen()
		s.u.notify("已保存处理情况")
	})
}
