package snapshot

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// TestOrgCredentialsStayInTheirPrefix uses A's access key, limited by
// OrgPolicy, against B's prefix: on the real server, and in memory, where
// orgBucket must refuse what the server refuses.
func TestOrgCredentialsStayInTheirPrefix(t *testing.T) {
	eachWorld(t, func(t *testing.T, w *world) {
		a := w.newOrg("甲学院党委", 0, 0)
		b := w.newOrg("乙学院党委", 10, 7)
		a.push(t)
		b.push(t)
		asA := w.asOrg(a)
		bID := b.store.Org().ID

		if r, err := asA.Get(w.ctx, manifestKey(bID, 1)); err == nil {
			body, _ := io.ReadAll(r)
			r.Close()
			t.Fatalf("A read B's manifest (%d bytes)", len(body))
		}
		if _, err := asA.List(w.ctx, orgPrefix(bID)); err == nil {
			t.Error("A listed B's prefix")
		}
		if _, err := asA.List(w.ctx, "orgs/"); err == nil {
			t.Error("A listed every organization")
		}
		err := asA.Put(w.ctx, manifestKey(bID, 9), bytes.NewReader([]byte("{}")), 2)
		if !errors.Is(err, ErrAccessDenied) || !strings.Contains(err.Error(), "拒绝访问") {
			t.Errorf("A wrote under B's prefix: %v", err)
		}
		// And its own prefix works, without overwriting; the committee's
		// notices can be read.
		if keys, err := asA.List(w.ctx, orgPrefix(a.store.Org().ID)); err != nil || len(keys) != 2 {
			t.Errorf("A cannot list its own prefix: %v %v", keys, err)
		}
		if _, err := asA.List(w.ctx, rebaseNoticePrefix(a.store.Org().ID)); err != nil {
			t.Errorf("A cannot list the committee's notices: %v", err)
		}
		err = asA.Put(w.ctx, manifestKey(a.store.Org().ID, 1), bytes.NewReader([]byte("{}")), 2)
		if !errors.Is(err, ErrObjectExists) {
			t.Errorf("A overwrote its own manifest: %v", err)
		}
		if keys, err := w.root().List(w.ctx, orgPrefix(bID)); err != nil || len(keys) != 2 {
			t.Errorf("B's prefix holds %v (%v), want its snapshot and manifest only", keys, err)
		}
	})
}
