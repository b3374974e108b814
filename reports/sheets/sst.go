package sheets

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// sharedStrings is a workbook's string table (xl/sharedStrings.xml), held
// compactly: the texts one after another in one buffer.
type sharedStrings struct {
	text []byte
	ends []uint32 // string i is text[ends[i-1]:ends[i]]
}

// get returns string i; ok is false when there is none.
func (s *sharedStrings) get(i int) (v string, ok bool) {
	if s == nil || i < 0 || i >= len(s.ends) {
		return "", false
	}
	var start uint32
	if i > 0 {
		start = s.ends[i-1]
	}
	return string(s.text[start:s.ends[i]]), true
}

// readSharedStrings reads a string table: the text of each <si>, as
// excelize gives it.
func readSharedStrings(r io.Reader) (*sharedStrings, error) {
	x := newXMLStream(r)
	s := &sharedStrings{}
	var item richText
	in := false
	for {
		tok, err := x.next()
		if err == io.EOF {
			return s, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case x.depth() == 2 && t.Name.Local == "si":
				item.reset(2)
				in = true
			case in:
				item.start(x.depth(), t.Name.Local)
			}
		case xml.CharData:
			if in {
				item.text(x.depth(), t)
			}
		case xml.EndElement:
			if in && x.depth() == 1 {
				in = false
				s.text = append(s.text, decodeEscapes(string(item.buf))...)
				s.ends = append(s.ends, uint32(len(s.text)))
			}
		}
	}
}

// richText gathers the text of a string item (<si>, or a cell's <is>): its
// <t>, and the <t> of its runs <r>, leaving out phonetic runs (<rPh>).
type richText struct {
	base  int       // depth of the item's element
	names [3]string // names[d]: the element open d levels below the item
	buf   []byte
}

func (rt *richText) reset(base int) {
	rt.base, rt.names, rt.buf = base, [3]string{}, rt.buf[:0]
}

// start notes an element opened at depth.
func (rt *richText) start(depth int, local string) {
	switch depth - rt.base {
	case 1:
		rt.names[1], rt.names[2] = local, ""
	case 2:
		rt.names[2] = local
	}
}

// text keeps character data found at depth when it is the item's text.
func (rt *richText) text(depth int, cd []byte) {
	switch d := depth - rt.base; {
	case d == 1 && rt.names[1] == "t", d == 2 && rt.names[1] == "r" && rt.names[2] == "t":
		rt.buf = append(rt.buf, cd...)
	}
}

// decodeEscapes decodes the _xHHHH_ escapes Excel writes for characters XML
// cannot hold (_x000D_ for a carriage return, _x005F_ for an underscore),
// as excelize does.
func decodeEscapes(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if v, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil {
				if utf8.ValidRune(rune(v)) {
					b.WriteRune(rune(v))
				}
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
