// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf_test

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// glyphCount returns the number of glyphs of a TrueType face (maxp table).
func glyphCount(face []byte) int {
	tables := int(binary.BigEndian.Uint16(face[4:]))
	for i := range tables {
		record := face[12+16*i:]
		if string(record[:4]) == "maxp" {
			offset := binary.BigEndian.Uint32(record[8:])
			return int(binary.BigEndian.Uint16(face[offset+4:]))
		}
	}
	return 0
}

// benchFaces returns the faces to measure, by file name: the one the tests
// print with, Debian's HanaMinA (a face of some 60,000 glyphs) when
// installed and the format 4 one.
func benchFaces(b *testing.B) map[string][]byte {
	faces := make(map[string][]byte)
	if path, face := findFaceWithNonBMP(); face != nil {
		faces[filepath.Base(path)] = face
	}
	for _, path := range []string{nonBMPFaceCandidates[len(nonBMPFaceCandidates)-1], format4Face} {
		if face, err := os.ReadFile(path); err == nil {
			faces[filepath.Base(path)] = face
		}
	}
	if len(faces) == 0 {
		b.Skip("no face to measure")
	}
	return faces
}

// Adding a large CJK face to a document: parsing its tables, or not with
// a face parsed once.
func BenchmarkAddUTF8Font(b *testing.B) {
	for name, face := range benchFaces(b) {
		b.Run(name+"/FromBytes", func(b *testing.B) {
			for b.Loop() {
				pdf := fpdf.New("P", "mm", "A4", "")
				pdf.AddUTF8FontFromBytes("face", "", face)
				if err := pdf.Error(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(glyphCount(face)), "glyphs")
		})
		b.Run(name+"/FromParsed", func(b *testing.B) {
			parsed, err := fpdf.ParseUTF8Font(face)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				pdf := fpdf.New("P", "mm", "A4", "")
				pdf.AddUTF8FontFromParsed("face", "", parsed)
				if err := pdf.Error(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// A roster of 100 pages of 40 members each (4,000 rows, names with
// characters outside the BMP among them), written out, adding the face
// included: from its bytes, or parsed once.
func BenchmarkRoster100Pages(b *testing.B) {
	for name, face := range benchFaces(b) {
		parsed, err := fpdf.ParseUTF8Font(face)
		if err != nil {
			b.Fatal(err)
		}
		add := map[string]func(*fpdf.Fpdf){
			"FromBytes":  func(pdf *fpdf.Fpdf) { pdf.AddUTF8FontFromBytes("face", "", face) },
			"FromParsed": func(pdf *fpdf.Fpdf) { pdf.AddUTF8FontFromParsed("face", "", parsed) },
		}
		for way, add := range add {
			b.Run(name+"/"+way, func(b *testing.B) {
				for b.Loop() {
					pdf := fpdf.New("P", "mm", "A4", "")
					add(pdf)
					writeRoster(pdf, 100)
					if err := pdf.Output(io.Discard); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// writeRoster writes a table of 40 members a page on the given number of
// pages.
func writeRoster(pdf *fpdf.Fpdf, pages int) {
	pdf.SetFont("face", "", 10.5)
	for page := range pages {
		pdf.AddPage()
		for row := range 40 {
			n := page*40 + row + 1
			pdf.CellFormat(15, 6.5, fmt.Sprint(n), "1", 0, "C", false, 0, "")
			pdf.CellFormat(35, 6.5, rosterNames[n%len(rosterNames)], "1", 0, "L", false, 0, "")
			pdf.CellFormat(70, 6.5, "计算机科学与技术学院第"+fmt.Sprint(n%12+1)+"党支部", "1", 0, "L", false, 0, "")
			pdf.CellFormat(40, 6.5, "2019年6月28日", "1", 1, "C", false, 0, "")
		}
	}
}

var rosterNames = []string{"王𬱖", "李明", "张𬘬华", "赵丽颖", "欧阳晓燕", "陈𬱖", "刘洋", "孙悦"}
