package layout

import (
	"testing"
	"time"
)

func TestTypeset(t *testing.T) {
	tests := []struct{ in, want string }{
		{"本人签字:", "本人签字："},
		{"学习,讨论;总结", "学习，讨论；总结"},
		{"会议(扩大)召开", "会议（扩大）召开"},
		{"目标(1)", "目标（1）"},
		{"(1)完成", "（1）完成"},
		{"10:30", "10:30"},
		{"1,000元", "1,000元"},
		{"see (a) b", "see (a) b"},
		{"好吗?", "好吗？"},
		{"已完成!", "已完成！"},
		{"张三 , 李四", "张三 ， 李四"},
		{"", ""},
		{Keep("转字(2026)第1号"), Keep("转字（2026）第1号")},
		{Keep("张三") + ":", Keep("张三") + "："},
	}
	for _, tc := range tests {
		if got := Typeset(tc.in); got != tc.want {
			t.Errorf("Typeset(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDates(t *testing.T) {
	d := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	if got := TableDate(d); got != "2026.03.05" {
		t.Errorf("TableDate = %q", got)
	}
	if got := ProseDate(d); got != "2026年3月5日" {
		t.Errorf("ProseDate = %q", got)
	}
	if got := TableMonth(d); got != "2026.03" {
		t.Errorf("TableMonth = %q", got)
	}
	if got := ProseMonth(d); got != "2026年3月" {
		t.Errorf("ProseMonth = %q", got)
	}
	if TableDate(time.Time{}) != "" || ProseDate(time.Time{}) != "" {
		t.Error("zero dates must print blank")
	}
}

func TestKeep(t *testing.T) {
	if got := Keep("魏雪晴"); got != "魏\u2060雪\u2060晴" {
		t.Errorf("Keep = %q", got)
	}
	if got := Keep(""); got != "" {
		t.Errorf("Keep(\"\") = %q", got)
	}
}
