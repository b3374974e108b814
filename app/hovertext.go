package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// hoverText is a one-line label cut with an ellipsis that shows its whole
// text in a pop-up while the mouse rests on it, when the text is cut. It
// takes no taps, so that a list line holding it stays tappable.
type hoverText struct {
	widget.Label
	tip *widget.PopUp
}

var _ desktop.Hoverable = (*hoverText)(nil)

func newHoverText() *hoverText {
	h := &hoverText{}
	h.Truncation = fyne.TextTruncateEllipsis
	h.ExtendBaseWidget(h)
	return h
}

// cut tells whether the text is wider than the label.
func (h *hoverText) cut() bool {
	w := fyne.MeasureText(h.Text, theme.TextSize(), h.TextStyle).Width + 2*theme.InnerPadding()
	return w > h.Size().Width
}

// MouseIn shows the whole text under the mouse when it is cut.
func (h *hoverText) MouseIn(ev *desktop.MouseEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(h)
	if c == nil || h.Text == "" || !h.cut() {
		return
	}
	h.hideTip()
	full := widget.NewLabel(h.Text)
	full.Wrapping = fyne.TextWrapWord
	pad := 2 * (theme.InnerPadding() + theme.Padding())
	width := min(fyne.MeasureText(h.Text, theme.TextSize(), h.TextStyle).Width+pad, 480, c.Size().Width)
	full.Resize(fyne.NewSize(width-2*theme.Padding(), full.MinSize().Height))
	h.tip = widget.NewPopUp(full, c)
	h.tip.Resize(fyne.NewSize(width, full.MinSize().Height+2*theme.Padding()))
	at := ev.AbsolutePosition.AddXY(12, 16)
	if room := c.Size().Width - width; at.X > room {
		at.X = max(room, 0)
	}
	h.tip.ShowAtPosition(at)
}

// MouseMoved keeps the pop-up where it is.
func (h *hoverText) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the pop-up.
func (h *hoverText) MouseOut() { h.hideTip() }

func (h *hoverText) hideTip() {
	if h.tip != nil {
		h.tip.Hide()
		h.tip = nil
	}
}
