package pdf

import (
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"dangjian/assets"
)

// Page geometry in millimetres (A4).
const (
	marginSide   = 15.0
	marginTop    = 24.0
	marginBottom = 18.0
	bodySize     = 10.0 // body text, points
	lineGap      = 1.35 // line height as a multiple of the font size
)

// fontFamily is the embedded Song face's name inside the PDF.
const fontFamily = "song"

// Document is one printed document: its running header and footer, and the
// writing position.
type Document struct {
	pdf       *fpdf.Fpdf
	org       string
	title     string
	year      int
	printed   time.Time
	landscape bool
	widths    map[float64]map[rune]float64 // font size → rune width cache
	size      float64                      // current font size
}

// Meta names a document for its running header and footer.
type Meta struct {
	Org       string    // the organization's name
	Title     string    // the document's title, e.g. 党员花名册
	Year      int       // the year covered; 0 for none
	Printed   time.Time // the print date
	Landscape bool
}

// NewDocument starts a document with the Song face embedded.
func NewDocument(m Meta) *Document {
	orientation := "P"
	if m.Landscape {
		orientation = "L"
	}
	p := fpdf.New(orientation, "mm", "A4", "")
	p.SetCompression(true)
	p.AddUTF8FontFromBytes(fontFamily, "", assets.PrintSong)
	p.SetMargins(marginSide, marginTop, marginSide)
	p.SetAutoPageBreak(false, marginBottom)
	p.AliasNbPages("{nb}")
	p.SetTitle(m.Title, true)
	p.SetCreator("dangjian", true)
	d := &Document{pdf: p, org: m.Org, title: m.Title, year: m.Year, printed: m.Printed,
		landscape: m.Landscape, widths: map[float64]map[rune]float64{}}
	p.SetHeaderFunc(d.header)
	p.SetFooterFunc(d.footer)
	d.font(bodySize)
	return d
}

// font selects the Song face at size points.
func (d *Document) font(size float64) {
	d.pdf.SetFont(fontFamily, "", size)
	d.size = size
}

// runeWidth measures a rune at the current size, cached.
func (d *Document) runeWidth(r rune) float64 {
	cache := d.widths[d.size]
	if cache == nil {
		cache = map[rune]float64{}
		d.widths[d.size] = cache
	}
	w, ok := cache[r]
	if !ok {
		w = d.pdf.GetStringWidth(string(r))
		cache[r] = w
	}
	return w
}

// lineHeight is the height of a line at the current size, in mm.
func (d *Document) lineHeight() float64 { return d.size * lineGap * 25.4 / 72 }

// bodyWidth is the width between the margins.
func (d *Document) bodyWidth() float64 {
	w, _ := d.pdf.GetPageSize()
	return w - 2*marginSide
}

// bottom is the lowest y the body may reach.
func (d *Document) bottom() float64 {
	_, h := d.pdf.GetPageSize()
	return h - marginBottom
}

func (d *Document) header() {
	saved := d.size
	d.font(9)
	left, _, right, _ := d.pdf.GetMargins()
	w, _ := d.pdf.GetPageSize()
	d.pdf.SetXY(left, 8)
	d.pdf.CellFormat(w-left-right, 5, d.org, "", 0, "L", false, 0, "")
	if d.year > 0 {
		d.pdf.SetXY(left, 8)
		d.pdf.CellFormat(w-left-right, 5, fmt.Sprintf("%d年度", d.year), "", 0, "R", false, 0, "")
	}
	d.font(15)
	d.pdf.SetXY(left, 13)
	d.pdf.CellFormat(w-left-right, 7, d.title, "", 0, "C", false, 0, "")
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(left, 21, w-right, 21)
	d.font(saved)
	d.pdf.SetXY(left, marginTop)
}

func (d *Document) footer() {
	saved := d.size
	d.font(9)
	left, _, right, _ := d.pdf.GetMargins()
	w, h := d.pdf.GetPageSize()
	d.pdf.SetXY(left, h-12)
	d.pdf.CellFormat(w-left-right, 5, fmt.Sprintf("第 %d 页 共 {nb} 页", d.pdf.PageNo()), "", 0, "C", false, 0, "")
	d.pdf.SetXY(left, h-12)
	d.pdf.CellFormat(w-left-right, 5, "打印日期:"+d.printed.Format("2006-01-02"), "", 0, "R", false, 0, "")
	d.font(saved)
}

// NewPage starts a page.
func (d *Document) NewPage() { d.pdf.AddPage() }

// ensure starts a new page unless h mm fit below the current position.
func (d *Document) ensure(h float64) bool {
	if d.pdf.GetY()+h > d.bottom() {
		d.pdf.AddPage()
		return true
	}
	return false
}

// Heading writes a section heading, on a new page when little room is left.
func (d *Document) Heading(text string) {
	d.font(12)
	d.ensure(d.lineHeight() * 4)
	d.pdf.Ln(1)
	d.pdf.CellFormat(d.bodyWidth(), d.lineHeight()+1, text, "", 1, "L", false, 0, "")
	d.font(bodySize)
}

// Paragraph writes wrapped text.
func (d *Document) Paragraph(text string) {
	d.font(bodySize)
	for _, line := range wrap(text, d.bodyWidth(), d.runeWidth) {
		d.ensure(d.lineHeight())
		d.pdf.CellFormat(d.bodyWidth(), d.lineHeight(), line, "", 1, "L", false, 0, "")
	}
}

// Space leaves mm of vertical space.
func (d *Document) Space(mm float64) { d.pdf.Ln(mm) }

// Output writes the finished PDF.
func (d *Document) Output(w io.Writer) error {
	if d.pdf.PageNo() == 0 {
		d.NewPage()
	}
	return d.pdf.Output(w)
}

// Err reports an error the PDF library met while drawing.
func (d *Document) Err() error { return d.pdf.Error() }
