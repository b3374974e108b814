package snapshot

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRebaseOfAnOrganizationWhoseChainIsWhole: the committee re-bases an
// organization whose own push still recognises its chain, so the push goes
// on with it instead of starting a new one. The committee accepts the
// organization's next manifest above the decision all the same, instead of
// refusing it (and every later one) as a broken chain.
func TestRebaseOfAnOrganizationWhoseChainIsWhole(t *testing.T) {
	w := newWorld(t)

	// A: someone with write access to the bucket replaced a manifest in
	// the middle of the chain. The push does not notice (its last manifest
	// is intact); the committee refuses every later manifest.
	a := w.newOrg("链中被改学院党委", 10, 51)
	ida := a.store.Org().ID
	a.push(t)
	w.consolidate()
	a.change(t, "一")
	a.push(t)
	a.change(t, "二")
	a.push(t)
	w.replace(manifestKey(ida, 2), []byte("不是清单"))
	a.change(t, "三")
	if res := a.push(t); res.Seq != 4 {
		t.Fatalf("A's push over the replaced manifest: %+v", res)
	}
	if rep, _ := w.consolidate(); rep.of(ida).Status != StatusRejected || rep.of(ida).UsedSeq != 1 {
		t.Fatalf("A before the re-base: %+v", rep.of(ida))
	}
	if r := w.rebase(a, 0); r.AfterSeq != 4 {
		t.Fatalf("A's decision: %+v", r)
	}

	// B: the committee re-based twice, the second time after the push had
	// started the new chain.
	b := w.newOrg("两次重定学院党委", 10, 52)
	idb := b.store.Org().ID
	b.push(t)
	b.change(t, "一")
	b.push(t)
	w.consolidate()
	w.remove(manifestKey(idb, 2))
	b.change(t, "二")
	if _, err := Push(context.Background(), b.opts()); !errors.Is(err, ErrChainUnrecognised) {
		t.Fatalf("B's push over the deleted manifest: %v", err)
	}
	w.rebase(b, 0)
	if res := b.push(t); !res.NewChain || res.Seq != 3 {
		t.Fatalf("B's push after the first re-base: %+v", res)
	}
	if r := w.rebase(b, 0); r.AfterSeq != 3 {
		t.Fatalf("B's second decision: %+v", r)
	}

	a.change(t, "四")
	if res := a.push(t); res.Seq != 5 || res.NewChain {
		t.Fatalf("A's push after the re-base: %+v", res)
	}
	b.change(t, "三")
	if res := b.push(t); res.Seq != 4 || res.NewChain {
		t.Fatalf("B's push after the second re-base: %+v", res)
	}
	rep, out := w.consolidate()
	merged := openMerged(t, out)
	for _, c := range []struct {
		o   *org
		seq uint64
	}{{a, 5}, {b, 4}} {
		id := c.o.store.Org().ID
		// (A's replaced manifest is told, as every unreadable one is.)
		if got := rep.of(id); got.UsedSeq != c.seq || (got.Status != StatusAccepted && c.o != a) {
			t.Errorf("%s after the re-base: %+v", c.o.name, got)
		}
		want, _ := c.o.store.Branches.Count(context.Background())
		if got, _ := merged.Branches.Count(context.Background(), dataWhereOrg(c.o)); got != want {
			t.Errorf("%s: merged %d branches, the database has %d", c.o.name, got, want)
		}
	}
	views, _ := w.committee.Orgs()
	for _, v := range views {
		if v.Rebase == nil || v.Rebase.open() {
			t.Errorf("%s: the decision is not used up: %+v", v.Public.OrgName, v.Rebase)
		}
	}
	// Used up: a new chain is refused again.
	a.change(t, "五")
	w.forge(a, 6, "", a.keys, a.keys.Recipient(), w.committeeRecipient())
	if rep, _ := w.consolidate(); rep.of(ida).Status != StatusRejected || rep.of(ida).UsedSeq != 5 {
		t.Fatalf("a new chain after the decision was used: %+v", rep.of(ida))
	}
}

// TestJunkAtTheTopOfTheSeqsDoesNotExhaustARebase: whoever holds the
// organization's access key can put objects under the highest seqs. A
// re-base must not start the new chain above them (which would leave the
// organization no seq to push under, for good): only manifests signed
// with the organization's key, and what the committee accepted, count.
func TestJunkAtTheTopOfTheSeqsDoesNotExhaustARebase(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("序号耗尽学院党委", 10, 53)
	id := a.store.Org().ID
	a.push(t)
	w.consolidate()
	own := w.asOrg(a)
	for _, key := range []string{snapshotKey(id, maxSeq), manifestKey(id, maxSeq-1)} {
		if err := own.Put(w.ctx, key, bytes.NewReader([]byte("junk")), 4); err != nil {
			t.Fatalf("the organization's key puts %s: %v", key, err)
		}
	}
	w.remove(manifestKey(id, 1))
	a.change(t, "一")
	_, err := Push(context.Background(), a.opts())
	if !errors.Is(err, ErrChainUnrecognised) || !strings.Contains(err.Error(), "--seq 1") {
		t.Fatalf("the push over the deleted manifest: %v", err)
	}
	if r := w.rebase(a, 0); r.AfterSeq != 1 {
		t.Fatalf("the decision: %+v", r)
	}
	res := a.push(t)
	if !res.NewChain || res.Seq != 2 {
		t.Fatalf("the push after the re-base: %+v", res)
	}
	if rep, _ := w.consolidate(); rep.of(id).UsedSeq != 2 {
		t.Fatalf("the new chain: %+v", rep.of(id))
	}
	a.change(t, "二")
	if res := a.push(t); res.Seq != 3 {
		t.Fatalf("the next push: %+v", res)
	}
	// The committee may still give a seq above the junk, never the last.
	id2, _ := w.committee.Unlock(testPass)
	if _, err := w.committee.Rebase(w.ctx, RebaseOptions{Backend: w.backend(), Identity: id2, OrgID: id, AfterSeq: maxSeq}); !errors.Is(err, ErrBadRebase) {
		t.Errorf("a re-base above the last seq: %v", err)
	}
}

// TestRebaseAfterAnotherChainStarted: a manifest signed with the
// organization's key that does not descend from the push's last one (a
// new chain another copy of the database started) stops the push, which
// asks for the committee's re-base; once the committee has re-based the
// organization, the push starts a new chain above the decision.
func TestRebaseAfterAnotherChainStarted(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("另一条链学院党委", 10, 55)
	id := a.store.Org().ID
	a.push(t)
	a.change(t, "一")
	a.push(t)
	w.consolidate()
	w.forge(a, 3, "", a.keys, a.keys.Recipient(), w.committeeRecipient())
	a.change(t, "二")
	_, err := Push(context.Background(), a.opts())
	if !errors.Is(err, ErrChainUnrecognised) || !strings.Contains(err.Error(), "不接续") {
		t.Fatalf("the push: %v", err)
	}
	if r := w.rebase(a, 0); r.AfterSeq != 3 {
		t.Fatalf("the decision: %+v", r)
	}
	res, err := Push(context.Background(), a.opts())
	if err != nil || !res.NewChain || res.Seq != 4 {
		t.Fatalf("the push after the re-base: %+v, %v", res, err)
	}
	if rep, _ := w.consolidate(); rep.of(id).Status != StatusAccepted || rep.of(id).UsedSeq != 4 {
		t.Fatalf("the new chain: %+v", rep.of(id))
	}
}

// TestUsedRebaseDecisionCannotBeReplayed puts back the committee's sealed
// decision as it was before it was used (a copy, a restored backup, or a
// consolidation killed between recording the accepted snapshot and the
// decision's use): it lets no second new chain in.
func TestUsedRebaseDecisionCannotBeReplayed(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("决定重放学院党委", 10, 54)
	id := a.store.Org().ID
	a.push(t)
	w.consolidate()
	w.remove(manifestKey(id, 1))
	w.rebase(a, 0)
	path := filepath.Join(w.committee.orgDir(id), rebaseFile)
	open, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a.change(t, "一")
	if res := a.push(t); !res.NewChain || res.Seq != 2 {
		t.Fatalf("the push after the re-base: %+v", res)
	}
	if rep, _ := w.consolidate(); rep.of(id).Status != StatusAccepted || rep.of(id).UsedSeq != 2 {
		t.Fatalf("the new chain: %+v", rep.of(id))
	}
	if err := os.WriteFile(path, open, 0o600); err != nil {
		t.Fatal(err)
	}
	// The new chain's first manifest made unreadable in the bucket, a
	// second new chain signed with the organization's key (another copy
	// of its database) would be the only one above the decision.
	w.replace(manifestKey(id, 2), []byte("不是清单"))
	a.change(t, "二")
	w.forge(a, 3, "", a.keys, a.keys.Recipient(), w.committeeRecipient())
	rep, _ := w.consolidate()
	if got := rep.of(id); got.Status != StatusRejected || got.UsedSeq != 2 {
		t.Fatalf("a second new chain with the decision put back: %+v", got)
	}
	t.Logf("the replayed decision: %s", rep.of(id).Reason)
}
