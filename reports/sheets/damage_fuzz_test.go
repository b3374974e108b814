package sheets

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"testing"
	"unicode/utf8"

	"dangjian/data"
	"dangjian/reports/sheets/xlsxfault"
)

// importConsistently imports content for real and checks the outcome is
// one of two: refused with a clear Chinese input error and nothing
// written, or read with every row accounted for and, when written, exactly
// the rows it created added.
func importConsistently(t *testing.T, s *data.Store, content []byte) {
	ctx := context.Background()
	before, err := s.Members.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Import(ctx, s, Members, bytes.NewReader(content), Options{SkipInvalid: len(content)%2 == 0})
	after, _ := s.Members.Count(ctx)
	if err != nil {
		var ie *InputError
		if !errors.As(err, &ie) || ie.Msg == "" || !utf8.ValidString(ie.Msg) {
			t.Fatalf("not a clear input error: %v", err)
		}
		if after != before {
			t.Fatalf("refused (%s) but %d members written", ie.Msg, after-before)
		}
		return
	}
	if rep.Rows != rep.Created+rep.Updated+rep.Unchanged+rep.Skipped {
		t.Fatalf("rows not accounted for: %+v", rep)
	}
	for _, p := range rep.Problems {
		if p.Row < 2 || p.Row > maxRows || p.Msg == "" {
			t.Fatalf("problem without a data row or reason: %+v", p)
		}
	}
	switch {
	case rep.Written && after != before+rep.Created:
		t.Fatalf("written: %d members added, report says %d created", after-before, rep.Created)
	case !rep.Written && after != before:
		t.Fatalf("not written, but %d members added", after-before)
	}
}

// FuzzDamagedWorkbook damages a valid members workbook, stored or
// deflated: n bytes from pos inverted under mask, then the file cut at cut
// when that is inside it. The import must never panic, and must either
// refuse the file with a clear input error and write nothing, or read it
// consistently (importConsistently).
func FuzzDamagedWorkbook(f *testing.F) {
	base := membersBook(f, 9)
	workbooks := [2][]byte{rezipped(f, base, zip.Deflate, nil), rezipped(f, base, zip.Store, nil)}
	for i, w := range workbooks {
		zr, err := zip.NewReader(bytes.NewReader(w), int64(len(w)))
		if err != nil {
			f.Fatal(err)
		}
		for _, part := range zr.File {
			off, _ := part.DataOffset()
			mid := uint32(off) + uint32(part.CompressedSize64/2)
			f.Add(i == 1, mid, uint8(64), byte(0xFF), uint32(0))
			f.Add(i == 1, mid, uint8(1), byte(0x01), uint32(0))
		}
		f.Add(i == 1, uint32(0), uint8(0), byte(0), uint32(len(w)*2/3))
		f.Add(i == 1, uint32(len(w)-30), uint8(4), byte(0x10), uint32(0))
	}
	s := testStore(f)
	f.Fuzz(func(t *testing.T, stored bool, pos uint32, n uint8, mask byte, cut uint32) {
		w := workbooks[0]
		if stored {
			w = workbooks[1]
		}
		content := bytes.Clone(w)
		for i := int(pos % uint32(len(content))); i < len(content) && n > 0; i, n = i+1, n-1 {
			content[i] ^= mask
		}
		if int(cut) > 0 && int(cut) < len(content) {
			content = content[:cut]
		}
		importConsistently(t, s, content)
	})
}

// FuzzSheetXML imports a members workbook whose sheet XML is the input, in
// a valid zip: the sheet decoder must never panic, never take more than
// the input allows, and report any malformed XML as an input error with
// nothing written.
func FuzzSheetXML(f *testing.F) {
	base := membersBook(f, 4)
	var sheet []byte
	rezipped(f, base, zip.Deflate, func(b []byte) []byte { sheet = bytes.Clone(b); return b })
	f.Add(sheet)
	f.Add(xlsxfault.InsertInRow(sheet, 3, "\x01"))
	f.Add(xlsxfault.InsertInRow(sheet, 2, "_x0041__x005F_&amp;&#x4E2D;"))
	f.Add(sheet[:len(sheet)/2])
	f.Add(bytes.Replace(sheet, []byte(`<row r="3"`), []byte(`<row r="2"`), 1))
	f.Add([]byte(`<worksheet><sheetData><row><c t="inlineStr"><is><r><t>姓</t></r><rPh><t>x</t></rPh><t>名</t></is></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<?xml version="1.0" encoding="GB2312"?><worksheet><sheetData/></worksheet>`))
	s := testStore(f)
	f.Fuzz(func(t *testing.T, xml []byte) {
		content, err := xlsxfault.Rezip(base, zip.Deflate, func(name string, b []byte) []byte {
			if name == sheetPart {
				return xml
			}
			return b
		})
		if err != nil {
			t.Fatal(err)
		}
		importConsistently(t, s, content)
	})
}
