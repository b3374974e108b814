package merge

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
)

// The WordprocessingML namespaces: transitional (Word, WPS, LibreOffice)
// and strict.
const (
	nsMain   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
)

// segment is the text of one w:t element, with where it lies in the part's
// bytes: the start tag from tagStart to contentStart, the escaped text
// from contentStart to contentEnd.
type segment struct {
	tagStart, contentStart, contentEnd int
	text                               string // as read (entities decoded)
	prefix                             string // the element's prefix as written, "w" in Word's files
	empty                              bool   // <w:t/>: no content to replace
	at                                 int    // where text begins in its paragraph's text
}

// placeholder is one {{名称}} found in a paragraph's text, by byte offsets
// into that text.
type placeholder struct {
	name       string
	start, end int
}

// paragraph is a w:p: its byte range, its text (the w:t of its runs one
// after the other; a tab, a break or a picture between them counts as
// sepChar, which no placeholder spans), and the placeholders in it.
type paragraph struct {
	start, end int
	segs       []segment
	text       strings.Builder // filled while scanning
	str        string          // text, once the paragraph is read
	found      []placeholder
	malformed  string // the text around a brace pair that opens or closes no placeholder; "" when none
	row, cell  int    // the innermost table row holding it (index into part.rows) and its cell; row -1 when none
}

// span is a byte range of a part.
type span struct{ start, end int }

// ref is an id an element refers to (the r:id of a header reference, the
// w:val of a w:numId): where its value lies, and the value.
type ref struct {
	valStart, valEnd int
	id               string
}

// part is a scanned XML part of the document: the main document, a header,
// a footer, the footnotes or endnotes.
type part struct {
	name  string
	data  []byte
	paras []*paragraph // those holding a placeholder, in document order
	// malformed is, for each paragraph with a placeholder written wrong
	// (「{{姓名」, 「{{姓名}」, 「{{」 in one paragraph and 「}}」 in the next),
	// its text around the stray braces, in document order.
	malformed []string
	rows      []span // the table rows (w:tr) met
	refs      []ref  // header and footer references (r:id)
	nums      []ref  // the lists paragraphs belong to (w:numId of w:numPr)
	units     []span // what is repeated per item of a list (findUnits)
	// body is the content of w:body without its final w:sectPr, and sect
	// that w:sectPr; both zero when the part has no body.
	body, sect span
	// pageNum is where in sect the page numbering is set: the w:pgNumType
	// start tag when there is one (pageNumStart tells whether it sets
	// w:start), else the place one goes (an empty span there); -1 when
	// sect is <w:sectPr/>.
	pageNum      span
	pageNumStart bool
	prefix       string // the main namespace's prefix as written
}

// afterPageNum are the children of w:sectPr that come after w:pgNumType.
var afterPageNum = map[string]bool{"cols": true, "formProt": true, "vAlign": true, "noEndnote": true, "titlePg": true,
	"textDirection": true, "bidi": true, "rtlGutter": true, "docGrid": true, "printerSettings": true, "sectPrChange": true}

// sepChar stands in a paragraph's text for what is not text (a tab, a
// break, a picture): a placeholder never spans it.
const sepChar = "\x00"

// placeholderRE finds {{名称}}; full-width braces typed with a Chinese input
// method (｛｛名称｝｝) count too.
var placeholderRE = regexp.MustCompile(`(?:\{\{|｛｛)([^{}｛｝\x00]*?)(?:\}\}|｝｝)`)

// refIDRE finds the r:id attribute of a start tag, valRE its w:val.
var (
	refIDRE     = regexp.MustCompile(`\s[A-Za-z_][\w.-]*:id\s*=\s*("[^"]*"|'[^']*')`)
	startAttrRE = regexp.MustCompile(`\s(?:[A-Za-z_][\w.-]*:)?start\s*=`)
	valRE       = regexp.MustCompile(`\s(?:[A-Za-z_][\w.-]*:)?val\s*=\s*("[^"]*"|'[^']*')`)
)

// maxDepth bounds the nesting of elements a template may have.
const maxDepth = 512

// scanPart reads a part's XML and notes its paragraphs with placeholders,
// table rows, header references and body. It never changes data.
func scanPart(name string, data []byte) (*part, error) {
	p := &part{name: name, data: data, prefix: "w"}
	d := xml.NewDecoder(bytes.NewReader(data))
	type open struct {
		local string
		main  bool
	}
	var (
		stack []open
		paras []*paragraph // the paragraphs open, innermost last
		rows  []int        // the table rows open (indexes into p.rows)
		cells []int        // the cell count of each open row
		seg   *segment     // the w:t being read
		text  strings.Builder
		// prefixSet is set once the first element of the main namespace
		// gave p.prefix.
		prefixSet bool
		sectDepth int // the depth of the body's final w:sectPr
	)
	// inSect reports whether the element just opened is a child of the
	// body's final w:sectPr.
	inSect := func() bool {
		return p.sect.start > 0 && p.sect.end == 0 && len(stack) == sectDepth+2
	}
	parent := func(up int) open {
		if len(stack) < up {
			return open{}
		}
		return stack[len(stack)-up]
	}
	for {
		start := int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		end := int(d.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			main := t.Name.Space == nsMain || t.Name.Space == nsStrict
			el := open{t.Name.Local, main}
			up := parent(1)
			if len(stack) >= maxDepth {
				return nil, fmt.Errorf("%s: 元素嵌套过深", name)
			}
			stack = append(stack, el)
			if main && !prefixSet {
				p.prefix, prefixSet = tagPrefix(data[start:end]), true
			}
			if !main {
				if len(paras) > 0 && up.main && up.local == "r" {
					paras[len(paras)-1].text.WriteString(sepChar)
				}
				continue
			}
			switch el.local {
			case "p":
				pa := &paragraph{start: start, row: -1}
				if len(rows) > 0 {
					pa.row, pa.cell = rows[len(rows)-1], cells[len(cells)-1]
				}
				paras = append(paras, pa)
			case "tr":
				rows = append(rows, len(p.rows))
				cells = append(cells, -1)
				p.rows = append(p.rows, span{start: start})
			case "tc":
				if len(cells) > 0 {
					cells[len(cells)-1]++
				}
			case "body":
				p.body.start = end
			case "sectPr":
				if up.main && up.local == "body" {
					p.sect.start, sectDepth = start, len(stack)-1
				}
			case "pgNumType":
				if inSect() {
					p.pageNum = span{start, end}
					p.pageNumStart = startAttrRE.Match(data[start:end])
				}
			case "headerReference", "footerReference":
				p.refs = attrRef(p.refs, refIDRE, data, start, end)
			case "numId":
				if up.main && up.local == "numPr" {
					p.nums = attrRef(p.nums, valRE, data, start, end)
				}
			case "t":
				if up.main && up.local == "r" && len(paras) > 0 {
					seg = &segment{tagStart: start, contentStart: end, prefix: tagPrefix(data[start:end])}
					text.Reset()
				}
			default:
				if afterPageNum[el.local] && inSect() && p.pageNum.start == 0 {
					p.pageNum = span{start, start}
				}
				if len(paras) > 0 && up.main && up.local == "r" && el.local != "rPr" && el.local != "lastRenderedPageBreak" {
					paras[len(paras)-1].text.WriteString(sepChar)
				}
			}
		case xml.CharData:
			if seg != nil {
				text.Write(t)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, fmt.Errorf("%s: 标记不配对", name)
			}
			el := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !el.main {
				continue
			}
			switch el.local {
			case "t":
				if seg != nil {
					seg.contentEnd = start
					seg.empty = start == end // a self-closing <w:t/>
					seg.text = text.String()
					pa := paras[len(paras)-1]
					seg.at = pa.text.Len()
					pa.text.WriteString(seg.text)
					pa.segs = append(pa.segs, *seg)
					seg = nil
				}
			case "p":
				if len(paras) == 0 {
					continue
				}
				pa := paras[len(paras)-1]
				paras = paras[:len(paras)-1]
				pa.end = end
				pa.findPlaceholders()
				if len(pa.found) > 0 {
					p.paras = append(p.paras, pa)
				}
				if pa.malformed != "" {
					p.malformed = append(p.malformed, pa.malformed)
				}
			case "tr":
				if len(rows) > 0 {
					p.rows[rows[len(rows)-1]].end = end
					rows, cells = rows[:len(rows)-1], cells[:len(cells)-1]
				}
			case "sectPr":
				if p.sect.start > 0 && p.sect.end == 0 && parent(1).local == "body" {
					p.sect.end = end
					switch {
					case start == end:
						p.pageNum = span{-1, -1} // <w:sectPr/>
					case p.pageNum.start == 0:
						p.pageNum = span{start, start}
					}
				}
			case "body":
				p.body.end = start
				if p.sect.end > 0 {
					p.body.end = p.sect.start
				}
			}
		}
	}
	// Nested paragraphs (in a text box) end before the paragraph holding
	// them: keep document order.
	sort.SliceStable(p.paras, func(i, j int) bool { return p.paras[i].start < p.paras[j].start })
	return p, nil
}

// attrRef appends where the attribute re finds in the start tag
// data[start:end] has its value.
func attrRef(refs []ref, re *regexp.Regexp, data []byte, start, end int) []ref {
	m := re.FindSubmatchIndex(data[start:end])
	if m == nil {
		return refs
	}
	from, to := start+m[2]+1, start+m[3]-1
	return append(refs, ref{valStart: from, valEnd: to, id: string(data[from:to])})
}

// tagPrefix is the prefix of the element whose start tag is tag ("w" of
// <w:t>), or "" when it has none.
func tagPrefix(tag []byte) string {
	name := tag[1:]
	if i := bytes.IndexAny(name, " \t\r\n/>"); i >= 0 {
		name = name[:i]
	}
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		return string(name[:i])
	}
	return ""
}

// findPlaceholders notes the {{名称}} in the paragraph's text, and the
// text around braces that open or close none.
func (pa *paragraph) findPlaceholders() {
	text := pa.text.String()
	pa.str = text
	pa.text.Reset()
	if !hasBraces(text) {
		return
	}
	at := 0
	for _, m := range placeholderRE.FindAllStringSubmatchIndex(text, -1) {
		pa.noteStray(text, at, m[0])
		pa.found = append(pa.found, placeholder{name: strings.TrimSpace(text[m[2]:m[3]]), start: m[0], end: m[1]})
		at = m[1]
	}
	pa.noteStray(text, at, len(text))
}

// strayBraces are the brace pairs that open or close a placeholder.
var strayBraces = []string{"{{", "}}", "｛｛", "｝｝"}

// hasBraces tells whether text holds a brace pair.
func hasBraces(text string) bool {
	for _, b := range strayBraces {
		if strings.Contains(text, b) {
			return true
		}
	}
	return false
}

// noteStray notes, once per paragraph, the text around the first brace pair
// in text[lo:hi] (text outside any placeholder).
func (pa *paragraph) noteStray(text string, lo, hi int) {
	if pa.malformed != "" {
		return
	}
	first := -1
	for _, b := range strayBraces {
		if i := strings.Index(text[lo:hi], b); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	if first >= 0 {
		pa.malformed = around(text, lo+first)
	}
}

// around is the paragraph's text near byte offset i: up to 12 characters
// before and 16 after, with what is not text shown as a space.
func around(text string, i int) string {
	before, after := []rune(text[:i]), []rune(text[i:])
	pre, post := "", ""
	if len(before) > 12 {
		before, pre = before[len(before)-12:], "…"
	}
	if len(after) > 16 {
		after, post = after[:16], "…"
	}
	s := strings.ReplaceAll(string(before)+string(after), sepChar, " ")
	return pre + strings.TrimSpace(s) + post
}

// names lists the placeholders' names of the part, each once, in order.
func (p *part) names(seen map[string]bool, out []string) []string {
	for _, pa := range p.paras {
		for _, f := range pa.found {
			if !seen[f.name] {
				seen[f.name] = true
				out = append(out, f.name)
			}
		}
	}
	return out
}
