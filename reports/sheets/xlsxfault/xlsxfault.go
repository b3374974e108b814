// Package xlsxfault damages .xlsx files on purpose, for tests of what
// reads them: it rewrites a workbook's zip with every part stored or
// deflated, edits a part's XML keeping the zip valid, patches the bytes of
// a part as stored (so its checksum no longer matches), cuts a part short,
// and builds zip bombs whose size headers tell the truth or lie.
package xlsxfault

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
)

// Rezip rewrites the zip in content with every entry compressed by method
// (zip.Store or zip.Deflate). edit, when not nil, may change an entry's
// uncompressed bytes; the checksum follows, so the zip stays valid.
func Rezip(content []byte, method uint16, edit func(name string, data []byte) []byte) ([]byte, error) {
	return rewrite(content, func(zw *zip.Writer, f *zip.File) error {
		data, err := read(f)
		if err != nil {
			return err
		}
		if edit != nil {
			data = edit(f.Name, data)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: method})
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
}

// Patch returns a copy of content in which change has altered the named
// entry's bytes as stored (compressed, for a deflated entry), the
// directory left as it was.
func Patch(content []byte, name string, change func(stored []byte)) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(content), int64(len(content)))
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		off, err := f.DataOffset()
		if err != nil {
			return nil, err
		}
		out := bytes.Clone(content)
		change(out[off : off+int64(f.CompressedSize64)])
		return out, nil
	}
	return nil, fmt.Errorf("xlsxfault: no entry %s", name)
}

// Flip returns a copy of content with n bytes in the middle of the named
// entry's stored bytes inverted.
func Flip(content []byte, name string, n int) ([]byte, error) {
	return Patch(content, name, func(stored []byte) {
		start := max(0, len(stored)/2-n/2)
		for i := start; i < start+n && i < len(stored); i++ {
			stored[i] ^= 0xFF
		}
	})
}

// CutEntry rewrites the zip with the named entry's stored bytes cut to
// half, its header still declaring the whole entry's sizes and checksum.
func CutEntry(content []byte, name string) ([]byte, error) {
	return ReplaceRaw(content, name, func(f *zip.File, raw []byte) ([]byte, zip.FileHeader) {
		return raw[:len(raw)/2], f.FileHeader
	})
}

// ReplaceRaw rewrites the zip with the named entry replaced: change gets
// the entry and its stored bytes and returns the bytes to store and the
// header to declare them with, sizes and checksum as given (so they may
// lie).
func ReplaceRaw(content []byte, name string, change func(f *zip.File, raw []byte) ([]byte, zip.FileHeader)) ([]byte, error) {
	found := false
	out, err := rewrite(content, func(zw *zip.Writer, f *zip.File) error {
		r, err := f.OpenRaw()
		if err != nil {
			return err
		}
		raw, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		h := f.FileHeader
		if f.Name == name {
			found = true
			raw, h = change(f, raw)
			h.CompressedSize64 = uint64(len(raw))
		}
		w, err := zw.CreateRaw(&h)
		if err != nil {
			return err
		}
		_, err = w.Write(raw)
		return err
	})
	if err == nil && !found {
		err = fmt.Errorf("xlsxfault: no entry %s", name)
	}
	return out, err
}

// Bomb returns the deflated form of prefix followed by n bytes all b,
// built in chunks so that the n bytes are never held, with the checksum
// and size of the whole (the truth, for a header that tells it). Deflate
// packs repeated bytes about a thousand to one.
func Bomb(prefix string, b byte, n int64) (deflated []byte, crc uint32, size uint64) {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	h := crc32.NewIEEE()
	out := io.MultiWriter(w, h)
	io.WriteString(out, prefix)
	chunk := bytes.Repeat([]byte{b}, 1<<20)
	for left := n; left > 0; left -= int64(len(chunk)) {
		out.Write(chunk[:min(left, int64(len(chunk)))])
	}
	w.Close()
	return buf.Bytes(), h.Sum32(), uint64(len(prefix)) + uint64(n)
}

// Append returns the zip with an entry for each name added after the
// others, each holding data, stored.
func Append(content []byte, names []string, data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(content), int64(len(content)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			return nil, err
		}
	}
	for _, name := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			return nil, err
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// InsertInRow returns the sheet XML with s inserted at the start of the
// first cell value (<v> or <t>) of row r (its r attribute).
func InsertInRow(sheet []byte, r int, s string) []byte {
	i := bytes.Index(sheet, fmt.Appendf(nil, `<row r="%d"`, r))
	if i < 0 {
		return sheet
	}
	at := -1
	for _, tag := range []string{"<v>", "<t>", `<t xml:space="preserve">`} {
		if k := bytes.Index(sheet[i:], []byte(tag)); k >= 0 && (at < 0 || i+k+len(tag) < at) {
			at = i + k + len(tag)
		}
	}
	if at < 0 {
		return sheet
	}
	return append(append(append([]byte{}, sheet[:at]...), s...), sheet[at:]...)
}

// rewrite copies the zip in content entry by entry through copyEntry.
func rewrite(content []byte, copyEntry func(zw *zip.Writer, f *zip.File) error) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(content), int64(len(content)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if err := copyEntry(zw, f); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func read(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}
