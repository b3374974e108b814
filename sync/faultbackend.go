package snapshot

import (
	"context"
	"io"
	"path"
	"strings"
	"sync"
	"sync/atomic"
)

// Op names an operation of a Backend, for a Fault.
type Op string

// The operations of a Backend.
const (
	OpPut  Op = "Put"
	OpGet  Op = "Get"
	OpList Op = "List"
)

// Fault is a failure that a FaultyBackend injects into the calls it
// matches: by operation, by key and by count.
//
// A fault fires at the call itself, unless it acts on the object's bytes
// (At above 0, Short or Flip): then it fires when the body reaches offset
// At (for Put the bytes uploaded, for Get those downloaded). When it
// fires, Hook runs first (a test cancels a context there, stops a server,
// or blocks), then:
//   - Err, when set, fails the call: at the call without asking the
//     wrapped backend (ErrUnreachable, ErrAccessDenied…); in the body from
//     offset At on, and Put then returns Err, having stored nothing;
//   - Short ends the body at offset At without an error: a download cut
//     short, or an upload whose connection closed (the wrapped Put fails);
//   - Flip inverts the byte at offset At: bytes corrupted on the way (a
//     Put stores them so).
//
// A fault with none of these only runs its Hook.
type Fault struct {
	Op Op
	// Key is a path.Match pattern of the key (for List, of the prefix);
	// a pattern without a slash matches the key's last element ("*.age":
	// every snapshot). "" matches every key.
	Key string
	// Nth, when above 0, limits the fault to the Nth call it matches (1
	// is the first); 0 is every call it matches.
	Nth   int
	At    int64
	Err   error
	Short bool
	Flip  bool
	Hook  func()

	matched atomic.Int64
	fired   atomic.Int64
}

// Fired is how many times the fault fired.
func (f *Fault) Fired() int { return int(f.fired.Load()) }

func (f *Fault) fire() {
	f.fired.Add(1)
	if f.Hook != nil {
		f.Hook()
	}
}

// atCall reports whether the fault fires at the call rather than in the
// object's bytes.
func (f *Fault) atCall() bool { return f.Op == OpList || (f.At <= 0 && !f.Short && !f.Flip) }

// matches reports whether the fault is about this call of op on key,
// before counting it.
func (f *Fault) matches(op Op, key string) bool {
	if f.Op != op {
		return false
	}
	switch {
	case f.Key == "":
		return true
	case !strings.Contains(f.Key, "/"):
		ok, _ := path.Match(f.Key, path.Base(key))
		return ok
	}
	ok, _ := path.Match(f.Key, key)
	return ok
}

// FaultyBackend wraps a Backend and makes the calls its faults match fail,
// the way restic's test backends do: the server unreachable or refusing,
// an upload or a download cut half-way, corrupt bytes, a cancellation at a
// chosen moment. Calls no fault matches go to the wrapped backend
// unchanged. It is safe for concurrent use.
type FaultyBackend struct {
	b      Backend
	mu     sync.Mutex
	faults []*Fault
}

// NewFaultyBackend wraps b with faults (more may be added with Inject).
func NewFaultyBackend(b Backend, faults ...*Fault) *FaultyBackend {
	return &FaultyBackend{b: b, faults: faults}
}

// Inject adds faults. When several apply to a call, the first added acts.
func (fb *FaultyBackend) Inject(faults ...*Fault) {
	fb.mu.Lock()
	defer fb.mu.Unlock()
	fb.faults = append(fb.faults, faults...)
}

// fault counts the call for every fault that matches it and returns the
// first that applies, nil for none.
func (fb *FaultyBackend) fault(op Op, key string) *Fault {
	fb.mu.Lock()
	defer fb.mu.Unlock()
	var found *Fault
	for _, f := range fb.faults {
		if !f.matches(op, key) {
			continue
		}
		n := f.matched.Add(1)
		if found == nil && (f.Nth <= 0 || n == int64(f.Nth)) {
			found = f
		}
	}
	return found
}

// Put implements Backend.
func (fb *FaultyBackend) Put(ctx context.Context, key string, r io.Reader, size int64) error {
	f := fb.fault(OpPut, key)
	switch {
	case f == nil:
		return fb.b.Put(ctx, key, r, size)
	case f.atCall():
		f.fire()
		if f.Err != nil {
			return f.Err
		}
		return fb.b.Put(ctx, key, r, size)
	}
	body := &faultReader{r: r, f: f}
	err := fb.b.Put(ctx, key, body, size)
	if err != nil && body.fired.Load() && f.Err != nil {
		return f.Err
	}
	return err
}

// Get implements Backend.
func (fb *FaultyBackend) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	f := fb.fault(OpGet, key)
	if f != nil && f.atCall() {
		f.fire()
		if f.Err != nil {
			return nil, f.Err
		}
		f = nil
	}
	rc, err := fb.b.Get(ctx, key)
	if err != nil || f == nil {
		return rc, err
	}
	return struct {
		io.Reader
		io.Closer
	}{&faultReader{r: rc, f: f}, rc}, nil
}

// List implements Backend.
func (fb *FaultyBackend) List(ctx context.Context, prefix string) ([]string, error) {
	if f := fb.fault(OpList, prefix); f != nil {
		f.fire()
		if f.Err != nil {
			return nil, f.Err
		}
	}
	return fb.b.List(ctx, prefix)
}

// faultReader is an object's body with a fault in it.
type faultReader struct {
	r io.Reader
	f *Fault
	n int64 // bytes passed on so far
	// fired is read by Put while the transport may still be reading the
	// body on its own goroutine (a server stopped mid-upload).
	fired atomic.Bool
	err   error // what every read returns once the fault ended the body
}

func (fr *faultReader) Read(p []byte) (int, error) {
	f := fr.f
	if fr.err != nil {
		return 0, fr.err
	}
	if f.Flip {
		k, err := fr.r.Read(p)
		if !fr.fired.Load() && f.At >= fr.n && f.At < fr.n+int64(k) {
			fr.fired.Store(true)
			f.fire()
			p[f.At-fr.n] ^= 0xff
		}
		fr.n += int64(k)
		return k, err
	}
	if !fr.fired.Load() && fr.n >= f.At {
		fr.fired.Store(true)
		f.fire()
		switch {
		case f.Err != nil:
			fr.err = f.Err
			return 0, fr.err
		case f.Short:
			fr.err = io.EOF
			return 0, fr.err
		}
	}
	if !fr.fired.Load() && int64(len(p)) > f.At-fr.n {
		p = p[:f.At-fr.n] // stop at the fault's offset
	}
	k, err := fr.r.Read(p)
	fr.n += int64(k)
	return k, err
}

var _ Backend = (*FaultyBackend)(nil)
