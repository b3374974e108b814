package snapshot

import (
	"bytes"
	"context"
	"io"
	"os"

	"filippo.io/age"
)

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }

// hashFile is the SHA-256 and size of the file at path.
func hashFile(ctx context.Context, path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	return hashReader(ctx, f)
}

// sealFile seals the file at src into a new file at dst.
func sealFile(ctx context.Context, src, dst string, recipients ...age.Recipient) (string, int64, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", 0, err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return "", 0, err
	}
	sum, n, err := seal(ctx, in, out, recipients...)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return sum, n, err
}

// putFile uploads the file at path under key.
func putFile(ctx context.Context, b Backend, key, path string, size int64) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return b.Put(ctx, key, f, size)
}
