package app

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dangjian/assets"
)

func TestThemeFontIsBundledForEveryStyle(t *testing.T) {
	th := NewTheme()
	for _, c := range []struct {
		name  string
		style fyne.TextStyle
		want  []byte
	}{
		{"regular", fyne.TextStyle{}, assets.UISans},
		{"bold", fyne.TextStyle{Bold: true}, assets.UISansBold},
		{"italic", fyne.TextStyle{Italic: true}, assets.UISans},
		{"bold italic", fyne.TextStyle{Bold: true, Italic: true}, assets.UISansBold},
		{"monospace", fyne.TextStyle{Monospace: true}, assets.UISans},
	} {
		res := th.Font(c.style)
		if res == nil {
			t.Errorf("%s: Font returned nil", c.name)
			continue
		}
		if len(c.want) == 0 || !bytes.Equal(res.Content(), c.want) {
			t.Errorf("%s: Font is %q (%d bytes), want the bundled face (%d bytes)",
				c.name, res.Name(), len(res.Content()), len(c.want))
		}
	}
	if bytes.Equal(assets.UISans, assets.UISansBold) {
		t.Error("bold text uses the regular face")
	}
}

func TestThemeKeepsDefaultColorsAndSizes(t *testing.T) {
	th := NewTheme()
	def := theme.DefaultTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for _, c := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameForeground, theme.ColorNamePrimary} {
			if got, want := th.Color(c, v), def.Color(c, v); got != want {
				t.Errorf("Color(%s, %d) = %v, want default %v", c, v, got, want)
			}
		}
	}
	if got, want := th.Size(theme.SizeNamePadding), def.Size(theme.SizeNamePadding); got != want {
		t.Errorf("padding = %v, want default %v", got, want)
	}
	if got, def := th.Size(theme.SizeNameText), def.Size(theme.SizeNameText); got < def {
		t.Errorf("text size = %v, smaller than default %v", got, def)
	}
}

func TestThemeRendersChineseLabel(t *testing.T) {
	a := test.NewTempApp(t)
	th := NewTheme()
	a.Settings().SetTheme(th)

	const text = "党员教育管理"
	label := widget.NewLabel(text)
	w := test.NewTempWindow(t, label)
	w.Resize(fyne.NewSize(400, 100))

	min := label.MinSize()
	if min.Width <= 0 || min.Height <= 0 {
		t.Fatalf("label %q MinSize = %v, want non-zero", text, min)
	}
	// CJK glyphs are full-width: six of them take at least about six ems.
	size := th.Size(theme.SizeNameText)
	if want := 6 * size * 0.9; min.Width < want {
		t.Errorf("label %q MinSize width = %v, want at least %v for six full-width glyphs", text, min.Width, want)
	}
}
