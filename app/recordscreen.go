package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// recordPtr ties a record struct to its pointer, as data's tables do.
type recordPtr[T any] interface {
	*T
	data.Record
}

// recordScreen is a screen for one kind of record: a table of the rows,
// 新增, and a form to edit or delete the row selected.
type recordScreen[T any, P recordPtr[T]] struct {
	u       *UI
	spec    recordSpec[T, P]
	rows    []T
	table   *widget.Table
	count   *widget.Label
	refs    map[string][]refOption
	labels  map[string]string // column → field label
	form    *recordForm       // the form last opened
	dlg     *dialog.CustomDialog
	current P
	isNew   bool
	loads   *loader
}

// recordSpec describes a record screen.
type recordSpec[T any, P recordPtr[T]] struct {
	title   string
	table   func(s *data.Store) data.Table[T, P]
	columns []string // the columns the table shows
	order   []string // the list's order, as for data.OrderBy
	choices map[string][]string
	months  map[string]bool // text columns holding a month (2026-04)
	refs    func(ctx context.Context, s *data.Store) (map[string][]refOption, error)
	fresh   func() P // a new record with its defaults
}

func newRecordScreen[T any, P recordPtr[T]](u *UI, spec recordSpec[T, P]) *recordScreen[T, P] {
	s := &recordScreen[T, P]{u: u, spec: spec, labels: map[string]string{}, loads: newLoader(u)}
	u.recordScreen = s
	for _, f := range P(new(T)).Fields() {
		s.labels[f.Col] = f.Label
	}
	s.count = widget.NewLabel("正在读取…")
	cols := make([]column, len(spec.columns))
	for i, col := range spec.columns {
		cols[i] = column{s.labels[col], 150}
		if strings.HasSuffix(col, "_id") || col == "content" || col == "deed" || col == "purpose" {
			cols[i].width = 240 // a member with their branch, or free text
		}
	}
	s.table = truncated(columnTable(cols, func() int { return len(s.rows) },
		func(row, col int) string { return s.cell(&s.rows[row], spec.columns[col]) }))
	s.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(s.rows) {
			rec := s.rows[id.Row]
			s.openForm(P(&rec), false)
		}
		s.table.UnselectAll()
	}
	s.load()
	return s
}

// view lays the screen out.
func (s *recordScreen[T, P]) view() fyne.CanvasObject {
	add := widget.NewButton("新增", func() { s.openForm(s.spec.fresh(), true) })
	add.Importance = widget.HighImportance
	title := widget.NewLabelWithStyle(s.spec.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(container.NewBorder(nil, nil, title, add, s.count), nil, nil, nil, s.table)
}

// cell shows one field of a row.
func (s *recordScreen[T, P]) cell(rec *T, col string) string {
	for _, f := range P(rec).Fields() {
		if f.Col != col {
			continue
		}
		switch v := f.Ptr.(type) {
		case *string:
			return *v
		case *data.Date:
			return v.String()
		case *data.Money:
			return v.String()
		case *bool:
			if *v {
				return "是"
			}
			return "否"
		case *int:
			return strconv.Itoa(*v)
		case *float64:
			return strconv.FormatFloat(*v, 'f', -1, 64)
		case *data.Ref:
			for _, o := range s.refs[col] {
				if o.ID == string(*v) {
					return o.Label
				}
			}
			return ""
		}
	}
	return ""
}

type recordData[T any] struct {
	rows []T
	refs map[string][]refOption
}

func (s *recordScreen[T, P]) load() {
	store, spec := s.u.store, s.spec
	load(s.loads, func(ctx context.Context) (recordData[T], error) {
		var d recordData[T]
		var err error
		if spec.refs != nil {
			if d.refs, err = spec.refs(ctx, store); err != nil {
				return d, err
			}
		}
		d.rows, err = spec.table(store).List(ctx, data.OrderBy(spec.order...))
		return d, err
	}, func(d recordData[T], err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.rows, s.refs = d.rows, d.refs
		s.count.SetText(fmt.Sprintf("共%d条", len(d.rows)))
		s.table.Refresh()
	})
}

// openForm edits rec (a copy of a row, or a new record).
func (s *recordScreen[T, P]) openForm(rec P, isNew bool) {
	s.current, s.isNew = rec, isNew
	s.form = newRecordForm(rec, formSpec{choices: s.spec.choices, months: s.spec.months, refs: s.refs})
	s.form.OnSubmit = s.save
	save := widget.NewButton("保存", s.save)
	save.Importance = widget.HighImportance
	buttons := container.NewHBox(save, widget.NewButton("取消", func() { s.dlg.Hide() }))
	if !isNew {
		del := widget.NewButton("删除", s.confirmDelete)
		del.Importance = widget.DangerImportance
		buttons.Add(del)
	}
	title := "新增" + s.spec.title
	if !isNew {
		title = "编辑" + s.spec.title
	}
	s.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, buttons, nil, nil,
		s.form.scrollView()), s.u.win)
	s.dlg.Resize(fyne.NewSize(620, 560))
	s.dlg.Show()
}

func (s *recordScreen[T, P]) save() {
	if !s.form.read() {
		return
	}
	rec, isNew, table := *s.current, s.isNew, s.spec.table(s.u.store)
	async(s.u, func() (T, error) {
		var err error
		if isNew {
			err = table.Create(context.Background(), P(&rec))
		} else {
			err = table.Update(context.Background(), P(&rec))
		}
		return rec, err
	}, func(_ T, err error) {
		if err != nil {
			s.form.showSaveError(err)
			return
		}
		s.dlg.Hide()
		s.load()
	})
}

func (s *recordScreen[T, P]) confirmDelete() {
	dialog.ShowConfirm("删除", "确定删除这条记录吗?删除后仍保留在操作记录中。", func(ok bool) {
		if !ok {
			return
		}
		rec, table := *s.current, s.spec.table(s.u.store)
		async(s.u, func() (struct{}, error) {
			return struct{}{}, table.Delete(context.Background(), P(&rec))
		}, func(_ struct{}, err error) {
			if err != nil {
				s.form.showSaveError(err)
				return
			}
			s.dlg.Hide()
			s.load()
		})
	}, s.u.win)
}
