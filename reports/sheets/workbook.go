package sheets

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"path"
	"strings"
)

// workbook is the structure of a workbook: its sheets in order and its string
// table, found as excelize finds them, through the package's and the
// workbook's relationships.
type workbook struct {
	a      *archive
	sheets []bookSheet
	sst    *zip.File          // xl/sharedStrings.xml or where the workbook says; nil when none
	roles  map[*zip.File]bool // parts the workbook names as sheets
	read   map[*zip.File]bool // parts already read whole
}

// bookSheet is one sheet as the workbook lists it.
type bookSheet struct {
	name      string
	part      *zip.File // nil when the file lacks the part
	worksheet bool      // a worksheet, not a chart or dialog sheet
}

// Relationship types end with these, in both the transitional and the
// strict namespaces.
const (
	relOfficeDocument = "/officeDocument"
	relWorksheet      = "/worksheet"
	relSharedStrings  = "/sharedStrings"
)

type xmlRelationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
		Mode   string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

type xmlWorkbook struct {
	Sheets []struct {
		Name  string     `xml:"name,attr"`
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"sheets>sheet"`
}

// readBook reads the package's relationships, the workbook and the
// workbook's relationships.
func readBook(a *archive) (*workbook, error) {
	b := &workbook{a: a, roles: map[*zip.File]bool{}, read: map[*zip.File]bool{}}
	wbPart := "xl/workbook.xml"
	var pkg xmlRelationships
	if ok, err := b.decode("_rels/.rels", &pkg); err != nil {
		return nil, err
	} else if ok {
		for _, r := range pkg.Rels {
			if strings.HasSuffix(r.Type, relOfficeDocument) && r.Mode != "External" {
				wbPart = resolvePart("", r.Target)
			}
		}
	}
	var wb xmlWorkbook
	if ok, err := b.decode(wbPart, &wb); err != nil {
		return nil, err
	} else if !ok {
		return nil, inputErrorf("文件不是有效的Excel（.xlsx）文件（缺少工作簿“%s”）", label(wbPart))
	}
	var rels xmlRelationships
	dir, base := path.Split(wbPart)
	if _, err := b.decode(dir+"_rels/"+base+".rels", &rels); err != nil {
		return nil, err
	}
	targets := map[string]*zip.File{}
	worksheets := map[string]bool{}
	for _, r := range rels.Rels {
		if r.Mode == "External" {
			continue
		}
		f := a.part(resolvePart(dir, r.Target))
		targets[r.ID] = f
		worksheets[r.ID] = strings.HasSuffix(r.Type, relWorksheet)
		if f != nil && strings.HasSuffix(r.Type, relSharedStrings) {
			b.sst = f
		}
		if f != nil && strings.HasSuffix(r.Type, "sheet") {
			b.roles[f] = true
		}
	}
	if b.sst == nil {
		b.sst = a.part("xl/sharedStrings.xml")
	}
	for _, s := range wb.Sheets {
		id := relID(s.Attrs)
		b.sheets = append(b.sheets, bookSheet{name: s.Name, part: targets[id], worksheet: worksheets[id]})
	}
	return b, nil
}

// relID is the r:id attribute of a <sheet>: the one named id in a namespace.
func relID(attrs []xml.Attr) string {
	for _, a := range attrs {
		if a.Name.Local == "id" && a.Name.Space != "" {
			return a.Value
		}
	}
	return ""
}

// resolvePart is the part a relationship's target names, relative to the
// folder of the part holding the relationship.
func resolvePart(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return path.Clean(target[1:])
	}
	return path.Join(dir, target)
}

// decode reads the small XML part name into v; ok is false when the file
// has no such part.
func (b *workbook) decode(name string, v any) (ok bool, err error) {
	f := b.a.part(name)
	if f == nil {
		return false, nil
	}
	b.read[f] = true
	p, err := b.a.open(f, MaxPartSize)
	if err != nil {
		return false, damaged("读取“"+label(f.Name)+"”", err)
	}
	defer p.Close()
	d := xml.NewDecoder(p)
	d.CharsetReader = charsetReader()
	if err := d.Decode(v); err != nil && err != io.EOF {
		return false, damaged("读取“"+label(f.Name)+"”", err)
	}
	if err := p.drain(); err != nil {
		return false, damaged("读取“"+label(f.Name)+"”", err)
	}
	return true, nil
}

// choose returns the sheet named title, else the first.
func (b *workbook) choose(title string) (bookSheet, bool) {
	if len(b.sheets) == 0 {
		return bookSheet{}, false
	}
	for _, s := range b.sheets {
		if s.name == title {
			return s, true
		}
	}
	return b.sheets[0], true
}

// limit is how large the part may be once inflated.
func (b *workbook) limit(f *zip.File) uint64 {
	switch {
	case f == b.sst:
		return MaxSharedStringsSize
	case b.roles[f]:
		return MaxSheetSize
	}
	return MaxPartSize
}

// checkSizes checks every part's declared sizes against its limit, before
// any more of the file is inflated.
func (b *workbook) checkSizes() error {
	for _, f := range b.a.files {
		if err := checkDeclared(f, b.limit(f)); err != nil {
			return err
		}
	}
	return nil
}

// checkRest reads every part not read otherwise (all but skip, the string
// table and the parts already read), so that damage anywhere in the file
// refuses it: archive/zip verifies a part's checksum only at its end.
func (b *workbook) checkRest(skip *zip.File) error {
	for _, f := range b.a.files {
		if f == skip || f == b.sst || b.read[f] {
			continue
		}
		if err := b.a.check(f, b.limit(f)); err != nil {
			return damaged("读取“"+label(f.Name)+"”", err)
		}
	}
	return nil
}

// sharedStrings reads the string table; nil when the workbook has none.
func (b *workbook) sharedStrings() (*sharedStrings, error) {
	if b.sst == nil {
		return nil, nil
	}
	where := "读取共享字符串表“" + label(b.sst.Name) + "”"
	p, err := b.a.open(b.sst, MaxSharedStringsSize)
	if err != nil {
		return nil, damaged(where, err)
	}
	defer p.Close()
	sst, err := readSharedStrings(p)
	if err != nil {
		return nil, damaged(where, err)
	}
	return sst, nil
}
