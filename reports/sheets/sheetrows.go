package sheets

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxCellBytes bounds a cell's text: Excel holds at most 32,767 characters
// in a cell, at most 4 bytes each.
const maxCellBytes = 32767 * 4

// maxHeaderBytes is how much of a header cell is kept: no header is
// longer, so the rest could never match one.
const maxHeaderBytes = 1024

// formatError is a worksheet that breaks the format's rules (a bad cell
// reference, a string number the table lacks); its text is Chinese.
type formatError struct{ msg string }

func (e *formatError) Error() string { return e.msg }

func formatErrorf(format string, a ...any) error { return &formatError{fmt.Sprintf(format, a...)} }

// sheetRows reads a worksheet's rows from its XML as a stream, with the
// raw values excelize gives with RawCellValue: the text of strings, shared
// or inline, and the stored value of numbers, dates and booleans. Unlike
// excelize's Rows it reports every error: a damaged sheet never reads as a
// shorter one.
type sheetRows struct {
	x     *xmlStream
	sst   *sharedStrings
	dim   string // the range <dimension> declares, if any
	data  int    // depth of <sheetData>; 0 before it
	done  bool   // the sheet is read to its end
	row   int    // number of the last row read
	keep  []bool // the columns (from 0) whose values are wanted; nil: all, cut to maxHeaderBytes
	cells []string
	value []byte
	item  richText
}

func newSheetRows(r io.Reader, sst *sharedStrings) *sheetRows {
	return &sheetRows{x: newXMLStream(r), sst: sst}
}

// start reads up to the rows, noting the dimension on the way.
func (s *sheetRows) start() error {
	for s.data == 0 {
		tok, err := s.x.next()
		if err == io.EOF {
			s.done = true
			return nil
		}
		if err != nil {
			return err
		}
		if t, ok := tok.(xml.StartElement); ok {
			switch t.Name.Local {
			case "dimension":
				s.dim = attr(t, "ref")
			case "sheetData":
				s.data = s.x.depth()
			}
		}
	}
	return nil
}

// next reads the next <row>: its number and its cells by column (from 0,
// "" when blank). ok is false at the end, once the rest of the sheet has
// been read and found whole. cells is valid until the next call.
func (s *sheetRows) next() (num int, cells []string, ok bool, err error) {
	for !s.done {
		tok, err := s.x.next()
		if err != nil {
			return 0, nil, false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "row" && s.x.depth() == s.data+1 {
				return s.readRow(t)
			}
		case xml.EndElement:
			if s.x.depth() < s.data {
				s.done = true
			}
		}
	}
	if err := s.x.finish(); err != nil {
		return 0, nil, false, err
	}
	return 0, nil, false, nil
}

// readRow reads the cells of the row t opens.
func (s *sheetRows) readRow(t xml.StartElement) (int, []string, bool, error) {
	num := s.row + 1
	if r := attr(t, "r"); r != "" {
		n, err := strconv.Atoi(r)
		if err != nil || n < 1 {
			return 0, nil, false, formatErrorf("行号“%s”无效", r)
		}
		num = n
	}
	switch {
	case num > maxRows:
		return 0, nil, false, formatErrorf("行数超过了Excel的上限%d行", maxRows)
	case num <= s.row:
		return 0, nil, false, formatErrorf("行号%d出现在第%d行之后", num, s.row)
	}
	s.row = num
	s.cells = s.cells[:0]
	depth, col := s.x.depth(), 0
	for {
		tok, err := s.x.next()
		if err != nil {
			return 0, nil, false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "c" && s.x.depth() == depth+1 {
				if col, err = s.readCell(t, col); err != nil {
					return 0, nil, false, err
				}
			}
		case xml.EndElement:
			if s.x.depth() < depth {
				return num, s.cells, true, nil
			}
		}
	}
}

// readCell reads the cell t opens, after the cell in column prev (from 1),
// and stores its value when wanted; it returns the cell's column.
func (s *sheetRows) readCell(t xml.StartElement, prev int) (int, error) {
	col, typ := prev+1, ""
	for _, a := range t.Attr {
		switch a.Name.Local {
		case "r":
			c, err := columnOf(a.Value)
			if err != nil {
				return 0, err
			}
			col = c
		case "t":
			typ = a.Value
		}
	}
	if col > maxColumns {
		return 0, formatErrorf("一行的单元格超过了Excel的上限%d列", maxColumns)
	}
	want := s.keep == nil || (col <= len(s.keep) && s.keep[col-1])
	depth, child, inline := s.x.depth(), "", false
	s.value = s.value[:0]
	for {
		tok, err := s.x.next()
		if err != nil {
			return 0, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			d := s.x.depth()
			switch {
			case d == depth+1:
				child = t.Name.Local
				if child == "is" {
					inline = true
					s.item.reset(d)
				}
			case child == "is":
				s.item.start(d, t.Name.Local)
			}
		case xml.CharData:
			if !want {
				continue
			}
			switch d := s.x.depth(); {
			case d == depth+1 && child == "v":
				s.value = append(s.value, t...)
			case child == "is":
				s.item.text(d, t)
			}
			if len(s.value) > maxCellBytes || len(s.item.buf) > maxCellBytes {
				return 0, formatErrorf("第%s列的内容超过了Excel单元格的上限32767个字符", columnName(col))
			}
		case xml.EndElement:
			if s.x.depth() < depth {
				if want {
					return col, s.store(col, typ, inline)
				}
				return col, nil
			}
		}
	}
}

// store puts the cell's value in column col.
func (s *sheetRows) store(col int, typ string, inline bool) error {
	var v string
	switch {
	case typ == "s" && len(s.value) > 0:
		i, err := strconv.Atoi(strings.TrimSpace(string(s.value)))
		var ok bool
		if v, ok = s.sst.get(i); err != nil || !ok {
			return formatErrorf("第%s列引用的共享字符串“%s”不存在", columnName(col), shorten(string(s.value)))
		}
	case typ == "inlineStr" && inline:
		v = decodeEscapes(string(s.item.buf))
	default:
		v = string(s.value)
	}
	if v == "" {
		return nil
	}
	if s.keep == nil && len(v) > maxHeaderBytes {
		v = strings.ToValidUTF8(v[:maxHeaderBytes], "")
	}
	for len(s.cells) < col {
		s.cells = append(s.cells, "")
	}
	s.cells[col-1] = v
	return nil
}

// columnOf reads the column (from 1) of a cell reference like "AB12".
func columnOf(ref string) (int, error) {
	col, i := 0, 0
	for ; i < len(ref) && i < 4; i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a') + 1
	}
	row, err := strconv.Atoi(ref[i:])
	if i == 0 || err != nil || row < 1 || row > maxRows || col > maxColumns {
		return 0, formatErrorf("单元格引用“%s”无效", shorten(ref))
	}
	return col, nil
}

// columnName is the letters of column col (from 1).
func columnName(col int) string {
	name := ""
	for ; col > 0; col = (col - 1) / 26 {
		name = string(rune('A'+(col-1)%26)) + name
	}
	return name
}

// attr returns the value of the attribute with the local name, or "".
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// shorten cuts a text from the file to a length fit for a message.
func shorten(s string) string {
	if len(s) > 20 {
		return strings.ToValidUTF8(s[:20], "") + "…"
	}
	return s
}
