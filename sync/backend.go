package snapshot

import (
	"context"
	"errors"
	"io"
)

// Errors a Backend returns.
var (
	ErrObjectExists  = errors.New("对象已存在,不会覆盖")
	ErrObjectMissing = errors.New("对象不存在")
	ErrUnreachable   = errors.New("无法连接同步服务器")
	ErrAccessDenied  = errors.New("服务器拒绝访问")
)

// Backend is where sealed snapshots and manifests are kept: an S3 bucket
// in production. Keys are slash-separated paths.
type Backend interface {
	// Put stores size bytes from r under key; it never replaces an
	// existing object (ErrObjectExists).
	Put(ctx context.Context, key string, r io.Reader, size int64) error
	// Get opens the object under key (ErrObjectMissing when there is none).
	Get(ctx context.Context, key string) (io.ReadCloser, error)
	// List returns the keys under prefix, sorted.
	List(ctx context.Context, prefix string) ([]string, error)
}

// backendOr is b, or when nil the MinIO bucket of e.
func backendOr(b Backend, e Endpoint) (Backend, error) {
	if b != nil {
		return b, nil
	}
	return NewMinIO(e)
}

// errTooLarge is an object above the size readAllLimited reads.
var errTooLarge = errors.New("对象过大")

// readAllLimited reads at most limit bytes of the object under key.
func readAllLimited(ctx context.Context, b Backend, key string, limit int64) ([]byte, error) {
	r, err := b.Get(ctx, key)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, errTooLarge
	}
	return data, nil
}
