package sheets

import (
	"archive/zip"
	"bytes"
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/reports/sheets/xlsxfault"
)

// ownRows reads every row of the first sheet with the import's reader,
// all columns kept.
func ownRows(t *testing.T, content []byte) [][]string {
	t.Helper()
	a, err := openArchive(context.Background(), bytes.NewReader(content), int64(len(content)))
	if err != nil {
		t.Fatal(err)
	}
	b, err := readBook(a)
	if err != nil {
		t.Fatal(err)
	}
	sst, err := b.sharedStrings()
	if err != nil {
		t.Fatal(err)
	}
	p, err := a.open(b.sheets[0].part, MaxSheetSize)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	rows := newSheetRows(p, sst)
	if err := rows.start(); err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for {
		num, cells, ok, err := rows.next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return out
		}
		for len(out) < num-1 {
			out = append(out, nil)
		}
		out = append(out, slices.Clone(cells))
	}
}

// excelizeRows reads every row of the first sheet with excelize, raw.
func excelizeRows(t *testing.T, content []byte) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0], excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// trimmed drops trailing empty cells and rows.
func trimmed(rows [][]string) [][]string {
	for i := range rows {
		for len(rows[i]) > 0 && rows[i][len(rows[i])-1] == "" {
			rows[i] = rows[i][:len(rows[i])-1]
		}
	}
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	return rows
}

// TestReaderAgreesWithExcelize: on well-formed workbooks the import's own
// reader gives the values excelize gives with RawCellValue: shared and
// inline strings, rich text without its phonetic runs, _xHHHH_ escapes,
// cells and rows without references, namespace prefixes, booleans,
// numbers, formulas' cached values.
func TestReaderAgreesWithExcelize(t *testing.T) {
	f := excelize.NewFile()
	sheet := f.GetSheetName(0)
	f.SetSheetRow(sheet, "A1", &[]any{"姓名", "数量", "备注"})
	f.SetSheetRow(sheet, "A2", &[]any{"王建国", 3.25, "一\n二"})
	f.SetSheetRow(sheet, "B4", &[]any{true, "_x0041_ 与 _x005F_x0041_"})
	f.SetCellRichText(sheet, "A5", []excelize.RichTextRun{{Text: "李"}, {Text: "红梅", Font: &excelize.Font{Bold: true}}})
	f.SetCellFormula(sheet, "B5", "B2*2")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f.Close()
	base := buf.Bytes()
	edit := func(part string, change func(string) string) []byte {
		out, err := xlsxfault.Rezip(base, zip.Deflate, func(name string, b []byte) []byte {
			if name == part {
				changed := change(string(b))
				if changed == string(b) {
					t.Fatalf("%s: the edit changed nothing", part)
				}
				return []byte(changed)
			}
			return b
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	prefixed := regexp.MustCompile(`<(/?)([a-zA-Z]+)([ >/])`)
	cases := map[string][]byte{
		"as excelize writes it": base,
		"phonetic runs": edit("xl/sharedStrings.xml", func(s string) string {
			return strings.Replace(s, "</r></si>", `</r><rPh sb="0" eb="1"><t>り</t></rPh></si>`, 1)
		}),
		"inline strings": edit(sheetPart, func(s string) string {
			return strings.Replace(s, "</sheetData>", `<row r="6"><c r="A6" t="inlineStr"><is><t xml:space="preserve"> 行内 _x000D_</t></is></c>`+
				`<c r="C6" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r><rPh><t>ふ</t></rPh></is></c></row></sheetData>`, 1)
		}),
		"no references": edit(sheetPart, func(s string) string {
			return regexp.MustCompile(` r="[A-Z]*[0-9]+"`).ReplaceAllString(s, "")
		}),
		"namespace prefixes": edit(sheetPart, func(s string) string {
			s = prefixed.ReplaceAllString(s, "<${1}x:$2$3")
			return strings.Replace(s, `xmlns="`, `xmlns:x="`, 1)
		}),
		"booleans, errors, strings of formulas": edit(sheetPart, func(s string) string {
			return strings.Replace(s, "</sheetData>", `<row r="7"><c r="A7" t="e"><v>#N/A</v></c><c r="B7" t="str"><f>A1</f><v>姓名</v></c><c r="C7" t="b"><v>0</v></c></row></sheetData>`, 1)
		}),
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			own, theirs := trimmed(ownRows(t, content)), trimmed(excelizeRows(t, content))
			if !slices.EqualFunc(own, theirs, slices.Equal) {
				t.Fatalf("own reader:\n%q\nexcelize:\n%q", own, theirs)
			}
		})
	}
}
