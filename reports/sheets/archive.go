package sheets

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"strings"

	"dangjian/data"
)

// archive is an .xlsx file opened as a zip whose directory has been checked
// against the limits. Its parts are read through partReaders, which count
// what they inflate.
type archive struct {
	ctx   context.Context
	files []*zip.File          // in the directory's order
	parts map[string]*zip.File // by partKey
}

// oleHeader starts a compound file: an old .xls, or an .xlsx encrypted
// with a password to open.
var oleHeader = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// openArchive reads the zip directory of an .xlsx file of size bytes and
// checks every entry's declared sizes, before anything is inflated.
func openArchive(ctx context.Context, r io.ReaderAt, size int64) (*archive, error) {
	if size > MaxFileSize {
		return nil, inputErrorf("文件有%s，超过了导入的上限%s，拒绝导入", data.SizeText(size), data.SizeText(MaxFileSize))
	}
	head := make([]byte, len(oleHeader))
	if n, _ := r.ReadAt(head, 0); n == len(head) && bytes.Equal(head, oleHeader) {
		return nil, inputErrorf("文件是旧版Excel（.xls）格式或设置了打开密码：请在Excel中另存为不加密的.xlsx文件后再导入")
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, inputErrorf("文件不是有效的Excel（.xlsx）文件（可能不完整或已损坏）")
	}
	if len(zr.File) > MaxParts {
		return nil, inputErrorf("文件包含%d个部件，超过了上限%d，文件异常，拒绝导入", len(zr.File), MaxParts)
	}
	a := &archive{ctx: ctx, files: zr.File, parts: make(map[string]*zip.File, len(zr.File))}
	var total uint64
	for _, f := range zr.File {
		key := partKey(f.Name)
		if _, dup := a.parts[key]; dup {
			return nil, inputErrorf("文件已损坏：“%s”出现了两次", label(f.Name))
		}
		a.parts[key] = f
		if err := checkDeclared(f, MaxSheetSize); err != nil {
			return nil, err
		}
		total += f.UncompressedSize64
		if total > MaxTotalSize {
			return nil, inputErrorf("文件解压后超过%s的上限，文件异常，拒绝导入", data.SizeText(MaxTotalSize))
		}
	}
	return a, nil
}

// partKey is the name a part is looked up by: part names are
// case-insensitive, and some writers use backslashes or a leading slash.
func partKey(name string) string {
	return strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/"))
}

// part returns the part named name, or nil.
func (a *archive) part(name string) *zip.File { return a.parts[partKey(name)] }

// checkDeclared refuses a part whose declared size is over limit or whose
// declared sizes give a compression ratio over MaxCompressionRatio.
func checkDeclared(f *zip.File, limit uint64) error {
	if f.UncompressedSize64 > limit {
		return inputErrorf("文件中的“%s”解压后有%s，超过了上限%s，文件异常，拒绝导入", label(f.Name),
			data.SizeText(int64(min(f.UncompressedSize64, 1<<62))), data.SizeText(int64(limit)))
	}
	if overRatio(f.UncompressedSize64, f.CompressedSize64) {
		return ratioError(f)
	}
	return nil
}

// overRatio reports whether n bytes inflated from compressed bytes are over
// the compression ratio allowed.
func overRatio(n, compressed uint64) bool {
	return n > ratioFloor && n/MaxCompressionRatio > compressed
}

func ratioError(f *zip.File) error {
	return inputErrorf("文件中的“%s”压缩比异常（超过%d倍），可能是恶意构造的文件，拒绝导入", label(f.Name), MaxCompressionRatio)
}

// open checks the part's declared sizes against limit and returns a reader
// of its inflated bytes.
func (a *archive) open(f *zip.File, limit uint64) (*partReader, error) {
	if err := checkDeclared(f, limit); err != nil {
		return nil, err
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &partError{f.Name, err}
	}
	return &partReader{ctx: a.ctx, rc: rc, f: f}, nil
}

// check reads the part to its end, which verifies its checksum; an XML
// part (.xml, .rels) must also be well-formed, as Excel requires. What it
// reads is discarded.
func (a *archive) check(f *zip.File, limit uint64) error {
	p, err := a.open(f, limit)
	if err != nil {
		return err
	}
	defer p.Close()
	if isXMLPart(f.Name) {
		if err := wellFormed(p); err != nil {
			return &partError{f.Name, err}
		}
	}
	return p.drain()
}

// isXMLPart reports whether a part holds XML, by its name.
func isXMLPart(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasSuffix(lower, ".xml") || strings.HasSuffix(lower, ".rels")
}

// wellFormed reads an XML part to its end, failing at its first error.
func wellFormed(r io.Reader) error {
	x := newXMLStream(r)
	for {
		if _, err := x.next(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// partReader reads a part, inflating it. It counts the bytes inflated and
// fails as soon as they pass the part's declared size (a directory that
// lies) or the compression ratio allowed, without inflating the rest; it
// also stops when the context is cancelled. Read errors are partErrors;
// the last one (at the end of the part) is where a bad checksum shows.
type partReader struct {
	ctx context.Context
	rc  io.ReadCloser
	f   *zip.File
	n   uint64 // bytes inflated so far
	err error  // sticky
}

func (p *partReader) Read(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	if err := p.ctx.Err(); err != nil {
		p.err = err
		return 0, err
	}
	n, err := p.rc.Read(b)
	p.n += uint64(n)
	switch {
	case p.n > p.f.UncompressedSize64:
		err = &partError{p.f.Name, zip.ErrFormat}
	case overRatio(p.n, p.f.CompressedSize64):
		err = ratioError(p.f)
	case err != nil && err != io.EOF:
		err = &partError{p.f.Name, err}
	}
	if err != nil && err != io.EOF {
		p.err = err
	}
	return n, err
}

// drain reads the rest of the part, so that its checksum is verified.
func (p *partReader) drain() error {
	_, err := io.Copy(io.Discard, p)
	return err
}

// Close releases the inflater.
func (p *partReader) Close() error { return p.rc.Close() }
