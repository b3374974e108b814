package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/reports/sheets/xlsxfault"
)

// membersSheet is the members template filled with n valid rows.
func membersSheet(t *testing.T, dir string, n int) []byte {
	t.Helper()
	tpl := filepath.Join(dir, "template.xlsx")
	if code, _, errOut := run(t, "template", "members", "--out", tpl); code != ExitOK {
		t.Fatal(errOut)
	}
	f, err := excelize.OpenFile(tpl)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	for i := range n {
		id := field.MakeIDNumber("420106", time.Date(1970+i%20, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC), 1+i, true)
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		f.SetSheetRow(sheet, cell, &[]any{"党员" + string(rune('甲'+i)), "男", "汉族", "", id, "", "", "在职教职工", "", "",
			"一支部", "2005-07-01", "", "正式党员"})
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// memberCount opens the database file and counts its members.
func memberCount(t *testing.T, db string) int {
	t.Helper()
	s, err := data.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n, err := s.Members.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestDamagedWorkbookExitsTwoAndWritesNothing: each kind of damage, through
// the command line into a real database file: exit 2, a Chinese message
// saying what is damaged and that nothing was written, no member written.
// Before, a flipped sheet or a control character in row 5 imported the
// rows before the damage, said 已全部写入 and exited 0.
func TestDamagedWorkbookExitsTwoAndWritesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "org.db")
	if code, _, errOut := run(t, "init", "--db", db, "--org", "测试学院党委"); code != ExitOK {
		t.Fatal(errOut)
	}
	const sheetXML = "xl/worksheets/sheet1.xml"
	base := membersSheet(t, dir, 9)
	rezip := func(method uint16, edit func([]byte) []byte) []byte {
		out, err := xlsxfault.Rezip(base, method, func(name string, b []byte) []byte {
			if name == sheetXML && edit != nil {
				return edit(b)
			}
			return b
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	must := func(b []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	stored, deflated := rezip(zip.Store, nil), rezip(zip.Deflate, nil)
	cases := []struct {
		name    string
		content []byte
		want    string
	}{
		{"flipped-stored-sheet", must(xlsxfault.Flip(stored, sheetXML, 64)), "文件已损坏：读到工作表“党员信息”"},
		{"flipped-deflated-sheet", must(xlsxfault.Flip(deflated, sheetXML, 64)), "文件已损坏：读到工作表“党员信息”"},
		{"truncated-file", base[:len(base)/2], "不是有效的Excel"},
		{"truncated-sheet-entry", must(xlsxfault.CutEntry(deflated, sheetXML)), "文件已损坏：读到工作表“党员信息”"},
		{"bad-xml", rezip(zip.Deflate, func(b []byte) []byte {
			return bytes.Replace(b, []byte(`<row r="5"`), []byte(`<row r="5" r=`), 1)
		}), "文件已损坏：读到工作表“党员信息”第4行时出错（XML格式错误）"},
		{"control-character-row-5", rezip(zip.Deflate, func(b []byte) []byte { return xlsxfault.InsertInRow(b, 5, "\x02") }),
			"文件已损坏：读到工作表“党员信息”第5行时出错（含有XML不允许的控制字符）"},
		{"damaged-shared-strings", must(xlsxfault.Flip(deflated, "xl/sharedStrings.xml", 16)), "文件已损坏：读取共享字符串表"},
		{"damaged-styles", must(xlsxfault.Flip(deflated, "xl/styles.xml", 16)), "文件已损坏：读取“xl/styles.xml”时出错"},
		{"damaged-doc-props", must(xlsxfault.Flip(stored, "docProps/app.xml", 4)), "文件已损坏：读取“docProps/app.xml”时出错（"},
	}
	for _, tc := range cases {
		path := filepath.Join(dir, tc.name+".xlsx")
		if err := os.WriteFile(path, tc.content, 0o600); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := run(t, "import", "members", "--db", db, path)
		if code != ExitUsage || !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, "未写入任何数据") ||
			strings.Contains(out, "写入") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q (want %q)", tc.name, code, out, errOut, tc.want)
		}
		if n := memberCount(t, db); n != 0 {
			t.Fatalf("%s: %d members written", tc.name, n)
		}
	}
	// The same file undamaged, stored or deflated, imports whole.
	for i, content := range [][]byte{stored, deflated} {
		path := filepath.Join(dir, "whole.xlsx")
		os.WriteFile(path, content, 0o600)
		if code, out, errOut := run(t, "import", "members", "--db", db, path); code != ExitOK || !strings.Contains(out, "已全部写入") {
			t.Fatalf("undamaged %d: exit %d %q %q", i, code, out, errOut)
		}
	}
	if n := memberCount(t, db); n != 9 {
		t.Fatalf("%d members after the undamaged imports", n)
	}
}
