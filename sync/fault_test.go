package snapshot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"dangjian/data/localfs"
)

// errNetworkCut is the error of a network cut, as MinIO's transport says it.
var errNetworkCut = fmt.Errorf("%w: 连接被重置", ErrUnreachable)

// TestPushFailures makes one push of a changed database fail at each
// step that talks to the bucket. Each failure is told and recorded; the
// bucket holds no new manifest, so the committee goes on merging the
// last snapshot; and the next push goes through, under a seq no object
// of the failed one uses.
func TestPushFailures(t *testing.T) {
	cases := []struct {
		name  string
		fault func(orgID string) *Fault
		is    error  // the push's error wraps it
		text  string // and says it
		left  []string
		next  uint64 // the seq the next push takes
	}{
		{"the snapshot's upload cut half-way", func(string) *Fault {
			return &Fault{Op: OpPut, Key: "*.age", At: 4 << 10, Err: errNetworkCut}
		}, ErrUnreachable, "无法连接同步服务器", nil, 2},
		{"the snapshot's upload connection closed", func(string) *Fault {
			return &Fault{Op: OpPut, Key: "*.age", At: 4 << 10, Short: true}
		}, io.ErrUnexpectedEOF, "上传中断", nil, 2},
		{"the manifest refused", func(string) *Fault {
			return &Fault{Op: OpPut, Key: "*.json", Err: fmt.Errorf("%w(密钥无权操作该位置)", ErrAccessDenied)}
		}, ErrAccessDenied, "服务器拒绝访问", []string{"snapshots/0000000002.age"}, 3},
		{"the listing errNetworkCut", func(string) *Fault {
			return &Fault{Op: OpList, Err: errNetworkCut}
		}, ErrUnreachable, "无法连接同步服务器", nil, 2},
		{"the last manifest unreadable", func(string) *Fault {
			return &Fault{Op: OpGet, Key: "0000000001.json", Err: errNetworkCut}
		}, ErrUnreachable, "无法连接同步服务器", nil, 2},
		{"the last manifest cut half-way", func(id string) *Fault {
			return &Fault{Op: OpGet, Key: manifestKey(id, 1), At: 100, Err: errNetworkCut}
		}, ErrUnreachable, "无法连接同步服务器", nil, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			a := w.newOrg("故障学院党委", 10, 61)
			id := a.store.Org().ID
			a.push(t)
			w.consolidate()
			branches, _ := a.store.Branches.Count(context.Background())
			a.change(t, "一")
			before := w.listAll(a)

			f := tc.fault(id)
			opts := a.opts()
			opts.Backend = NewFaultyBackend(a.backend, f)
			_, err := Push(context.Background(), opts)
			if f.Fired() == 0 {
				t.Fatal("the fault never fired")
			}
			if !errors.Is(err, tc.is) || !strings.Contains(err.Error(), tc.text) {
				t.Fatalf("the push: %v; want %v, saying %q", err, tc.is, tc.text)
			}
			t.Logf("the push: %v", err)
			var added []string
			for _, k := range w.listAll(a) {
				if !slices.Contains(before, k) {
					added = append(added, strings.TrimPrefix(k, orgPrefix(id)))
				}
			}
			if !slices.Equal(added, tc.left) {
				t.Errorf("the failed push left %v in the bucket, want %v", added, tc.left)
			}
			st, _ := LoadState(StatePath(a.store.Path()))
			if st.LastSeq != 1 || st.LastError != err.Error() || st.History[0].Result != ResultFailed ||
				st.LastSuccess == nil || st.LastSuccess.Seq != 1 {
				t.Errorf("the state after the failure: seq %d, error %q, history %+v", st.LastSeq, st.LastError, st.History)
			}

			// No manifest, so never the latest.
			rep, out := w.consolidate()
			if got := rep.of(id); got.Status != StatusAccepted || got.UsedSeq != 1 {
				t.Fatalf("the committee after the failed push: %+v", got)
			}
			if n, _ := openMerged(t, out).Branches.Count(context.Background(), dataWhereOrg(a)); n != branches {
				t.Errorf("merged %d branches, the accepted snapshot has %d", n, branches)
			}

			if res := a.push(t); res.Seq != tc.next || res.Unchanged {
				t.Fatalf("the next push: %+v, want seq %d", res, tc.next)
			}
			if st, _ := LoadState(StatePath(a.store.Path())); st.LastError != "" || st.LastSeq != tc.next {
				t.Errorf("the state after the next push: seq %d, error %q", st.LastSeq, st.LastError)
			}
			rep, _ = w.consolidate()
			if got := rep.of(id); got.Status != StatusAccepted || got.UsedSeq != tc.next {
				t.Fatalf("the committee after the next push: %+v", got)
			}
		})
	}
}

// TestPushCancelledMidUpload cancels a push (取消, closing the window)
// while its snapshot uploads: it ends at once with the cancellation, which
// is no failure to record, and leaves nothing in the bucket.
func TestPushCancelledMidUpload(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("取消学院党委", 10, 62)
	id := a.store.Org().ID
	a.push(t)
	a.change(t, "一")
	stateBefore, _ := os.ReadFile(StatePath(a.store.Path()))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f := &Fault{Op: OpPut, Key: "*.age", At: 4 << 10, Hook: cancel}
	opts := a.opts()
	opts.Backend = NewFaultyBackend(a.backend, f)
	var stages []Stage
	opts.OnStage = func(s Stage) { stages = append(stages, s) }
	_, err := Push(ctx, opts)
	if f.Fired() != 1 || !errors.Is(err, context.Canceled) {
		t.Fatalf("the cancelled push: %v (fault fired %d times)", err, f.Fired())
	}
	if want := []Stage{StageCopying, StageSealing, StageUploading}; !slices.Equal(stages, want) {
		t.Errorf("stages %v, want %v", stages, want)
	}
	if keys := w.listAll(a); len(keys) != 2 || slices.Contains(keys, snapshotKey(id, 2)) {
		t.Errorf("the bucket after the cancelled push: %v", keys)
	}
	if after, _ := os.ReadFile(StatePath(a.store.Path())); !bytes.Equal(stateBefore, after) {
		t.Error("the cancelled push was recorded in the sync file")
	}
	if runs, _ := filepath.Glob(filepath.Join(filepath.Dir(a.store.Path()), localfs.ScratchFolder, "*")); len(runs) != 0 {
		t.Errorf("the cancelled push left %v", runs)
	}
	if res := a.push(t); res.Seq != 2 {
		t.Fatalf("the next push: %+v", res)
	}
}

// TestPushStages: a push that uploads tells every stage, in order, each
// with its Chinese name and its step.
func TestPushStages(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("阶段学院党委", 10, 63)
	var stages []Stage
	opts := a.opts()
	opts.OnStage = func(s Stage) { stages = append(stages, s) }
	if _, err := Push(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(stages, Stages()) {
		t.Errorf("stages %v, want %v", stages, Stages())
	}
	names := []string{"复制数据库", "检查、压缩并加密", "上传快照", "写入清单"}
	for i, s := range Stages() {
		if step, n := s.Step(); step != i+1 || n != 4 || s.String() != names[i] {
			t.Errorf("%v: step %d of %d", s, step, n)
		}
	}
	if step, _ := Stage("别的").Step(); step != 0 {
		t.Errorf("a value that is no stage is step %d", step)
	}
}

// TestPushTellsWhenNoticesCannotBeRead: an organization whose access key
// predates the committee's notices (its policy refuses committee/) is told
// so, with the way out, when its chain needs the committee's re-base.
func TestPushTellsWhenNoticesCannotBeRead(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("旧策略学院党委", 10, 64)
	id := a.store.Org().ID
	a.push(t)
	a.change(t, "一")
	a.push(t)
	w.remove(manifestKey(id, 2))
	a.change(t, "二")
	f := &Fault{Op: OpList, Key: "committee/rebase/*/", Err: fmt.Errorf("%w(密钥无权操作该位置)", ErrAccessDenied)}
	opts := a.opts()
	opts.Backend = NewFaultyBackend(a.backend, f)
	_, err := Push(context.Background(), opts)
	if f.Fired() != 1 || !errors.Is(err, ErrChainUnrecognised) || !strings.Contains(err.Error(), "无权读取党委在 committee/ 下的通知") {
		t.Fatalf("the push: %v (fault fired %d times)", err, f.Fired())
	}
}

// consolidationFixture is A and B accepted at seq 1, then A's seq 2
// pushed: what a consolidation through a fault then checks.
func consolidationFixture(t *testing.T) (w *world, a, b *org, branchesAt1 int) {
	w = newWorld(t)
	a = w.newOrg("下载故障学院党委", 10, 65)
	b = w.newOrg("对照学院党委己", 10, 66)
	a.push(t)
	b.push(t)
	w.consolidate()
	branchesAt1, _ = a.store.Branches.Count(context.Background())
	a.change(t, "一")
	if res := a.push(t); res.Seq != 2 {
		t.Fatalf("set-up: %+v", res)
	}
	return w, a, b, branchesAt1
}

// TestConsolidationFaults makes what the committee reads of A's new
// snapshot fail or arrive damaged: A is refused with the reason and its
// last accepted snapshot merged, B is merged as usual, and once the fault
// is gone the next consolidation takes A's new snapshot (a fault in
// transit damages nothing the committee keeps).
func TestConsolidationFaults(t *testing.T) {
	cases := []struct {
		name   string
		fault  func(aID string) *Fault
		reason string
	}{
		{"a corrupt byte in the snapshot", func(id string) *Fault {
			return &Fault{Op: OpGet, Key: snapshotKey(id, 2), At: 1000, Flip: true}
		}, "第2号快照的密文校验和不符"},
		{"the snapshot cut short", func(id string) *Fault {
			return &Fault{Op: OpGet, Key: snapshotKey(id, 2), At: 1000, Short: true}
		}, "第2号快照大小不符"},
		{"the snapshot's download cut half-way", func(id string) *Fault {
			return &Fault{Op: OpGet, Key: snapshotKey(id, 2), At: 1000, Err: errNetworkCut}
		}, "无法读取服务器"},
		{"a corrupt byte in the manifest", func(id string) *Fault {
			return &Fault{Op: OpGet, Key: manifestKey(id, 2), At: 40, Flip: true}
		}, "第2号清单"},
		{"the listing errNetworkCut", func(id string) *Fault {
			return &Fault{Op: OpList, Key: manifestPrefix(id), Err: errNetworkCut}
		}, "无法读取服务器"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			w, a, b, branchesAt1 := consolidationFixture(t)
			id := a.store.Org().ID
			f := tc.fault(id)
			rep, out, err := w.consolidateVia(NewFaultyBackend(w.mem, f))
			if err != nil {
				t.Fatalf("the consolidation failed as a whole: %v", err)
			}
			if f.Fired() == 0 {
				t.Fatal("the fault never fired")
			}
			got := rep.of(id)
			t.Logf("A: %s", got.Reason)
			if got.Status != StatusRejected || got.UsedSeq != 1 || !strings.Contains(got.Reason, tc.reason) {
				t.Fatalf("A: %+v; want rejected for %q, seq 1 merged", got, tc.reason)
			}
			if got := rep.of(b.store.Org().ID); got.Status != StatusAccepted || got.UsedSeq != 1 {
				t.Errorf("B: %+v", got)
			}
			merged := openMerged(t, out)
			if n, _ := merged.Branches.Count(context.Background(), dataWhereOrg(a)); n != branchesAt1 {
				t.Errorf("merged %d branches of A, its accepted snapshot has %d", n, branchesAt1)
			}
			if n := countsOf(t, merged, b.store.Org().ID).members; n == 0 {
				t.Error("nothing of B merged")
			}
			views, _ := w.committee.Orgs()
			for _, v := range views {
				if v.Public.OrgID != id {
					continue
				}
				if v.Accepted == nil || v.Accepted.Seq != 1 || v.Status == nil || v.Status.Status != StatusRejected || v.Status.Reason != got.Reason {
					t.Errorf("the committee's record of A: accepted %+v, status %+v", v.Accepted, v.Status)
				}
			}

			rep, _ = w.consolidate()
			if got := rep.of(id); got.Status != StatusAccepted || got.UsedSeq != 2 {
				t.Fatalf("A once the fault is gone: %+v", got)
			}
		})
	}
}

// TestConsolidationRefusedListing: a listing the server refuses (the
// committee's key lacks the right) stops the consolidation with the
// reason; the merged database and the committee's records stay as they
// were.
func TestConsolidationRefusedListing(t *testing.T) {
	w, a, _, _ := consolidationFixture(t)
	id := a.store.Org().ID
	out := filepath.Join(w.dir, "merged.db")
	mergedBefore, _ := os.ReadFile(out)
	acceptedBefore, _ := os.ReadFile(filepath.Join(w.committee.orgDir(id), acceptedFile))
	f := &Fault{Op: OpList, Key: manifestPrefix(id), Err: fmt.Errorf("%w(密钥无权操作该位置)", ErrAccessDenied)}
	_, _, err := w.consolidateVia(NewFaultyBackend(w.mem, f))
	if f.Fired() != 1 || !errors.Is(err, ErrAccessDenied) || !strings.Contains(err.Error(), "服务器拒绝访问") ||
		!strings.Contains(err.Error(), a.name) {
		t.Fatalf("the consolidation: %v (fault fired %d times)", err, f.Fired())
	}
	if after, _ := os.ReadFile(out); len(mergedBefore) == 0 || !bytes.Equal(mergedBefore, after) {
		t.Error("the merged database changed")
	}
	if after, _ := os.ReadFile(filepath.Join(w.committee.orgDir(id), acceptedFile)); !bytes.Equal(acceptedBefore, after) {
		t.Error("A's accepted record changed")
	}
}

// TestConsolidationCancelled cancels a consolidation while it downloads
// A's new snapshot: it ends with the cancellation, replaces nothing,
// records nothing as accepted, and leaves no decrypted copy behind.
func TestConsolidationCancelled(t *testing.T) {
	w, a, _, _ := consolidationFixture(t)
	id := a.store.Org().ID
	out := filepath.Join(w.dir, "merged.db")
	mergedBefore, _ := os.ReadFile(out)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f := &Fault{Op: OpGet, Key: snapshotKey(id, 2), At: 1000, Hook: cancel}
	_, _, err := w.consolidateCtx(ctx, NewFaultyBackend(w.mem, f))
	if f.Fired() != 1 || !errors.Is(err, context.Canceled) {
		t.Fatalf("the cancelled consolidation: %v (fault fired %d times)", err, f.Fired())
	}
	if after, _ := os.ReadFile(out); !bytes.Equal(mergedBefore, after) {
		t.Error("the merged database changed")
	}
	views, _ := w.committee.Orgs()
	for _, v := range views {
		if v.Public.OrgID == id && (v.Accepted == nil || v.Accepted.Seq != 1) {
			t.Errorf("A's accepted record: %+v", v.Accepted)
		}
	}
	for _, dir := range []string{w.committee.Dir, w.dir} {
		if runs, _ := filepath.Glob(filepath.Join(dir, localfs.ScratchFolder, "*")); len(runs) != 0 {
			t.Errorf("left behind: %v", runs)
		}
	}
	if rep, _ := w.consolidate(); rep.of(id).UsedSeq != 2 {
		t.Fatalf("the next consolidation: %+v", rep.of(id))
	}
}

// TestRebaseListingFails: a re-base that cannot read the bucket decides
// nothing: no decision in the committee's folder, no notice.
func TestRebaseListingFails(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("重定故障学院党委", 10, 67)
	id := a.store.Org().ID
	a.push(t)
	w.consolidate()
	key, err := w.committee.Unlock(testPass)
	if err != nil {
		t.Fatal(err)
	}
	f := &Fault{Op: OpList, Err: errNetworkCut}
	_, err = w.committee.Rebase(w.ctx, RebaseOptions{Identity: key, OrgID: id, Backend: NewFaultyBackend(w.mem, f), Now: time.Now()})
	if f.Fired() != 1 || !errors.Is(err, ErrUnreachable) {
		t.Fatalf("the re-base: %v", err)
	}
	if _, err := os.Stat(filepath.Join(w.committee.orgDir(id), rebaseFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a decision was recorded: %v", err)
	}
	if keys, _ := w.mem.List(w.ctx, "committee/"); len(keys) != 0 {
		t.Errorf("notices were published: %v", keys)
	}
}

// TestSchedulerBacksOffWhenTheBucketIsUnreachable: a real push that
// cannot reach the bucket makes the scheduler wait the backoff, not the
// interval, and say the server is errNetworkCut.
func TestSchedulerBacksOffWhenTheBucketIsUnreachable(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("离线学院党委", 10, 68)
	opts := a.opts()
	opts.Backend = NewFaultyBackend(a.backend, &Fault{Op: OpList, Err: errNetworkCut})
	s := NewScheduler(func(ctx context.Context) error {
		_, err := Push(ctx, opts)
		return err
	}, every(time.Hour))
	type scheduled struct {
		next time.Time
		err  error
	}
	done := make(chan scheduled, 1)
	s.OnScheduled(func(next time.Time, err error) {
		select {
		case done <- scheduled{next, err}:
		default:
		}
	})
	s.Start(0)
	defer stopWithin(t, s)
	select {
	case got := <-done:
		if !errors.Is(got.err, ErrUnreachable) || !s.Unreachable() {
			t.Fatalf("after the push: %v, errNetworkCut %v", got.err, s.Unreachable())
		}
		if wait := time.Until(got.next); wait > Backoff(1, time.Hour) || wait < Backoff(1, time.Hour)-time.Minute/2 {
			t.Errorf("the next push in %v, want the first backoff %v", wait, Backoff(1, time.Hour))
		}
	case <-time.After(time.Minute):
		t.Fatal("no push was scheduled")
	}
}
