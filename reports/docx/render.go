package docx

import (
	"archive/zip"
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"dangjian/reports/layout"
)

// errRender is why a document could not be made; it names no person.
var errRender = errors.New("生成Word文档失败：排版时出现内部错误，文件不完整")

// Render writes d as a Word document (.docx) to w: A4 with the binding
// edge, the running header (organization, part title, period) and footer
// (「第 N 页 共 M 页」 counted per part, the print date), every part a
// section of its own whose page numbers start at 1, and the part's blocks
// as editable paragraphs and tables. Every text is set with
// layout.Typeset. The document is written as it is made: when Render
// fails, w holds part of a file, so callers that must leave nothing
// behind render into a buffer.
func Render(ctx context.Context, d *layout.Document, w io.Writer) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = errRender
		}
	}()
	r := newRenderer(ctx, d)
	zw := zip.NewWriter(w)
	if err := r.writePackage(zw); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("写入Word文档失败：%w", err)
	}
	return nil
}

// renderer writes one document.
type renderer struct {
	ctx   context.Context
	doc   *layout.Document
	geo   geometry
	w     xw   // the part being written
	keep  bool // the last block was a heading (or a spacer after one): what follows is kept with it
	parts []layout.Part

	// heads are the distinct running headers of the parts' pages after
	// their first, in order: heads[i] is header part i+2 (part 1 is the
	// header of a part's first page, which has no title).
	heads    []headMid
	headerOf map[headMid]int
	mid      headMid // the current part's

	// footers are the estimates of the parts' pages, in order: footer
	// part i+1 is the footer of part i, on its first page and the others;
	// it counts the part's pages by the page number of the bookmark at
	// the part's end, partEnd(i).
	footers []int

	part  *layout.Part
	title string  // the part's title, or the document's
	y     float64 // the estimated height used on the current page's body, mm
	pages int     // the estimated pages of the part so far
}

func newRenderer(ctx context.Context, d *layout.Document) *renderer {
	r := &renderer{ctx: ctx, doc: d, geo: portrait, parts: d.Parts, headerOf: map[headMid]int{}}
	if d.Landscape {
		r.geo = landscape
	}
	if len(r.parts) == 0 { // an empty document is still a page with its title
		r.parts = []layout.Part{{}}
	}
	for i := range r.parts {
		m := r.headMiddle(&r.parts[i])
		if _, ok := r.headerOf[m]; !ok {
			r.heads = append(r.heads, m)
			r.headerOf[m] = len(r.heads) + 1
		}
	}
	return r
}

// partTitle is the title printed on a part: its own, or the document's.
func (r *renderer) partTitle(p *layout.Part) string {
	if p.Title != "" {
		return p.Title
	}
	return r.doc.Title
}

// typeset returns s as printed: layout.Typeset, skipped for text without
// any of the marks it changes (most table cells).
func typeset(s string) string {
	if !strings.ContainsAny(s, ",:;()!?") {
		return s
	}
	return layout.Typeset(s)
}

// writeBody writes word/document.xml: every part, each closed by its
// section properties.
func (r *renderer) writeBody() error {
	r.w.s(xmlHeader + `<w:document ` + namespaces + `><w:body>` + "\n")
	for i := range r.parts {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		if err := r.writePart(&r.parts[i]); err != nil {
			return err
		}
		if i < len(r.parts)-1 {
			// A section ends with the paragraph holding its properties: a
			// paragraph one point high.
			r.w.s(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr>`)
			r.sectPr()
			r.w.s("</w:pPr>")
			r.partEnd(i)
			r.w.s("</w:p>\n")
		}
	}
	r.partEnd(len(r.parts) - 1)
	r.sectPr()
	r.w.s("</w:body></w:document>")
	return nil
}

// partEnd writes the bookmark at the end of part i, whose page number
// (numbered from 1 in each part) is the part's page count.
func (r *renderer) partEnd(i int) {
	r.w.s(`<w:bookmarkStart w:id="`)
	r.w.int(i + 1)
	r.w.s(`" w:name="`)
	r.w.s(partEndName(i))
	r.w.s(`"/><w:bookmarkEnd w:id="`)
	r.w.int(i + 1)
	r.w.s(`"/>`)
}

// partEndName is the name of the bookmark at the end of part i: hidden
// (a leading underscore) from Word's list of bookmarks.
func partEndName(i int) string { return "_PartEnd" + strconv.Itoa(i+1) }

// writePart writes a part's title and blocks.
func (r *renderer) writePart(p *layout.Part) error {
	r.part, r.title, r.mid = p, r.partTitle(p), r.headMiddle(p)
	r.y, r.pages = 0, 1
	r.partHeading()
	for i, b := range p.Blocks {
		if i%64 == 63 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
		}
		if err := r.block(b); err != nil {
			return err
		}
	}
	return nil
}

// partHeading writes the part's title and subtitle.
func (r *renderer) partHeading() {
	r.w.s(`<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>`)
	r.w.run("", typeset(r.title))
	r.w.s("</w:p>\n")
	r.y += 1 + float64(lines(r.title, titleSize, r.geo.bodyWidth))*lineH(titleSize) + 2
	if r.part.Subtitle != "" {
		r.w.s(`<w:p><w:pPr><w:pStyle w:val="Subtitle"/></w:pPr>`)
		r.w.run("", typeset(r.part.Subtitle))
		r.w.s("</w:p>\n")
		r.y += lineH(subtitleSize) + 2
	}
}

// sectPr writes the section properties of the part just written: A4 in
// the document's orientation with the binding edge, the running header
// (without the title on the part's first page, which prints it), the
// footer, and page numbers starting at 1.
func (r *renderer) sectPr() {
	w, g := &r.w, r.geo
	w.s(`<w:sectPr><w:headerReference w:type="default" r:id="rIdH`)
	w.int(r.headerOf[r.mid])
	w.s(`"/><w:headerReference w:type="first" r:id="rIdH1"/>`)
	r.footers = append(r.footers, r.pages)
	f := len(r.footers)
	w.s(`<w:footerReference w:type="default" r:id="rIdF`)
	w.int(f)
	w.s(`"/><w:footerReference w:type="first" r:id="rIdF`)
	w.int(f)
	w.s(`"/>`)
	w.s("<w:pgSz")
	w.intAttr("w:w", tw(g.width))
	w.intAttr("w:h", tw(g.height))
	if g.landscape {
		w.s(` w:orient="landscape"`)
	}
	w.s("/><w:pgMar")
	w.intAttr("w:top", tw(g.top))
	w.intAttr("w:right", tw(g.right))
	w.intAttr("w:bottom", tw(g.bottom))
	w.intAttr("w:left", tw(g.left))
	w.intAttr("w:header", tw(g.header))
	w.intAttr("w:footer", tw(g.footer))
	w.intAttr("w:gutter", tw(g.gutter))
	w.s(`/><w:pgNumType w:start="1"/><w:cols w:space="425"/><w:titlePg/></w:sectPr>`)
}

// newWriter starts a part of the package. The buffer is reused from part
// to part.
func (r *renderer) newWriter(zw *zip.Writer, name string) error {
	f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: r.modified()})
	if err != nil {
		return fmt.Errorf("写入Word文档失败：%w", err)
	}
	if r.w.b == nil {
		r.w = xw{b: bufio.NewWriterSize(f, 64<<10)}
	} else {
		r.w.b.Reset(f)
	}
	return nil
}

// endWriter finishes the part being written.
func (r *renderer) endWriter() error {
	if err := r.w.b.Flush(); err != nil {
		return fmt.Errorf("写入Word文档失败：%w", err)
	}
	return nil
}

// writeSmall writes one small part of the package, made by fill.
func (r *renderer) writeSmall(zw *zip.Writer, name string, fill func()) error {
	if err := r.newWriter(zw, name); err != nil {
		return err
	}
	fill()
	return r.endWriter()
}
