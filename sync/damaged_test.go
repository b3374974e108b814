package snapshot

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDamagedAcceptedStateRefusesThatOrganization damages the committee's
// record of one organization's last accepted snapshot: that organization
// is refused with the reason (its rollback and fork protection depend on
// the record) and nothing of it is merged; the others are accepted.
func TestDamagedAcceptedStateRefusesThatOrganization(t *testing.T) {
	for name, content := range map[string]string{
		"not JSON":         "{\"seq\": 1, \"manifest_sha256\": ",
		"empty":            "",
		"an empty object":  "{}",
		"null":             "null",
		"a bad hash":       `{"seq": 1, "manifest_sha256": "00", "manifest": {"seq": 1}, "file": "accepted-0000000001.age"}`,
		"a file elsewhere": "",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			a := w.newOrg("状态损坏学院党委", 20, 31)
			b := w.newOrg("对照学院党委甲", 15, 32)
			c := w.newOrg("对照学院党委乙", 10, 33)
			for _, o := range []*org{a, b, c} {
				o.push(t)
			}
			w.consolidate()
			path := filepath.Join(w.committee.orgDir(a.store.Org().ID), acceptedFile)
			if name == "a file elsewhere" {
				b, _ := os.ReadFile(path)
				content = strings.Replace(string(b), `"accepted-0000000001.age"`, `"../../committee.key"`, 1)
			}
			if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			// A forged fork (a new first manifest) must not slip in while
			// the record is unreadable.
			a.change(t, "分叉")
			w.forge(a, 2, "", a.keys, a.keys.Recipient(), w.committeeRecipient())

			rep, out := w.consolidate()
			got := rep.of(a.store.Org().ID)
			if got.Status != StatusRejected || !strings.Contains(got.Reason, "委员会保存的该组织状态已损坏") ||
				!strings.Contains(got.Reason, acceptedFile) {
				t.Fatalf("the organization with a damaged record: %+v", got)
			}
			if got.UsedSeq != 0 {
				t.Errorf("merged seq %d of an organization whose record is damaged", got.UsedSeq)
			}
			merged := openMerged(t, out)
			if n := countsOf(t, merged, a.store.Org().ID).members; n != 0 {
				t.Errorf("%d members of the refused organization merged", n)
			}
			for _, o := range []*org{b, c} {
				if got := rep.of(o.store.Org().ID); got.Status != StatusAccepted {
					t.Errorf("%s: %+v", o.name, got)
				}
				if n := countsOf(t, merged, o.store.Org().ID).members; n == 0 {
					t.Errorf("%s: nothing merged", o.name)
				}
			}
			// The record is left as it was, for a person to restore.
			if b, _ := os.ReadFile(path); string(b) != content {
				t.Error("the damaged record was overwritten")
			}
		})
	}
}

// TestDamagedEnrollmentRefusesThatOrganization damages one organization's
// org.json: the consolidation goes on, refusing that organization only,
// and enrolling it again is refused (its keys cannot be compared).
func TestDamagedEnrollmentRefusesThatOrganization(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("登记损坏学院党委", 20, 34)
	b := w.newOrg("对照学院党委丙", 15, 35)
	a.push(t)
	b.push(t)
	w.consolidate()
	path := filepath.Join(w.committee.orgDir(a.store.Org().ID), orgFile)
	if err := os.WriteFile(path, []byte(`{"public": {"org_id": "`), 0o600); err != nil {
		t.Fatal(err)
	}
	rep, out := w.consolidate()
	got := rep.of(a.store.Org().ID)
	if got.Status != StatusRejected || !strings.Contains(got.Reason, "委员会保存的该组织状态已损坏") || !strings.Contains(got.Reason, orgFile) {
		t.Fatalf("the organization with a damaged org.json: %+v", got)
	}
	if got := rep.of(b.store.Org().ID); got.Status != StatusAccepted || got.UsedSeq != 1 {
		t.Errorf("the other organization: %+v", got)
	}
	merged := openMerged(t, out)
	if n := countsOf(t, merged, a.store.Org().ID).members; n != 0 {
		t.Errorf("%d members of the refused organization merged", n)
	}
	views, err := w.committee.Orgs()
	if err != nil || len(views) != 2 {
		t.Fatalf("Orgs: %d %v", len(views), err)
	}
	if _, err := w.committee.Enroll(a.keys.Public, a.access, a.secret, time.Now()); err == nil || !strings.Contains(err.Error(), "已损坏") {
		t.Errorf("enrolling over a damaged org.json: %v", err)
	}
}

// TestNoAcceptedStateIsANewOrganization: without accepted.json the
// organization was never accepted, which is no damage.
func TestNoAcceptedStateIsANewOrganization(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("新登记学院党委", 10, 36)
	a.push(t)
	if views, _ := w.committee.Orgs(); len(views) != 1 || views[0].Accepted != nil || views[0].Damaged != "" {
		t.Fatalf("before any consolidation: %+v", views)
	}
	rep, _ := w.consolidate()
	if got := rep.of(a.store.Org().ID); got.Status != StatusAccepted || got.UsedSeq != 1 {
		t.Fatalf("%+v", got)
	}
}

// TestRebaseRecoversADamagedAcceptedState: after the committee re-bases an
// organization whose accepted.json is damaged, the next snapshot above the
// decision is checked and accepted, and the record is whole again.
func TestRebaseRecoversADamagedAcceptedState(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("恢复状态学院党委", 10, 37)
	a.push(t)
	w.consolidate()
	path := filepath.Join(w.committee.orgDir(a.store.Org().ID), acceptedFile)
	if err := os.WriteFile(path, []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if rep, _ := w.consolidate(); rep.of(a.store.Org().ID).Status != StatusRejected {
		t.Fatalf("a damaged record: %+v", rep.of(a.store.Org().ID))
	}
	if r := w.rebase(a, 0); r.AfterSeq != 1 {
		t.Fatalf("the decision: %+v", r)
	}
	// The database itself still knows its chain: it goes on.
	a.change(t, "一")
	if res := a.push(t); res.Seq != 2 || res.NewChain {
		t.Fatalf("the push: %+v", res)
	}
	rep, _ := w.consolidate()
	if got := rep.of(a.store.Org().ID); got.Status != StatusAccepted || got.UsedSeq != 2 {
		t.Fatalf("after the re-base: %+v", got)
	}
	views, _ := w.committee.Orgs()
	if len(views) != 1 || views[0].Damaged != "" || views[0].Accepted == nil || views[0].Accepted.Seq != 2 ||
		views[0].Rebase == nil || views[0].Rebase.UsedSeq != 2 {
		t.Fatalf("the committee's record: %+v", views)
	}
}
