package pdf

import (
	"context"
	"fmt"
	"testing"
	"time"

	"dangjian/reports/layout"
)

// syntheticRoster is a roster of n members as the builders make it: one
// landscape part, a table of 10 columns with the names kept whole.
func syntheticRoster(n int) *layout.Document {
	d := &layout.Document{Title: "党员花名册", Org: "计算机科学与技术学院党委", Period: "截至2026年11月26日",
		Printed: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC), Landscape: true}
	t := &layout.Table{Columns: []layout.Column{
		{Title: "序号", Width: 12, Align: layout.Center}, {Title: "姓名", Width: 18, Keep: true},
		{Title: "性别", Width: 10, Align: layout.Center}, {Title: "民族", Width: 12}, {Title: "出生日期", Width: 20},
		{Title: "公民身份号码", Width: 40, Keep: true}, {Title: "学历", Width: 22}, {Title: "所在支部"},
		{Title: "入党日期", Width: 20}, {Title: "联系电话", Width: 26, Keep: true}}}
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
	given := []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰")
	t.Rows = make([]layout.Row, n)
	for i := range n {
		name := string(surnames[i%len(surnames)]) + string(given[i%len(given)]) + string(given[(i/7)%len(given)])
		t.Rows[i] = layout.Row{Record: name, Cells: []string{
			fmt.Sprint(i + 1), layout.Keep(name), "男", "汉族", "1990.05.12",
			layout.Keep(fmt.Sprintf("11010519900512%04d", i%10000)), "硕士研究生",
			fmt.Sprintf("第%d党支部", i/40+1), "2012.06.30", layout.Keep(fmt.Sprintf("138%08d", i))}}
	}
	d.NewPart("", "", "").Add(t)
	return d
}

// BenchmarkRenderRoster20000 renders the roster of 20,000 members (about
// 740 landscape pages) and reports the PDF's size.
func BenchmarkRenderRoster20000(b *testing.B) {
	d := syntheticRoster(20000)
	var size int64
	var pages int
	b.ReportAllocs()
	for b.Loop() {
		w := &countingWriter{}
		res, err := Render(context.Background(), d, w)
		if err != nil {
			b.Fatal(err)
		}
		size, pages = w.n, res.Pages
	}
	b.ReportMetric(float64(size), "bytes/op")
	b.ReportMetric(float64(pages), "pages")
}

// countingWriter counts what is written to it and drops it.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

// syntheticForms is a document of n one-page forms, one part each, as the
// 民主评议党员登记表 is built.
func syntheticForms(n int) *layout.Document {
	d := &layout.Document{Title: "民主评议党员登记表", Org: "计算机科学与技术学院党委", Period: "2026年度",
		Printed: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}
	for i := range n {
		name := fmt.Sprintf("党员%d", i)
		p := d.NewPart("", "（2026年度）", name)
		p.Add(&layout.Form{Rows: []layout.FormRow{
			{Cells: []layout.Cell{{Text: "姓名", Label: true, Width: 22}, {Text: layout.Keep(name), Align: layout.Center},
				{Text: "性别", Label: true, Width: 22}, {Text: "女", Align: layout.Center},
				{Text: "出生年月", Label: true, Width: 22}, {Text: "1990.05", Align: layout.Center}}, Height: 10},
			{Cells: []layout.Cell{{Text: "所在支部", Label: true, Width: 22}, {Text: "2023级本科生第一党支部"}}, Height: 10},
			{Cells: []layout.Cell{{Text: "个人自我评价", Label: true, Width: 22},
				{Text: "坚定理想信念，立足岗位发挥党员作用，今后将进一步加强学习。", Sign: []layout.SignLine{{Who: "本人签字：", Date: true}}}}, Fill: true},
			{Cells: []layout.Cell{{Text: "评议等次", Label: true, Width: 22}, {Text: "合格", Align: layout.Center}}, Height: 10},
			{Cells: []layout.Cell{{Text: "支部意见", Label: true, Width: 22},
				{Text: "经支部党员大会评议，评定为合格。", Sign: []layout.SignLine{{Who: "支部书记签字：", Seal: true, Date: true}}}}, Height: 45},
		}})
	}
	return d
}

// BenchmarkRenderForms2000 renders 2,000 one-page forms, each a part
// numbered by itself.
func BenchmarkRenderForms2000(b *testing.B) {
	d := syntheticForms(2000)
	var size int64
	b.ReportAllocs()
	for b.Loop() {
		w := &countingWriter{}
		if _, err := Render(context.Background(), d, w); err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	b.ReportMetric(float64(size), "bytes/op")
}
