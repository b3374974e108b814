package app

import (
	"dangjian/data/hanzi/hanzitest"
	"testing"
)

// TestChineseTextUsesFullWidthPunctuation reads every string of the
// window's source that holds Chinese text — labels, notes, messages — and
// fails on ASCII punctuation in it: 「未发布：截止日期」, not 「未发布: 截止日期」.
func TestChineseTextUsesFullWidthPunctuation(t *testing.T) {
	hanzitest.CheckSource(t, []string{"*.go"}, map[string]bool{
		// The 工作台 cuts a 转接 finding's detail at 「(介绍信」 as well
		// as at 「（介绍信」: dashboard.go reads the ASCII mark.
		"(介绍信": true,
	})
}

// TestSplitLabelCutsAtEitherBracket: the settings form cuts a setting's
// long note off its label at a full-width bracket and at an ASCII one
// (data/rules still writes 记录起始月份's), and leaves a short one.
func TestSplitLabelCutsAtEitherBracket(t *testing.T) {
	for _, tc := range []struct{ label, head, note string }{
		{"记录起始月份(此前的记录不在本系统，不计为缺失；留空则自动)", "记录起始月份", "此前的记录不在本系统，不计为缺失；留空则自动"},
		{"记录起始月份（此前的记录不在本系统，不计为缺失；留空则自动）", "记录起始月份", "此前的记录不在本系统，不计为缺失；留空则自动"},
		{"组织关系介绍信有效期（天）", "组织关系介绍信有效期（天）", ""},
		{"考评合格分数", "考评合格分数", ""},
	} {
		if head, note := splitLabel(tc.label); head != tc.head || note != tc.note {
			t.Errorf("splitLabel(%q) = %q, %q; want %q, %q", tc.label, head, note, tc.head, tc.note)
		}
	}
}
