package pdf

import (
	"strings"
	"unicode/utf8"

	"dangjian/reports/layout"
)

// wordJoiner is layout.WordJoiner: never drawn, never a break point.
const wordJoiner = layout.WordJoiner

// typeset returns s as printed: layout.Typeset, skipped for text without
// any of the marks it changes (most table cells). Text kept whole with
// word joiners is typeset as if they were not there (a joiner beside a
// mark would hide the Chinese next to it), and keeps them.
func typeset(s string) string {
	if !hasMarks(s) {
		return s
	}
	if !strings.ContainsRune(s, wordJoiner) {
		return layout.Typeset(s)
	}
	rs := []rune(s)
	bare := make([]rune, 0, len(rs))
	for _, r := range rs {
		if r != wordJoiner {
			bare = append(bare, r)
		}
	}
	set := []rune(layout.Typeset(string(bare)))
	if len(set) != len(bare) { // Typeset maps a mark to one mark; never otherwise
		return layout.Typeset(s)
	}
	i := 0
	for j, r := range rs {
		if r != wordJoiner {
			rs[j] = set[i]
			i++
		}
	}
	return string(rs)
}

// hasMarks reports whether s has any of the ASCII marks layout.Typeset may
// change (, : ; ( ) ! ?). A byte loop: every text drawn is looked at, most
// of them twice, and strings.ContainsAny built its set each time.
func hasMarks(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', ':', ';', '(', ')', '!', '?':
			return true
		}
	}
	return false
}

// use selects a face and size in the PDF unless they are selected.
func (r *renderer) use(f face, size float64) {
	same := r.family[r.font] == r.family[f]
	switch {
	case r.size == size && same:
		return
	case r.size != 0 && same: // only the size changes (cells set smaller)
		r.pdf.SetFontSize(size)
	default:
		r.pdf.SetFont(r.family[f], "", size)
	}
	r.font, r.size = f, size
}

// width measures s set in face f at size points, in mm.
func (r *renderer) width(s string, f face, size float64) float64 {
	c := r.glyphs[f]
	var units float32
	for _, ch := range s {
		w, _ := c.get(ch)
		units += w
	}
	return float64(units) * size / 1000 * mmPerPt
}

// measure returns a function measuring a rune of face f at size, in mm.
func (r *renderer) measure(f face, size float64) func(rune) float64 {
	c := r.glyphs[f]
	k := size / 1000 * mmPerPt
	return func(ch rune) float64 {
		w, _ := c.get(ch)
		return float64(w) * k
	}
}

// wrapText typesets s and breaks it into lines no wider than w.
func (r *renderer) wrapText(s string, f face, size, w float64) []string {
	s = typeset(s)
	if !strings.ContainsRune(s, '\n') && r.width(s, f, size) <= w {
		return []string{s}
	}
	return wrap(s, w, r.measure(f, size))
}

// text typesets and draws one line of text in the box x, top .. x+w, one
// line high, aligned; the baseline centres the em box in the line.
func (r *renderer) text(f face, size, x, top, w float64, s string, a layout.Align) {
	r.textSet(f, size, x, top, w, typeset(s), a)
}

// textSet draws one line of text as text does, s being typeset already
// (a line wrapText or rowLines gave).
func (r *renderer) textSet(f face, size, x, top, w float64, s string, a layout.Align) {
	if s == "" {
		return
	}
	switch a {
	case layout.Center:
		x += (w - r.width(s, f, size)) / 2
	case layout.Right:
		x += w - r.width(s, f, size)
	}
	r.drawAt(f, size, x, top+lineH(size)/2+0.35*size*mmPerPt, s)
}

// drawAt draws s with its baseline at y from x: the word joiners left out,
// and every character the face lacks recorded under the current record.
func (r *renderer) drawAt(f face, size, x, y float64, s string) {
	r.use(f, size)
	r.pdf.Text(x, y, r.printable(f, s))
}

// printable returns s without word joiners, and records under the current
// record each character the face lacks (the PDF library draws it as the
// face's empty box).
func (r *renderer) printable(f face, s string) string {
	c := r.glyphs[f]
	joined := false
	for _, ch := range s {
		if ch == wordJoiner {
			joined = true
		} else if _, ok := c.get(ch); !ok {
			r.addMissing(r.record, ch)
		}
	}
	if !joined {
		return s
	}
	b := r.scratch[:0]
	for _, ch := range s {
		if ch != wordJoiner {
			b = utf8.AppendRune(b, ch)
		}
	}
	r.scratch = b
	return string(b)
}

// spread draws a line of text justified to w: the room left is shared
// between its characters (Chinese prose has no spaces to stretch).
func (r *renderer) spread(f face, size, x, top, w float64, s string) {
	n := utf8.RuneCountInString(strings.ReplaceAll(s, string(wordJoiner), ""))
	free := w - r.width(s, f, size)
	if n < 2 || free <= 0 || free > w/4 {
		r.text(f, size, x, top, w, s, layout.Left)
		return
	}
	gap := free / float64(n-1)
	y := top + lineH(size)/2 + 0.35*size*mmPerPt
	m := r.measure(f, size)
	for _, ch := range s {
		if ch == wordJoiner {
			continue
		}
		r.drawAt(f, size, x, y, string(ch))
		x += m(ch) + gap
	}
}
