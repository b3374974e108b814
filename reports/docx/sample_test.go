package docx

import (
	"time"

	"dangjian/reports/layout"
)

// printed is the print date of the test documents.
var printed = time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)

// sampleDoc is a small document with every kind of block: a ledger part
// with a grouped table and a member's form as a part of its own.
func sampleDoc() *layout.Document {
	d := &layout.Document{Title: "党员花名册", Org: "计算机科学与技术学院党委", Period: "截至2026年12月3日", Printed: printed}
	p := d.NewPart("", "第一党支部", "")
	p.Add(
		&layout.Heading{Text: "一、基本情况", Level: 1},
		&layout.Paragraph{Text: "本支部现有党员3名,其中预备党员1名(见下表)。", Indent: true, Align: layout.Justify},
		&layout.Table{Caption: "党员名单",
			Groups: []layout.Group{{Span: 2}, {Title: "入党日期", Span: 2}},
			Columns: []layout.Column{{Title: "序号", Width: 12, Align: layout.Center}, {Title: "姓名", Width: 20, Keep: true},
				{Title: "入党", Width: 24, Align: layout.Center}, {Title: "转正", Align: layout.Center}},
			Rows: []layout.Row{
				{Cells: []string{"1", layout.Keep("魏雪晴"), "2019.06.01", "2020.06.01"}, Record: "魏雪晴"},
				{Cells: []string{"2", layout.Keep("王𬱖"), "2025.05.04"}, Record: "王𬱖"},
				{Cells: []string{"3", layout.Keep("欧阳娜娜娜娜娜"), "2024.07.01", "2025.07.01"}},
				{Cells: []string{"合计", "3人"}, Total: true},
			},
			Note: "注:转正日期空白者为预备党员。"},
		&layout.Fields{Items: []layout.Field{{Label: "填报单位", Value: "第一党支部"}, {Label: "填表人"}, {Label: "报出日期", Value: "2026年12月3日"}}},
		&layout.Spacer{MM: 4},
		&layout.Signatures{Lines: []layout.SignLine{{Who: "党支部书记签字:", Date: true}, {Who: "党支部", Seal: true, Date: true}}},
		&layout.PageBreak{},
		&layout.Paragraph{Text: "第二页的说明 <a&b> “引号” " + layout.Keep("转字〔2026〕第017号"), Align: layout.Right, Size: 12},
	)
	f := d.NewPart("民主评议党员登记表", "(2026年度)", "第一党支部 魏雪晴")
	f.Add(&layout.Form{Rows: []layout.FormRow{
		{Height: 10, Cells: []layout.Cell{{Text: "姓名", Label: true, Width: 22}, {Text: layout.Keep("魏雪晴"), Align: layout.Center},
			{Text: "性别", Label: true, Width: 22}, {Text: "女", Align: layout.Center}}},
		{Height: 10, Cells: []layout.Cell{{Text: "所在支部", Label: true, Width: 22}, {Text: "第一党支部", Align: layout.Center},
			{Text: "评议年度", Label: true, Width: 22}, {Text: "2026年度", Align: layout.Center, Width: 38}}},
		{Fill: true, Height: 60, Cells: []layout.Cell{{Text: "个人自我评价", Label: true, Width: 22},
			{Text: "一年来,我认真学习。\n积极参加组织生活。", Sign: []layout.SignLine{{Who: "本人签字:", Date: true}}}}},
		{Height: 12, Cells: []layout.Cell{{Text: "评议等次", Label: true, Width: 22}, {Text: "优秀", Align: layout.Center}}},
	}})
	return d
}
