package pdf

import (
	"strings"

	"dangjian/reports/layout"
)

// Sizes of the blanks left to write on, mm.
const (
	signRule  = 32.0 // the blank after 「签字：」
	yearBlank = 14.0 // before 年
	dayBlank  = 8.0  // before 月 and 日
	fieldRule = 30.0 // an empty Field's blank
	signH     = 10.0 // the height of a signature line: room for a hand
	itemGap   = 8.0  // the least space between items of a line
)

// headingSize is the type size of a heading of a level.
func headingSize(h *layout.Heading) float64 {
	if h.Level >= 2 {
		return 12
	}
	return 14
}

// headingHeight is the height a heading takes: its lines and the space
// around them.
func (r *renderer) headingHeight(h *layout.Heading) float64 {
	size := headingSize(h)
	return float64(len(r.wrapText(h.Text, faceHei, size, r.geo.bodyW)))*lineH(size) + 3
}

// heading draws a section heading in 黑体, kept with what follows it: it
// starts a page unless the start of the next block fits under it too.
func (r *renderer) heading(h *layout.Heading) {
	size := headingSize(h)
	lines := r.wrapText(h.Text, faceHei, size, r.geo.bodyW)
	lh := lineH(size)
	own := float64(len(lines))*lh + 3
	r.ensure(own + min(r.following(h, 0), r.geo.bottom-r.geo.bodyTop-own))
	r.y += 2
	for _, line := range lines {
		r.text(faceHei, size, r.geo.left, r.y, r.geo.bodyW, line, layout.Left)
		r.y += lh
	}
	r.y += 1
}

// paragraph draws running text wrapped to the body width, the first line
// indented by two characters when asked.
func (r *renderer) paragraph(p *layout.Paragraph) {
	size := p.Size
	if size == 0 {
		size = proseSize
	}
	text := typeset(p.Text)
	indent := ""
	if p.Indent {
		indent = "\u3000\u3000" // two ideographic spaces: two characters wide
	}
	w := r.geo.bodyW
	lh := size * 1.5 * mmPerPt
	paras := strings.Split(text, "\n")
	for _, para := range paras {
		lines := wrap(indent+para, w, r.measure(faceSong, size))
		for i, line := range lines {
			if r.y+lh > r.geo.bottom {
				r.newPage(false)
			}
			x, lw := r.geo.left, w
			if i == 0 && indent != "" {
				// The indent is measured with the line, drawn as room.
				line = strings.TrimPrefix(line, indent)
				in := 2 * size * mmPerPt
				x, lw = x+in, lw-in
			}
			top := r.y + (lh-lineH(size))/2
			if p.Align == layout.Justify && i < len(lines)-1 {
				r.spread(faceSong, size, x, top, lw, line)
			} else {
				r.text(faceSong, size, x, top, lw, line, p.Align)
			}
			r.y += lh
		}
	}
}

// item is one piece of a line of fields or signatures: its width and how
// to draw it with its left edge at x in a line whose top is y.
type item struct {
	w    float64
	draw func(x, y float64)
}

// items lays out pieces in lines of the body width, as many on a line as
// fit with itemGap between them, a line's pieces spread from the left to
// the right edge (a line of one piece is set at the left, or at the right
// when right is set); each line is h high.
func (r *renderer) items(its []item, h float64, right bool) {
	w := r.geo.bodyW
	for len(its) > 0 {
		n, used := 1, its[0].w
		for n < len(its) && used+itemGap+its[n].w <= w {
			used += itemGap + its[n].w
			n++
		}
		r.ensure(h)
		x := r.geo.left
		gap := itemGap
		if n > 1 {
			gap = (w - used + float64(n-1)*itemGap) / float64(n-1)
		} else if right {
			x = r.geo.left + max(w-its[0].w, 0)
		}
		for _, it := range its[:n] {
			it.draw(x, r.y)
			x += it.w + gap
		}
		r.y += h
		its = its[n:]
	}
}

// fields draws 「填报单位：…  填表人：____  报出日期：…」.
func (r *renderer) fields(f *layout.Fields) {
	size := proseSize
	lh := lineH(size) + 2
	its := make([]item, 0, len(f.Items))
	for _, fl := range f.Items {
		label := typeset(fl.Label)
		if !strings.HasSuffix(label, "：") && !strings.HasSuffix(label, ":") {
			label += "："
		}
		value := typeset(fl.Value)
		lw := r.width(label, faceSong, size)
		vw := fieldRule
		if value != "" {
			vw = r.width(value, faceSong, size)
		}
		its = append(its, item{w: lw + vw, draw: func(x, y float64) {
			r.text(faceSong, size, x, y+1, lw, label, layout.Left)
			if value == "" {
				r.pdf.SetLineWidth(0.2)
				r.pdf.Line(x+lw, y+1+lineH(size)-0.6, x+lw+vw, y+1+lineH(size)-0.6)
				return
			}
			r.text(faceSong, size, x+lw, y+1, vw, value, layout.Left)
		}})
	}
	r.items(its, lh, false)
}

// signatures draws signature lines, several on a line when they fit.
func (r *renderer) signatures(s *layout.Signatures) {
	its := make([]item, 0, len(s.Lines))
	for _, sl := range s.Lines {
		w := r.signWidth(sl, signRule)
		its = append(its, item{w: w, draw: func(x, y float64) { r.signLine(sl, x, y+signH, signRule) }})
	}
	r.y += 2
	r.items(its, signH, true)
}

// signCaption is a signature line's caption: 「党支部书记签字：」 or
// 「党支部（盖章）」.
func signCaption(sl layout.SignLine) string {
	c := typeset(sl.Who)
	if sl.Seal {
		c += "（盖章）"
	}
	return c
}

// signWidth is the width a signature line takes with a blank rule wide.
func (r *renderer) signWidth(sl layout.SignLine, rule float64) float64 {
	w := r.width(signCaption(sl), faceSong, formSize) + rule
	if sl.Date {
		w += itemGap/2 + r.dateWidth()
	}
	return w
}

// dateWidth is the width of 「    年    月    日」.
func (r *renderer) dateWidth() float64 {
	return yearBlank + 2*dayBlank + 3*r.width("年", faceSong, formSize)
}

// signLine draws a signature line from x with its baseline just above
// bottom: the caption, a rule to sign on, and the blanks of a date.
func (r *renderer) signLine(sl layout.SignLine, x, bottom, rule float64) {
	size := formSize
	top := bottom - lineH(size) - 0.5
	caption := signCaption(sl)
	cw := r.width(caption, faceSong, size)
	r.text(faceSong, size, x, top, cw, caption, layout.Left)
	x += cw
	r.pdf.SetLineWidth(0.2)
	r.pdf.Line(x, bottom-1, x+rule, bottom-1)
	x += rule
	if !sl.Date {
		return
	}
	x += itemGap / 2
	unit := r.width("年", faceSong, size)
	for i, u := range []string{"年", "月", "日"} {
		blank := dayBlank
		if i == 0 {
			blank = yearBlank
		}
		x += blank
		r.text(faceSong, size, x, top, unit, u, layout.Left)
		x += unit
	}
}

// following is the room the blocks after b in the part need at the foot
// of a page so that b is not the last thing there: a table's caption,
// header and first row, two lines of a paragraph, a form's first row, a
// line of fields or signatures; spacers and headings add to what follows
// them. depth bounds the look ahead.
func (r *renderer) following(b layout.Block, depth int) float64 {
	next := r.nextBlock(b)
	if next == nil || depth > 8 {
		return 0
	}
	switch n := next.(type) {
	case *layout.Heading:
		return r.headingHeight(n) + r.following(n, depth+1)
	case *layout.Spacer:
		return n.MM + r.following(n, depth+1)
	case *layout.Paragraph:
		size := n.Size
		if size == 0 {
			size = proseSize
		}
		lh := size * 1.5 * mmPerPt
		text := typeset(n.Text)
		if n.Indent {
			text = "\u3000\u3000" + text
		}
		if !strings.ContainsRune(text, '\n') && r.width(text, faceSong, size) <= r.geo.bodyW {
			return lh
		}
		return 2 * lh
	case *layout.Table:
		if len(n.Columns) == 0 {
			return 0
		}
		tc := placeColumns(n, r.geo.bodyW)
		if cap(r.lines) < len(n.Columns) {
			r.lines = make([][]string, len(n.Columns))
		}
		_, _, start := r.tableStart(tc, r.lines[:len(n.Columns)])
		return start
	case *layout.Form:
		if len(n.Rows) == 0 {
			return 0
		}
		rs := r.setFormRow(&n.Rows[0])
		if rs.row.Fill {
			return min(rs.need, lineH(formSize)*3+2*formPadding+signRoomRow(&rs))
		}
		return rs.need
	case *layout.Fields:
		return lineH(proseSize) + 2
	case *layout.Signatures:
		return 2 + signH
	}
	return 0
}

// nextBlock is the block after b in the part being drawn; nil when b is
// the last or not in it.
func (r *renderer) nextBlock(b layout.Block) layout.Block {
	bs := r.part.Blocks
	for i, o := range bs {
		if o == b && i+1 < len(bs) {
			return bs[i+1]
		}
	}
	return nil
}
