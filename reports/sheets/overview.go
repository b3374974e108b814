package sheets

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// CellFormat is how a column of a figures sheet shows its values.
type CellFormat int

// The formats of a figures sheet's columns.
const (
	FormatText    CellFormat = iota
	FormatInt                // a count
	FormatPercent            // a share (0.952), shown as 95.2%
	FormatDecimal            // one decimal: a score
	FormatMoney              // 元, two decimals
)

// FiguresColumn is a column of a figures sheet: its header and format.
type FiguresColumn struct {
	Title  string
	Format CellFormat
	Width  float64 // in characters; 0 for the default
}

// FiguresSheet is a table of figures computed elsewhere, such as the
// committee's 全校概览: a row per organization, written as it is shown.
// Numbers are written as numbers (a share as a fraction with a percent
// format), so that the sheet sums and sorts them.
type FiguresSheet struct {
	Title   string // the sheet's name
	Columns []FiguresColumn
	// Rows hold one value per column: a string, an int, an int64 or a
	// float64; nil for an empty cell.
	Rows [][]any
	Note string // a line under the rows: what the figures are, as of when
}

// WriteFigures writes the sheet as an .xlsx workbook to w: the headers
// bold on the first row, frozen with the first column.
func WriteFigures(w io.Writer, s FiguresSheet) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := s.Title
	if sheet == "" {
		sheet = "Sheet1"
	}
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fillComputed}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Border: []excelize.Border{{Type: "left", Color: borderColour, Style: 1}, {Type: "top", Color: borderColour, Style: 1},
			{Type: "right", Color: borderColour, Style: 1}, {Type: "bottom", Color: borderColour, Style: 1}},
	})
	if err != nil {
		return err
	}
	percent, decimal := "0.0%", "0.0"
	styles := map[CellFormat]*excelize.Style{
		FormatText:    {NumFmt: numFmtText},
		FormatPercent: {CustomNumFmt: &percent},
		FormatDecimal: {CustomNumFmt: &decimal},
		FormatMoney:   {NumFmt: numFmtMoney},
	}
	ids := map[CellFormat]int{}
	for k, st := range styles {
		if ids[k], err = f.NewStyle(st); err != nil {
			return err
		}
	}
	for i, c := range s.Columns {
		name, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		width := c.Width
		if width <= 0 {
			width = defaultColumnWidth
		}
		if err := f.SetColWidth(sheet, name, name, width); err != nil {
			return err
		}
		if id, ok := ids[c.Format]; ok {
			if err := f.SetColStyle(sheet, name, id); err != nil {
				return err
			}
		}
		if err := f.SetCellStr(sheet, name+"1", c.Title); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, name+"1", name+"1", header); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(sheet, 1, headerRowHeight); err != nil {
		return err
	}
	for r, row := range s.Rows {
		if len(row) != len(s.Columns) {
			return fmt.Errorf("第%d行有%d个值，表头有%d列", r+1, len(row), len(s.Columns))
		}
		for c, v := range row {
			if v == nil {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(c+1, r+2)
			if err != nil {
				return err
			}
			if text, ok := v.(string); ok {
				err = f.SetCellStr(sheet, cell, text)
			} else {
				err = f.SetCellValue(sheet, cell, v)
			}
			if err != nil {
				return err
			}
			if id, ok := ids[s.Columns[c].Format]; ok {
				if err := f.SetCellStyle(sheet, cell, cell, id); err != nil {
					return err
				}
			}
		}
	}
	if s.Note != "" {
		if err := f.SetCellStr(sheet, fmt.Sprintf("A%d", len(s.Rows)+3), s.Note); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
