package sheets

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"dangjian/reports/sheets/xlsxfault"
)

// sheetStart opens a sheet's rows: what follows it is read as the space
// between rows.
const sheetStart = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`

// withPart returns the deflated base with the part name's stored bytes and
// header replaced: raw, declaring size and crc.
func withPart(t testing.TB, base []byte, name string, raw []byte, size uint64, crc uint32) []byte {
	t.Helper()
	out, err := xlsxfault.ReplaceRaw(base, name, func(f *zip.File, _ []byte) ([]byte, zip.FileHeader) {
		h := f.FileHeader
		h.Method, h.UncompressedSize64, h.CRC32 = zip.Deflate, size, crc
		return raw, h
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// fakeFile is a file of the given size that reads as zeros.
type fakeFile struct{ size int64 }

func (f fakeFile) Size() int64 { return f.size }
func (f fakeFile) ReadAt(b []byte, off int64) (int, error) {
	if off >= f.size {
		return 0, io.EOF
	}
	clear(b)
	return len(b), nil
}

// TestHostileWorkbooksAreRefusedEarly: zip bombs and oversized parts are
// refused with a clear message, before they are inflated (their declared
// sizes) or as soon as they inflate past what their header declares (a
// header that lies), using little memory and leaving no temporary file.
// Before, a 1.5 MB file whose sheet inflates to 1.5 GB drove memory past
// 4 GB and left the sheet in the system's temporary folder, and a 3 GB
// document-properties part was read into memory.
func TestHostileWorkbooksAreRefusedEarly(t *testing.T) {
	tmp := emptyTMPDIR(t)
	s := testStore(t)
	base := rezipped(t, membersBook(t, 3), zip.Deflate, nil)

	bomb, crc, size := xlsxfault.Bomb(sheetStart, ' ', 16<<20) // 16 MB in 16 KB
	docBomb, docCRC, docSize := xlsxfault.Bomb(`<Properties>`, ' ', 16<<20)
	random := make([]byte, 6<<20) // a cell of 6 MB that compression does not shrink
	rng := rand.NewChaCha8([32]byte{})
	rng.Read(random)
	for i, b := range random {
		random[i] = 'a' + b%26
	}
	many := make([]string, MaxParts)
	for i := range many {
		many[i] = fmt.Sprintf("customXml/item%d.xml", i)
	}
	tooMany, err := xlsxfault.Append(base, many, nil)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		content io.Reader
		want    string
	}{
		{"a sheet bomb with a truthful header", bytes.NewReader(withPart(t, base, sheetPart, bomb, size, crc)),
			"压缩比异常（超过100倍）"},
		{"a sheet bomb whose header says 1.5 GB", bytes.NewReader(withPart(t, base, sheetPart, bomb, 3<<29, crc)),
			"压缩比异常"},
		{"a sheet bomb whose header says 6 GB", bytes.NewReader(withPart(t, base, sheetPart, bomb, 6<<30, crc)),
			"超过了上限4.00 GB"},
		{"a sheet bomb whose header lies small", bytes.NewReader(withPart(t, base, sheetPart, bomb, 1<<20, crc)),
			"数据长度与文件目录不符"},
		{"a document-properties bomb whose header says 3 GB", bytes.NewReader(withPart(t, base, "docProps/app.xml",
			docBomb, 3<<30, docCRC)), "“docProps/app.xml”压缩比异常"},
		{"a document-properties bomb with a truthful header", bytes.NewReader(withPart(t, base, "docProps/app.xml",
			docBomb, docSize, docCRC)), "“docProps/app.xml”压缩比异常"},
		{"a document-properties part of 100 MB", bytes.NewReader(withPart(t, base, "docProps/app.xml",
			random[:2<<20], 100<<20, 0)), "“docProps/app.xml”解压后有100.0 MB，超过了上限64.0 MB"},
		{"a document-properties bomb whose header lies small", bytes.NewReader(withPart(t, base, "docProps/app.xml",
			docBomb, 1000, docCRC)), "文件已损坏：读取“docProps/app.xml”时出错（数据长度与文件目录不符"},
		{"a string-table bomb whose header lies small", bytes.NewReader(withPart(t, base, "xl/sharedStrings.xml",
			docBomb, 1<<20, docCRC)), "数据长度与文件目录不符"},
		{"a cell of 6 MB", bytes.NewReader(rezipped(t, base, zip.Store, func(b []byte) []byte {
			return xlsxfault.InsertInRow(b, 3, string(random))
		})), "第3行时出错（第A列的内容超过了Excel单元格的上限32767个字符）"},
		{"an attribute of 6 MB", bytes.NewReader(rezipped(t, base, zip.Store, func(b []byte) []byte {
			return bytes.Replace(b, []byte(`<row r="3"`), append([]byte(`<row r="3" x="`), append(random, '"')...), 1)
		})), "第2行时出错（一个单元格或标签超过了4 MB"},
		{"elements nested a million deep", bytes.NewReader(rezipped(t, base, zip.Store, func(b []byte) []byte {
			deep := bytes.Repeat([]byte("<x>"), 1_000_000)
			return bytes.Replace(b, []byte(`<row r="3"`), append(deep, []byte(`<row r="3"`)...), 1)
		})), "嵌套超过64层"},
		{"too many parts", bytes.NewReader(tooMany), "超过了上限10000"},
		{"a file of 2 GB", io.NewSectionReader(fakeFile{2 << 30}, 0, 2<<30), "超过了导入的上限1.00 GB"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			rep, err := Import(context.Background(), s, Members, tc.content, Options{})
			runtime.ReadMemStats(&after)
			var ie *InputError
			if !asInputError(err, &ie) || !strings.Contains(ie.Msg, tc.want) {
				t.Fatalf("got %v (report %v), want an input error saying %q", err, rep != nil, tc.want)
			}
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%s (allocated %.1f MB)", ie.Msg, float64(alloc)/(1<<20))
			if alloc > 48<<20 {
				t.Errorf("refusing it allocated %d MB", alloc>>20)
			}
			if n, _ := s.Members.Count(context.Background()); n != 0 {
				t.Fatalf("%d members written", n)
			}
			if got := names(t, tmp) + runFolders(t, s.Path()); got != "" {
				t.Fatalf("left: %s", got)
			}
		})
	}
}
