package cli

import (
	"strings"
	"testing"

	"dangjian/reports/sheets"
)

// The 种类 of the sheets, nineteen of them, are listed on lines a terminal
// shows whole, every kind on one of them.
func TestTemplateUsageListsEveryKindOnShortLines(t *testing.T) {
	lines := wrapNote(sheetKinds(), noteWidth)
	if len(lines) < 2 {
		t.Fatalf("the kinds are on %d line: %q", len(lines), lines)
	}
	for _, l := range lines {
		if w := displayWidth(l); w > noteWidth {
			t.Errorf("line %d columns wide: %q", w, l)
		}
	}
	text := strings.Join(lines, "\n")
	for _, k := range sheets.Kinds {
		if !strings.Contains(text, string(k)+" "+sheets.LayoutOf(k).Title) {
			t.Errorf("usage does not list %s", k)
		}
	}
	if got := wrapNote("种类：a | b", noteWidth); len(got) != 1 || got[0] != "种类：a | b" {
		t.Errorf("a short note was changed: %q", got)
	}
}
