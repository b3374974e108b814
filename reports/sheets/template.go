package sheets

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// TemplateRows is how many data rows of a template (rows 2 to
// TemplateRows+1) carry the drop-down lists.
const TemplateRows = 5000

// GuideSheet names a template's second sheet, which explains every column.
const GuideSheet = "填写说明"

// Template writes a blank workbook of kind k to w. Its first (and active)
// sheet, named after the layout's Title, has exactly the layout's headers
// in row 1, computed columns left out: required headers in red on orange,
// the others on blue, each with a comment saying what to fill in. The
// header row is frozen; text columns (公民身份号码, 工号 and the like) are
// formatted as text, dates as yyyy-mm-dd, money with two decimals; columns
// with Choices offer them in a drop-down (strict unless the column is
// Open). The second sheet, GuideSheet, lists every column (列名, 是否必填,
// 说明, 可选值) and the general rules of filling in and importing.
func Template(k Kind, w io.Writer) error {
	if _, err := ParseKind(string(k)); err != nil {
		return err
	}
	l := LayoutOf(k)
	f := excelize.NewFile()
	defer f.Close()
	st, err := newSheetStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName(f.GetSheetName(0), l.Title); err != nil {
		return err
	}
	if err := writeTemplateSheet(f, st, l); err != nil {
		return fmt.Errorf("生成%s模板失败: %w", l.Title, err)
	}
	if _, err := f.NewSheet(GuideSheet); err != nil {
		return err
	}
	if err := writeGuide(f, st, l); err != nil {
		return fmt.Errorf("生成%s填写说明失败: %w", l.Title, err)
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// templateColumns are the columns a template offers: all but the computed
// ones, in layout order.
func templateColumns(l Layout) []Column {
	var out []Column
	for _, c := range l.Columns {
		if !c.Computed {
			out = append(out, c)
		}
	}
	return out
}

// firstErr keeps the first error of a run of calls.
type firstErr struct{ err error }

func (e *firstErr) do(err error) {
	if e.err == nil {
		e.err = err
	}
}

func writeTemplateSheet(f *excelize.File, st *sheetStyles, l Layout) error {
	sheet := l.Title
	var e firstErr
	for i, c := range templateColumns(l) {
		name, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		// The column's style covers every data row, including those typed
		// beyond the drop-downs' range, without writing empty cells.
		if s := st.columnFor(c); s != 0 {
			e.do(f.SetColStyle(sheet, name, s))
		}
		e.do(f.SetColWidth(sheet, name, name, widthOf(c)))
		cell := name + "1"
		e.do(f.SetCellStr(sheet, cell, c.Header))
		e.do(f.SetCellStyle(sheet, cell, cell, st.headerFor(c)))
		e.do(f.AddComment(sheet, headerComment(cell, c)))
		if len(c.Choices) > 0 {
			dv, err := dropDown(name, c)
			if err != nil {
				return fmt.Errorf("%s的下拉列表: %w", c.Header, err)
			}
			e.do(f.AddDataValidation(sheet, dv))
		}
	}
	e.do(f.SetRowHeight(sheet, 1, headerHeight))
	e.do(f.SetPanes(sheet, frozenHeader()))
	return e.err
}

// frozenHeader keeps row 1 in view while scrolling.
func frozenHeader() *excelize.Panes {
	return &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}
}

// requiredText says whether a column must be filled, for the comments and
// the 是否必填 column of the guide.
func requiredText(c Column) string {
	switch {
	case c.Computed:
		return "导出时生成"
	case c.Required:
		return "是"
	}
	return "否"
}

// noteOf is a column's explanation, with a hint from its type when the
// layout gives none.
func noteOf(c Column) string {
	note := c.Note
	if note == "" {
		note = map[string]string{
			"date": "日期,如2019-07-01", "month": "年月,如2026-03", "money": "金额(元),最多两位小数",
			"number": "数字", "bool": "是/否", "id": "18位公民身份号码", "names": namesNote,
		}[c.Type]
	}
	if c.Open && len(c.Choices) > 0 {
		note = strings.TrimSuffix(note, "。") + "(下拉列表仅供参考,也可填写其他值)"
	}
	return note
}

// headerComment explains a header when the pointer rests on it.
func headerComment(cell string, c Column) excelize.Comment {
	head := "选填"
	if c.Required {
		head = "必填"
	}
	body := noteOf(c)
	if len(c.Choices) > 0 {
		body += "\n可选值:" + strings.Join(c.Choices, "/")
	}
	lines := 2 + utf8.RuneCountInString(body)/14
	return excelize.Comment{
		Cell: cell, Author: GuideSheet, Width: 220, Height: uint(16 * lines),
		Paragraph: []excelize.RichTextRun{
			{Text: head, Font: &excelize.Font{Bold: true, Color: fontRequired}},
			{Text: "\n" + body},
		},
	}
}

// dropDown offers a column's Choices on rows 2..TemplateRows+1: a strict
// list (error style stop) or, for an Open column, suggestions that accept
// other values after a notice (information style).
func dropDown(col string, c Column) (*excelize.DataValidation, error) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, TemplateRows+1)
	if err := dv.SetDropList(c.Choices); err != nil {
		return nil, err
	}
	choices := strings.Join(c.Choices, "/")
	if c.Open {
		dv.SetError(excelize.DataValidationErrorStyleInformation, "提示",
			clip(fmt.Sprintf("“%s”通常填写:%s。其他值也可以使用,请确认无误。", c.Header, choices), 225))
		dv.SetInput(clip(c.Header, 32), "可从下拉列表中选择,也可直接填写其他值")
		return dv, nil
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "输入有误",
		clip(fmt.Sprintf("“%s”只能填写:%s。请从下拉列表中选择。", c.Header, choices), 225))
	dv.SetInput(clip(c.Header, 32), "请从下拉列表中选择")
	return dv, nil
}

// clip shortens s to at most n characters (Excel's limits on validation
// messages).
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
