package sheets

import (
	"github.com/xuri/excelize/v2"
)

// The colours of the header cells: required columns stand out in red on
// orange, optional ones are blue, computed ones (export only) grey. The
// 填写说明 sheet explains the colours, since a header's text must stay
// exactly as the layout gives it.
const (
	fillOptional       = "DDEBF7"
	fillRequired       = "FCE4D6"
	fillComputed       = "EDEDED"
	fontRequired       = "C00000"
	borderColour       = "808080"
	excelDateFormat    = "yyyy-mm-dd"
	numFmtText         = 49 // the built-in "@": keep what is typed as text
	numFmtMoney        = 2  // the built-in "0.00"
	defaultColumnWidth = 12.0
	headerRowHeight    = 24.0
	guideRowWidth      = 120 // display width of one line of the 填写说明 rules
)

// sheetStyles are the cell styles of one workbook, registered once.
type sheetStyles struct {
	header, headerRequired, headerComputed int // row 1
	text, date, money                      int // data cells
	guideCell, guideTitle, guideRule       int // the 填写说明 sheet
}

func newSheetStyles(f *excelize.File) (*sheetStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: borderColour, Style: 1}, {Type: "top", Color: borderColour, Style: 1},
		{Type: "right", Color: borderColour, Style: 1}, {Type: "bottom", Color: borderColour, Style: 1},
	}
	centered := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	headerOf := func(fill, colour string) *excelize.Style {
		return &excelize.Style{
			Border:    border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}},
			Font:      &excelize.Font{Bold: true, Color: colour},
			Alignment: centered,
			NumFmt:    numFmtText,
		}
	}
	dateFmt := excelDateFormat
	var st sheetStyles
	for _, s := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&st.header, headerOf(fillOptional, "")},
		{&st.headerRequired, headerOf(fillRequired, fontRequired)},
		{&st.headerComputed, headerOf(fillComputed, "")},
		{&st.text, &excelize.Style{NumFmt: numFmtText}},
		{&st.date, &excelize.Style{CustomNumFmt: &dateFmt}},
		{&st.money, &excelize.Style{NumFmt: numFmtMoney}},
		{&st.guideCell, &excelize.Style{Border: border, NumFmt: numFmtText,
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&st.guideTitle, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}}},
		{&st.guideRule, &excelize.Style{NumFmt: numFmtText,
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}}},
	} {
		id, err := f.NewStyle(s.style)
		if err != nil {
			return nil, err
		}
		*s.id = id
	}
	return &st, nil
}

// headerFor returns the header style of a column: required, computed or
// optional.
func (st *sheetStyles) headerFor(c Column) int {
	switch {
	case c.Computed:
		return st.headerComputed
	case c.Required:
		return st.headerRequired
	}
	return st.header
}

// columnFor returns the style of a column's data cells in a template: text
// for everything typed as text (so a 公民身份号码 or 工号 keeps its digits),
// a date format for dates, two decimals for money, none for plain numbers.
func (st *sheetStyles) columnFor(c Column) int {
	switch c.Type {
	case "date":
		return st.date
	case "money":
		return st.money
	case "number":
		return 0
	}
	return st.text
}

// widthOf is a column's width, with a default for layouts that give none.
func widthOf(c Column) float64 {
	if c.Width > 0 {
		return c.Width
	}
	return defaultColumnWidth
}
