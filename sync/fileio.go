package snapshot

import (
	"context"
	"io"
	"os"

	"filippo.io/age"
)

// hashFile is the SHA-256 and size of the file at path.
func hashFile(ctx context.Context, path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	return hashReader(ctx, f)
}

// sealedFile is what sealFile made: the hashes and sizes of both sides.
type sealedFile struct {
	plainSum, cipherSum   string
	plainSize, cipherSize int64
}

// sealFile seals the file at src into a new file at dst, hashing the
// plaintext on the way.
func sealFile(ctx context.Context, src, dst string, recipients ...age.Recipient) (sealedFile, error) {
	var sf sealedFile
	in, err := os.Open(src)
	if err != nil {
		return sf, err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return sf, err
	}
	plain := newDigest()
	sf.cipherSum, sf.cipherSize, err = seal(ctx, io.TeeReader(in, plain), out, recipients...)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	sf.plainSum, sf.plainSize = plain.hex(), plain.n
	return sf, err
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
