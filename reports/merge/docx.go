package merge

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// contentTypesPart is the package's list of part types.
const contentTypesPart = "[Content_Types].xml"

// Write writes the template filled with r's values to w as a .docx. Every
// part without a placeholder is copied as it is, byte for byte.
func (t *Template) Write(w io.Writer, r *Record) error {
	zw := zip.NewWriter(w)
	for _, f := range t.zr.File {
		p := t.parts[f.Name]
		if p == nil || len(p.paras) == 0 {
			if err := zw.Copy(f); err != nil {
				return err
			}
			continue
		}
		var buf bytes.Buffer
		buf.Grow(len(p.data) + 256)
		p.render(&buf, 0, len(p.data), r, nil)
		if err := writePart(zw, f, buf.Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writePart writes a changed part under f's name and date, compressed.
func writePart(zw *zip.Writer, f *zip.File, data []byte) error {
	return writeNamed(zw, f.Name, f, data)
}

// errNoRecords is a merge with nothing to fill.
var errNoRecords = errors.New("没有可填写的记录")

// WriteAll writes one .docx holding the template filled once for each
// record, each record a section of its own starting on a new page, its
// pages numbered from 1 and its numbered lists starting again at 1.
// Headers and footers holding placeholders are copied for each record, so
// each record's pages carry its own values. (Footnotes and endnotes are
// shared: placeholders in them take the first record's values.)
func (t *Template) WriteAll(w io.Writer, rs []Record) error {
	if len(rs) == 0 {
		return errNoRecords
	}
	if len(rs) == 1 {
		return t.Write(w, &rs[0])
	}
	// The headers and footers with placeholders, by relationship id.
	var own []relationship
	for _, r := range t.rels {
		k := relKind(r.Type)
		if (k == "header" || k == "footer") && r.Mode != "External" {
			if p := t.parts[t.target(r.Target)]; p != nil && len(p.paras) > 0 {
				own = append(own, r)
			}
		}
	}
	lists, numbering, err := t.restartLists(len(rs))
	if err != nil {
		return err
	}
	// ids gives record i's renames: record 0 keeps the template's.
	ids := func(i int) *renames {
		if i == 0 {
			return nil
		}
		r := &renames{refs: map[string]string{}}
		if lists != nil {
			r.nums = lists[i]
		}
		for _, rel := range own {
			r.refs[rel.ID] = copyID(rel.ID, i)
		}
		return r
	}

	zw := zip.NewWriter(w)
	for _, f := range t.zr.File {
		var err error
		switch p := t.parts[f.Name]; {
		case f.Name == t.main:
			err = t.writeMain(zw, f, rs, ids)
		case f.Name == t.mainRels && len(own) > 0:
			err = writePart(zw, f, t.withCopyRels(own, len(rs)))
		case numbering != nil && f.Name == numbering.name:
			err = writePart(zw, f, numbering.data)
		case f.Name == contentTypesPart && len(own) > 0:
			var b []byte
			if b, err = t.withCopyTypes(own, len(rs)); err == nil {
				err = writePart(zw, f, b)
			}
		case p != nil && len(p.paras) > 0:
			var buf bytes.Buffer
			p.render(&buf, 0, len(p.data), &rs[0], nil)
			err = writePart(zw, f, buf.Bytes())
		default:
			err = zw.Copy(f)
		}
		if err != nil {
			return err
		}
	}
	// Each later record's copies of the headers and footers, and of their
	// own relationships (pictures).
	for i := 1; i < len(rs); i++ {
		for _, r := range own {
			name := t.target(r.Target)
			p := t.parts[name]
			var buf bytes.Buffer
			p.render(&buf, 0, len(p.data), &rs[i], nil)
			if err := writeNamed(zw, copyName(name, i), t.file(name), buf.Bytes()); err != nil {
				return err
			}
			rels := path.Join(path.Dir(name), "_rels", path.Base(name)+".rels")
			if f := t.file(rels); f != nil {
				b, err := t.read(rels)
				if err != nil {
					return err
				}
				if err := writeNamed(zw, path.Join(path.Dir(name), "_rels", path.Base(copyName(name, i))+".rels"), f, b); err != nil {
					return err
				}
			}
		}
	}
	return zw.Close()
}

// writeNamed writes data as the part name, dated as f.
func writeNamed(zw *zip.Writer, name string, f *zip.File, data []byte) error {
	pw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: f.Modified})
	if err != nil {
		return err
	}
	_, err = pw.Write(data)
	return err
}

// writeMain writes the main document of WriteAll as f's part, streamed:
// the body once per record, each ending its own section.
func (t *Template) writeMain(zw *zip.Writer, f *zip.File, rs []Record, ids func(int) *renames) error {
	pw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
	if err != nil {
		return err
	}
	main := t.parts[t.main]
	q := func(local string) string { return qname(main.prefix, local) }
	doc := bufio.NewWriterSize(pw, 64<<10)
	doc.Write(main.data[:main.body.start])
	for i := range rs {
		main.render(doc, main.body.start, main.body.end, &rs[i], ids(i))
		last := i == len(rs)-1
		switch {
		case main.sect.end == 0 && !last:
			doc.WriteString("<" + q("p") + "><" + q("r") + "><" + q("br") + " " + q("type") + `="page"/></` + q("r") + "></" + q("p") + ">")
		case main.sect.end == 0:
			doc.Write(main.data[main.body.end:])
		case !last:
			// The section of record i ends with a paragraph holding
			// its own copy of the section's properties.
			doc.WriteString("<" + q("p") + "><" + q("pPr") + ">")
			main.renderSect(doc, main.sect.end, &rs[i], ids(i))
			doc.WriteString("</" + q("pPr") + "></" + q("p") + ">")
		default:
			main.renderSect(doc, len(main.data), &rs[i], ids(i))
		}
	}
	return doc.Flush() // the first error of any write
}

// renderSect writes the body's final w:sectPr, and what follows it up to
// hi, for a record of WriteAll: its pages are numbered from 1, as each
// record's form is numbered by itself.
func (p *part) renderSect(w sink, hi int, r *Record, ids *renames) {
	pn := p.pageNum
	pre := tagPrefix(p.data[p.sect.start:])
	switch {
	case pn.start < 0 || p.pageNumStart:
		p.render(w, p.sect.start, hi, r, ids)
	case pn.start == pn.end:
		p.render(w, p.sect.start, pn.start, r, ids)
		w.WriteString("<" + qname(pre, "pgNumType") + " " + qname(pre, "start") + `="1"/>`)
		p.render(w, pn.start, hi, r, ids)
	default: // a w:pgNumType without w:start: add it after the name
		at := pn.start + 1 + len(qname(tagPrefix(p.data[pn.start:]), "pgNumType"))
		p.render(w, p.sect.start, at, r, ids)
		w.WriteString(" " + qname(pre, "start") + `="1"`)
		p.render(w, at, hi, r, ids)
	}
}

// copyID is the relationship id of record i's copy of a header or footer.
func copyID(id string, i int) string { return fmt.Sprintf("%sm%d", id, i+1) }

// copyName is the part name of record i's copy of a header or footer.
func copyName(name string, i int) string {
	return strings.TrimSuffix(name, ".xml") + fmt.Sprintf("m%d.xml", i+1)
}

// withCopyRels is the main document's relationships with those of every
// later record's copies of the headers and footers own.
func (t *Template) withCopyRels(own []relationship, n int) []byte {
	b, _ := t.read(t.mainRels) // read once already when the template was parsed
	var add strings.Builder
	for i := 1; i < n; i++ {
		for _, r := range own {
			target := strings.TrimSuffix(r.Target, ".xml") + fmt.Sprintf("m%d.xml", i+1)
			fmt.Fprintf(&add, `<Relationship Id="%s" Type="%s" Target="%s"/>`,
				escapeAttr(copyID(r.ID, i)), escapeAttr(r.Type), escapeAttr(target))
		}
	}
	return insertBeforeClose(b, add.String())
}

// insertBeforeClose inserts s before the root element's end tag.
func insertBeforeClose(b []byte, s string) []byte {
	i := bytes.LastIndex(b, []byte("</"))
	if i < 0 {
		return b
	}
	out := make([]byte, 0, len(b)+len(s))
	out = append(out, b[:i]...)
	out = append(out, s...)
	return append(out, b[i:]...)
}

// withCopyTypes is [Content_Types].xml with the type of every later
// record's copies of the headers and footers own.
func (t *Template) withCopyTypes(own []relationship, n int) ([]byte, error) {
	b, err := t.read(contentTypesPart)
	if err != nil {
		return nil, err
	}
	var types struct {
		Overrides []struct {
			PartName    string `xml:"PartName,attr"`
			ContentType string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(b, &types); err != nil {
		return nil, fmt.Errorf("文档类型部件已损坏")
	}
	var add strings.Builder
	for _, r := range own {
		name := t.target(r.Target)
		for _, o := range types.Overrides {
			if strings.TrimPrefix(o.PartName, "/") != name {
				continue
			}
			for i := 1; i < n; i++ {
				fmt.Fprintf(&add, `<Override PartName="/%s" ContentType="%s"/>`,
					escapeAttr(copyName(name, i)), escapeAttr(o.ContentType))
			}
		}
	}
	return insertBeforeClose(b, add.String()), nil
}
