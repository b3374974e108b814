package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"dangjian/reports/layout"
)

// pkg is a rendered .docx read back: its parts by name.
type pkg struct {
	raw   []byte
	parts map[string][]byte
	order []string // the parts in the order of the zip
}

// renderDoc renders d and reads the package back.
func renderDoc(t testing.TB, d *layout.Document) *pkg {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(context.Background(), d, &buf); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return readPkg(t, buf.Bytes())
}

// readPkg unzips a .docx.
func readPkg(t testing.TB, raw []byte) *pkg {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	p := &pkg{raw: raw, parts: map[string][]byte{}}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		p.parts[f.Name] = data
		p.order = append(p.order, f.Name)
	}
	return p
}

// node is an XML element read back.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []*node    `xml:",any"`
	Text    string     `xml:",chardata"`
}

// xmlOf parses a part.
func (p *pkg) xmlOf(t testing.TB, name string) *node {
	t.Helper()
	data, ok := p.parts[name]
	if !ok {
		t.Fatalf("no part %s", name)
	}
	var n node
	if err := xml.Unmarshal(data, &n); err != nil {
		t.Fatalf("%s is not well-formed: %v", name, err)
	}
	return &n
}

// body is the w:body of document.xml.
func (p *pkg) body(t testing.TB) *node {
	t.Helper()
	return p.xmlOf(t, "word/document.xml").child("body")
}

// child is the first child element named local, nil when none.
func (n *node) child(local string) *node {
	if n == nil {
		return nil
	}
	for _, c := range n.Nodes {
		if c.XMLName.Local == local {
			return c
		}
	}
	return nil
}

// children are the child elements named local.
func (n *node) children(local string) []*node {
	var out []*node
	for _, c := range n.Nodes {
		if c.XMLName.Local == local {
			out = append(out, c)
		}
	}
	return out
}

// all are the descendants named local, in document order.
func (n *node) all(local string) []*node {
	var out []*node
	var walk func(*node)
	walk = func(m *node) {
		for _, c := range m.Nodes {
			if c.XMLName.Local == local {
				out = append(out, c)
			}
			walk(c)
		}
	}
	walk(n)
	return out
}

// attr is the value of the attribute named local ("" when none).
func (n *node) attr(local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// path follows child elements by name.
func (n *node) path(locals ...string) *node {
	for _, l := range locals {
		n = n.child(l)
	}
	return n
}

// text is the text an element shows: its w:t, with w:tab as a tab and
// w:br as a line break; field instructions are left out.
func (n *node) text() string {
	var b strings.Builder
	var walk func(*node)
	walk = func(m *node) {
		for _, c := range m.Nodes {
			switch c.XMLName.Local {
			case "t":
				b.WriteString(c.Text)
			case "tab":
				if m.XMLName.Local == "r" {
					b.WriteByte('\t')
				}
			case "br":
				b.WriteByte('\n')
			case "instrText":
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// paragraphs are the texts of the body's paragraphs outside tables, in
// order.
func (p *pkg) paragraphs(t testing.TB) []string {
	var out []string
	for _, c := range p.body(t).children("p") {
		out = append(out, c.text())
	}
	return out
}

// cells are the texts of a table's cells, row by row.
func cells(tbl *node) [][]string {
	var out [][]string
	for _, tr := range tbl.children("tr") {
		out = append(out, rowTexts(tr))
	}
	return out
}

// rowTexts are the texts of a row's cells, a cell's paragraphs one a line.
func rowTexts(tr *node) []string {
	var row []string
	for _, tc := range tr.children("tc") {
		var ps []string
		for _, p := range tc.children("p") {
			ps = append(ps, p.text())
		}
		row = append(row, strings.Join(ps, "\n"))
	}
	return row
}
