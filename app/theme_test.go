package app

import (
	"bytes"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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

// contrast is the WCAG contrast ratio of two opaque colors (1 to 21).
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, bl, _ := c.RGBA()
		lin := func(v uint32) float64 {
			s := float64(v) / 0xffff
			if s <= 0.03928 {
				return s / 12.92
			}
			return math.Pow((s+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(bl)
	}
	la, lb := lum(a), lum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TestThemeSecondaryTextIsReadable: in the light variant, low-importance
// labels (drawn in the disabled color: 此处只供查看, the explanations under
// forms) read at WCAG AA's 4.5:1 or more on the window's background, the
// table headers' and the input fields'; an entry's outline and an
// unchecked box at 3:1 or more; a low-importance label is drawn in that
// color.
func TestThemeSecondaryTextIsReadable(t *testing.T) {
	th := NewTheme()
	v := theme.VariantLight
	for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameHeaderBackground, theme.ColorNameInputBackground} {
		if c := contrast(th.Color(theme.ColorNameDisabled, v), th.Color(bg, v)); c < 4.5 {
			t.Errorf("secondary text on %s: contrast %.2f:1, want at least 4.5:1", bg, c)
		}
		if c := contrast(th.Color(theme.ColorNameInputBorder, v), th.Color(bg, v)); c < 3 {
			t.Errorf("input border on %s: contrast %.2f:1, want at least 3:1", bg, c)
		}
	}
	// Secondary text is still told apart from ordinary text.
	if th.Color(theme.ColorNameDisabled, v) == th.Color(theme.ColorNameForeground, v) {
		t.Error("secondary text is drawn as ordinary text")
	}

	a := test.NewTempApp(t)
	a.Settings().SetTheme(th)
	l := widget.NewLabel(viewOnlyNote)
	l.Importance = widget.LowImportance
	w := test.NewWindow(l)
	defer w.Close()
	var drawn color.Color
	walkObjects(w.Content(), func(o fyne.CanvasObject) {
		if txt, ok := o.(*canvas.Text); ok && txt.Text == viewOnlyNote {
			drawn = txt.Color
		}
	})
	if drawn == nil {
		t.Fatal("the label's text is not drawn")
	}
	if c := contrast(drawn, th.Color(theme.ColorNameBackground, v)); c < 4.5 {
		t.Errorf("a low-importance label is drawn at %.2f:1 on the background", c)
	}
}
