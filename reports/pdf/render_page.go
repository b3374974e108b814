package pdf

import (
	"fmt"

	"dangjian/reports/layout"
)

// geometry is the page layout of one orientation, in mm from the page's
// top left corner.
type geometry struct {
	width, height    float64
	left, right, top float64 // margins; the binding edge is left (portrait) or top (landscape)
	headerY, ruleY   float64 // the running header's top and the rule under it
	bodyTop, bottom  float64 // the body runs from bodyTop down to bottom
	footerY          float64 // the footer line's top
	bodyW            float64
}

// The two page layouts. Body width: portrait 210 − 28 − 15 = 167 mm,
// landscape 297 − 15 − 15 = 267 mm.
var (
	portrait = geometry{width: 210, height: 297, left: 28, right: 15, top: 12,
		headerY: 12, ruleY: 17.5, bodyTop: 21, bottom: 277, footerY: 282}
	landscape = geometry{width: 297, height: 210, left: 15, right: 15, top: 28,
		headerY: 29, ruleY: 34.5, bodyTop: 38, bottom: 194, footerY: 198}
)

func init() {
	for _, g := range []*geometry{&portrait, &landscape} {
		g.bodyW = g.width - g.left - g.right
	}
}

// Type sizes, points.
const (
	titleSize    float64 = 18   // a part's title (小二)
	subtitleSize float64 = 12   // the line under it
	headSize     float64 = 9    // running header and footer
	proseSize    float64 = 10.5 // prose (五号)
	tableSize    float64 = 9    // table cells and headers (小五)
	keepMinSize  float64 = 7    // a Keep cell is set no smaller before it wraps
	formSize     float64 = 10.5 // form text; never shrunk
	leading      float64 = 1.35 // line height as a multiple of the type size
)

// mmPerPt converts points to millimetres.
const mmPerPt = 25.4 / 72

// lineH is the height of a line of type size points, in mm.
func lineH(size float64) float64 { return size * leading * mmPerPt }

// newPage starts a page of the current part: its running header, and on
// the part's first page the title and subtitle.
func (r *renderer) newPage(first bool) {
	r.pdf.AddPage()
	r.size = 0      // the new page's stream has no font selected yet
	rec := r.record // the page's furniture belongs to the part, not to a row
	r.record = r.partRecord()
	defer func() { r.record = rec }()
	g := r.geo
	w := g.bodyW
	r.runningHeader(first)
	r.pdf.SetLineWidth(0.3)
	r.pdf.Line(g.left, g.ruleY, g.left+w, g.ruleY)
	r.y = g.bodyTop
	if first {
		r.title(r.partTitle)
	}
}

// headMinSize is the least size of the running header's middle text.
const headMinSize float64 = 7

// headGap is the least space between the texts of the running header, mm.
const headGap = 4.0

// runningHeader draws the header line: the organization on the left, the
// period on the right and, on a part's pages after its first, the part's
// title and its Record (「支部 姓名(工号)」) in the middle, so that a loose
// page of a batch of forms can be put back to its member. When both do
// not fit between the sides the record stands alone, set smaller down to
// headMinSize; when even that does not fit, the record takes the
// organization's place on the left of those pages. A part without a
// record has its title in the middle.
func (r *renderer) runningHeader(first bool) {
	g := r.geo
	w := g.bodyW
	period := typeset(r.doc.Period)
	r.text(faceSong, headSize, g.left, g.headerY, w, period, layout.Right)
	org := typeset(r.doc.Org)
	rec := typeset(r.part.Record)
	if first || rec == "" || rec == r.partTitle {
		r.text(faceSong, headSize, g.left, g.headerY, w, org, layout.Left)
		if !first {
			r.text(faceSong, headSize, g.left, g.headerY, w, r.partTitle, layout.Center)
		}
		return
	}
	pw := r.width(period, faceSong, headSize)
	room := w - 2*(max(r.width(org, faceSong, headSize), pw)+headGap)
	if both := typeset(r.partTitle) + "\u3000" + rec; r.width(both, faceSong, headSize) <= room {
		r.text(faceSong, headSize, g.left, g.headerY, w, org, layout.Left)
		r.text(faceSong, headSize, g.left, g.headerY, w, both, layout.Center)
		return
	}
	rw := r.width(rec, faceSong, headSize)
	if size := r.fitSize(rw, room); size > 0 {
		r.text(faceSong, headSize, g.left, g.headerY, w, org, layout.Left)
		r.headText(size, w, rec, layout.Center)
		return
	}
	size := max(r.fitSize(rw, w-pw-headGap), headMinSize)
	r.headText(size, w, rec, layout.Left)
}

// fitSize is the size, down to headMinSize in quarter points, at which a
// header text rw mm wide at headSize fits in room mm; 0 when none does.
func (r *renderer) fitSize(rw, room float64) float64 {
	if rw <= room {
		return headSize
	}
	if room <= 0 {
		return 0
	}
	size := float64(int(headSize*room/rw*4)) / 4
	if size < headMinSize {
		return 0
	}
	return size
}

// headText draws a text of the header line at size, on the header's
// baseline.
func (r *renderer) headText(size, w float64, s string, a layout.Align) {
	g := r.geo
	top := g.headerY + (lineH(headSize)-lineH(size))/2 + 0.35*(headSize-size)*mmPerPt
	r.text(faceSong, size, g.left, top, w, s, a)
}

// title draws a part's title (and its subtitle) at the top of the body.
func (r *renderer) title(t string) {
	g := r.geo
	r.y += 1
	lh := lineH(titleSize)
	for _, line := range r.wrapText(t, faceTitle, titleSize, g.bodyW) {
		r.text(faceTitle, titleSize, g.left, r.y, g.bodyW, line, layout.Center)
		r.y += lh
	}
	if r.part.Subtitle != "" {
		for _, line := range r.wrapText(r.part.Subtitle, faceSong, subtitleSize, g.bodyW) {
			r.text(faceSong, subtitleSize, g.left, r.y, g.bodyW, line, layout.Center)
			r.y += lineH(subtitleSize)
		}
	}
	r.y += 3
}

// ensure starts a new page of the part unless h mm fit below the writing
// position; it reports whether it did.
func (r *renderer) ensure(h float64) bool {
	if r.y+h > r.geo.bottom && r.y > r.geo.bodyTop+0.01 {
		r.newPage(false)
		return true
	}
	return false
}

// footers draws 「第 N 页 共 M 页」 and the print date on every page of the
// part just drawn, now that its page count is known.
func (r *renderer) footers() {
	last := r.pdf.PageCount()
	total := last - r.partFirst + 1
	printed := ""
	if !r.doc.Printed.IsZero() {
		printed = "打印日期：" + layout.ProseDate(r.doc.Printed)
	}
	g := r.geo
	for p := r.partFirst; p <= last; p++ {
		r.pdf.SetPage(p)
		r.size = 0 // the page's stream ends with whatever font it last used
		r.text(faceSong, headSize, g.left, g.footerY, g.bodyW, fmt.Sprintf("第 %d 页 共 %d 页", p-r.partFirst+1, total), layout.Center)
		if printed != "" {
			r.text(faceSong, headSize, g.left, g.footerY, g.bodyW, printed, layout.Right)
		}
	}
	r.pdf.SetPage(last)
	r.size = 0
}

// shade draws a rectangle filled with the grey level (0–255), and outlined
// when style is "FD", then sets the fill colour back to black: while the
// fill colour differs from the text colour the PDF library wraps every
// text in a colour change of its own (q 0 g … Q), which made a roster's
// pages a third longer.
func (r *renderer) shade(x, y, w, h float64, grey int, style string) {
	r.pdf.SetFillColor(grey, grey, grey)
	r.pdf.Rect(x, y, w, h, style)
	r.pdf.SetFillColor(0, 0, 0)
}
