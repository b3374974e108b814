package documents

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"dangjian/data"
	"dangjian/reports/docx"
	"dangjian/reports/layout"
	"dangjian/reports/pdf"
)

// Format is the file format a document is written in.
type Format string

// The formats.
const (
	PDF  Format = "pdf"
	Word Format = "docx"
)

// Formats lists every format.
var Formats = []Format{PDF, Word}

// Name is a format's name as people know it: PDF, Word.
func (f Format) Name() string {
	if f == Word {
		return "Word"
	}
	return "PDF"
}

// Ext is a format's file name extension, with its dot.
func (f Format) Ext() string { return "." + string(f) }

// ParseFormat reads a format's name: pdf or docx (word is taken too).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "pdf":
		return PDF, nil
	case "docx", "word":
		return Word, nil
	}
	return "", fmt.Errorf("未知的文件格式“%s”,应为: pdf | docx", s)
}

// Report tells what writing a document gave.
type Report struct {
	Pages   int           // the PDF's pages; 0 for Word, which lays out its pages itself
	Missing []pdf.Missing // characters no bundled face has, by record: printed as an empty box (PDF only)
}

// MissingLines lists, one record a line, the characters that were printed
// as an empty box, each with its code point for a screen that cannot show
// it either: 「记录：𱍐(U+31350)、…」.
func (r Report) MissingLines() []string {
	lines := make([]string, len(r.Missing))
	for i, m := range r.Missing {
		chars := make([]string, len(m.Chars))
		for j, c := range m.Chars {
			chars[j] = fmt.Sprintf("%c(U+%04X)", c, c)
		}
		lines[i] = m.Record + "：" + strings.Join(chars, "、")
	}
	return lines
}

// MissingText tells, in a sentence, which records have characters that
// were printed as an empty box (MissingLines); "" when none has.
func (r Report) MissingText() string {
	if len(r.Missing) == 0 {
		return ""
	}
	return "以下记录中有打印字体没有的字符，已印为空框，请手工补写：" + strings.Join(r.MissingLines(), "；")
}

// Write builds document k of the store's organization once and writes it
// to w in format f. Nothing is written to w unless the whole document was
// made.
func Write(ctx context.Context, s *data.Store, k Kind, f Format, w io.Writer, o Options) (Report, error) {
	if f != PDF && f != Word {
		return Report{}, fmt.Errorf("未知的文件格式: %s", f)
	}
	d, err := Build(ctx, s, k, o)
	if err != nil {
		return Report{}, err
	}
	return render(ctx, d, f, w)
}

// render writes a built document to w in format f, all or nothing.
func render(ctx context.Context, d *layout.Document, f Format, w io.Writer) (Report, error) {
	var err error
	var buf bytes.Buffer
	var res pdf.Result
	if f == Word {
		err = docx.Render(ctx, d, &buf)
	} else {
		res, err = pdf.Render(ctx, d, &buf)
	}
	if err != nil {
		return Report{}, err
	}
	if err := ctx.Err(); err != nil {
		return Report{}, err
	}
	if _, err := buf.WriteTo(w); err != nil {
		return Report{}, err
	}
	return Report{Pages: res.Pages, Missing: res.Missing}, nil
}
