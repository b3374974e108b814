package snapshot

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// listAll is every object of the organization, as the root sees them.
func (w *world) listAll(o *org) []string {
	w.t.Helper()
	keys, err := w.root().List(w.ctx, orgPrefix(o.store.Org().ID))
	if err != nil {
		w.t.Fatal(err)
	}
	return keys
}

// rebase runs the committee's re-base of o.
func (w *world) rebase(o *org, after uint64) Rebase {
	w.t.Helper()
	id, err := w.committee.Unlock(testPass)
	if err != nil {
		w.t.Fatal(err)
	}
	r, err := w.committee.Rebase(w.ctx, RebaseOptions{Backend: w.backend(), Identity: id, OrgID: o.store.Org().ID, AfterSeq: after, Now: time.Now()})
	if err != nil {
		w.t.Fatal(err)
	}
	return r
}

// TestDeletedLatestManifestThenRebase deletes an organization's latest
// manifest in the bucket. Its push refuses to build on the damaged chain,
// telling what happened and how to recover, and uploads nothing; a new
// chain the organization's key signed is still refused by the committee
// until the committee re-bases the organization; then the push starts a
// new chain, the committee accepts it once, and protection is back.
func TestDeletedLatestManifestThenRebase(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("清单被删学院党委", 20, 41)
	b := w.newOrg("对照学院党委丁", 10, 42)
	a.push(t)
	a.change(t, "一")
	a.push(t)
	b.push(t)
	if rep, _ := w.consolidate(); rep.of(a.store.Org().ID).UsedSeq != 2 {
		t.Fatalf("set-up: %+v", rep.of(a.store.Org().ID))
	}
	id := a.store.Org().ID
	w.remove(manifestKey(id, 2))

	a.change(t, "二")
	before := w.listAll(a)
	_, err := Push(context.Background(), a.opts())
	if !errors.Is(err, ErrChainUnrecognised) {
		t.Fatalf("a push over a deleted manifest: %v", err)
	}
	t.Logf("the push: %v", err)
	for _, want := range []string{"第2号清单在服务器上已不存在", "联系党委", "dangjian committee rebase --org " + id} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the message lacks %q: %v", want, err)
		}
	}
	if after := w.listAll(a); !slices.Equal(before, after) {
		t.Errorf("the refused push uploaded: %v → %v", before, after)
	}
	st, _ := LoadState(StatePath(a.store.Path()))
	if st.LastSeq != 2 || !strings.Contains(st.LastError, "快照链") {
		t.Errorf("the state after the refusal: seq %d, error %q", st.LastSeq, st.LastError)
	}
	// Unchanged data is no way around it either.
	if _, err := Push(context.Background(), a.opts()); !errors.Is(err, ErrChainUnrecognised) {
		t.Errorf("the second push: %v", err)
	}

	// A new chain signed with the organization's key, without the
	// committee's decision, is refused (rollback and fork protection).
	w.forge(a, 3, "", a.keys, a.keys.Recipient(), w.committeeRecipient())
	rep, _ := w.consolidate()
	if got := rep.of(id); got.Status != StatusRejected || got.UsedSeq != 2 {
		t.Fatalf("a new chain without a re-base: %+v", got)
	}
	t.Logf("without a re-base: %s", rep.of(id).Reason)

	r := w.rebase(a, 0)
	if r.AfterSeq != 3 || r.UsedSeq != 0 {
		t.Fatalf("the decision: %+v", r)
	}
	if got := w.object(rebaseNoticeKey(id, 3)); !strings.Contains(string(got), rebaseFormat) {
		t.Fatalf("the notice: %s", got)
	}
	res, err := Push(context.Background(), a.opts())
	if err != nil {
		t.Fatalf("the push after the re-base: %v", err)
	}
	if !res.NewChain || res.Seq != 4 {
		t.Fatalf("the push after the re-base: %+v", res)
	}
	m, err := ParseManifest(w.object(manifestKey(id, 4)))
	if err != nil || m.Prev != "" {
		t.Fatalf("the new chain's first manifest: prev %q, %v", m.Prev, err)
	}
	rep, out := w.consolidate()
	if got := rep.of(id); got.Status != StatusAccepted || got.Seq != 4 || got.UsedSeq != 4 {
		t.Fatalf("the new chain: %+v", got)
	}
	if got := rep.of(b.store.Org().ID); got.Status != StatusAccepted {
		t.Errorf("the other organization: %+v", got)
	}
	merged := openMerged(t, out)
	want, _ := a.store.Branches.Count(context.Background())
	if got, _ := merged.Branches.Count(context.Background(), dataWhereOrg(a)); got != want {
		t.Errorf("merged %d branches of A, the database has %d", got, want)
	}
	views, _ := w.committee.Orgs()
	for _, v := range views {
		if v.Public.OrgID == id && (v.Rebase == nil || v.Rebase.UsedSeq != 4) {
			t.Errorf("the decision is not used up: %+v", v.Rebase)
		}
	}

	// The chain goes on as usual…
	a.change(t, "三")
	if res := a.push(t); res.Seq != 5 || res.NewChain {
		t.Fatalf("the next push: %+v", res)
	}
	if rep, _ := w.consolidate(); rep.of(id).Status != StatusAccepted || rep.of(id).UsedSeq != 5 {
		t.Fatalf("the next consolidation: %+v", rep.of(id))
	}
	// …and the used decision lets no other new chain in.
	a.change(t, "四")
	w.forge(a, 6, "", a.keys, a.keys.Recipient(), w.committeeRecipient())
	if rep, _ := w.consolidate(); rep.of(id).Status != StatusRejected || rep.of(id).UsedSeq != 5 {
		t.Fatalf("a second new chain after the decision was used: %+v", rep.of(id))
	}
}

// TestRebaseDecisionMustBeTheCommittees: a decision in the folder that the
// committee's key did not seal (written by hand, or edited) is refused.
func TestRebaseDecisionMustBeTheCommittees(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("伪造决定学院党委", 10, 43)
	a.push(t)
	w.consolidate()
	r := w.rebase(a, 0)
	r.AfterSeq = 0 // widened by hand
	path := filepath.Join(w.committee.orgDir(a.store.Org().ID), rebaseFile)
	if err := writeJSON(path, r, true); err != nil {
		t.Fatal(err)
	}
	a.change(t, "新链")
	w.forge(a, 2, "", a.keys, a.keys.Recipient(), w.committeeRecipient())
	rep, _ := w.consolidate()
	t.Logf("an edited decision: %s", rep.of(a.store.Org().ID).Reason)
	if got := rep.of(a.store.Org().ID); got.Status != StatusRejected || !strings.Contains(got.Reason, "rebase") {
		t.Fatalf("an edited decision: %+v", got)
	}
	// A re-base below the seqs the organization used is refused (its
	// push would not take it: it covers no chain it knew).
	id, _ := w.committee.Unlock(testPass)
	if _, err := w.committee.Rebase(w.ctx, RebaseOptions{Backend: w.backend(), Identity: id, OrgID: a.store.Org().ID, AfterSeq: 1, Now: time.Now()}); !errors.Is(err, ErrBadRebase) {
		t.Errorf("a re-base below the highest seq in the bucket: %v", err)
	}
	if _, err := w.committee.Rebase(w.ctx, RebaseOptions{Backend: w.backend(), Identity: id, OrgID: "00000000-0000-7000-8000-000000000000", Now: time.Now()}); !errors.Is(err, ErrUnknownOrg) {
		t.Errorf("a re-base of an unknown organization: %v", err)
	}
}

// TestJunkObjectsDoNotBlock puts objects the program does not recognise,
// and manifests with valid-looking names and junk content (the highest
// possible seq, the seq the next push would take), in an organization's
// prefix: pushes go on, the committee merges the new snapshots and tells
// of the junk manifests.
func TestJunkObjectsDoNotBlock(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("杂物学院党委", 20, 44)
	b := w.newOrg("对照学院党委戊", 10, 45)
	a.push(t)
	b.push(t)
	w.consolidate()
	id := a.store.Org().ID
	// Names the program does not recognise: ignored everywhere.
	for _, key := range []string{
		manifestPrefix(id) + "junk.txt", manifestPrefix(id) + "12.json", manifestPrefix(id) + "0000000003.json.bak",
		manifestPrefix(id) + "00000000003.json", manifestPrefix(id) + "0000000000.json", manifestPrefix(id) + "sub/0000000004.json",
		snapshotPrefix(id) + "x.age", orgPrefix(id) + "other/thing",
	} {
		w.put(key, []byte("不是清单"))
	}
	a.change(t, "一")
	if res := a.push(t); res.Seq != 2 {
		t.Fatalf("push with unrecognised names: %+v", res)
	}
	rep, _ := w.consolidate()
	if got := rep.of(id); got.Status != StatusAccepted || got.UsedSeq != 2 || got.Reason != "" {
		t.Fatalf("unrecognised names: %+v", got)
	}

	// Valid-looking names with junk content: passed over, never built on,
	// their seqs not reused.
	w.put(manifestKey(id, maxSeq), []byte("not json"))
	w.put(manifestKey(id, 3), []byte(`{"format": "dangjian-snapshot/1"}`))
	w.put(manifestKey(id, 4), w.object(manifestKey(id, 1))) // a replay
	a.change(t, "二")
	res := a.push(t)
	if res.Seq != 5 {
		t.Fatalf("push over junk manifests: %+v", res)
	}
	m, _ := ParseManifest(w.object(manifestKey(id, 5)))
	if m.Prev != sha256Hex(w.object(manifestKey(id, 2))) {
		t.Error("the push did not build on the last valid manifest")
	}
	a.change(t, "三")
	if res := a.push(t); res.Seq != 6 {
		t.Fatalf("the next push: %+v", res)
	}
	rep, out := w.consolidate()
	got := rep.of(id)
	t.Logf("junk: %s", got.Reason)
	if got.UsedSeq != 6 || !strings.Contains(got.Reason, "已忽略") || !strings.Contains(got.Reason, "第9999999999号") {
		t.Fatalf("junk manifests: %+v", got)
	}
	if got.Status != StatusRejected {
		t.Errorf("junk manifests are not told: %+v", got)
	}
	merged := openMerged(t, out)
	want, _ := a.store.Branches.Count(context.Background())
	if n, _ := merged.Branches.Count(context.Background(), dataWhereOrg(a)); n != want {
		t.Errorf("merged %d branches of A, the database has %d", n, want)
	}
	if got := rep.of(b.store.Org().ID); got.Status != StatusAccepted {
		t.Errorf("the other organization: %+v", got)
	}
}

// TestLostStateBuildsOnTheBucket: a database whose sync file lost its
// record (restored from an old backup, a new computer) follows the newest
// manifest its key signed.
func TestLostStateBuildsOnTheBucket(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("记录丢失学院党委", 10, 46)
	a.push(t)
	a.change(t, "一")
	a.push(t)
	w.consolidate()
	path := StatePath(a.store.Path())
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := Join(a.store.Path(), a.enrolment, a.store.Org().ID); err != nil {
		t.Fatal(err)
	}
	a.change(t, "二")
	if res := a.push(t); res.Seq != 3 {
		t.Fatalf("%+v", res)
	}
	if rep, _ := w.consolidate(); rep.of(a.store.Org().ID).Status != StatusAccepted {
		t.Fatalf("%+v", rep.of(a.store.Org().ID))
	}
}

// TestRebaseAboveWhatTheBucketLost: when the bucket lost everything of the
// organization's last push (manifest and snapshot) before the committee
// saw it, the push names the seq the committee must re-base above, and a
// re-base below it does not move the push.
func TestRebaseAboveWhatTheBucketLost(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("全部丢失学院党委", 10, 47)
	a.push(t)
	w.consolidate()
	a.change(t, "一")
	a.push(t)
	id := a.store.Org().ID
	w.remove(manifestKey(id, 2))
	w.remove(snapshotKey(id, 2))
	a.change(t, "二")
	_, err := Push(context.Background(), a.opts())
	if !errors.Is(err, ErrChainUnrecognised) || !strings.Contains(err.Error(), "--seq 2") {
		t.Fatalf("the push: %v", err)
	}
	w.rebase(a, 0) // above 1, the highest the committee knows of
	if _, err := Push(context.Background(), a.opts()); !errors.Is(err, ErrChainUnrecognised) {
		t.Fatalf("the push after a re-base below its last seq: %v", err)
	}
	w.rebase(a, 2)
	res := a.push(t)
	if !res.NewChain || res.Seq != 3 {
		t.Fatalf("the push after the re-base above 2: %+v", res)
	}
	if rep, _ := w.consolidate(); rep.of(id).Status != StatusAccepted || rep.of(id).UsedSeq != 3 {
		t.Fatalf("%+v", rep.of(id))
	}
}
