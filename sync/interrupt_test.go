package snapshot

import (
	"context"
	"errors"
	"os"
	"testing"

	"dangjian/data/localfs"
)

// TestServerStoppedMidPush stops the real server once the snapshot's
// upload is under way, as a network cut or a server crash would: the
// push fails, recorded, with no manifest in the bucket; once the server is
// back the next push goes through and the committee takes it.
func TestServerStoppedMidPush(t *testing.T) {
	w := newMinIOWorld(t)
	a := w.newOrg("中断学院党委", 200, 8)
	real, err := NewMinIO(a.enrolment.endpoint())
	if err != nil {
		t.Fatal(err)
	}
	stop := &Fault{Op: OpPut, Key: "*.age", At: 16 << 10, Hook: func() {
		if err := srv.Stop(); err != nil {
			t.Error(err)
		}
	}}
	_, err = Push(context.Background(), PushOptions{Store: a.store, Keys: a.keys, Backend: NewFaultyBackend(real, stop)})
	if stop.Fired() != 1 {
		t.Fatalf("the server was stopped %d times (is the snapshot under 16 KiB?)", stop.Fired())
	}
	if err == nil {
		t.Fatal("the push succeeded with the server stopped")
	}
	t.Logf("the push: %v", err)
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
	_, err = Push(context.Background(), a.opts())
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
