package pdf

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"codeberg.org/go-pdf/fpdf"

	"dangjian/reports/layout"
)

// Result tells what rendering a document gave.
type Result struct {
	Pages   int       // pages in the PDF
	Missing []Missing // characters no bundled face has, by record; empty when every character printed
}

// Missing names the characters of one record that no bundled face has: they
// are printed as the font's empty box.
type Missing struct {
	Record string // Part.Record or Row.Record; the document's title when neither names one
	Chars  []rune // sorted, distinct
}

// errRender is why a document could not be made; it names no person.
var errRender = errors.New("生成PDF失败：排版时出现内部错误，未写入任何文件")

// Render writes d as an A4 PDF to w: a binding edge of 28 mm (left, or top
// for landscape), a running header with the organization and the period,
// each part's title on its first page, and 「第 N 页 共 M 页」 counted per
// part with the print date in the footer. Every text is set with
// layout.Typeset. Nothing is written to w unless the whole document was
// made; the PDF library's panics come back as an error.
func Render(ctx context.Context, d *layout.Document, w io.Writer) (res Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = Result{}, errRender
		}
	}()
	r, err := newRenderer(ctx, d)
	if err != nil {
		return Result{}, err
	}
	if err := r.run(); err != nil {
		return Result{}, err
	}
	if err := r.pdf.Error(); err != nil {
		return Result{}, fmt.Errorf("生成PDF失败：%w", err)
	}
	res = Result{Pages: r.pdf.PageCount(), Missing: r.missingList()}
	if err := r.pdf.Output(w); err != nil {
		return Result{}, fmt.Errorf("写入PDF失败：%w", err)
	}
	return res, nil
}

// renderer draws one document.
type renderer struct {
	ctx context.Context
	doc *layout.Document
	pdf *fpdf.Fpdf
	geo geometry

	family [faceCount]string      // the face's font name inside the PDF
	glyphs [faceCount]*glyphCache // the face's widths and coverage
	font   face                   // the face selected in the PDF
	size   float64                // the size selected, points; 0 when none is

	part      *layout.Part
	partTitle string
	partFirst int     // the PDF page number of the part's first page
	y         float64 // the writing position, mm from the top

	record  string                   // the record whose text is being drawn
	missing map[string]map[rune]bool // record → characters no face has
	records []string                 // records in the order they were first missing a character

	lines   [][]string // a table's per-cell lines, reused from row to row
	scratch []byte     // printable's text without word joiners
}

func newRenderer(ctx context.Context, d *layout.Document) (*renderer, error) {
	r := &renderer{ctx: ctx, doc: d, geo: portrait, missing: map[string]map[rune]bool{}}
	orientation := "P"
	if d.Landscape {
		orientation, r.geo = "L", landscape
	}
	p := fpdf.New(orientation, "mm", "A4", "")
	p.SetCompression(true)
	p.SetMargins(r.geo.left, r.geo.top, r.geo.right)
	p.SetAutoPageBreak(false, 0)
	p.SetCellMargin(0)
	p.SetTitle(d.Title, true)
	p.SetCreator("dangjian", true)
	if !d.Printed.IsZero() {
		p.SetCreationDate(d.Printed)
		p.SetModificationDate(d.Printed)
	}
	r.pdf = p
	added := map[*byte]string{}
	for f := range faceCount {
		data := faceData(f)
		if name, ok := added[&data[0]]; ok {
			r.family[f], r.glyphs[f] = name, r.glyphs[r.faceOf(name)]
			continue
		}
		name := faceFamilies[f]
		info, err := parsedFace(data)
		if err != nil {
			return nil, fmt.Errorf("生成PDF失败：打印字体无法读取（%w）", err)
		}
		p.AddUTF8FontFromParsed(name, "", info.parsed)
		added[&data[0]] = name
		r.family[f], r.glyphs[f] = name, newGlyphCache(info)
	}
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("生成PDF失败：%w", err)
	}
	return r, nil
}

// faceOf returns the face first registered under a font name.
func (r *renderer) faceOf(name string) face {
	for f := range faceCount {
		if r.family[f] == name {
			return f
		}
	}
	return faceSong
}

// run draws every part.
func (r *renderer) run() error {
	for i := range r.doc.Parts {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		if err := r.drawPart(&r.doc.Parts[i]); err != nil {
			return err
		}
	}
	if len(r.doc.Parts) == 0 { // an empty document is still a page with its title
		return r.drawPart(&layout.Part{})
	}
	return nil
}

// drawPart draws a part from a new page and numbers its pages.
func (r *renderer) drawPart(p *layout.Part) error {
	r.part = p
	r.partTitle = p.Title
	if r.partTitle == "" {
		r.partTitle = r.doc.Title
	}
	r.record = r.partRecord()
	r.partFirst = r.pdf.PageCount() + 1
	r.newPage(true)
	for i, b := range p.Blocks {
		if i%64 == 63 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
		}
		if err := r.drawBlock(b); err != nil {
			return err
		}
	}
	r.footers()
	return nil
}

// partRecord is the record a part's text belongs to.
func (r *renderer) partRecord() string {
	if r.part.Record != "" {
		return r.part.Record
	}
	return r.doc.Title
}

func (r *renderer) drawBlock(b layout.Block) error {
	switch b := b.(type) {
	case *layout.Heading:
		r.heading(b)
	case *layout.Paragraph:
		r.paragraph(b)
	case *layout.Table:
		return r.table(b)
	case *layout.Form:
		r.form(b)
	case *layout.Fields:
		r.fields(b)
	case *layout.Signatures:
		r.signatures(b)
	case *layout.Spacer:
		r.y += b.MM
		if r.y > r.geo.bottom {
			r.newPage(false)
		}
	case *layout.PageBreak:
		r.newPage(false)
	}
	return nil
}

// missingList returns the characters no face had, by record, in the order
// the records were met; characters the PDF library reports beyond those
// are named under the document's title.
func (r *renderer) missingList() []Missing {
	for _, c := range r.pdf.MissingGlyphs() {
		if !r.seenMissing(c) {
			r.addMissing(r.doc.Title, c)
		}
	}
	var out []Missing
	for _, rec := range r.records {
		chars := make([]rune, 0, len(r.missing[rec]))
		for c := range r.missing[rec] {
			chars = append(chars, c)
		}
		slices.Sort(chars)
		out = append(out, Missing{Record: rec, Chars: chars})
	}
	return out
}

func (r *renderer) seenMissing(c rune) bool {
	for _, set := range r.missing {
		if set[c] {
			return true
		}
	}
	return false
}

func (r *renderer) addMissing(rec string, c rune) {
	set := r.missing[rec]
	if set == nil {
		set = map[rune]bool{}
		r.missing[rec] = set
		r.records = append(r.records, rec)
	}
	set[c] = true
}
