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
		return fmt.Errorf("生成%s模板失败：%w", l.Title, err)
	}
	if _, err := f.NewSheet(GuideSheet); err != nil {
		return err
	}
	if err := writeGuide(f, st, l); err != nil {
		return fmt.Errorf("生成%s填写说明失败：%w", l.Title, err)
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// templateColumns are the columns a template offers: all but the computed
// ones, in layout order.
func templateColumns(l Layout) []Column {
	var out []Column
	for _, c := range l.Columns {
		if !c.Computed && !c.ExportOnly {
			out = append(out, c)
		}
	}
	return out
}

// firstError keeps the first error of a run of calls.
type firstError struct{ err error }

func (e *firstError) do(err error) {
	if e.err == nil {
		e.err = err
	}
}

func writeTemplateSheet(f *excelize.File, st *sheetStyles, l Layout) error {
	sheet := l.Title
	var e firstError
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
				return fmt.Errorf("%s的下拉列表：%w", c.Header, err)
			}
			e.do(f.AddDataValidation(sheet, dv))
		}
	}
	e.do(f.SetRowHeight(sheet, 1, headerRowHeight))
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
	case c.Computed, c.ExportOnly:
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
			"date": "日期，如2019-07-01", "month": "年月，如2026-03", "money": "金额（元），最多两位小数",
			"number": "数字", "bool": "是/否", "id": "18位公民身份号码", "names": namesNote,
		}[c.Type]
	}
	if c.Open && len(c.Choices) > 0 {
		note = strings.TrimSuffix(note, "。") + "（下拉列表仅供参考，也可填写其他值）"
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
		body += "\n可选值：" + strings.Join(c.Choices, "/")
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
			clipRunes(fmt.Sprintf("“%s”通常填写：%s。其他值也可以使用，请确认无误。", c.Header, choices), 225))
		dv.SetInput(clipRunes(c.Header, 32), "可从下拉列表中选择，也可直接填写其他值")
		return dv, nil
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "输入有误",
		clipRunes(fmt.Sprintf("“%s”只能填写：%s。请从下拉列表中选择。", c.Header, choices), 225))
	dv.SetInput(clipRunes(c.Header, 32), "请从下拉列表中选择")
	return dv, nil
}

// clipRunes shortens s to at most n characters (Excel's limits on validation
// messages).
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// guideColumns are the 填写说明 table's headers and widths.
var guideColumns = []struct {
	header string
	width  float64
}{{"列名", 22}, {"是否必填", 10}, {"说明", 60}, {"可选值", 36}}

// writeGuide fills the 填写说明 sheet: one row per column of the layout
// (computed ones included, since exports carry them), its 列名 cell in the
// header's colour, then the general rules.
func writeGuide(f *excelize.File, st *sheetStyles, l Layout) error {
	sheet := GuideSheet
	var e firstError
	last, _ := excelize.ColumnNumberToName(len(guideColumns))
	head := make([]any, len(guideColumns))
	for i, g := range guideColumns {
		name, _ := excelize.ColumnNumberToName(i + 1)
		e.do(f.SetColWidth(sheet, name, name, g.width))
		head[i] = g.header
	}
	e.do(f.SetSheetRow(sheet, "A1", &head))
	e.do(f.SetCellStyle(sheet, "A1", last+"1", st.header))
	e.do(f.SetRowHeight(sheet, 1, headerRowHeight))
	row := 1
	for _, c := range l.Columns {
		row++
		values := []any{c.Header, requiredText(c), noteOf(c), strings.Join(c.Choices, "/")}
		e.do(f.SetSheetRow(sheet, fmt.Sprintf("A%d", row), &values))
		e.do(f.SetCellStyle(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row), st.guideCell))
		e.do(f.SetCellStyle(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("A%d", row), st.headerFor(c)))
	}
	row += 2
	e.do(f.SetCellStr(sheet, fmt.Sprintf("A%d", row), "填写规则"))
	e.do(f.SetCellStyle(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("A%d", row), st.guideTitle))
	for i, rule := range guideRules(l) {
		row++
		cell, end := fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row)
		text := fmt.Sprintf("%d. %s", i+1, rule)
		e.do(f.SetCellStr(sheet, cell, text))
		e.do(f.MergeCell(sheet, cell, end))
		e.do(f.SetCellStyle(sheet, cell, end, st.guideRule))
		// Excel does not grow merged cells to fit wrapped text.
		lines := (guideTextWidth(text) + guideRowWidth - 1) / guideRowWidth
		e.do(f.SetRowHeight(sheet, row, float64(18*max(lines, 1))))
	}
	e.do(f.SetPanes(sheet, frozenHeader()))
	return e.err
}

// guideRules are the general rules of a layout's sheet, those that concern
// none of its columns left out.
func guideRules(l Layout) []string {
	var rules []string
	add := func(s string) { rules = append(rules, s) }
	add("第一行是表头，请勿修改表头文字；从第二行起每行填写一条记录。")
	add("表头为红字橙底的列必须填写，蓝底的列可以不填；鼠标停在表头上可以看到该列的说明。")
	if len(guideHeaders(l, func(c Column) bool { return c.Type == "date" })) > 0 {
		add("日期可以写成2019-07-01、2019/7/1、2019.07.01、2019年7月1日，也可以是Excel的日期单元格。")
	}
	if len(guideHeaders(l, func(c Column) bool { return c.Type == "month" })) > 0 {
		add("月份可以写成2026-03、2026年3月、2026/3，也可以是Excel的日期单元格（只取其年月）。")
	}
	if bools := guideHeaders(l, func(c Column) bool { return c.Type == "bool" }); len(bools) > 0 {
		add(strings.Join(bools, "、") + "只填“是”或“否”。")
	}
	if len(guideHeaders(l, func(c Column) bool { return len(c.Choices) > 0 && !c.Computed })) > 0 {
		rule := "带下拉列表的列请从列表中选择"
		if open := guideHeaders(l, func(c Column) bool { return c.Open && len(c.Choices) > 0 }); len(open) > 0 {
			rule += "；" + strings.Join(open, "、") + "的下拉列表仅供参考，也可以填写其他值"
		}
		add(rule + "。")
	}
	if names := guideHeaders(l, func(c Column) bool { return c.Type == "names" }); len(names) > 0 {
		add(strings.Join(names, "、") + "填写党员姓名，多人之间用顿号（、）或逗号分隔。")
	}
	if codes := guideHeaders(l, isCodeColumn); len(codes) > 0 {
		add(strings.Join(codes, "、") + "等列已设为文本格式，请勿改成数值格式，以免长号码被显示成科学计数法或末几位变成0。")
	}
	add("全角数字、全角字母和多余的空格会自动转换，不必手工修改。")
	if computed := guideHeaders(l, func(c Column) bool { return c.Computed }); len(computed) > 0 {
		add(strings.Join(computed, "、") + "只在导出时计算填写，导入时不读取，模板中没有这些列。")
	}
	if l.Key != "" {
		add(l.Key + "。")
	} else {
		add("同一表格重复导入不会产生重复记录，也不会改变已有数据。")
	}
	add("导入时只要有一行有误，就不写入任何数据，并逐条列出出错的行号、列名和原因，改正后重新导入即可；" +
		"命令行导入时加上 --skip-invalid，则只写入正确的行，并列出其余的行。")
	add(fmt.Sprintf("下拉列表预设到第%d行。", TemplateRows+1))
	return rules
}

// isCodeColumn reports whether a column holds a number-like code that Excel
// would mangle if it took it for a number.
func isCodeColumn(c Column) bool {
	if c.Computed {
		return false
	}
	return c.Type == "id" ||
		c.Type == "text" && (strings.Contains(c.Header, "号") || strings.Contains(c.Header, "电话"))
}

// guideHeaders lists the headers of the columns that satisfy keep.
func guideHeaders(l Layout, keep func(Column) bool) []string {
	var out []string
	for _, c := range l.Columns {
		if keep(c) {
			out = append(out, c.Header)
		}
	}
	return out
}

// guideTextWidth approximates how wide text shows, in Excel's character
// units: two for a CJK character, one otherwise.
func guideTextWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
