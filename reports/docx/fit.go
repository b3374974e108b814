package docx

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"dangjian/reports/layout"
)

// wideEm is the advance of a figure, a Latin letter or a mark in the
// widest face a reader may set them in instead of the assumed ones: Word
// and WPS set figures half an em wide (Times New Roman, 宋体), but
// LibreOffice without those faces takes DejaVu Serif, whose figures are
// 0.64 em, and then breaks 「420106197001101019」, 「2018.07.01」 or
// 「2026年度」 inside a cell the estimate said they fit.
const wideEm = 0.64

// minScale is the least horizontal scale of a cell's text, percent.
const minScale = 60

// wideWidth is the width of s at size points, mm, in the widest faces a
// reader may have: Chinese an em, other characters wideEm, and a quarter
// em where Chinese meets a figure or a Latin letter (the space Word and
// LibreOffice put between them).
func wideWidth(s string, size float64) float64 {
	ems := 0.0
	prev := 0 // 1: Chinese, 2: a figure or a letter
	for _, r := range s {
		cls := 0
		switch {
		case r == layout.WordJoiner:
			continue
		case r >= 0x1100:
			ems++
			if unicode.Is(unicode.Han, r) {
				cls = 1
			}
		default:
			ems += wideEm
			if r < utf8.RuneSelf && (unicode.IsDigit(r) || unicode.IsLetter(r)) {
				cls = 2
			}
		}
		if cls != 0 && prev != 0 && cls != prev {
			ems += 0.25
		}
		prev = cls
	}
	return ems * size * mmPerPt
}

// fitScale is the horizontal scale, percent, that keeps a cell's text on
// the lines it is meant to have when the reader sets its figures wider
// than Word does: 100 when every line fits avail mm in the widest faces,
// or when a line does not fit even by the estimate (the text wraps
// anyway); otherwise the scale (down to minScale) at which the widest
// line fits. Only text with figures or Latin letters can need one. The
// scale changes no character, so the text stays as searchable as it was;
// word joiners would not do (LibreOffice breaks a line that does not fit
// at any character, joined or not), and neither would w:noWrap (which
// LibreOffice ignores).
func fitScale(text string, size, avail float64) int {
	if !hasNarrow(text) {
		return 100
	}
	widest := 0.0
	for line := range strings.SplitSeq(text, "\n") {
		if textWidth(line, size) > avail {
			return 100
		}
		widest = max(widest, wideWidth(line, size))
	}
	if widest <= avail || widest == 0 {
		return 100
	}
	return max(int(math.Floor(avail/widest*100)), minScale)
}

// hasNarrow reports whether s has a character narrower than an em in the
// assumed faces (an ASCII one).
func hasNarrow(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf && s[i] != '\n' {
			return true
		}
	}
	return false
}

// scaleProp is the run property of a horizontal scale, percent; "" for
// 100. In a w:rPr it comes before w:sz.
func scaleProp(pct int) string {
	if pct >= 100 {
		return ""
	}
	return `<w:w w:val="` + strconv.Itoa(pct) + `"/>`
}
