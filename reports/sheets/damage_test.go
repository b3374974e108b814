package sheets

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"dangjian/data"
	"dangjian/reports/sheets/xlsxfault"
)

const sheetPart = "xl/worksheets/sheet1.xml"

// membersBook is a members workbook of n valid rows (shared strings, as
// excelize and Excel write them).
func membersBook(t testing.TB, n int) []byte {
	t.Helper()
	rows := make([][]any, n)
	for i := range rows {
		rows[i] = memberRow("党员"+string(rune('甲'+i%100)), id("420106", 1960+i%30, 1+i%12, 1+i%28, i%1000, i%2 == 0),
			[]string{"男", "女"}[i%2], "一支部")
	}
	return book(t, headersOf(Members), rows...)
}

// rezipped is content with every part stored or deflated, the sheet's XML
// changed by edit when not nil.
func rezipped(t testing.TB, content []byte, method uint16, edit func([]byte) []byte) []byte {
	t.Helper()
	out, err := xlsxfault.Rezip(content, method, func(name string, b []byte) []byte {
		if name == sheetPart && edit != nil {
			return edit(b)
		}
		return b
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// must takes what a fault of xlsxfault returns, failing the test on error.
func must(t testing.TB) func([]byte, error) []byte {
	return func(b []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}

// refused imports content for real and checks it is refused with an input
// error whose message holds every one of want, and that nothing is written.
func refused(t *testing.T, s *data.Store, content []byte, want ...string) string {
	t.Helper()
	ctx := context.Background()
	before, _ := s.Members.Count(ctx)
	audit, _ := s.AuditCount(ctx)
	rep, err := Import(ctx, s, Members, bytes.NewReader(content), Options{})
	var ie *InputError
	if !errors.As(err, &ie) {
		if rep != nil {
			t.Fatalf("not refused as unusable input: %v (%d rows read, written %v)", err, rep.Rows, rep.Written)
		}
		t.Fatalf("not refused as unusable input: %v", err)
	}
	if !utf8.ValidString(ie.Msg) || !strings.ContainsFunc(ie.Msg, func(r rune) bool { return r >= 0x4E00 }) {
		t.Fatalf("message not in Chinese: %q", ie.Msg)
	}
	for _, w := range want {
		if !strings.Contains(ie.Msg, w) {
			t.Errorf("message %q lacks %q", ie.Msg, w)
		}
	}
	if rep != nil && rep.Written {
		t.Error("report says written")
	}
	after, _ := s.Members.Count(ctx)
	auditAfter, _ := s.AuditCount(ctx)
	if after != before || auditAfter != audit {
		t.Fatalf("a refused import wrote %d members, %d audit entries", after-before, auditAfter-audit)
	}
	return ie.Msg
}

// TestDamagedWorkbooksAreRefusedWhole: every read error anywhere in the
// file refuses the whole import. Before, a flipped sheet imported the rows
// before the damage and said 已全部写入, and a control character in row 5
// of 9 wrote the first rows and dropped the rest silently.
func TestDamagedWorkbooksAreRefusedWhole(t *testing.T) {
	base := membersBook(t, 9)
	stored := rezipped(t, base, zip.Store, nil)
	deflated := rezipped(t, base, zip.Deflate, nil)
	cases := []struct {
		name    string
		content []byte
		want    []string
	}{
		{"flipped bytes in the stored sheet", must(t)(xlsxfault.Flip(stored, sheetPart, 64)),
			[]string{"文件已损坏", "工作表“Sheet1”"}},
		{"flipped bytes in the deflated sheet", must(t)(xlsxfault.Flip(deflated, sheetPart, 64)),
			[]string{"文件已损坏", "工作表“Sheet1”"}},
		{"a changed digit: the XML stays valid, the checksum does not", must(t)(xlsxfault.Patch(stored, sheetPart,
			func(b []byte) { i := bytes.Index(b, []byte(`ref="A1:S`)) + 9; b[i] = '0' + (b[i]-'0'+1)%10 })),
			[]string{"文件已损坏：读到工作表“Sheet1”末尾时出错", "校验和不符"}},
		{"the file cut short", base[:len(base)*2/3], []string{"不是有效的Excel"}},
		{"the sheet's entry cut short", must(t)(xlsxfault.CutEntry(deflated, sheetPart)),
			[]string{"文件已损坏", "工作表“Sheet1”"}},
		{"the stored sheet's entry cut short", must(t)(xlsxfault.CutEntry(stored, sheetPart)),
			[]string{"文件已损坏", "数据不完整"}},
		{"an end tag that does not match", rezipped(t, base, zip.Deflate, func(b []byte) []byte {
			i := bytes.Index(b, []byte(`<row r="5"`))
			j := i + bytes.Index(b[i:], []byte("</row>"))
			return append(append(append([]byte{}, b[:j]...), "</rwo>"...), b[j+6:]...)
		}), []string{"文件已损坏：读到工作表“Sheet1”第5行时出错", "XML格式错误"}},
		{"a control character in row 5 of 9", rezipped(t, base, zip.Deflate, func(b []byte) []byte {
			return xlsxfault.InsertInRow(b, 5, "\x01")
		}), []string{"文件已损坏：读到工作表“Sheet1”第5行时出错", "控制字符"}},
		{"invalid UTF-8 in row 3", rezipped(t, base, zip.Deflate, func(b []byte) []byte {
			return xlsxfault.InsertInRow(b, 3, "\xff\xfe")
		}), []string{"第3行", "UTF-8"}},
		{"the sheet ends inside sheetData", rezipped(t, base, zip.Deflate, func(b []byte) []byte {
			return b[:bytes.Index(b, []byte(`<row r="7"`))]
		}), []string{"文件已损坏", "数据不完整"}},
		{"a damaged string table", must(t)(xlsxfault.Flip(deflated, "xl/sharedStrings.xml", 16)),
			[]string{"文件已损坏", "sharedStrings.xml"}},
		{"a damaged stored string table", must(t)(xlsxfault.Flip(stored, "xl/sharedStrings.xml", 16)),
			[]string{"文件已损坏", "sharedStrings.xml"}},
		{"damaged styles", must(t)(xlsxfault.Flip(deflated, "xl/styles.xml", 16)),
			[]string{"文件已损坏：读取“xl/styles.xml”时出错"}},
		{"damaged document properties", must(t)(xlsxfault.Flip(stored, "docProps/app.xml", 8)),
			[]string{"文件已损坏：读取“docProps/app.xml”时出错"}},
		{"styles cut short, the zip itself sound", must(t)(xlsxfault.Rezip(base, zip.Deflate, func(name string, b []byte) []byte {
			if name == "xl/styles.xml" {
				return b[:len(b)/2]
			}
			return b
		})), []string{"文件已损坏：读取“xl/styles.xml”时出错", "内容不完整"}},
		{"document properties cut short, the zip itself sound", must(t)(xlsxfault.Rezip(base, zip.Deflate, func(name string, b []byte) []byte {
			if name == "docProps/core.xml" {
				return b[:len(b)-5]
			}
			return b
		})), []string{"文件已损坏：读取“docProps/core.xml”时出错"}},
		{"a damaged workbook part", must(t)(xlsxfault.Flip(deflated, "xl/workbook.xml", 16)),
			[]string{"文件已损坏", "xl/workbook.xml"}},
		{"a shared string number the table lacks", rezipped(t, base, zip.Deflate, func(b []byte) []byte {
			return xlsxfault.InsertInRow(b, 4, "99")
		}), []string{"第4行", "共享字符串"}},
	}
	s := testStore(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Import(context.Background(), s, Members, bytes.NewReader(base), Options{DryRun: true}); err != nil {
				t.Fatalf("the undamaged base fails: %v", err)
			}
			t.Log(refused(t, s, tc.content, tc.want...))
		})
	}
	// The base itself imports whole, stored or deflated.
	for _, content := range [][]byte{stored, deflated} {
		rep, err := Import(context.Background(), s, Members, bytes.NewReader(content), Options{DryRun: true})
		if err != nil || rep.Rows != 9 || len(rep.Problems) > 0 {
			t.Fatalf("undamaged: %v %+v", err, rep)
		}
	}
}

// TestDamageInTheMiddleOfALargeSheetNamesTheRow: a sheet of 3,000 rows
// with bytes flipped in the middle of its compressed XML writes nothing
// and names a row near the damage, not the first or the last.
func TestDamageInTheMiddleOfALargeSheetNamesTheRow(t *testing.T) {
	const n = 3000
	s := testStore(t)
	base := membersBook(t, n)
	for _, method := range []uint16{zip.Store, zip.Deflate} {
		content := must(t)(xlsxfault.Flip(rezipped(t, base, method, nil), sheetPart, 64))
		msg := refused(t, s, content, "文件已损坏：读到工作表“Sheet1”第")
		_, after, _ := strings.Cut(msg, "”第")
		row := atoi(after)
		if row < n/4 || row > n*3/4 {
			t.Errorf("method %d: the message names row %d, not one near the middle: %s", method, row, msg)
		}
	}
}

// atoi reads the number s starts with.
func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}
