package snapshot

import (
	"bytes"
	"context"
	"errors"
	"os"
	"slices"
	"testing"
	"time"

	"dangjian/data/localfs"
)

// TestPushRecordsUnderItsLock: a push records its outcome in the sync file
// before it releases its lock, so that the next push (another program)
// reads what it did, and never has its own newer record overwritten by
// it; a push refused because another runs writes nothing.
func TestPushRecordsUnderItsLock(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("记录加锁学院党委", 10, 56)
	id := a.store.Org().ID
	lockPath := localfs.Beside(a.store.Path(), localfs.PushLockEnding)
	statePath := StatePath(a.store.Path())

	held, err := localfs.TryLock(lockPath)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(statePath)
	if _, err := Push(context.Background(), a.opts()); !errors.Is(err, ErrPushRunning) {
		t.Fatalf("a push while another runs: %v", err)
	}
	if after, _ := os.ReadFile(statePath); !bytes.Equal(before, after) {
		t.Error("the refused push wrote the sync file while another push held the lock")
	}
	held.Unlock()

	stateMu.Lock() // the push's record waits here
	locked := true
	defer func() {
		if locked {
			stateMu.Unlock()
		}
	}()
	done := make(chan error, 1)
	go func() {
		_, err := Push(context.Background(), a.opts())
		done <- err
	}()
	for deadline := time.Now().Add(time.Minute); !slices.Contains(w.listAll(a), manifestKey(id, 1)); {
		if time.Now().After(deadline) {
			t.Fatal("the push wrote no manifest")
		}
		time.Sleep(10 * time.Millisecond)
	}
	for i := 0; i < 50; i++ {
		if l, err := localfs.TryLock(lockPath); err == nil {
			l.Unlock()
			t.Fatal("the push released its lock before recording its outcome")
		}
		time.Sleep(10 * time.Millisecond)
	}
	stateMu.Unlock()
	locked = false
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if st, _ := LoadState(statePath); st.LastSeq != 1 {
		t.Errorf("recorded seq %d", st.LastSeq)
	}
	l, err := localfs.TryLock(lockPath)
	if err != nil {
		t.Fatalf("the lock after the push: %v", err)
	}
	l.Unlock()
}
