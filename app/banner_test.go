package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestFoldingTextShowsTheFirstLinesUntilOpened(t *testing.T) {
	test.NewTempApp(t)
	f := newFoldingText(2)
	f.SetText("第一支部未开支部党员大会\n第二支部未开组织生活会\n第三支部未报党费")
	if got := f.shown(); got != "第一支部未开支部党员大会\n第二支部未开组织生活会…" || !f.toggle.Visible() || f.toggle.Text != "展开" {
		t.Fatalf("folded: %q, toggle %q shown %v", got, f.toggle.Text, f.toggle.Visible())
	}
	test.Tap(f.toggle)
	if f.shown() != f.Text() || f.toggle.Text != "收起" {
		t.Fatalf("opened: %q, toggle %q", f.shown(), f.toggle.Text)
	}
	test.Tap(f.toggle)
	if strings.Contains(f.shown(), "第三支部") {
		t.Fatal("收起 does not fold the text again")
	}
	f.SetText("一行")
	if f.shown() != "一行" || f.toggle.Visible() {
		t.Fatalf("a short text: %q, toggle shown %v", f.shown(), f.toggle.Visible())
	}
	long := strings.Repeat("支部", foldRunesPerLine*3)
	f.SetText(long)
	if n := len([]rune(f.shown())); n != 2*foldRunesPerLine+1 {
		t.Fatalf("one long line folds to %d characters, want two lines' worth", n)
	}
}
