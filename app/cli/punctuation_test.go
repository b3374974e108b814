package cli

import (
	"dangjian/data/hanzi/hanzitest"
	"testing"
)

// TestChineseTextUsesFullWidthPunctuation reads every string of the command
// line's source that holds Chinese text — usage, options, messages — and
// fails on ASCII punctuation in it: 「数据库文件路径（默认：…）」, not
// 「数据库文件路径(默认:…)」.
func TestChineseTextUsesFullWidthPunctuation(t *testing.T) {
	hanzitest.CheckSource(t, []string{"*.go"}, nil)
}
