package docx

import (
	"math"
	"strings"

	"dangjian/reports/layout"
)

// geometry is the page layout of one orientation, in mm, as the PDF has
// it: the binding edge is the gutter on the left of a portrait page and the
// top margin of a landscape one.
type geometry struct {
	width, height         float64 // the A4 sheet
	left, gutter, right   float64 // left margin + gutter = the binding side
	top, bottom           float64 // the body's margins
	header, footer        float64 // from the sheet's edge to the header's top and the footer's foot
	landscape             bool
	bodyWidth, bodyHeight float64 // set by init
}

// The two page layouts. Portrait: 15 mm margin + 13 mm gutter = the 28 mm
// binding edge on the left; body 210 − 28 − 15 = 167 mm wide. Landscape:
// the header and body start below a 28 mm top edge; body 267 mm wide.
var (
	portrait = geometry{width: 210, height: 297, left: 15, gutter: 13, right: 15,
		top: 21, bottom: 20, header: 12, footer: 10}
	landscape = geometry{width: 297, height: 210, left: 15, right: 15,
		top: 38, bottom: 16, header: 29, footer: 8, landscape: true}
)

func init() {
	for _, g := range []*geometry{&portrait, &landscape} {
		g.bodyWidth = g.width - g.left - g.gutter - g.right
		g.bodyHeight = g.height - g.top - g.bottom
	}
}

// Type sizes, points (as the PDF sets them).
const (
	titleSize    = 18   // a part's title (小二)
	subtitleSize = 12   // the line under it
	headSize     = 9    // running header and footer
	proseSize    = 10.5 // prose (五号)
	tableSize    = 9    // table cells and headers (小五)
	keepMinSize  = 7    // a Keep cell is set no smaller
	formSize     = 10.5 // form text
	leading      = 1.35 // line height as a multiple of the type size, for estimates
)

// Cell padding and the room of signature lines, mm.
const (
	padH      = 1.2  // table cells, left and right
	padV      = 0.7  // table cells, top and bottom
	formPad   = 2.0  // form cells
	signH     = 10.0 // a signature line: room for a hand
	fillSlack = 10.0 // what a Fill row leaves of the page, for the differences of Word's line heights
)

// mmPerPt converts points to millimetres.
const mmPerPt = 25.4 / 72

// tw converts mm to twips (1/1440 inch), the unit of WordprocessingML
// lengths.
func tw(mm float64) int { return int(math.Round(mm * 1440 / 25.4)) }

// halfPt is a type size in half-points, the unit of w:sz.
func halfPt(size float64) int { return int(math.Round(size * 2)) }

// lineH is the estimated height of a line of type size points, in mm.
func lineH(size float64) float64 { return size * leading * mmPerPt }

// textWidth estimates the width of s set at size points, in mm: Chinese
// characters and full-width forms an em, word joiners nothing, other
// characters a little over half an em (figures are half an em in Times New
// Roman; the rest leaves room for faces a little wider). The Word application measures with the faces it
// has; the estimate serves to size Keep cells and Fill rows.
func textWidth(s string, size float64) float64 {
	ems := 0.0
	for _, r := range s {
		switch {
		case r == layout.WordJoiner:
		case r >= 0x1100:
			ems++
		default:
			ems += 0.55
		}
	}
	return ems * size * mmPerPt
}

// lines estimates how many lines s takes at size points in w mm.
func lines(s string, size, w float64) int {
	if s == "" {
		return 0
	}
	n := 0
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '\n' {
			continue
		}
		lw := textWidth(s[start:i], size)
		n += max(1, int(math.Ceil(lw/max(w, 1)-0.01)))
		start = i + 1
	}
	return n
}

// joiner is layout.WordJoiner as a string.
const joiner = string(layout.WordJoiner)

// unjoin returns text without its word joiners when each of its lines fits
// in w mm at size points, so that it cannot break anyway: names in
// ledgers and forms are then found by Word's search and copied without
// invisible characters. Text that may wrap keeps them, so that Word does
// not break a name or a document number across lines.
func unjoin(text string, size, w float64) string {
	if !strings.Contains(text, joiner) {
		return text
	}
	for line := range strings.SplitSeq(text, "\n") {
		if textWidth(line, size) > w {
			return text
		}
	}
	return strings.ReplaceAll(text, joiner, "")
}
