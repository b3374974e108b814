package merge

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// stylesXML is a part with no placeholder: it must come out byte for byte.
const stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
	`<w:styles ` + wordNS + `><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>` +
	`<w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style></w:styles>`

// docxParts builds a Word package from its document body (the content of
// w:body before its w:sectPr), header and footer paragraphs.
func docxParts(body, header, footer string) map[string]string {
	return map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
			`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
			`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
			`</Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
			`</Relationships>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
			`</Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<w:document ` + wordNS + `><w:body>` + body +
			`<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/>` +
			`<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>` +
			`</w:body></w:document>`,
		"word/styles.xml":  stylesXML,
		"word/header1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:hdr ` + wordNS + `>` + header + `</w:hdr>`,
		"word/footer1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:ftr ` + wordNS + `>` + footer + `</w:ftr>`,
	}
}

// zipParts writes parts as a zip, in a fixed order.
func zipParts(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	order := []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
		"word/styles.xml", "word/header1.xml", "word/footer1.xml"}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range order {
		s, ok := parts[n]
		if !ok {
			continue
		}
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, s)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// makeDocx is a template from its body, header and footer paragraphs.
func makeDocx(t testing.TB, body, header, footer string) []byte {
	t.Helper()
	return zipParts(t, docxParts(body, header, footer))
}

// para is a paragraph of plain runs, one a text.
func para(texts ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	for _, s := range texts {
		b.WriteString(`<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	return b.String()
}

// unzipParts reads every part of a .docx.
func unzipParts(t testing.TB, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("output is not a zip: %v", err)
	}
	out := map[string][]byte{}
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
		if _, dup := out[f.Name]; dup {
			t.Fatalf("part %s twice", f.Name)
		}
		out[f.Name] = data
	}
	return out
}

// readRun is a run as read back: its text and whether it is bold or
// italic.
type readRun struct {
	text         string
	bold, italic bool
}

// readPara is a paragraph as read back.
type readPara struct {
	runs     []readRun
	numbered bool // has w:numPr
}

func (p readPara) text() string {
	var b strings.Builder
	for _, r := range p.runs {
		b.WriteString(r.text)
	}
	return b.String()
}

// paragraphs parses a part's paragraphs (failing on XML that is not well
// formed); a w:br reads as "\n".
func paragraphs(t testing.TB, data []byte) []readPara {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var out []readPara
	var cur *readPara
	var run *readRun
	inT := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("output XML not well formed: %v\n%s", err, data)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "p":
				out = append(out, readPara{})
				cur = &out[len(out)-1]
			case "r":
				if cur != nil {
					cur.runs = append(cur.runs, readRun{})
					run = &cur.runs[len(cur.runs)-1]
				}
			case "b":
				if run != nil {
					run.bold = true
				}
			case "i":
				if run != nil {
					run.italic = true
				}
			case "numPr":
				if cur != nil {
					cur.numbered = true
				}
			case "br":
				if run != nil {
					run.text += "\n"
				}
			case "t":
				inT = true
			}
		case xml.EndElement:
			switch x.Name.Local {
			case "t":
				inT = false
			case "r":
				run = nil
			}
		case xml.CharData:
			if inT && run != nil {
				run.text += string(x)
			}
		}
	}
	return out
}

// texts is the text of each paragraph.
func texts(ps []readPara) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.text()
	}
	return out
}

// fill parses a template and fills it with r.
func fill(t testing.TB, tmpl []byte, r *Record) map[string][]byte {
	t.Helper()
	tp, err := ParseTemplate("测试模板.docx", tmpl)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := tp.Write(&out, r); err != nil {
		t.Fatal(err)
	}
	return unzipParts(t, out.Bytes())
}
