package merge

import (
	"archive/zip"
	"bytes"
	"dangjian/data/localfs"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Limits on a template, which comes from outside: its file, and each XML
// part read from it once uncompressed.
const (
	maxTemplateSize = 64 << 20
	maxPartSize     = 64 << 20
	maxParts        = 10000
)

// Relationship types (their last path element) of the parts that may hold
// placeholders besides the main document.
var textPartTypes = map[string]bool{"header": true, "footer": true, "footnotes": true, "endnotes": true}

// Template is a unit's own Word document with placeholders ({{姓名}}),
// read once and filled for any number of records.
type Template struct {
	name     string // the file's name, for messages
	zr       *zip.Reader
	main     string           // the main document part, word/document.xml in Word's files
	mainRels string           // its relationships part
	parts    map[string]*part // the main document, headers, footers, notes
	rels     []relationship   // the main document's relationships
}

// relationship is one entry of a .rels part.
type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
}

type relationships struct {
	Rels []relationship `xml:"Relationship"`
}

// TemplateError is a template that cannot be used: not a Word document,
// damaged, or too large. Its text is Chinese and names the template.
type TemplateError struct {
	Template string // the file's name
	Reason   string
}

func (e *TemplateError) Error() string {
	return fmt.Sprintf("模板“%s”无法使用: %s", e.Template, e.Reason)
}

// OpenTemplate reads the template file at path.
func OpenTemplate(path string) (*Template, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, &TemplateError{name, "无法打开文件(" + osReason(err) + ")"}
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxTemplateSize+1))
	if err != nil {
		return nil, &TemplateError{name, "无法读取文件"}
	}
	return ParseTemplate(name, b)
}

// osReason tells an error of opening a file in Chinese.
func osReason(err error) string {
	if reason := localfs.ReadReason(err); reason != "" {
		return reason
	}
	return "读取出错"
}

// ParseTemplate reads a template from its bytes; name is its file name,
// for messages.
func ParseTemplate(name string, b []byte) (*Template, error) {
	bad := func(reason string) error { return &TemplateError{name, reason} }
	if len(b) > maxTemplateSize {
		return nil, bad(fmt.Sprintf("文件超过%dMB", maxTemplateSize>>20))
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, bad("不是.docx文档。旧版.doc文件请先“另存为”.docx格式")
	}
	if len(zr.File) > maxParts {
		return nil, bad("文档包含的部件过多")
	}
	t := &Template{name: name, zr: zr, parts: map[string]*part{}}
	root, err := t.readRels("_rels/.rels")
	if err != nil {
		return nil, bad("不是.docx文档:缺少文档关系部件")
	}
	for _, r := range root {
		if relKind(r.Type) == "officeDocument" {
			t.main = strings.TrimPrefix(r.Target, "/")
		}
	}
	if t.main == "" || t.file(t.main) == nil {
		return nil, bad("不是.docx文档:找不到正文部件")
	}
	t.mainRels = path.Join(path.Dir(t.main), "_rels", path.Base(t.main)+".rels")
	if t.file(t.mainRels) != nil {
		if t.rels, err = t.readRels(t.mainRels); err != nil {
			return nil, bad("文档关系部件已损坏")
		}
	}
	names := []string{t.main}
	for _, r := range t.rels {
		if textPartTypes[relKind(r.Type)] && r.Mode != "External" {
			if n := t.target(r.Target); t.file(n) != nil {
				names = append(names, n)
			}
		}
	}
	for _, n := range names {
		if t.parts[n] != nil {
			continue
		}
		data, err := t.read(n)
		if err != nil {
			return nil, bad(err.Error())
		}
		p, err := scanPart(n, data)
		if err != nil {
			return nil, bad("文档内容已损坏(" + n + ")")
		}
		p.findUnits()
		t.parts[n] = p
	}
	if p := t.parts[t.main]; p.body.start == 0 {
		return nil, bad("不是.docx文档:正文缺少文档主体")
	}
	return t, nil
}

// Name is the template's file name.
func (t *Template) Name() string { return t.name }

// relKind is the last element of a relationship type.
func relKind(typ string) string { return path.Base(typ) }

// target resolves a relationship target of the main document to a part
// name.
func (t *Template) target(target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Join(path.Dir(t.main), target)
}

// file is the zip entry named name, or nil.
func (t *Template) file(name string) *zip.File {
	for _, f := range t.zr.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// read reads a part whole, refusing one larger than maxPartSize.
func (t *Template) read(name string) ([]byte, error) {
	f := t.file(name)
	if f == nil {
		return nil, fmt.Errorf("缺少部件 %s", name)
	}
	if f.UncompressedSize64 > maxPartSize {
		return nil, fmt.Errorf("部件 %s 过大", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("部件 %s 已损坏", name)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxPartSize+1))
	if err != nil || len(b) > maxPartSize {
		return nil, fmt.Errorf("部件 %s 已损坏或过大", name)
	}
	return b, nil
}

// readRels reads a relationships part.
func (t *Template) readRels(name string) ([]relationship, error) {
	b, err := t.read(name)
	if err != nil {
		return nil, err
	}
	var rs relationships
	if err := xml.Unmarshal(b, &rs); err != nil {
		return nil, err
	}
	return rs.Rels, nil
}

// Placeholders lists the names of the template's placeholders ({{姓名}}
// gives 姓名), each once, in the order met: the main document, then its
// headers, footers and notes.
func (t *Template) Placeholders() []string {
	seen := map[string]bool{}
	out := t.parts[t.main].names(seen, nil)
	var others []string
	for n := range t.parts {
		if n != t.main {
			others = append(others, n)
		}
	}
	sort.Strings(others)
	for _, n := range others {
		out = t.parts[n].names(seen, out)
	}
	return out
}

// FieldError is a template holding placeholders that kind Kind does not
// fill (or none at all). Its text is Chinese and names the template and
// the placeholders.
type FieldError struct {
	Template string
	Kind     Kind
	Unknown  []string // no such placeholder
	Other    []string // placeholders of another kind
	// Malformed is the text around each placeholder written wrong (an
	// unclosed 「{{姓名」, a single brace 「{{姓名}」, braces in two
	// paragraphs), which would be printed as it is into every document.
	Malformed []string
	None      bool // the template has no placeholder
}

func (e *FieldError) Error() string {
	if e.None {
		return fmt.Sprintf("模板“%s”中没有找到占位符。请在要填写的位置写上{{姓名}}这样的占位符（两层花括号），"+
			"可用的占位符见 dangjian merge --list-fields", e.Template)
	}
	var parts []string
	if len(e.Malformed) > 0 {
		quoted := make([]string, len(e.Malformed))
		for i, m := range e.Malformed {
			quoted[i] = "「" + m + "」"
		}
		parts = append(parts, "这些地方的占位符写得不完整（应为两层花括号括起的名称，写在同一段中，如{{姓名}}）："+
			strings.Join(quoted, "、"))
	}
	if len(e.Unknown) > 0 {
		parts = append(parts, "没有这些占位符："+braced(e.Unknown))
	}
	if len(e.Other) > 0 {
		parts = append(parts, "这些占位符不属于“"+Title(e.Kind)+"”："+braced(e.Other))
	}
	return fmt.Sprintf("模板“%s”%s。未生成任何文件。可用的占位符见 dangjian merge --list-fields", e.Template, strings.Join(parts, "；"))
}

// braced lists names as {{名称}}、{{名称}}.
func braced(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "{{" + n + "}}"
	}
	return strings.Join(out, "、")
}

// Malformed lists the text around each placeholder written wrong: the
// main document's first, then its headers', footers' and notes'.
func (t *Template) Malformed() []string {
	out := append([]string(nil), t.parts[t.main].malformed...)
	var others []string
	for n := range t.parts {
		if n != t.main {
			others = append(others, n)
		}
	}
	sort.Strings(others)
	for _, n := range others {
		out = append(out, t.parts[n].malformed...)
	}
	return out
}

// Check refuses a template holding a placeholder that kind k does not
// fill, one written wrong, or no placeholder at all, with a *FieldError.
func (t *Template) Check(k Kind) error {
	names := t.Placeholders()
	malformed := t.Malformed()
	if len(names) == 0 && len(malformed) == 0 {
		return &FieldError{Template: t.name, Kind: k, None: true}
	}
	known := map[string]bool{}
	for _, f := range FieldsFor(k) {
		known[f.Name] = true
	}
	anyKind := map[string]bool{}
	for _, f := range fields {
		anyKind[f.Name] = true
	}
	e := &FieldError{Template: t.name, Kind: k, Malformed: malformed}
	for _, n := range names {
		switch {
		case known[n]:
		case anyKind[n]:
			e.Other = append(e.Other, n)
		default:
			e.Unknown = append(e.Unknown, n)
		}
	}
	if len(e.Unknown)+len(e.Other)+len(e.Malformed) > 0 {
		return e
	}
	return nil
}
