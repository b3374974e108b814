package pdf

import (
	"strings"
	"testing"

	"dangjian/reports/layout"
)

// TestFormCellIndentSetsInTheFirstLineOfEachParagraph: a value cell
// marked Indent starts each paragraph two characters in (two ideographic
// spaces, read back as spaces), and only the first line of it.
func TestFormCellIndentSetsInTheFirstLineOfEachParagraph(t *testing.T) {
	c := layout.Cell{Text: "本年度认真学习。\n积极参加组织生活。", Indent: true}
	if got, want := cellText(&c), "\u3000\u3000本年度认真学习。\n\u3000\u3000积极参加组织生活。"; got != want {
		t.Errorf("cellText = %q, want %q", got, want)
	}
	c.Indent = false
	if got := cellText(&c); strings.HasPrefix(got, "\u3000") {
		t.Errorf("without Indent: %q", got)
	}
	label := layout.Cell{Text: "个人自我评价", Label: true, Indent: true}
	if got := cellText(&label); got != "个人自我评价" {
		t.Errorf("a label is never indented: %q", got)
	}
	blank := layout.Cell{Text: "  ", Indent: true}
	if got := cellText(&blank); got != "" {
		t.Errorf("a blank cell stays blank: %q", got)
	}
}
