package sheets

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/localfs"
)

// progressEvery is how many rows an export writes between progress calls
// (and checks of the context).
const progressEvery = 250

// Export writes the records of kind k to w as a workbook with one sheet,
// named after the layout's Title, whose columns are the layout's, computed
// ones included, so that importing it back reproduces the records. Rows
// are streamed: neither the records nor the sheet are held whole. Dates are
// date cells (yyyy-mm-dd), money numbers with two decimals, 学时 numbers,
// months and codes such as 公民身份号码 text, yes/no 是/否.
//
// year, when not 0, keeps the records of that year: trainings and meetings
// by date, dues by month, transfers by 开具日期; members ignore it (the
// export lists everyone on the rolls, 正常 or 停止党籍).
//
// Dues, training and meetings workbooks have a second sheet of the year's
// figures from the one calculator (rules.Figures, as of the store's clock,
// or the year's end for a past year): 收缴汇总, 学时汇总 and 缺项 (see
// summary.go). They cover year, or the current year when year is 0, and
// the import ignores them: it reads the sheet named after the layout.
//
// progress, when not nil, is called now and then with the rows written and
// the rows expected, the summary sheet's included. Nothing is written to w
// unless the whole export succeeds; rows is the number of records' rows
// written (the first sheet's data rows). The rows excelize spills to disk
// while streaming a large sheet go into a private scratch folder beside
// the database, never the system's temporary folder, and are removed on
// return (or at the next start if the program dies).
func Export(ctx context.Context, s *data.Store, k Kind, w io.Writer, year int,
	progress func(done, total int)) (rows int, err error) {
	return ExportWith(ctx, s, k, w, ExportOptions{Year: year, Progress: progress})
}

// ExportOptions are what ExportWith exports.
type ExportOptions struct {
	// Year keeps the records of that year, as Export's year (0: all).
	Year int
	// OrgID, when not "", keeps the rows of that organization of a
	// consolidated database only (its branches, members and their
	// records), and the summary sheet gives that organization's figures,
	// with its own settings.
	OrgID string
	// Progress is Export's progress (may be nil).
	Progress func(done, total int)
}

// ExportWith is Export with options, among them an organization.
func ExportWith(ctx context.Context, s *data.Store, k Kind, w io.Writer, o ExportOptions) (rows int, err error) {
	if _, err := ParseKind(string(k)); err != nil {
		return 0, err
	}
	sum, err := summaryOf(ctx, s, k, o.Year, o.OrgID)
	if err != nil {
		return 0, err
	}
	return exportLayout(ctx, s, w, LayoutOf(k), o, exporters[k], sum)
}

// exportLayout writes a workbook of one sheet in layout l, its rows from
// fill, then the summary sheets of sum when there is one; the workbook's
// scratch files stay beside the database (never in the system's
// temporary folder) and nothing reaches w unless all of it is made.
func exportLayout(ctx context.Context, s *data.Store, w io.Writer, l Layout, o ExportOptions, fill exporter,
	sum *summary) (rows int, err error) {
	scratch, err := exportScratch(s.Path(), w)
	if err != nil {
		return 0, err
	}
	defer scratch.Close()
	f := excelize.NewFile(excelize.Options{TmpDir: scratch.Dir()})
	defer f.Close()
	st, err := newSheetStyles(f)
	if err != nil {
		return 0, err
	}
	if err := f.SetSheetName(f.GetSheetName(0), l.Title); err != nil {
		return 0, err
	}
	sw, err := f.NewStreamWriter(l.Title)
	if err != nil {
		return 0, err
	}
	prog := &exportProgress{fn: o.Progress}
	if sum != nil {
		prog.total = sum.rows
	}
	out := &exportSheet{ctx: ctx, sw: sw, st: st, layout: l, prog: prog, org: o.OrgID}
	if err := out.begin(); err != nil {
		return 0, fmt.Errorf("生成%s表头失败：%w", l.Title, err)
	}
	if err := fill(ctx, s, out, o.Year); err != nil {
		return 0, err
	}
	if err := sw.Flush(); err != nil {
		return 0, fmt.Errorf("生成%s失败：%w", l.Title, err)
	}
	if sum != nil {
		if err := sum.write(ctx, f, st, prog); err != nil {
			return 0, err
		}
	}
	prog.report()
	if err := f.Write(w); err != nil {
		return 0, fmt.Errorf("写入Excel文件失败：%w", err)
	}
	return out.rows, nil
}

// exporter writes the rows of one kind: it calls out.start once with the
// number of rows it expects, then out.add for each row in order.
type exporter func(ctx context.Context, s *data.Store, out *exportSheet, year int) error

var exporters = map[Kind]exporter{
	Members:   exportMembers,
	Training:  exportTraining,
	Meetings:  exportMeetings,
	Dues:      exportDues,
	Transfers: exportTransfers,
}

// exportProgress counts the rows of every sheet of an export and reports
// them to the caller's progress function.
type exportProgress struct {
	fn    func(done, total int) // may be nil
	total int                   // rows expected
	done  int                   // rows written
}

// expect adds rows to those expected and reports.
func (p *exportProgress) expect(rows int) {
	p.total += rows
	p.report()
}

// report calls the progress function, if any.
func (p *exportProgress) report() {
	if p.fn != nil {
		p.fn(p.done, max(p.total, p.done))
	}
}

// exportSheet writes rows to a streamed worksheet in the layout's column
// order and reports progress.
type exportSheet struct {
	ctx    context.Context
	sw     *excelize.StreamWriter
	st     *sheetStyles
	layout Layout
	prog   *exportProgress
	rows   int    // data rows written to this sheet
	org    string // the organization whose rows are written; "" for all
}

// inOrg adds to conds the condition that keeps the organization's rows,
// when the export is of one.
func (e *exportSheet) inOrg(conds ...data.Cond) []data.Cond {
	if e.org == "" {
		return conds
	}
	return append(conds, data.Where(data.ColOrgID, e.org))
}

// begin sets the column widths and the frozen header, and writes row 1.
// The stream writer needs these before any row.
func (e *exportSheet) begin() error {
	head := make([]any, len(e.layout.Columns))
	for i, c := range e.layout.Columns {
		if err := e.sw.SetColWidth(i+1, i+1, widthOf(c)); err != nil {
			return err
		}
		head[i] = excelize.Cell{StyleID: e.st.headerFor(c), Value: c.Header}
	}
	if err := e.sw.SetPanes(frozenHeader()); err != nil {
		return err
	}
	return e.sw.SetRow("A1", head, excelize.RowOpts{Height: headerRowHeight})
}

// start adds the rows the sheet expects to those of the export and
// reports progress.
func (e *exportSheet) start(total int) { e.prog.expect(total) }

// add writes one row. values maps each header of the layout to its value:
// a string, data.Date, data.Money, float64, int or bool.
func (e *exportSheet) add(values map[string]any) error {
	if len(values) != len(e.layout.Columns) {
		return e.mismatch(values)
	}
	cells := make([]any, len(e.layout.Columns))
	for i, c := range e.layout.Columns {
		v, ok := values[c.Header]
		if !ok {
			return e.mismatch(values)
		}
		cells[i] = e.cell(v)
	}
	cell, err := excelize.CoordinatesToCellName(1, e.rows+2)
	if err != nil {
		return err
	}
	if err := e.sw.SetRow(cell, cells); err != nil {
		return fmt.Errorf("写入%s第%d行失败：%w", e.layout.Title, e.rows+2, err)
	}
	e.rows++
	e.prog.done++
	if e.prog.done%progressEvery == 0 {
		if err := e.ctx.Err(); err != nil {
			return err
		}
		e.prog.report()
	}
	return nil
}

// mismatch reports an exporter that does not fill exactly the layout's
// columns: a programming error, caught by the tests.
func (e *exportSheet) mismatch(values map[string]any) error {
	var got []string
	for h := range values {
		got = append(got, h)
	}
	slices.Sort(got)
	return fmt.Errorf("内部错误：导出%s的列与版式不符：%v", e.layout.Title, got)
}

// cell turns a value into a styled cell; empty values leave the cell empty.
func (e *exportSheet) cell(v any) any {
	switch v := v.(type) {
	case string:
		if v == "" {
			return nil
		}
		return excelize.Cell{StyleID: e.st.text, Value: v}
	case data.Date:
		if v.IsZero() {
			return nil
		}
		return excelize.Cell{StyleID: e.st.date, Value: v.Time}
	case data.Money:
		return excelize.Cell{StyleID: e.st.money, Value: float64(v) / 100}
	case bool:
		return excelize.Cell{StyleID: e.st.text, Value: yesNoText(v)}
	}
	return v
}

func yesNoText(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// yearCond keeps the rows whose date column falls in year; none for 0.
func yearCond(col data.Column, year int, conds ...data.Cond) []data.Cond {
	if year == 0 {
		return conds
	}
	return append(conds, data.InYear(col, year))
}

// exportScratch is the private folder for the rows excelize spills: beside
// the database, or, when that folder cannot be written (a database read
// from a read-only folder), beside the file being written, which holds the
// same data.
func exportScratch(db string, w io.Writer) (*localfs.Scratch, error) {
	scratch, err := localfs.NewScratch(filepath.Dir(db))
	if err == nil {
		return scratch, nil
	}
	if f, ok := w.(interface{ Name() string }); ok {
		if alt, aerr := localfs.NewScratch(filepath.Dir(f.Name())); aerr == nil {
			return alt, nil
		}
	}
	return nil, err
}
