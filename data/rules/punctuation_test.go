package rules

import (
	"dangjian/data/hanzi/hanzitest"
	"strings"
	"testing"
)

// halfWidthKept are the texts whose ASCII brackets are read by another
// part of the program: the settings form cuts a long label's note at its
// ASCII bracket and shows it under the setting.
var halfWidthKept = map[string]bool{
	"记录起始月份(此前的记录不在本系统，不计为缺失；留空则自动)": true,
}

// TestChineseTextUsesFullWidthPunctuation reads every string of the
// package's source that holds Chinese text — findings, settings' labels
// and messages — and fails on ASCII punctuation in it:
// 「2026年集中学习12学时，不足27学时（3月起按10个月折算）」, not
// 「2026年集中学习12学时,不足27学时(3月起按10个月折算)」.
func TestChineseTextUsesFullWidthPunctuation(t *testing.T) {
	hanzitest.CheckSource(t, []string{"*.go"}, halfWidthKept)
}

// TestSettingLabelsUseFullWidthPunctuation: a label is full-width but for
// the brackets of the note the settings form cuts off (halfWidthKept).
func TestSettingLabelsUseFullWidthPunctuation(t *testing.T) {
	for _, d := range SettingDefs {
		label := d.Label
		if halfWidthKept[label] {
			head, note, _ := strings.Cut(label, "(")
			label = head + "（" + strings.TrimSuffix(note, ")") + "）"
		}
		if m := hanzitest.ASCIIPunctuation(label); m != "" {
			t.Errorf("%s: ASCII punctuation %q in %q", d.Key, m, d.Label)
		}
	}
}
