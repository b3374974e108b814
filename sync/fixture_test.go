package snapshot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
	"dangjian/sync/miniotest"
)

// testPass unlocks every key file of the tests.
const testPass = "测试口令-passphrase"

// asOf is the day the demo organizations are made on.
var asOf = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

// world is a committee with a bucket of its own: in memory (newWorld), or
// on the test server (newMinIOWorld).
type world struct {
	t         testing.TB
	ctx       context.Context
	dir       string
	bucket    string
	committee *Committee
	// mem is the bucket of a world without a server; nil on MinIO.
	mem *MemoryBackend
}

// memoryEndpoint is the server a world in memory records. Nothing listens
// there: a call that bypassed the memory bucket fails at once.
const memoryEndpoint = "http://127.0.0.1:1"

// newWorld is a committee whose bucket is a MemoryBackend: no server.
func newWorld(t testing.TB) *world {
	t.Helper()
	w := &world{t: t, ctx: context.Background(), dir: t.TempDir(), bucket: randomBucket(), mem: NewMemoryBackend()}
	c, err := createCommittee(w.ctx, filepath.Join(w.dir, "committee"),
		Endpoint{URL: memoryEndpoint, Bucket: w.bucket, AccessKey: "committee", SecretKey: "committee-secret"},
		testPass, time.Now(), func(context.Context) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	w.committee = c
	return w
}

// newMinIOWorld is a committee with a bucket of its own on the test
// server; the test skips when no server runs.
func newMinIOWorld(t testing.TB) *world {
	t.Helper()
	miniotest.Need(t, srv)
	w := &world{t: t, ctx: context.Background(), dir: t.TempDir(), bucket: randomBucket()}
	c, err := InitCommittee(w.ctx, filepath.Join(w.dir, "committee"),
		Endpoint{URL: srv.Endpoint, Bucket: w.bucket, AccessKey: srv.RootUser, SecretKey: srv.RootPassword}, testPass, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	w.committee = c
	return w
}

// eachWorld runs test in a world in memory, then on the test server
// (skipped when none runs): the same behaviour through both transports.
func eachWorld(t *testing.T, test func(t *testing.T, w *world)) {
	t.Run("memory", func(t *testing.T) { test(t, newWorld(t)) })
	t.Run("minio", func(t *testing.T) { test(t, newMinIOWorld(t)) })
}

func randomBucket() string {
	b := make([]byte, 4)
	rand.Read(b)
	return "dangjian-" + hex.EncodeToString(b)
}

// org is an enrolled organization with a demo database.
type org struct {
	name      string
	store     *data.Store
	keys      *Keys
	access    string
	secret    string
	enrolment Enrollment
	// backend is the bucket as the organization's access key sees it; nil
	// on MinIO, where the push goes through the enrollment's server.
	backend Backend
}

// newOrg makes an organization with members demo members, its keys, an
// access key limited by OrgPolicy to its prefix (a MinIO user, or in
// memory an orgBucket), and its enrollment.
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
	if w.mem != nil {
		o.access, o.secret = "org-"+randomHex(6), randomHex(16)
		o.backend = orgBucket{w.mem, s.Org().ID}
	} else {
		o.access, o.secret = w.addUser(s.Org().ID)
	}
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
	access, secret := "org-"+randomHex(6), randomHex(16)
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

// opts are the options of a push of o.
func (o *org) opts() PushOptions {
	return PushOptions{Store: o.store, Keys: o.keys, Backend: o.backend}
}

func (o *org) push(t testing.TB) PushResult {
	t.Helper()
	res, err := Push(context.Background(), o.opts())
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

// backend is what the committee's operations are given: the bucket in
// memory, or nil on MinIO (they reach the server the committee recorded).
func (w *world) backend() Backend {
	if w.mem != nil {
		return w.mem
	}
	return nil
}

// root is the bucket with the committee's (root) credentials.
func (w *world) root() Backend {
	if w.mem != nil {
		return w.mem
	}
	m, err := NewMinIO(w.committee.Config.endpoint())
	if err != nil {
		w.t.Fatal(err)
	}
	return m
}

// asOrg is the bucket with o's access key, limited by OrgPolicy.
func (w *world) asOrg(o *org) Backend {
	if o.backend != nil {
		return o.backend
	}
	m, err := NewMinIO(o.enrolment.endpoint())
	if err != nil {
		w.t.Fatal(err)
	}
	return m
}

// consolidate runs a consolidation into a new merged database.
func (w *world) consolidate() (Report, string) {
	t := w.t
	t.Helper()
	rep, out, err := w.consolidateVia(w.backend())
	if err != nil {
		t.Fatal(err)
	}
	return rep, out
}

// consolidateVia runs a consolidation into the merged database through b
// (nil: the committee's server).
func (w *world) consolidateVia(b Backend) (Report, string, error) {
	return w.consolidateCtx(w.ctx, b)
}

func (w *world) consolidateCtx(ctx context.Context, b Backend) (Report, string, error) {
	t := w.t
	t.Helper()
	id, err := w.committee.Unlock(testPass)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(w.dir, "merged.db")
	rep, err := w.committee.Consolidate(ctx, ConsolidateOptions{Identity: id, Out: out, Backend: b})
	return rep, out, err
}

func (r Report) of(orgID string) OrgReport {
	for _, o := range r.Orgs {
		if o.Org == orgID {
			return o
		}
	}
	return OrgReport{}
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// orgBucket is the bucket in memory as an organization's access key sees
// it under OrgPolicy: it lists, reads and writes under orgs/<its id>/,
// lists and reads under committee/, and is refused anything else, as
// MinIO refuses it (TestOrgCredentialsStayInTheirPrefix holds both to the
// same checks).
type orgBucket struct {
	b     *MemoryBackend
	orgID string
}

func (o orgBucket) denied() error {
	return fmt.Errorf("%w(密钥无权操作该位置): Access Denied.", ErrAccessDenied)
}

func (o orgBucket) readable(key string) bool {
	return strings.HasPrefix(key, orgPrefix(o.orgID)) || strings.HasPrefix(key, "committee/")
}

func (o orgBucket) Put(ctx context.Context, key string, r io.Reader, size int64) error {
	if !strings.HasPrefix(key, orgPrefix(o.orgID)) {
		return o.denied()
	}
	return o.b.Put(ctx, key, r, size)
}

func (o orgBucket) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	if !o.readable(key) {
		return nil, o.denied()
	}
	return o.b.Get(ctx, key)
}

func (o orgBucket) List(ctx context.Context, prefix string) ([]string, error) {
	if !o.readable(prefix) {
		return nil, o.denied()
	}
	return o.b.List(ctx, prefix)
}
