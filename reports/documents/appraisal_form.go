package documents

import (
	"strings"
	"unicode/utf8"

	"dangjian/reports/layout"
)

// formRowH is the height of a form's one-line rows, mm.
const formRowH = 10.0

// grid lays a form's particulars out as four label and value pairs a row,
// the same columns on every row, so that the rules line up.
type grid struct {
	labelW float64    // every label cell, mm: four characters
	valueW [4]float64 // each pair's value cell, mm; the last 0, taking what the row leaves
}

// formGrid is the grid of the per-member forms (portrait pages).
var formGrid = grid{labelW: 19, valueW: [4]float64{24, 26, 20, 0}}

// label is a caption cell; every label is as wide.
func (g grid) label(text string) layout.Cell {
	return layout.Cell{Text: text, Label: true, Width: g.labelW}
}

// value is the value cell of pair i.
func (g grid) value(i int, text string) layout.Cell {
	return layout.Cell{Text: text, Align: layout.Center, Width: g.valueW[i]}
}

// span is a value cell from pair from's value to pair to's, over the
// labels between them.
func (g grid) span(from, to int, text string) layout.Cell {
	w := 0.0
	for i := from; i <= to; i++ {
		if g.valueW[i] == 0 {
			return layout.Cell{Text: text, Align: layout.Center}
		}
		w += g.valueW[i]
	}
	return layout.Cell{Text: text, Align: layout.Center, Width: w + g.labelW*float64(to-from)}
}

// Estimates of how tall a form row's text sets (the renderer measures;
// these only decide where a form is split), mm.
const (
	estBodyW   = 160.0 // no wider than a portrait page's body
	estCharW   = 3.7   // a Chinese character at the form's size, the widest
	estLineH   = 5.0   // a line at the form's size
	estPadding = 4.0   // above and below a cell's text
	estSignH   = 11.0  // a signature line and the gap above it
	// longRowH: a row after the Fill row whose text needs more is made the
	// Fill row of a form of its own, to continue on a 续页 rather than run
	// off the page.
	longRowH = 80.0
	// afterFillH: the rows after a Fill row take no more than this, so that
	// the Fill row keeps room on the page.
	afterFillH = 170.0
)

// estimateRow is an upper bound of the height a row's text and signature
// lines need, from its characters counted as Chinese ones.
func estimateRow(row layout.FormRow) float64 {
	fixed, free := 0.0, 0
	for _, c := range row.Cells {
		if c.Width > 0 {
			fixed += c.Width
		} else {
			free++
		}
	}
	share := (estBodyW - fixed) / float64(max(free, 1))
	need := row.Height
	for _, c := range row.Cells {
		w := c.Width
		if w <= 0 {
			w = share
		}
		perLine := max(int((w-estPadding)/estCharW), 1)
		lines := 0
		for _, l := range strings.Split(strings.TrimSpace(c.Text), "\n") {
			n := utf8.RuneCountInString(strings.ReplaceAll(l, string(layout.WordJoiner), ""))
			if c.Indent {
				n += 2 // the first line's indent
			}
			lines += max((n+perLine-1)/perLine, 1)
		}
		need = max(need, float64(lines)*estLineH+estPadding+float64(len(c.Sign))*estSignH)
	}
	return need
}

// splitForm makes rows into forms of at most one Fill row each: a row
// after the Fill row too long to stay on the page with it (longRowH, or
// the rows after the Fill row together over afterFillH) starts a form of
// its own as that form's Fill row, which continues on 续页 pages. Short
// forms are one form, as given.
func splitForm(rows []layout.FormRow) []*layout.Form {
	cur := &layout.Form{}
	out := []*layout.Form{cur}
	after, filled := 0.0, false
	for _, row := range rows {
		if row.Fill {
			filled, after = true, 0
			cur.Rows = append(cur.Rows, row)
			continue
		}
		h := estimateRow(row)
		if filled && (h > longRowH || after+h > afterFillH) {
			row.Fill = true
			cur = &layout.Form{}
			out = append(out, cur)
			after = 0
		} else if filled {
			after += h
		}
		cur.Rows = append(cur.Rows, row)
	}
	return out
}
