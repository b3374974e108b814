package snapshot

import (
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"sync"
	"testing"

	"dangjian/data/localfs"
)

// stopMidway is a Backend that stops the real server once the snapshot's
// upload is under way, as a network cut or a server crash would.
type stopMidway struct {
	Backend
	once sync.Once
	t    *testing.T
}

func (s *stopMidway) Put(ctx context.Context, key string, r io.Reader, size int64) error {
	if !strings.HasSuffix(key, ".age") {
		return s.Backend.Put(ctx, key, r, size)
	}
	return s.Backend.Put(ctx, key, &stopAfter{r: r, n: size / 3, stop: func() {
		s.once.Do(func() {
			if err := srv.Stop(); err != nil {
				s.t.Error(err)
			}
		})
	}}, size)
}

// stopAfter calls stop after n bytes were read.
type stopAfter struct {
	r    io.Reader
	n    int64
	stop func()
}

func (s *stopAfter) Read(p []byte) (int, error) {
	if s.n <= 0 {
		s.stop()
	}
	n, err := s.r.Read(p)
	s.n -= int64(n)
	return n, err
}

func TestServerStoppedMidPush(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("中断学院党委", 200, 8)
	real, err := NewMinIO(a.enrolment.endpoint())
	if err != nil {
		t.Fatal(err)
	}
	_, err = Push(context.Background(), PushOptions{Store: a.store, Keys: a.keys, Backend: &stopMidway{Backend: real, t: t}})
	if err == nil {
		t.Fatal("the push succeeded with the server stopped")
	}
	if err := srv.Restart(); err != nil {
		t.Fatal(err)
	}
	keys, err := w.root().List(w.ctx, manifestPrefix(a.store.Org().ID))
	if err != nil || len(keys) != 0 {
		t.Fatalf("after the failed push the bucket holds manifests %v (%v)", keys, err)
	}
	st, _ := LoadState(StatePath(a.store.Path()))
	if st.LastError == "" || st.History[0].Result != ResultFailed {
		t.Errorf("the failure was not recorded: %+v", st)
	}

	res := a.push(t)
	if res.Unchanged || res.Seq == 0 {
		t.Fatalf("push after restart: %+v", res)
	}
	st, _ = LoadState(StatePath(a.store.Path()))
	if st.LastError != "" {
		t.Errorf("the old error stays after a success: %q", st.LastError)
	}
	rep, path := w.consolidate()
	if got := rep.of(a.store.Org().ID); got.Status != StatusAccepted || got.Seq != res.Seq {
		t.Fatalf("committee after restart: %+v", got)
	}
	if n := countsOf(t, openMerged(t, path), a.store.Org().ID).members; n == 0 {
		t.Error("nothing merged")
	}
}

func TestOnePushAtATime(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("并发学院党委", 10, 9)
	lockPath := localfs.Beside(a.store.Path(), localfs.PushLockEnding)
	held, err := localfs.TryLock(lockPath)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Push(context.Background(), PushOptions{Store: a.store, Keys: a.keys})
	if !errors.Is(err, ErrPushRunning) {
		t.Fatalf("a push while another runs: %v", err)
	}
	if keys, _ := w.root().List(w.ctx, orgPrefix(a.store.Org().ID)); len(keys) != 0 {
		t.Fatalf("it uploaded %v", keys)
	}
	held.Unlock()
	// The lock file stays on disk; what counts is the lock, free now.
	if _, err := os.Stat(lockPath); err != nil {
		t.Fatal(err)
	}
	if res := a.push(t); res.Seq != 1 {
		t.Fatalf("push after the other ended: %+v", res)
	}
}
