package snapshot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"

	"dangjian/sync/miniotest"
)

// TestBackendContract holds the bucket in memory and the real server to
// the same behaviour, the one the program relies on.
func TestBackendContract(t *testing.T) {
	t.Run("memory", func(t *testing.T) { backendContract(t, NewMemoryBackend()) })
	t.Run("minio", func(t *testing.T) {
		miniotest.Need(t, srv)
		m, err := NewMinIO(Endpoint{URL: srv.Endpoint, Bucket: randomBucket(), AccessKey: srv.RootUser, SecretKey: srv.RootPassword})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.EnsureBucket(context.Background()); err != nil {
			t.Fatal(err)
		}
		backendContract(t, m)
	})
}

func backendContract(t *testing.T, b Backend) {
	ctx := context.Background()
	put := func(key, body string) error {
		return b.Put(ctx, key, strings.NewReader(body), int64(len(body)))
	}
	get := func(key string) (string, error) {
		r, err := b.Get(ctx, key)
		if err != nil {
			return "", err
		}
		defer r.Close()
		body, err := io.ReadAll(r)
		return string(body), err
	}

	if keys, err := b.List(ctx, "orgs/"); err != nil || len(keys) != 0 {
		t.Fatalf("an empty bucket lists %v, %v", keys, err)
	}
	stored := []string{
		"orgs/b/manifests/0000000001.json", "orgs/a/snapshots/0000000001.age", "orgs/a/manifests/0000000002.json",
		"orgs/a/manifests/0000000001.json", "orgs/ab/manifests/0000000001.json", "committee/rebase/a/0000000001.json",
	}
	for _, key := range stored {
		if err := put(key, "内容 "+key); err != nil {
			t.Fatalf("put %s: %v", key, err)
		}
	}
	if got, err := get(stored[2]); err != nil || got != "内容 "+stored[2] {
		t.Errorf("get: %q, %v", got, err)
	}

	// Nothing is ever replaced.
	if err := put(stored[2], "另一个"); !errors.Is(err, ErrObjectExists) {
		t.Errorf("a second put of a key: %v", err)
	}
	if got, _ := get(stored[2]); got != "内容 "+stored[2] {
		t.Errorf("after the refused put the object holds %q", got)
	}
	if _, err := get("orgs/a/manifests/0000000009.json"); !errors.Is(err, ErrObjectMissing) {
		t.Errorf("get of a missing key: %v", err)
	}

	// Every key under the prefix, at any depth, sorted; nothing else.
	want := []string{"orgs/a/manifests/0000000001.json", "orgs/a/manifests/0000000002.json", "orgs/a/snapshots/0000000001.age"}
	if keys, err := b.List(ctx, "orgs/a/"); err != nil || !slices.Equal(keys, want) {
		t.Errorf("List orgs/a/: %v, %v; want %v", keys, err, want)
	}
	all := slices.Sorted(slices.Values(stored))
	if keys, err := b.List(ctx, ""); err != nil || !slices.Equal(keys, all) {
		t.Errorf("List of the bucket: %v, %v; want %v", keys, err, all)
	}

	// A body shorter than its size, or a cancelled upload, stores nothing.
	if err := b.Put(ctx, "orgs/a/short", strings.NewReader("abc"), 10); err == nil {
		t.Error("a put of 3 bytes said to be 10 succeeded")
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := b.Put(cancelled, "orgs/a/cancelled", strings.NewReader("abc"), 3); !errors.Is(err, context.Canceled) {
		t.Errorf("a put with a cancelled context: %v", err)
	}
	for _, key := range []string{"orgs/a/short", "orgs/a/cancelled"} {
		if _, err := get(key); !errors.Is(err, ErrObjectMissing) {
			t.Errorf("%s after its put failed: %v", key, err)
		}
	}

	// Of concurrent puts of one key, one wins, whole.
	const n = 6
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			body := bytes.Repeat([]byte{byte('a' + i)}, 64<<10)
			errs <- b.Put(ctx, "orgs/a/manifests/0000000003.json", bytes.NewReader(body), int64(len(body)))
		})
	}
	wg.Wait()
	close(errs)
	won := 0
	for err := range errs {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, ErrObjectExists):
			t.Errorf("a concurrent put: %v", err)
		}
	}
	got, _ := get("orgs/a/manifests/0000000003.json")
	if won != 1 || len(got) != 64<<10 || strings.Count(got, got[:1]) != len(got) {
		t.Errorf("%d of %d concurrent puts won; the object holds %d bytes", won, n, len(got))
	}
}

// TestMemoryBackendKeepsItsOwnCopies: what the caller does with the bytes
// it put or got does not change what is stored.
func TestMemoryBackendKeepsItsOwnCopies(t *testing.T) {
	ctx := context.Background()
	m := NewMemoryBackend()
	body := []byte("清单")
	if err := m.Put(ctx, "k", bytes.NewReader(body), -1); err != nil {
		t.Fatal(err)
	}
	body[0] = 'x'
	r, _ := m.Get(ctx, "k")
	got, _ := io.ReadAll(r)
	got[0] = 'y'
	r, _ = m.Get(ctx, "k")
	if again, _ := io.ReadAll(r); string(again) != "清单" {
		t.Errorf("the object holds %q", again)
	}
	if err := m.Delete("k"); err != nil || m.Len() != 0 {
		t.Errorf("Delete: %v, %d objects left", err, m.Len())
	}
	if err := m.Delete("k"); !errors.Is(err, ErrObjectMissing) {
		t.Errorf("Delete of a missing key: %v", err)
	}
}

// faultSetup is a bucket in memory holding three objects, and the same
// bucket behind a FaultyBackend.
func faultSetup(t *testing.T, faults ...*Fault) (*MemoryBackend, *FaultyBackend) {
	t.Helper()
	m := NewMemoryBackend()
	for _, key := range []string{"orgs/a/manifests/0000000001.json", "orgs/a/snapshots/0000000001.age", "orgs/b/manifests/0000000001.json"} {
		body := strings.Repeat("0123456789", 100)
		if err := m.Put(context.Background(), key, strings.NewReader(body), int64(len(body))); err != nil {
			t.Fatal(err)
		}
	}
	return m, NewFaultyBackend(m, faults...)
}

// readObject gets the whole object, returning what was read before any error.
func readObject(b Backend, key string) (string, error) {
	r, err := b.Get(context.Background(), key)
	if err != nil {
		return "", err
	}
	defer r.Close()
	body, err := io.ReadAll(r)
	return string(body), err
}

func TestFaultyBackendMatchesByOperationKeyAndCount(t *testing.T) {
	ctx := context.Background()
	down := fmt.Errorf("%w: 测试", ErrUnreachable)
	hooked := 0
	f := &Fault{Op: OpGet, Key: "*.json", Nth: 2, Err: down, Hook: func() { hooked++ }}
	_, b := faultSetup(t, f)
	if _, err := readObject(b, "orgs/a/manifests/0000000001.json"); err != nil {
		t.Fatalf("the first matching call: %v", err)
	}
	if _, err := readObject(b, "orgs/a/snapshots/0000000001.age"); err != nil {
		t.Fatalf("a call on another key: %v", err)
	}
	if _, err := b.List(ctx, "orgs/"); err != nil {
		t.Fatalf("another operation: %v", err)
	}
	if _, err := readObject(b, "orgs/b/manifests/0000000001.json"); !errors.Is(err, ErrUnreachable) {
		t.Fatalf("the second matching call: %v", err)
	}
	if _, err := readObject(b, "orgs/a/manifests/0000000001.json"); err != nil {
		t.Fatalf("the third matching call: %v", err)
	}
	if f.Fired() != 1 || hooked != 1 {
		t.Errorf("fired %d times, hook ran %d times", f.Fired(), hooked)
	}

	// A pattern with a slash matches the whole key (for List, the prefix).
	g := &Fault{Op: OpList, Key: "orgs/*/manifests/", Err: ErrAccessDenied}
	b.Inject(g)
	if _, err := b.List(ctx, "orgs/a/manifests/"); !errors.Is(err, ErrAccessDenied) {
		t.Errorf("List of a matching prefix: %v", err)
	}
	if _, err := b.List(ctx, "orgs/a/"); err != nil {
		t.Errorf("List of another prefix: %v", err)
	}
}

func TestFaultyBackendPutFaults(t *testing.T) {
	ctx := context.Background()
	body := strings.Repeat("abcdefghij", 1000)
	cut := fmt.Errorf("%w: 连接中断", ErrUnreachable)
	for _, tc := range []struct {
		name  string
		fault *Fault
		err   error  // want from Put; nil for success
		store string // what is stored then, "" for nothing
	}{
		{"at the call", &Fault{Op: OpPut, Err: ErrAccessDenied}, ErrAccessDenied, ""},
		{"half-way", &Fault{Op: OpPut, At: 5000, Err: cut}, ErrUnreachable, ""},
		{"connection closed", &Fault{Op: OpPut, At: 5000, Short: true}, io.ErrUnexpectedEOF, ""},
		{"a corrupt byte", &Fault{Op: OpPut, At: 1234, Flip: true}, nil, body[:1234] + string([]byte{body[1234] ^ 0xff}) + body[1235:]},
		{"a hook only", &Fault{Op: OpPut, At: 5000}, nil, body},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, b := faultSetup(t, tc.fault)
			err := b.Put(ctx, "orgs/a/snapshots/0000000002.age", strings.NewReader(body), int64(len(body)))
			if tc.err == nil && err != nil || tc.err != nil && !errors.Is(err, tc.err) {
				t.Fatalf("Put: %v, want %v", err, tc.err)
			}
			got, gerr := readObject(m, "orgs/a/snapshots/0000000002.age")
			switch {
			case tc.store == "" && !errors.Is(gerr, ErrObjectMissing):
				t.Errorf("the failed put stored %d bytes (%v)", len(got), gerr)
			case tc.store != "" && got != tc.store:
				t.Errorf("stored %d bytes, not what was expected", len(got))
			}
			if tc.fault.Fired() != 1 {
				t.Errorf("fired %d times", tc.fault.Fired())
			}
		})
	}
}

func TestFaultyBackendGetFaults(t *testing.T) {
	body := strings.Repeat("0123456789", 100)
	key := "orgs/a/snapshots/0000000001.age"
	for _, tc := range []struct {
		name  string
		fault *Fault
		got   string
		err   error
	}{
		{"at the call", &Fault{Op: OpGet, Err: ErrUnreachable}, "", ErrUnreachable},
		{"half-way", &Fault{Op: OpGet, At: 300, Err: ErrUnreachable}, body[:300], ErrUnreachable},
		{"cut short", &Fault{Op: OpGet, At: 300, Short: true}, body[:300], nil},
		{"a corrupt byte", &Fault{Op: OpGet, At: 999, Flip: true}, body[:999] + string([]byte{body[999] ^ 0xff}), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, b := faultSetup(t, tc.fault)
			got, err := readObject(b, key)
			if got != tc.got || tc.err == nil && err != nil || tc.err != nil && !errors.Is(err, tc.err) {
				t.Errorf("read %d bytes, %v; want %d bytes, %v", len(got), err, len(tc.got), tc.err)
			}
			if tc.fault.Fired() != 1 {
				t.Errorf("fired %d times", tc.fault.Fired())
			}
			if stored, _ := readObject(m, key); stored != body {
				t.Error("the stored object changed")
			}
		})
	}
}
