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
