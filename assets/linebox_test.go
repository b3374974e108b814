package assets

import (
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// latinAndPinyin are the letters of names, addresses and notes besides the
// hanzi: ASCII, the accented letters of Latin-1 and the pinyin vowels with
// tone marks (ǘ ǚ ǜ are the tallest of the bold face).
const latinAndPinyin = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" +
	"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~¦§©°±µ¶·¸¿×÷" +
	"ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåçèéêëìíîïñòóôõöøùúûüýÿ" +
	"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"

// TestUIFacesDrawEveryCharacterInsideALineOfTheInterface checks the line
// box of the interface faces: Fyne makes a line of text as high as the
// face's hhea ascent plus descent and draws nothing outside, so every
// hanzi, letter and mark the interface shows must lie inside it, and the
// box must stay near the 1.17 em of the face the layouts were made for
// (Noto's own 1.45 em cost the 工作台 a row of findings at 1024×768).
func TestUIFacesDrawEveryCharacterInsideALineOfTheInterface(t *testing.T) {
	chars := append(tongyong(t), []rune(latinAndPinyin+commonPunctuation+documentSymbols)...)
	var boxes []fixed.Int26_6
	for _, f := range []struct {
		name string
		data []byte
	}{{"UISans", UISans}, {"UISansBold", UISansBold}} {
		t.Run(f.name, func(t *testing.T) {
			face, err := sfnt.Parse(f.data)
			if err != nil {
				t.Fatal(err)
			}
			var buf sfnt.Buffer
			// At a size of one pixel per font unit, the 26.6 values are font units.
			upem := fixed.I(int(face.UnitsPerEm()))
			m, err := face.Metrics(&buf, upem, font.HintingNone)
			if err != nil {
				t.Fatal(err)
			}
			em := float64(face.UnitsPerEm())
			line := float64(m.Ascent+m.Descent) / 64 / em
			if line > 1.3 {
				t.Errorf("a line is %.3f em high (ascent %d, descent %d), want at most 1.3 em",
					line, m.Ascent.Round(), m.Descent.Round())
			}
			boxes = append(boxes, m.Ascent, m.Descent)
			for _, r := range chars {
				g, err := face.GlyphIndex(&buf, r)
				if err != nil || g == 0 {
					t.Errorf("no glyph for %q (U+%04X)", r, r)
					continue
				}
				b, _, err := face.GlyphBounds(&buf, g, upem, font.HintingNone)
				if err != nil {
					t.Fatal(err)
				}
				// y grows downwards: Min.Y is minus the glyph's top.
				if top, bottom := -b.Min.Y, b.Max.Y; top > m.Ascent || bottom > m.Descent {
					t.Errorf("%q (U+%04X) reaches from %d to %d, outside the line box %d to %d",
						r, r, -bottom.Round(), top.Round(), -m.Descent.Round(), m.Ascent.Round())
				}
			}
		})
	}
	if len(boxes) == 4 && (boxes[0] != boxes[2] || boxes[1] != boxes[3]) {
		t.Errorf("regular text has lines of ascent %d and descent %d, bold text of %d and %d; want the same",
			boxes[0].Round(), boxes[1].Round(), boxes[2].Round(), boxes[3].Round())
	}
}
