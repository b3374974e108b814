package docx

import (
	"context"
	"fmt"
	"testing"

	"dangjian/reports/layout"
)

// bigRoster is a landscape roster of n members in 12 columns.
func bigRoster(n int) *layout.Document {
	d := &layout.Document{Title: "党员花名册", Org: "计算机科学与技术学院党委", Period: "截至2026年12月3日", Printed: printed, Landscape: true}
	cols := []layout.Column{{Title: "序号", Width: 10, Align: layout.Center}, {Title: "姓名", Width: 18, Keep: true}, {Title: "性别", Width: 10},
		{Title: "民族", Width: 12}, {Title: "出生日期", Width: 20}, {Title: "籍贯", Width: 24}, {Title: "公民身份号码", Width: 38, Keep: true},
		{Title: "学历", Width: 16}, {Title: "入党日期", Width: 20}, {Title: "党员类别", Width: 18}, {Title: "联系电话", Width: 26, Keep: true}, {Title: "备注"}}
	t := &layout.Table{Columns: cols, Rows: make([]layout.Row, n)}
	for i := range n {
		name := layout.Keep(fmt.Sprintf("欧阳%c%c", rune(0x4E00+i%2000), rune(0x5000+i%1000)))
		t.Rows[i] = layout.Row{Record: name, Cells: []string{fmt.Sprint(i + 1), name, "男", "汉族", "1990.01.02", "江苏省南京市",
			layout.Keep(fmt.Sprintf("32010219900102%04d", i%10000)), "硕士研究生", "2015.06.01", "正式党员", layout.Keep("13800138000"), ""}}
	}
	d.NewPart("", "", "").Add(t)
	return d
}

// BenchmarkRoster20000 renders a roster of 20,000 members as Word.
func BenchmarkRoster20000(b *testing.B) {
	d := bigRoster(20000)
	var size int64
	for b.Loop() {
		cw := &countWriter{}
		if err := Render(context.Background(), d, cw); err != nil {
			b.Fatal(err)
		}
		size = cw.n
	}
	b.ReportMetric(float64(size)/1e6, "MB/doc")
}

// countWriter counts the bytes written to it.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

// BenchmarkForms2000 renders 2,000 members' forms, each a part of its own.
func BenchmarkForms2000(b *testing.B) {
	form := sampleDoc().Parts[1]
	d := &layout.Document{Title: "民主评议党员登记表", Org: "计算机科学与技术学院党委", Period: "2026年度", Printed: printed}
	for range 2000 {
		d.Parts = append(d.Parts, form)
	}
	var size int64
	for b.Loop() {
		cw := &countWriter{}
		if err := Render(context.Background(), d, cw); err != nil {
			b.Fatal(err)
		}
		size = cw.n
	}
	b.ReportMetric(float64(size)/1e6, "MB/doc")
}
