package app

import "fyne.io/fyne/v2/widget"

// choosePlaceholder is what a drop-down shows while nothing is chosen.
// Fyne's own, "(Select one)", is a constant that no translation reaches.
const choosePlaceholder = "请选择"

// newSelect is a drop-down of options whose empty state reads 「请选择」.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = choosePlaceholder
	return s
}
