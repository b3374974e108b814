package snapshot

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
)

// MemoryBackend is a Backend that keeps its objects in memory, with the
// semantics the program relies on from the MinIO bucket: Put never
// replaces an object (ErrObjectExists), and stores nothing unless it read
// the whole body; Get of a missing key is ErrObjectMissing; List returns
// every key under a prefix, sorted. It serves tests that need no server
// (see FaultyBackend to make it fail) and is safe for concurrent use.
type MemoryBackend struct {
	mu      sync.Mutex
	objects map[string][]byte
}

// NewMemoryBackend returns an empty MemoryBackend.
func NewMemoryBackend() *MemoryBackend {
	return &MemoryBackend{objects: map[string][]byte{}}
}

// Put implements Backend: it reads size bytes from r (all of r when size
// is negative) and stores them under key, unless an object is there
// already or the read fails or falls short. A cancelled ctx stops it.
func (m *MemoryBackend) Put(ctx context.Context, key string, r io.Reader, size int64) error {
	if err := checkKey(key); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// Refused before the body is read, as a conditional write is.
	if m.exists(key) {
		return fmt.Errorf("%w: %s", ErrObjectExists, key)
	}
	var buf bytes.Buffer
	body := ctxReader{ctx, r}
	var n int64
	var err error
	if size >= 0 {
		n, err = io.Copy(&buf, io.LimitReader(body, size))
	} else {
		n, err = io.Copy(&buf, body)
	}
	if err != nil {
		return err
	}
	if size >= 0 && n < size {
		return fmt.Errorf("上传中断: 只收到%d字节,应为%d字节: %w", n, size, io.ErrUnexpectedEOF)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	// Another Put of the key may have finished while this one read.
	if _, ok := m.objects[key]; ok {
		return fmt.Errorf("%w: %s", ErrObjectExists, key)
	}
	m.objects[key] = buf.Bytes()
	return nil
}

// Get implements Backend. The object's bytes are read from a copy, so
// that nothing the caller does changes what is stored; reads stop with
// ctx's error once it is cancelled.
func (m *MemoryBackend) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	b, ok := m.objects[key]
	m.mu.Unlock()
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrObjectMissing, key)
	}
	return io.NopCloser(ctxReader{ctx, bytes.NewReader(bytes.Clone(b))}), nil
}

// List implements Backend: every key that starts with prefix, at any
// depth, sorted.
func (m *MemoryBackend) List(ctx context.Context, prefix string) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	keys := []string{}
	for k := range m.objects {
		if strings.HasPrefix(k, prefix) {
			keys = append(keys, k)
		}
	}
	m.mu.Unlock()
	sort.Strings(keys)
	return keys, nil
}

// Delete removes the object under key (ErrObjectMissing when there is
// none), as the server's administrator, or a damaged disk, may do; the
// program itself never deletes.
func (m *MemoryBackend) Delete(key string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.objects[key]; !ok {
		return fmt.Errorf("%w: %s", ErrObjectMissing, key)
	}
	delete(m.objects, key)
	return nil
}

// Len is how many objects are stored.
func (m *MemoryBackend) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.objects)
}

func (m *MemoryBackend) exists(key string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.objects[key]
	return ok
}

// checkKey refuses keys an S3 server refuses or treats as folders.
func checkKey(key string) error {
	if key == "" || strings.HasPrefix(key, "/") || strings.HasSuffix(key, "/") {
		return fmt.Errorf("对象名无效: %q", key)
	}
	return nil
}

var _ Backend = (*MemoryBackend)(nil)
