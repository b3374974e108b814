package sheets

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"dangjian/data/field"
)

// sheetReader streams a worksheet's rows: the zip's directory is read and
// checked, the other parts are read through to find any damage, and the
// sheet's XML is inflated and decoded row by row, never held whole.
type sheetReader struct {
	part    *partReader
	rows    *sheetRows
	sheet   string // the sheet's name
	layout  Layout
	columns []string // template column per column index; "" for columns not read
	present map[string]bool
	mapper  *mapper        // how headers map onto the layout; nil: only the template's
	mapping *HeaderMapping // how they did
	num     int            // the sheet row number of the current row
	total   int            // rows the sheet says it has, for progress
}

// openSheet opens the workbook in r (size bytes) and checks the header
// row of the layout's sheet (the one named Layout.Title, else the first).
// Every part of the file is read, so a damaged one refuses the file here,
// except the sheet's own XML, whose damage shows as it is read.
//
// Headers are mapped onto the layout's columns by mp (see mapper.resolve).
func openSheet(ctx context.Context, r io.ReaderAt, size int64, layout Layout, mp *mapper) (*sheetReader, error) {
	a, err := openArchive(ctx, r, size)
	if err != nil {
		return nil, err
	}
	b, err := readBook(a)
	if err != nil {
		return nil, err
	}
	sheet, ok := b.choose(layout.Title)
	switch {
	case !ok:
		return nil, inputErrorf("Excel文件中没有工作表")
	case sheet.part == nil:
		return nil, inputErrorf("文件已损坏：缺少工作表“%s”的内容", label(sheet.name))
	case !sheet.worksheet:
		return nil, inputErrorf("“%s”不是数据工作表（可能是图表）", label(sheet.name))
	}
	if err := b.checkSizes(); err != nil {
		return nil, err
	}
	if err := b.checkRest(sheet.part); err != nil {
		return nil, err
	}
	sst, err := b.sharedStrings()
	if err != nil {
		return nil, err
	}
	p, err := a.open(sheet.part, MaxSheetSize)
	if err != nil {
		return nil, damaged("读取工作表“"+label(sheet.name)+"”", err)
	}
	sr := &sheetReader{part: p, rows: newSheetRows(p, sst), sheet: label(sheet.name), layout: layout,
		present: map[string]bool{}, mapper: mp}
	if err := sr.rows.start(); err != nil {
		p.Close()
		return nil, damaged(sr.where(), err)
	}
	sr.total = dimensionRows(sr.rows.dim)
	if err := sr.readHeader(); err != nil {
		p.Close()
		return nil, err
	}
	return sr, nil
}

// where says how far reading the sheet got, for a message.
func (sr *sheetReader) where() string {
	switch {
	case sr.rows.done:
		return "读到工作表“" + sr.sheet + "”末尾"
	case sr.rows.row == 0:
		return "读取工作表“" + sr.sheet + "”开头"
	}
	return fmt.Sprintf("读到工作表“%s”第%d行", sr.sheet, sr.rows.row)
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

func (sr *sheetReader) readHeader() error {
	num, cells, ok, err := sr.rows.next()
	if err != nil {
		return damaged(sr.where(), err)
	}
	if !ok {
		return inputErrorf("工作表“%s”是空的，第1行应为表头", sr.sheet)
	}
	if num != 1 {
		cells = nil // no header row: the required columns are missing
	}
	sr.num = num
	headers := make([]string, len(cells))
	for i, c := range cells {
		headers[i] = headerKey(c)
	}
	hm, err := sr.mapper.resolve(sr.layout, sr.sheet, headers)
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			ie.mapping = hm
		}
		return err
	}
	sr.mapping = hm
	sr.columns = make([]string, len(cells))
	keep := make([]bool, len(cells))
	next := 0
	for i, h := range headers {
		if h == "" {
			continue
		}
		cm := hm.Cols[next]
		next++
		if cm.Read() {
			sr.columns[i], sr.present[cm.Column], keep[i] = cm.Column, true, true
		}
	}
	sr.rows.keep = keep
	return nil
}

// next reads the next non-empty row; ok is false at the end, once the
// whole sheet has been read without error.
func (sr *sheetReader) next() (r *row, ok bool, err error) {
	for {
		num, cells, ok, err := sr.rows.next()
		if err != nil {
			return nil, false, damaged(sr.where(), err)
		}
		if !ok {
			return nil, false, nil
		}
		sr.num = num
		r := &row{num: num, cells: map[string]string{}, layout: &sr.layout, present: sr.present}
		empty := true
		for i, c := range cells {
			if i >= len(sr.columns) || sr.columns[i] == "" {
				continue
			}
			v := trimFloatNoise(field.Text(c))
			if v != "" {
				empty = false
				r.cells[sr.columns[i]] = v
			}
		}
		if !empty {
			return r, true, nil
		}
	}
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

// Close releases the sheet's inflater.
func (sr *sheetReader) Close() error { return sr.part.Close() }

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
