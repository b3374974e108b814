package layout

import (
	"strings"
	"testing"
	"time"
)

// TestPlainText: every kind of block shows in the dump, word joiners are
// left out, line breaks in a cell stay on the row's line, and the same
// model gives the same text.
func TestPlainText(t *testing.T) {
	d := &Document{Title: "党员花名册", Org: "计算机学院党委", Period: "2026年度",
		Printed: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC), Landscape: true}
	p := d.NewPart("", "（2026年度）", "第一党支部 魏雪晴(2020001)")
	p.Add(&Heading{Level: 2, Text: "一、基本情况"},
		&Paragraph{Indent: true, Text: "党员" + Keep("魏雪晴") + "按时交纳党费。"},
		&Table{Caption: "表一", Groups: []Group{{Title: "", Span: 1}, {Title: "年龄", Span: 2}},
			Columns: []Column{{Title: "姓名"}, {Title: "30岁以下"}, {Title: "31岁以上"}},
			Rows:    []Row{{Cells: []string{Keep("魏雪晴"), "1"}}, {Cells: []string{"李明\n已转出", "", "2"}}, {Total: true, Cells: []string{"合计", "1", "2"}}},
			Note:    "注:按周岁计。"},
		&Form{Rows: []FormRow{{Cells: []Cell{{Text: "姓名", Label: true}, {Text: "魏雪晴"}}},
			{Fill: true, Cells: []Cell{{Text: "个人自我评价", Label: true}, {Text: "认真学习。", Sign: []SignLine{{Who: "本人签字:", Date: true}}}}}}},
		&Fields{Items: []Field{{Label: "填报单位", Value: "计算机学院党委"}, {Label: "填表人"}}},
		&Signatures{Lines: []SignLine{{Who: "党委(盖章)", Seal: true, Date: true}}},
		&Spacer{MM: 3}, &PageBreak{})
	got := PlainText(d)
	for _, want := range []string{
		"【标题】党员花名册\n", "【期间】2026年度\n", "【打印日期】2026年12月3日\n", "【版式】横向\n",
		"【副标题】（2026年度）\n", "【记录】第一党支部 魏雪晴(2020001)\n", "## 一、基本情况\n",
		"　　党员魏雪晴按时交纳党费。\n", "【表】表一\n", "×1\t年龄×2\n", "姓名\t30岁以下\t31岁以上\n", "魏雪晴\t1\n",
		"李明↵已转出\t\t2\n", "＝合计\t1\t2\n", "注:按周岁计。\n", "[姓名] | 魏雪晴\n",
		"（满页）[个人自我评价] | 认真学习。 本人签字:________    年  月  日\n",
		"填报单位：计算机学院党委　　填表人：________\n", "党委(盖章)________（盖章）    年  月  日\n", "【分页】\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("plain text lacks %q:\n%s", want, got)
		}
	}
	if strings.ContainsRune(got, WordJoiner) {
		t.Error("word joiners in the plain text")
	}
	if PlainText(d) != got {
		t.Error("the same document gave another text")
	}
}
