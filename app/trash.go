package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/hanzi"
)

// allKinds is the kind filter's choice that shows every deleted record.
const allKinds = "全部类别"

// trashColumns are the 回收站 table's columns.
var trashColumns = []column{{"类别", 110}, {"记录", 360}, {"删除时间", 150}, {"一并删除", 140}}

// trashScreen is the 回收站: the records deleted, newest first, to look
// through and restore.
type trashScreen struct {
	u     *UI
	loads *loader
	items []data.TrashItem
	shown []data.TrashItem
	query *escEntry
	kind  *widget.Select
	count *widget.Label
	table *dataTable
}

// newTrashScreen is the 回收站 screen: records deleted, to restore. It
// reads the store each time it is shown.
func newTrashScreen(u *UI) fyne.CanvasObject {
	s := &trashScreen{u: u, loads: newLoader(u)}
	u.keep("trash", s)
	s.query = newEntry()
	s.query.SetPlaceHolder("搜索类别或记录")
	s.query.OnChanged = func(string) { s.applyFilter() }
	s.kind = widget.NewSelect([]string{allKinds}, func(string) { s.applyFilter() })
	s.kind.SetSelected(allKinds)
	s.count = widget.NewLabel("正在读取…")
	s.table = newDataTable(u, "回收站", trashColumns, func() int { return len(s.shown) },
		func(row, col int) string {
			if row < 0 || row >= len(s.shown) {
				return ""
			}
			return trashCell(s.shown[row], col)
		},
		rowActions{open: s.openItem})
	restore := widget.NewButton("恢复", func() {
		if r := s.table.selectedRow(); r >= 0 {
			s.restore(s.shown[r])
		} else {
			s.u.notify("请先在表中选择要恢复的记录")
		}
	})
	restore.Importance = widget.HighImportance
	if u.inCommittee() {
		restore.Hide() // the organizations keep their records
	}
	title := widget.NewLabelWithStyle("回收站", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil, title, container.NewHBox(s.kind, s.count, restore), s.query)
	s.load()
	return u.scoped(container.NewBorder(top, nil, nil, nil, s.table.object()), s.load)
}

// trashCell is what the table shows of a deleted record.
func trashCell(it data.TrashItem, col int) string {
	switch col {
	case 0:
		return it.Kind
	case 1:
		return it.Label
	case 2:
		if it.DeletedAt.IsZero() {
			return ""
		}
		return it.DeletedAt.In(time.Local).Format("2006-01-02 15:04")
	case 3:
		if it.Parts > 0 {
			return fmt.Sprintf("%d条相关记录", it.Parts)
		}
	}
	return ""
}

func (s *trashScreen) load() {
	store, orgID := s.u.store, s.u.orgScopeID()
	load(s.loads, func(ctx context.Context) ([]data.TrashItem, error) {
		return store.TrashIn(ctx, orgID)
	}, func(items []data.TrashItem, err error) {
		if err != nil {
			s.count.SetText("读取失败")
			s.u.showError(err)
			return
		}
		s.items = items
		kinds := []string{}
		seen := map[string]bool{}
		for _, it := range items {
			if !seen[it.Kind] {
				seen[it.Kind] = true
				kinds = append(kinds, it.Kind)
			}
		}
		slices.SortFunc(kinds, hanzi.ComparePinyin)
		s.kind.Options = append([]string{allKinds}, kinds...)
		if !seen[s.kind.Selected] {
			s.kind.Selected = allKinds
		}
		s.kind.Refresh()
		s.applyFilter()
	})
}

// applyFilter shows the deleted records of the kind chosen whose kind or
// label contains the search text.
func (s *trashScreen) applyFilter() {
	if s.table == nil {
		return
	}
	text := strings.ToLower(strings.TrimSpace(s.query.Text))
	s.shown = s.shown[:0]
	for _, it := range s.items {
		if s.kind.Selected != allKinds && it.Kind != s.kind.Selected {
			continue
		}
		if text != "" && !strings.Contains(strings.ToLower(it.Kind+"\x00"+it.Label), text) {
			continue
		}
		s.shown = append(s.shown, it)
	}
	s.count.SetText(countText(len(s.shown), len(s.items), "条"))
	s.table.refresh()
}

// openItem shows a deleted record with 恢复.
func (s *trashScreen) openItem(row int) {
	if row < 0 || row >= len(s.shown) {
		return
	}
	it := s.shown[row]
	lines := "类别：" + it.Kind + "\n记录：" + it.Label + "\n删除时间：" + trashCell(it, 2)
	if it.Parts > 0 {
		lines += "\n一并删除：" + trashCell(it, 3) + "，恢复时一并恢复"
	}
	text := widget.NewLabel(lines)
	text.Wrapping = fyne.TextWrapWord
	if s.u.inCommittee() {
		d := dialog.NewCustom("已删除的"+it.Kind, "关闭", text, s.u.win)
		d.Resize(fyne.NewSize(480, 240))
		d.Show()
		return
	}
	d := dialog.NewCustomConfirm("已删除的"+it.Kind, "恢复", "关闭", text, func(ok bool) {
		if ok {
			s.restore(it)
		}
	}, s.u.win)
	d.Resize(fyne.NewSize(480, 240))
	d.Show()
}

// restore brings a deleted record back, with what was deleted with it,
// and says so; a refusal is shown in the store's words.
func (s *trashScreen) restore(it data.TrashItem) {
	store := s.u.store
	s.u.restoreRecord(it.Kind+"“"+it.Label+"”", func(ctx context.Context) error {
		return store.RestoreDeleted(ctx, it.Table, it.ID)
	}, s.load)
}
