package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"dangjian/assets"
)

// uiFont and uiBold are the bundled faces of the user interface (Dangjian
// Sans and its bold) as Fyne resources, built once and shared by every text
// style.
var (
	uiFont = fyne.NewStaticResource(assets.UISansName, assets.UISans)
	uiBold = fyne.NewStaticResource(assets.UISansBoldName, assets.UISansBold)
)

// textSizeBump is added to the default text size, for readability of dense
// Chinese forms and tables.
const textSizeBump = 1

// dangjianTheme wraps Fyne's default theme: the same colors (secondary
// text and input borders darker in the light variant), icons and sizes
// (text one point larger), with the bundled CJK font for all text.
type dangjianTheme struct {
	base fyne.Theme
}

var _ fyne.Theme = (*dangjianTheme)(nil)

// NewTheme returns the application's theme: Fyne's default theme, following
// the user's light or dark preference, with every text style (regular, bold,
// italic, monospace) drawn in the bundled Dangjian Sans (bold text in its
// bold) so that Chinese text shows on machines without a CJK font, and text
// slightly larger than the default.
func NewTheme() fyne.Theme {
	return &dangjianTheme{base: theme.DefaultTheme()}
}

// Greys of the light variant darker than the default theme's #E3E3E3,
// which on white is hardly seen (1.3:1). Fyne draws low-importance labels
// (the explanations and hints under forms, 此处只供查看) in the disabled
// color: lightDisabled reads at 4.5:1 or more on the background, the
// table headers' and the input fields' (WCAG AA for text); lightInputBorder,
// the outline of an entry and of an unchecked box, at 3:1 or more on them
// (WCAG's contrast for the parts of a control).
var (
	lightDisabled    = color.NRGBA{R: 0x6e, G: 0x6e, B: 0x6e, A: 0xff}
	lightInputBorder = color.NRGBA{R: 0x8c, G: 0x8c, B: 0x8c, A: 0xff}
)

// Color returns the default theme's color, but for the light variant's
// disabled (secondary text) and input border colors, which are darker.
func (t *dangjianTheme) Color(name fyne.ThemeColorName, variant fyne.ThemeVariant) color.Color {
	if variant == theme.VariantLight {
		switch name {
		case theme.ColorNameDisabled:
			return lightDisabled
		case theme.ColorNameInputBorder:
			return lightInputBorder
		}
	}
	return t.base.Color(name, variant)
}

// Font returns the bundled CJK face for every text style, the bold one for
// bold text, except Symbol, whose glyphs (keyboard symbols in menus) come
// from the default theme.
func (t *dangjianTheme) Font(style fyne.TextStyle) fyne.Resource {
	switch {
	case style.Symbol:
		return t.base.Font(style)
	case style.Bold:
		return uiBold
	}
	return uiFont
}

// Icon returns the default theme's icon.
func (t *dangjianTheme) Icon(name fyne.ThemeIconName) fyne.Resource {
	return t.base.Icon(name)
}

// Size returns the default theme's size, with body text slightly larger.
func (t *dangjianTheme) Size(name fyne.ThemeSizeName) float32 {
	s := t.base.Size(name)
	if name == theme.SizeNameText {
		s += textSizeBump
	}
	return s
}
