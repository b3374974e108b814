package sheets

import (
	"context"
	"io"
	"os"

	"dangjian/data"
)

// readerAt gives random access to the workbook in, as the zip reader needs
// it: a regular file or a reader in memory is used as it is; anything else
// (a pipe) is copied first into a private file in dir, at most MaxFileSize
// bytes. done releases what it took.
func readerAt(ctx context.Context, in io.Reader, dir string) (r io.ReaderAt, size int64, done func(), err error) {
	nothing := func() {}
	switch in := in.(type) {
	case *os.File:
		if info, err := in.Stat(); err == nil && info.Mode().IsRegular() {
			return in, info.Size(), nothing, nil
		}
	case interface {
		io.ReaderAt
		Size() int64
	}:
		return in, in.Size(), nothing, nil
	}
	f, err := os.CreateTemp(dir, "input-*.xlsx")
	if err != nil {
		return nil, 0, nil, err
	}
	done = func() { f.Close(); os.Remove(f.Name()) }
	n, err := io.Copy(f, io.LimitReader(ctxReader{ctx, in}, MaxFileSize+1))
	if err != nil {
		done()
		if ctx.Err() != nil {
			return nil, 0, nil, ctx.Err()
		}
		return nil, 0, nil, inputErrorf("无法读取文件：%v", err)
	}
	if n > MaxFileSize {
		done()
		return nil, 0, nil, inputErrorf("文件超过了导入的上限%s，拒绝导入", data.SizeText(MaxFileSize))
	}
	return f, n, done, nil
}

// ctxReader stops reading once the context is cancelled.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(b []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(b)
}
