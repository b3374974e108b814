package sheets

import (
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"dangjian/data/field"
)

// sheetReader streams a worksheet's rows: the zip's directory is read, but
// the sheet's XML is decoded row by row, never held whole.
type sheetReader struct {
	f       *excelize.File
	rows    *excelize.Rows
	layout  Layout
	columns []string // header per column index; "" for columns not used
	present map[string]bool
	num     int // the sheet row number of the current row
	total   int // rows the sheet says it has, for progress
}

// openSheet opens a workbook and checks the header row of the layout's
// sheet (the one named Layout.Title, else the first).
func openSheet(r io.Reader, layout Layout) (*sheetReader, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, inputErrorf("文件不是有效的Excel(.xlsx)文件: %s", shortErr(err))
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, inputErrorf("Excel文件中没有工作表")
	}
	sheet := sheets[0]
	for _, name := range sheets {
		if name == layout.Title {
			sheet = name
		}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, inputErrorf("无法读取工作表“%s”: %s", sheet, shortErr(err))
	}
	sr := &sheetReader{f: f, rows: rows, layout: layout, present: map[string]bool{}}
	if dim, err := f.GetSheetDimension(sheet); err == nil {
		sr.total = dimensionRows(dim)
	}
	if err := sr.readHeader(sheet); err != nil {
		sr.Close()
		return nil, err
	}
	return sr, nil
}

func shortErr(err error) string {
	s := err.Error()
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return s
}

// dimensionRows reads the last row of a dimension like "A1:S20001".
func dimensionRows(dim string) int {
	_, last, ok := strings.Cut(dim, ":")
	if !ok {
		return 0
	}
	n, _ := strconv.Atoi(strings.TrimLeft(last, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
	return n
}

func (sr *sheetReader) readHeader(sheet string) error {
	if !sr.rows.Next() {
		return inputErrorf("工作表“%s”是空的,第1行应为表头", sheet)
	}
	sr.num = 1
	cells, err := sr.rows.Columns()
	if err != nil {
		return inputErrorf("无法读取表头: %s", shortErr(err))
	}
	sr.columns = make([]string, len(cells))
	for i, c := range cells {
		h := strings.ReplaceAll(field.Normalize(c), " ", "")
		col := sr.layout.Header(h)
		if col == nil || col.Computed {
			continue
		}
		if sr.present[h] {
			return inputErrorf("表头“%s”出现了两次", h)
		}
		sr.columns[i], sr.present[h] = h, true
	}
	var missing []string
	for _, c := range sr.layout.Columns {
		if c.Required && !sr.present[c.Header] {
			missing = append(missing, c.Header)
		}
	}
	if len(missing) > 0 {
		return inputErrorf("工作表“%s”缺少必需的列:%s(表头须在第1行,与模板一致)", sheet, strings.Join(missing, "、"))
	}
	return nil
}

// next reads the next non-empty row; ok is false at the end.
func (sr *sheetReader) next() (r *row, ok bool, err error) {
	for sr.rows.Next() {
		sr.num++
		cells, err := sr.rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, false, inputErrorf("第%d行无法读取: %s", sr.num, shortErr(err))
		}
		r := &row{num: sr.num, cells: map[string]string{}, layout: &sr.layout, present: sr.present}
		empty := true
		for i, c := range cells {
			if i >= len(sr.columns) || sr.columns[i] == "" {
				continue
			}
			v := trimFloatNoise(field.Normalize(c))
			if v != "" {
				empty = false
				r.cells[sr.columns[i]] = v
			}
		}
		if !empty {
			return r, true, nil
		}
	}
	if err := sr.rows.Error(); err != nil {
		return nil, false, inputErrorf("读取第%d行之后出错: %s", sr.num, shortErr(err))
	}
	return nil, false, nil
}

// rowOrErr is what stream delivers: a row, or the error that ended reading.
type rowOrErr struct {
	row *row
	err error
}

// stream reads rows on a goroutine of its own, so that decoding the sheet's
// XML overlaps with validating and writing the rows before it. stop ends
// the reading and waits for it; it must be called before Close.
func (sr *sheetReader) stream() (<-chan rowOrErr, func()) {
	out := make(chan rowOrErr, 512)
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		defer close(out)
		for {
			r, ok, err := sr.next()
			if !ok && err == nil {
				return
			}
			select {
			case out <- rowOrErr{r, err}:
			case <-done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	var once sync.Once
	return out, func() {
		once.Do(func() {
			close(done)
			<-finished
		})
	}
}

func (sr *sheetReader) Close() error {
	sr.rows.Close()
	return sr.f.Close()
}

// progressTotal is the number of data rows the sheet claims, at least done.
func (sr *sheetReader) progressTotal(done int) int {
	return max(sr.total-1, done)
}

// trimFloatNoise rounds a raw numeric cell to the 15 significant digits
// Excel shows: a typed 90.45 may be stored as 90.45000000000000284.
func trimFloatNoise(v string) string {
	if !strings.Contains(v, ".") || len(v) < 17 {
		return v
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v
	}
	return strconv.FormatFloat(roundSignificant(f, 15), 'f', -1, 64)
}

// roundSignificant rounds f to n significant digits.
func roundSignificant(f float64, n int) float64 {
	g, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', n, 64), 64)
	return g
}
