package hanzitest

import "testing"

func TestASCIIPunctuation(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"2026年集中学习12学时，不足27学时（3月起按10个月折算）", ""},
		{"2026年集中学习12学时,不足27学时", "时,"},
		{"文件不是有效的Excel(.xlsx)文件", ")文"},
		{"数据库: %s", "库:"},
		{"--member: 没有该党员", ": 没"},
		{"file: not found", ""},
		{"张三（出差）", ""},
		{"张三(出差)", "三("},
	} {
		if got := ASCIIPunctuation(tc.text); got != tc.want {
			t.Errorf("ASCIIPunctuation(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
