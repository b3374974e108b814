package snapshot

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/uuid"
)

// TestOneCommitteeOperationAtATime runs a second consolidation, an
// enrollment and a re-base while a consolidation is under way: each is
// refused, changing nothing, and the first builds a complete database.
func TestOneCommitteeOperationAtATime(t *testing.T) {
	w := newWorld(t)
	orgs := []*org{w.newOrg("甲学院党委", 20, 21), w.newOrg("乙学院党委", 15, 22), w.newOrg("丙学院党委", 25, 23)}
	for _, o := range orgs {
		o.push(t)
	}
	id, err := w.committee.Unlock(testPass)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(w.dir, "merged.db")
	// The first List waits until released.
	listing, released := make(chan struct{}), make(chan struct{})
	hold := NewFaultyBackend(w.root(), &Fault{Op: OpList, Nth: 1, Hook: func() {
		close(listing)
		<-released
	}})
	type result struct {
		rep Report
		err error
	}
	first := make(chan result, 1)
	go func() {
		rep, err := w.committee.Consolidate(w.ctx, ConsolidateOptions{Identity: id, Out: out, Backend: hold, Workers: 1})
		first <- result{rep, err}
	}()
	select {
	case <-listing:
	case r := <-first:
		t.Fatalf("the first consolidation ended at once: %v", r.err)
	}

	_, err = w.committee.Consolidate(w.ctx, ConsolidateOptions{Identity: id, Out: out, Backend: w.backend()})
	if !errors.Is(err, ErrCommitteeBusy) {
		t.Errorf("a second consolidation while one runs: %v", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the database appeared before the first consolidation ended: %v", err)
	}
	other := w.newOrgKeys("丁学院党委")
	if _, err := w.committee.Enroll(other, "org-ding", "ding-secret-2026", time.Now()); !errors.Is(err, ErrCommitteeBusy) {
		t.Errorf("an enrollment while a consolidation runs: %v", err)
	}
	if _, err := os.Stat(w.committee.orgDir(other.OrgID)); !errors.Is(err, os.ErrNotExist) {
		t.Error("the refused enrollment wrote the organization's folder")
	}
	_, err = w.committee.Rebase(w.ctx, RebaseOptions{Backend: w.backend(), Identity: id, OrgID: orgs[0].store.Org().ID, Now: time.Now()})
	if !errors.Is(err, ErrCommitteeBusy) {
		t.Errorf("a re-base while a consolidation runs: %v", err)
	}

	close(released)
	r := <-first
	if r.err != nil {
		t.Fatal(r.err)
	}
	merged := openMerged(t, out)
	for _, o := range orgs {
		if got := r.rep.of(o.store.Org().ID); got.Status != StatusAccepted || got.UsedSeq != 1 {
			t.Errorf("%s: %+v", o.name, got)
		}
		if got, want := countsOf(t, merged, o.store.Org().ID), countsOf(t, o.store, ""); got != want {
			t.Errorf("%s: merged %+v, source %+v", o.name, got, want)
		}
	}
	// Once it ended, the next one runs.
	if _, err := w.committee.Consolidate(w.ctx, ConsolidateOptions{Identity: id, Out: out, Backend: w.backend()}); err != nil {
		t.Errorf("a consolidation after the first ended: %v", err)
	}
}

// newOrgKeys makes an organization's public keys without enrolling it.
func (w *world) newOrgKeys(name string) PublicKeys {
	w.t.Helper()
	path := filepath.Join(w.dir, name+".keys")
	k, err := CreateKeys(path, uuid.Must(uuid.NewV7()).String(), name, testPass, time.Now())
	if err != nil {
		w.t.Fatal(err)
	}
	return k.Public
}
