package docx

import (
	"bufio"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xw writes WordprocessingML to a buffered stream: markup as given, text
// escaped. Write errors stick in the bufio.Writer and come back from Flush.
type xw struct {
	b *bufio.Writer
}

// s writes markup as it is.
func (w *xw) s(markup string) { w.b.WriteString(markup) }

// int writes a decimal number.
func (w *xw) int(n int) {
	var buf [20]byte
	w.b.Write(strconv.AppendInt(buf[:0], int64(n), 10))
}

// intAttr writes ` name="n"`.
func (w *xw) intAttr(name string, n int) {
	w.b.WriteByte(' ')
	w.b.WriteString(name)
	w.b.WriteString(`="`)
	w.int(n)
	w.b.WriteByte('"')
}

// escape writes text escaped for XML content and attribute values.
// Characters XML 1.0 cannot hold (control characters other than tab and
// line breaks, U+FFFE, U+FFFF) are left out; bytes that are not UTF-8
// become U+FFFD. Characters outside the BMP are written as they are.
func (w *xw) escape(s string) {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			var rep string
			switch {
			case c == '&':
				rep = "&amp;"
			case c == '<':
				rep = "&lt;"
			case c == '>':
				rep = "&gt;"
			case c == '"':
				rep = "&quot;"
			case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
				rep = ""
			default:
				i++
				continue
			}
			w.b.WriteString(s[start:i])
			w.b.WriteString(rep)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r == 0xFFFE || r == 0xFFFF {
			w.b.WriteString(s[start:i])
			if r == utf8.RuneError {
				w.b.WriteRune(utf8.RuneError)
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	w.b.WriteString(s[start:])
}

// run writes a run of text with run properties rpr (markup, may be
// empty). A tab becomes <w:tab/> and a line break <w:br/>.
func (w *xw) run(rpr, text string) {
	if text == "" {
		return
	}
	w.s("<w:r>")
	if rpr != "" {
		w.s("<w:rPr>")
		w.s(rpr)
		w.s("</w:rPr>")
	}
	start := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\t':
			w.t(text[start:i])
			w.s("<w:tab/>")
			start = i + 1
		case '\n', '\r':
			w.t(text[start:i])
			w.s("<w:br/>")
			if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	w.t(text[start:])
	w.s("</w:r>")
}

// t writes a <w:t> element, keeping its spaces when it has any that
// XML would otherwise fold.
func (w *xw) t(text string) {
	if text == "" {
		return
	}
	if text[0] == ' ' || text[len(text)-1] == ' ' || strings.Contains(text, "  ") {
		w.s(`<w:t xml:space="preserve">`)
	} else {
		w.s("<w:t>")
	}
	w.escape(text)
	w.s("</w:t>")
}
