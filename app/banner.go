package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// foldRunesPerLine is how many characters a folded text counts as one line
// when a line is long and wraps.
const foldRunesPerLine = 80

// foldingText is a text of bounded height for banners and to-do cards: the
// first maxLines lines, with 「展开」 to show the rest and 「收起」 to fold
// it again. A long line counts as several (it wraps).
type foldingText struct {
	maxLines int
	full     string
	open     bool
	label    *widget.Label
	toggle   *widget.Button
	box      *fyne.Container
}

// newFoldingText is an empty foldingText showing at most maxLines lines
// until 展开 is pressed.
func newFoldingText(maxLines int) *foldingText {
	if maxLines < 1 {
		maxLines = 1
	}
	f := &foldingText{maxLines: maxLines, label: widget.NewLabel("")}
	f.label.Wrapping = fyne.TextWrapWord
	f.toggle = widget.NewButton("展开", func() {
		f.open = !f.open
		f.show()
	})
	f.toggle.Importance = widget.LowImportance
	f.toggle.Hide()
	f.box = container.NewVBox(f.label, container.NewHBox(f.toggle))
	return f
}

// SetText shows s, folded.
func (f *foldingText) SetText(s string) {
	f.full = s
	f.open = false
	f.show()
}

// Text is the whole text, folded or not.
func (f *foldingText) Text() string { return f.full }

// shown is the text on screen.
func (f *foldingText) shown() string { return f.label.Text }

// object is the text and its 展开 button, for a layout.
func (f *foldingText) object() fyne.CanvasObject { return f.box }

// show puts the text, folded or open, on screen.
func (f *foldingText) show() {
	head, cut := foldLines(f.full, f.maxLines)
	switch {
	case !cut:
		f.label.SetText(f.full)
		f.toggle.Hide()
	case f.open:
		f.label.SetText(f.full)
		f.toggle.SetText("收起")
		f.toggle.Show()
	default:
		f.label.SetText(head + "…")
		f.toggle.SetText("展开")
		f.toggle.Show()
	}
	f.box.Refresh()
}

// foldLines is the beginning of s that fits in max lines (a line longer
// than foldRunesPerLine counting as several), and whether s was cut.
func foldLines(s string, max int) (string, bool) {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	var out []string
	left := max
	for i, line := range lines {
		r := []rune(line)
		need := (len(r) + foldRunesPerLine - 1) / foldRunesPerLine
		if need == 0 {
			need = 1
		}
		if need > left {
			if left > 0 {
				out = append(out, string(r[:left*foldRunesPerLine]))
			}
			return strings.Join(out, "\n"), true
		}
		out = append(out, line)
		left -= need
		if left == 0 && i < len(lines)-1 {
			return strings.Join(out, "\n"), true
		}
	}
	return s, false
}
