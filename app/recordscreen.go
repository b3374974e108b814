package app

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/hanzi"
)

// recordPtr ties a record struct to its pointer, as data's tables do.
type recordPtr[T any] interface {
	*T
	data.Record
}

// recordScreen is a screen for one kind of record: a table of the rows
// with a search box, 新增, and a form to open, correct or delete a row.
type recordScreen[T any, P recordPtr[T]] struct {
	u      *UI
	spec   recordSpec[T, P]
	rows   []T        // every row, in the list's order
	cells  [][]string // each row's cells as shown
	search []string   // each row's searched text, lower case
	order  []int      // rows in the order chosen by the column headers
	shown  []int      // the rows of order matching the search
	refs   refData
	labels map[string]string // column → field label

	query   *escEntry
	count   *widget.Label
	table   *dataTable
	sortCol int // column sorted by, -1 for the list's order
	desc    bool

	form    *recordForm // the form last opened
	dlg     *dialog.CustomDialog
	current P
	loaded  T         // the record as the form opened it, which 删除 names and deletes
	saving  *saveOnce // the form's save in flight
	isNew   bool
	loads   *loader
	// afterLoad, when set, runs each time the rows read are shown.
	afterLoad func()
}

// recordSpec describes a record screen.
type recordSpec[T any, P recordPtr[T]] struct {
	title   string
	noun    string // what one row is called in messages; title+"记录" when empty
	table   func(s *data.Store) data.Table[T, P]
	columns []string // the columns the table shows
	naming  []string // the columns that name a row in messages, e.g. date and member
	order   []string // the list's order, as for data.OrderBy
	// byName, when set, is a reference column the list is ordered by
	// first, by the 拼音 of what it shows (a member's 姓名, a branch's name),
	// the ids the store orders by meaning nothing to a person.
	byName  string
	choices map[string][]string
	months  map[string]bool // text columns holding a month (2026-04)
	refs    func(ctx context.Context, s *data.Store) (refData, error)
	fresh   func() P // a new record with its defaults
	// list, when set, reads the rows in the order the store gives them to
	// every screen (branches and 党小组 in natural order), instead of
	// table and order.
	list func(ctx context.Context, s *data.Store) ([]T, error)
	// extra, when set, names columns that no field holds (a count of
	// visits), shown after the first extraAt columns (after all of them
	// when extraAt is 0); extraCells reads them, one slice per row of
	// rows, off the UI goroutine.
	extra      []string
	extraAt    int
	extraCells func(ctx context.Context, s *data.Store, rows []T) ([][]string, error)
	// hints are the placeholders of some text fields of the form: what a
	// blank field means, or an example.
	hints map[string]string
	// buttons, when set, adds buttons beside 新增 (记录走访).
	buttons func(s *recordScreen[T, P]) []fyne.CanvasObject
}

// extraPlace is the column the extra columns begin at.
func (spec recordSpec[T, P]) extraPlace() int {
	if spec.extraAt <= 0 || spec.extraAt > len(spec.columns) {
		return len(spec.columns)
	}
	return spec.extraAt
}

// refData is what a screen's reference columns show: the choices of each
// column, and the short name of each row referred to (a member's 姓名),
// which messages name and the search also finds by its 拼音首字母.
type refData struct {
	opts  map[string][]refOption
	names map[string]string // id → name
}

// newRecordScreen builds the screen of spec and starts reading its rows.
func newRecordScreen[T any, P recordPtr[T]](u *UI, spec recordSpec[T, P]) *recordScreen[T, P] {
	s := &recordScreen[T, P]{u: u, spec: spec, labels: map[string]string{}, loads: newLoader(u), sortCol: -1}
	u.recordScreen = s
	for _, f := range P(new(T)).Fields() {
		s.labels[f.Col] = f.Label
	}
	s.count = widget.NewLabel("正在读取…")
	s.query = newEntry()
	s.query.SetPlaceHolder("搜索表中的文字")
	if slices.Contains(spec.columns, string(data.ColMemberID)) {
		s.query.SetPlaceHolder("搜索党员姓名、拼音首字母或表中的文字")
	}
	s.query.OnChanged = func(string) { s.applyFilter() }
	cols := make([]column, len(spec.columns))
	for i, col := range spec.columns {
		cols[i] = column{s.labels[col], 150}
		if strings.HasSuffix(col, "_id") || col == "content" || col == "deed" || col == "purpose" {
			cols[i].width = 240 // a member with their branch, or free text
		}
	}
	var extra []column
	for _, label := range spec.extra {
		extra = append(extra, column{label, 110})
	}
	cols = slices.Insert(cols, spec.extraPlace(), extra...)
	name := "记录·" + spec.title
	if u.inCommittee() { // and the organization of each row
		cols, name = append(cols, memberOrgColumn), name+"·党委汇总"
	}
	s.table = newDataTable(u, name, cols, func() int { return len(s.shown) },
		func(row, col int) string {
			if row < 0 || row >= len(s.shown) {
				return ""
			}
			return s.cells[s.shown[row]][col]
		},
		rowActions{open: s.openRow, remove: u.editable(s.removeRow)})
	s.table.sortable(s.sortBy)
	s.load()
	return s
}

// view lays the screen out.
func (s *recordScreen[T, P]) view() fyne.CanvasObject {
	return s.u.scoped(s.body(), s.load)
}

// body is the screen without committee mode's organization filter, for a
// screen that shows several record screens under one filter.
func (s *recordScreen[T, P]) body() fyne.CanvasObject {
	add := widget.NewButton("新增", func() { s.openForm(s.spec.fresh(), true) })
	add.Importance = widget.HighImportance
	title := widget.NewLabelWithStyle(s.spec.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if s.u.inCommittee() {
		add.Hide() // the organizations keep their records
	}
	right := container.NewHBox(s.count)
	if s.spec.buttons != nil && !s.u.inCommittee() {
		right.Objects = append(right.Objects, s.spec.buttons(s)...)
	}
	right.Add(add)
	top := container.NewBorder(nil, nil, title, right, s.query)
	return container.NewBorder(top, nil, nil, nil, s.table.object())
}

// searchFor puts text in the search box, which shows the rows holding it.
func (s *recordScreen[T, P]) searchFor(text string) { s.query.SetText(text) }

// noun is what one row is called in messages: 谈心谈话记录, 党支部.
func (s *recordScreen[T, P]) noun() string {
	if s.spec.noun != "" {
		return s.spec.noun
	}
	return s.spec.title + "记录"
}

// cell shows one field of a row, on one line: a paragraph's line breaks
// (承诺事项 of several lines) would draw over the rows below.
func (s *recordScreen[T, P]) cell(rec *T, col string) string {
	return clipText(cellText(P(rec), col, s.refs))
}

// cellText shows one field of a record, references by their choice's label.
func cellText(rec data.Record, col string, refs refData) string {
	for _, f := range rec.Fields() {
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
			for _, o := range refs.opts[col] {
				if o.ID == string(*v) {
					return o.Label
				}
			}
			return ""
		}
	}
	return ""
}

// refOf is the id a reference field of rec holds, "" for other fields.
func refOf(rec data.Record, col string) string {
	for _, f := range rec.Fields() {
		if r, ok := f.Ptr.(*data.Ref); ok && f.Col == col {
			return string(*r)
		}
	}
	return ""
}

// label names a row in messages: its naming columns, a member by 姓名
// alone, e.g. 2026-03-01 张三.
func (s *recordScreen[T, P]) label(rec *T) string {
	var parts []string
	for _, col := range s.spec.naming {
		text := s.cell(rec, col)
		if id := refOf(P(rec), col); id != "" && s.refs.names[id] != "" {
			text = s.refs.names[id]
		}
		if text != "" {
			parts = append(parts, text)
		}
	}
	return strings.Join(parts, " ")
}

// inOrg keeps the rows of one organization ("" keeps every row), in
// their order.
func inOrg[T any, P recordPtr[T]](rows []T, orgID string) []T {
	if orgID == "" {
		return rows
	}
	return slices.DeleteFunc(rows, func(r T) bool {
		return reflect.ValueOf(P(&r)).Elem().FieldByName("OrgID").String() != orgID
	})
}

// recordID is the id of a record.
func recordID(rec data.Record) string {
	return reflect.ValueOf(rec).Elem().FieldByName("ID").String()
}

// recordData is what a record screen reads: the rows, what they refer to,
// and what the table shows and searches.
type recordData[T any] struct {
	rows   []T
	refs   refData
	cells  [][]string
	search []string
}

func (s *recordScreen[T, P]) load() {
	store, spec, orgID, committee := s.u.store, s.spec, s.u.orgScopeID(), s.u.inCommittee()
	load(s.loads, func(ctx context.Context) (recordData[T], error) {
		var d recordData[T]
		var err error
		var orgs map[string]string
		if committee {
			if orgs, err = orgNames(ctx, store); err != nil {
				return d, err
			}
		}
		if spec.refs != nil {
			if d.refs, err = spec.refs(ctx, store); err != nil {
				return d, err
			}
		}
		if spec.list != nil {
			d.rows, err = spec.list(ctx, store)
			d.rows = inOrg[T, P](d.rows, orgID)
		} else {
			d.rows, err = spec.table(store).List(ctx, data.InOrg(orgID), data.OrderBy(spec.order...))
		}
		if err != nil {
			return d, err
		}
		if spec.byName != "" {
			sortByName[T, P](d.rows, spec.byName, d.refs)
		}
		d.cells, d.search = rowTexts[T, P](d.rows, spec.columns, d.refs)
		if spec.extraCells != nil {
			extra, err := spec.extraCells(ctx, store, d.rows)
			if err != nil {
				return d, err
			}
			at := spec.extraPlace()
			for i := range d.cells {
				cells := make([]string, len(spec.extra))
				if i < len(extra) {
					copy(cells, extra[i])
				}
				d.cells[i] = slices.Insert(d.cells[i], at, cells...)
			}
		}
		if committee {
			addOrgCells[T, P](d.rows, d.cells, d.search, orgs)
		}
		return d, nil
	}, func(d recordData[T], err error) {
		if err != nil {
			s.count.SetText("读取失败")
			s.u.showError(err)
			return
		}
		s.rows, s.refs, s.cells, s.search = d.rows, d.refs, d.cells, d.search
		s.sortBy(s.sortCol, s.desc)
		if s.afterLoad != nil {
			s.afterLoad()
		}
	})
}

// rowTexts computes the cells of each row, and the text the search box
// finds it by: every cell, and the 拼音首字母 of the names referred to.
func rowTexts[T any, P recordPtr[T]](rows []T, columns []string, refs refData) ([][]string, []string) {
	cells := make([][]string, len(rows))
	search := make([]string, len(rows))
	for i := range rows {
		rec := P(&rows[i])
		row := make([]string, len(columns))
		var b strings.Builder
		for j, col := range columns {
			row[j] = cellText(rec, col, refs)
			b.WriteString(row[j])
			b.WriteByte(0)
			if id := refOf(rec, col); id != "" {
				b.WriteString(searchKey(refs.names[id]))
				b.WriteByte(0)
			}
		}
		cells[i], search[i] = row, strings.ToLower(b.String())
	}
	return cells, search
}

// addOrgCells adds to each row's cells, and to its searched text, the
// name of the organization it belongs to (committee mode's 所属组织).
func addOrgCells[T any, P recordPtr[T]](rows []T, cells [][]string, search []string, orgs map[string]string) {
	for i := range rows {
		org := orgs[reflect.ValueOf(P(&rows[i])).Elem().FieldByName("OrgID").String()]
		cells[i] = append(cells[i], org)
		search[i] += strings.ToLower(org) + "\x00"
	}
}

// sortByName orders rows by the 拼音 of the name a reference column shows,
// keeping the store's order among rows of one name.
func sortByName[T any, P recordPtr[T]](rows []T, col string, refs refData) {
	keys := make(map[string]string, len(refs.names))
	for id, name := range refs.names {
		keys[id] = hanzi.PinyinKey(name)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		return keys[refOf(P(&rows[i]), col)] < keys[refOf(P(&rows[j]), col)]
	})
}

// sortBy orders the rows by a column (the list's order for col -1) and
// shows those matching the search.
func (s *recordScreen[T, P]) sortBy(col int, desc bool) {
	s.sortCol, s.desc = col, desc
	if col >= len(s.table.cols) {
		s.sortCol = -1
	}
	s.order = sortedRows(s.cells, s.sortCol, desc)
	s.applyFilter()
}

// applyFilter shows the rows holding every word of the search box.
func (s *recordScreen[T, P]) applyFilter() {
	terms := searchTerms(s.query.Text)
	s.shown = s.shown[:0]
	for _, i := range s.order {
		if holdsAll(s.search[i], terms) {
			s.shown = append(s.shown, i)
		}
	}
	s.count.SetText(countText(len(s.shown), len(s.rows), "条"))
	s.table.refresh()
}

// countText is 「共N条」, or 「显示M条,共N条」 when a search hides some.
func countText(shown, all int, unit string) string {
	if shown == all {
		return fmt.Sprintf("共%d%s", all, unit)
	}
	return fmt.Sprintf("显示%d%s，共%d%s", shown, unit, all, unit)
}

// rowAt is a copy of the row shown at table row r, nil when none.
func (s *recordScreen[T, P]) rowAt(r int) P {
	if r < 0 || r >= len(s.shown) {
		return nil
	}
	rec := s.rows[s.shown[r]]
	return P(&rec)
}

// openRow opens the form of the row shown at r.
func (s *recordScreen[T, P]) openRow(r int) {
	rec := s.rowAt(r)
	switch {
	case rec == nil:
	case s.u.inCommittee(): // the organizations keep their records
		s.u.viewRecord(s.noun(), rec, refNames(s.refs))
	default:
		s.openForm(rec, false)
	}
}

// removeRow deletes the row shown at r, after asking.
func (s *recordScreen[T, P]) removeRow(r int) {
	if rec := s.rowAt(r); rec != nil {
		s.remove(rec, nil)
	}
}
