package snapshot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"

	"filippo.io/age"
	"github.com/klauspost/compress/zstd"
)

// digest counts and hashes what is written through it.
type digest struct {
	h hash.Hash
	n int64
}

func newDigest() *digest { return &digest{h: sha256.New()} }

func (d *digest) Write(p []byte) (int, error) {
	d.h.Write(p)
	d.n += int64(len(p))
	return len(p), nil
}

func (d *digest) hex() string { return hex.EncodeToString(d.h.Sum(nil)) }

// ctxReader stops a copy when ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// hashReader returns the SHA-256 and size of everything r yields.
func hashReader(ctx context.Context, r io.Reader) (string, int64, error) {
	d := newDigest()
	if _, err := io.Copy(d, ctxReader{ctx, r}); err != nil {
		return "", 0, err
	}
	return d.hex(), d.n, nil
}

// seal compresses src with zstd and encrypts it with age to recipients,
// streaming into dst; it returns the ciphertext's SHA-256 and size.
func seal(ctx context.Context, src io.Reader, dst io.Writer, recipients ...age.Recipient) (string, int64, error) {
	sum := newDigest()
	enc, err := age.Encrypt(io.MultiWriter(dst, sum), recipients...)
	if err != nil {
		return "", 0, err
	}
	zw, err := zstd.NewWriter(enc, zstd.WithEncoderLevel(zstd.SpeedDefault))
	if err != nil {
		return "", 0, err
	}
	if _, err := zw.ReadFrom(ctxReader{ctx, src}); err != nil {
		zw.Close()
		return "", 0, err
	}
	if err := zw.Close(); err != nil {
		return "", 0, err
	}
	if err := enc.Close(); err != nil {
		return "", 0, err
	}
	return sum.hex(), sum.n, nil
}

// Reasons unseal gives, so that callers can tell them apart.
var (
	ErrNotForUs   = errors.New("无法解密:快照没有加密给本密钥")
	ErrDecrypt    = errors.New("解密失败:密文已损坏")
	ErrDecompress = errors.New("解压失败:内容已损坏")
)

// unseal decrypts src with identity and decompresses it, streaming into
// dst; it returns the plaintext's SHA-256 and size. At most limit plaintext
// bytes are written.
func unseal(ctx context.Context, src io.Reader, dst io.Writer, identity age.Identity, limit int64) (string, int64, error) {
	plain, err := age.Decrypt(ctxReader{ctx, src}, identity)
	if err != nil && ctx.Err() != nil {
		return "", 0, ctx.Err()
	}
	if err != nil {
		var noMatch *age.NoIdentityMatchError
		if errors.As(err, &noMatch) {
			return "", 0, ErrNotForUs
		}
		return "", 0, fmt.Errorf("%w: %v", ErrDecrypt, err)
	}
	source := &errRecorder{r: plain}
	zr, err := zstd.NewReader(source, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(1<<30))
	if err != nil {
		return "", 0, fmt.Errorf("%w: %v", ErrDecompress, err)
	}
	defer zr.Close()
	sum := newDigest()
	n, err := io.Copy(io.MultiWriter(dst, sum), io.LimitReader(zr, limit+1))
	switch {
	case ctx.Err() != nil:
		return "", 0, ctx.Err()
	case err != nil && source.err != nil && source.err != io.EOF:
		return "", 0, fmt.Errorf("%w: %v", ErrDecrypt, source.err)
	case err != nil:
		return "", 0, fmt.Errorf("%w: %v", ErrDecompress, err)
	case n > limit:
		return "", 0, fmt.Errorf("%w: 解压后超过 %d 字节", ErrDecompress, limit)
	}
	return sum.hex(), sum.n, nil
}

// errRecorder remembers the error of the reader it wraps, so that a
// decryption failure can be told from a decompression one.
type errRecorder struct {
	r   io.Reader
	err error
}

func (e *errRecorder) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil {
		e.err = err
	}
	return n, err
}
