package snapshot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
)

// testPass unlocks every key file of the tests.
const testPass = "测试口令-passphrase"

// asOf is the day the demo organizations are made on.
var asOf = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

// world is a committee with a bucket of its own on the test server.
type world struct {
	t         testing.TB
	ctx       context.Context
	dir       string
	bucket    string
	committee *Committee
}

func newWorld(t testing.TB) *world {
	t.Helper()
	ctx := context.Background()
	b := make([]byte, 4)
	rand.Read(b)
	w := &world{t: t, ctx: ctx, dir: t.TempDir(), bucket: "dangjian-" + hex.EncodeToString(b)}
	c, err := InitCommittee(ctx, filepath.Join(w.dir, "committee"),
		Endpoint{URL: srv.Endpoint, Bucket: w.bucket, AccessKey: srv.RootUser, SecretKey: srv.RootPassword}, testPass, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	w.committee = c
	return w
}

// org is an enrolled organization with a demo database.
type org struct {
	name      string
	store     *data.Store
	keys      *Keys
	access    string
	secret    string
	enrolment Enrollment
}

// newOrg makes an organization with members demo members, its keys, a
// MinIO user limited by OrgPolicy to its prefix, and its enrollment.
func (w *world) newOrg(name string, members int, seed int64) *org {
	t := w.t
	t.Helper()
	path := filepath.Join(w.dir, name, "dangjian.db")
	os.MkdirAll(filepath.Dir(path), 0o755)
	clock := func() time.Time { return asOf.Add(12 * time.Hour) }
	s, err := data.Create(w.ctx, path, name, "", data.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if members > 0 {
		if _, err := demo.Generate(w.ctx, s, demo.Options{Members: members, Seed: seed, AsOf: asOf}); err != nil {
			t.Fatal(err)
		}
	}
	k, err := CreateKeys(KeyPath(path), s.Org().ID, name, testPass, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	o := &org{name: name, store: s, keys: k}
	o.access, o.secret = w.addUser(s.Org().ID)
	if o.enrolment, err = w.committee.Enroll(k.Public, o.access, o.secret, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := Join(path, o.enrolment, s.Org().ID); err != nil {
		t.Fatal(err)
	}
	return o
}

// addUser creates a MinIO user for the organization with the production
// bucket policy, as the README tells administrators to.
func (w *world) addUser(orgID string) (string, string) {
	t := w.t
	b := make([]byte, 16)
	rand.Read(b)
	access, secret := "org-"+hex.EncodeToString(b[:6]), hex.EncodeToString(b)
	policy := filepath.Join(w.dir, "policy-"+orgID+".json")
	if err := os.WriteFile(policy, []byte(OrgPolicy(w.bucket, orgID)), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"admin", "user", "add", "test", access, secret},
		{"admin", "policy", "create", "test", PolicyName(orgID), policy},
		{"admin", "policy", "attach", "test", PolicyName(orgID), "--user", access},
	} {
		if out, err := srv.MC(w.ctx, args...); err != nil {
			t.Fatalf("mc %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return access, secret
}

func (o *org) push(t testing.TB) PushResult {
	t.Helper()
	res, err := Push(context.Background(), PushOptions{Store: o.store, Keys: o.keys})
	if err != nil {
		t.Fatalf("%s: push: %v", o.name, err)
	}
	return res
}

// change writes something into the organization's database, so that the
// next push has a new snapshot to send.
func (o *org) change(t *testing.T, note string) {
	t.Helper()
	b := &data.Branch{Name: "新建支部" + note, Type: "教工"}
	if err := o.store.Branches.Create(context.Background(), b); err != nil {
		t.Fatal(err)
	}
}

// root is the server with the committee's (root) credentials.
func (w *world) root() *MinIO {
	m, err := NewMinIO(w.committee.Config.endpoint())
	if err != nil {
		w.t.Fatal(err)
	}
	return m
}

// consolidate runs a consolidation into a new merged database.
func (w *world) consolidate() (Report, string) {
	t := w.t
	t.Helper()
	id, err := w.committee.Unlock(testPass)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(w.dir, "merged.db")
	rep, err := w.committee.Consolidate(w.ctx, ConsolidateOptions{Identity: id, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	return rep, out
}

func (r Report) of(orgID string) OrgReport {
	for _, o := range r.Orgs {
		if o.Org == orgID {
			return o
		}
	}
	return OrgReport{}
}
