package merge

import (
	"encoding/xml"
	"io"
	"sort"
	"strings"
)

// sink is where a part is rendered: a bytes.Buffer, a bufio.Writer (which
// keeps the first error for Flush).
type sink interface {
	io.Writer
	io.StringWriter
}

// values gives a placeholder's value for one record (and, in a repeated
// paragraph or row, one item of its list).
type values func(name string) string

// edit replaces data[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// findUnits notes what is repeated per item of a list (目标): the paragraph
// holding a list placeholder, or, when list placeholders fill two or more
// cells of a table row (序号 | 目标 | 完成情况), that row. A unit inside
// another is part of it.
func (p *part) findUnits() {
	cellsOfRow := map[int]map[int]bool{}
	for _, pa := range p.paras {
		if pa.row >= 0 && pa.hasList() {
			if cellsOfRow[pa.row] == nil {
				cellsOfRow[pa.row] = map[int]bool{}
			}
			cellsOfRow[pa.row][pa.cell] = true
		}
	}
	var us []span
	for _, pa := range p.paras {
		if !pa.hasList() {
			continue
		}
		if pa.row >= 0 && len(cellsOfRow[pa.row]) >= 2 && p.rows[pa.row].end > 0 {
			us = append(us, p.rows[pa.row])
		} else {
			us = append(us, span{pa.start, pa.end})
		}
	}
	sort.Slice(us, func(i, j int) bool {
		if us[i].start != us[j].start {
			return us[i].start < us[j].start
		}
		return us[i].end > us[j].end
	})
	p.units = p.units[:0]
	for _, u := range us {
		if n := len(p.units); n > 0 && u.start < p.units[n-1].end {
			continue // the same unit again, or one inside it
		}
		p.units = append(p.units, u)
	}
}

// hasList reports whether the paragraph holds a list placeholder.
func (pa *paragraph) hasList() bool {
	for _, f := range pa.found {
		if isListField(f.name) {
			return true
		}
	}
	return false
}

// renames are the ids a record's copy of the main document uses instead of
// the template's: its own headers and footers, its own lists (so that
// their numbering starts again). An id not in a map stays.
type renames struct {
	refs, nums map[string]string
}

// render writes data[lo:hi] filled with r's values to buf: units repeated
// once per item of r's list (once, empty, when it has none), header,
// footer and list ids renamed by ids when it is not nil.
func (p *part) render(buf sink, lo, hi int, r *Record, ids *renames) {
	pos := lo
	for _, u := range p.units {
		if u.start < lo || u.end > hi {
			continue
		}
		p.copyFilled(buf, pos, u.start, r.value, ids)
		for k := range max(1, len(r.Items)) {
			p.copyFilled(buf, u.start, u.end, r.itemValue(k), ids)
		}
		pos = u.end
	}
	p.copyFilled(buf, pos, hi, r.value, ids)
}

// copyFilled writes data[lo:hi] to buf with the placeholders of the
// paragraphs within it replaced by v's values.
func (p *part) copyFilled(buf sink, lo, hi int, v values, ids *renames) {
	var edits []edit
	for _, pa := range p.paras {
		if pa.start >= lo && pa.end <= hi {
			edits = pa.edits(v, edits)
		}
	}
	if ids != nil {
		edits = renameIDs(edits, p.refs, ids.refs, lo, hi)
		edits = renameIDs(edits, p.nums, ids.nums, lo, hi)
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	pos := lo
	for _, e := range edits {
		buf.Write(p.data[pos:e.start])
		buf.WriteString(e.text)
		pos = e.end
	}
	buf.Write(p.data[pos:hi])
}

// edits appends the changes that fill the paragraph's placeholders with
// v's values. A value goes into the w:t where its placeholder starts, so
// it takes that run's formatting; the parts of a placeholder split over
// later runs are removed from them; text outside placeholders stays.
func (pa *paragraph) edits(v values, out []edit) []edit {
	for _, s := range pa.segs {
		if s.empty {
			continue
		}
		end := s.at + len(s.text)
		var b strings.Builder
		touched := false
		pos := s.at
		for _, f := range pa.found {
			if f.end <= s.at || f.start >= end {
				continue
			}
			touched = true
			if f.start >= s.at {
				writeText(&b, s.prefix, pa.str[pos:f.start])
				writeText(&b, s.prefix, v(f.name))
			}
			pos = min(f.end, end)
		}
		if !touched {
			continue
		}
		writeText(&b, s.prefix, pa.str[pos:end])
		out = append(out, edit{s.tagStart, s.contentEnd, "<" + qname(s.prefix, "t") + ` xml:space="preserve">` + b.String()})
	}
	return out
}

// qname is an element's name with its prefix.
func qname(prefix, local string) string {
	if prefix == "" {
		return local
	}
	return prefix + ":" + local
}

// writeText writes text as the content of a w:t: escaped, a line break
// becoming a w:br and a tab a w:tab between w:t elements.
func writeText(b *strings.Builder, prefix, text string) {
	if !strings.ContainsAny(text, "\r\n\t") {
		xml.EscapeText(b, []byte(text))
		return
	}
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	t := qname(prefix, "t")
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString("</" + t + "><" + qname(prefix, "br") + "/><" + t + ` xml:space="preserve">`)
		}
		for j, cell := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString("</" + t + "><" + qname(prefix, "tab") + "/><" + t + ` xml:space="preserve">`)
			}
			xml.EscapeText(b, []byte(cell))
		}
	}
}

// escapeAttr escapes an attribute's value.
func escapeAttr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// renameIDs appends the edits giving the ids within [lo, hi) their new
// names.
func renameIDs(edits []edit, ids []ref, names map[string]string, lo, hi int) []edit {
	for _, r := range ids {
		if n, ok := names[r.id]; ok && r.valStart >= lo && r.valEnd <= hi {
			edits = append(edits, edit{r.valStart, r.valEnd, escapeAttr(n)})
		}
	}
	return edits
}
