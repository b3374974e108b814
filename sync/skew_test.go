package snapshot

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"filippo.io/age"

	"dangjian/data"
)

// fixtureVersions are the schema versions whose sealed fixture is kept
// under testdata (schema-v<N>), oldest first.
func fixtureVersions(t *testing.T) []int {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join("testdata", "schema-v*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no schema fixture under testdata: %v", err)
	}
	var vs []int
	for _, d := range dirs {
		v, err := strconv.Atoi(strings.TrimPrefix(filepath.Base(d), "schema-v"))
		if err != nil {
			t.Fatalf("%s: not a schema fixture folder", d)
		}
		vs = append(vs, v)
	}
	return vs
}

// fixtureWorld is a committee in memory holding the fixture of schema
// version v: its test identity is the committee's, the organization is
// enrolled with the fixture's public keys, and the objects its push put
// are in the bucket. It returns the organization's id.
func fixtureWorld(t *testing.T, v int) (*world, string) {
	t.Helper()
	dir := fixtureDir(v)
	w := newWorld(t)
	idText, err := os.ReadFile(filepath.Join(dir, fixtureCommitteeKey))
	if err != nil {
		t.Fatal(err)
	}
	id, err := age.ParseX25519Identity(strings.TrimSpace(string(idText)))
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := encryptWithPassphrase([]byte(id.String()), testPass)
	if err != nil {
		t.Fatal(err)
	}
	c := w.committee
	if err := os.WriteFile(filepath.Join(c.Dir, committeeKeyFile), []byte(sealed), 0o600); err != nil {
		t.Fatal(err)
	}
	c.Config.AgeRecipient = id.Recipient().String()
	if err := writeJSON(filepath.Join(c.Dir, committeeConfigFile), c.Config, true); err != nil {
		t.Fatal(err)
	}
	pubJSON, err := os.ReadFile(filepath.Join(dir, fixtureOrgKeys))
	if err != nil {
		t.Fatal(err)
	}
	pub, err := ParsePublicKeys(pubJSON)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Enroll(pub, "org-fixture", "fixture-secret", time.Now()); err != nil {
		t.Fatal(err)
	}
	bucket := filepath.Join(dir, fixtureBucketDir)
	err = filepath.WalkDir(bucket, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(bucket, path)
		if err != nil {
			return err
		}
		body, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		w.put(filepath.ToSlash(rel), body)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return w, pub.OrgID
}

// fixtureCounts counts the rows not in the recycle bin of a few tables of the
// plaintext snapshot sealed in the fixture of version v.
func fixtureCounts(t *testing.T, w *world, v int, orgID string) counts {
	t.Helper()
	id, err := w.committee.Unlock(testPass)
	if err != nil {
		t.Fatal(err)
	}
	sealed := w.object(snapshotKey(orgID, 1))
	plain := filepath.Join(t.TempDir(), fmt.Sprintf("v%d.db", v))
	f, err := os.Create(plain)
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = unseal(w.ctx, bytes.NewReader(sealed), f, id, MaxSnapshotSize)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", "file:"+plain+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var c counts
	for table, n := range map[string]*int{"members": &c.members, "meetings": &c.meetings, "dues": &c.dues, "trainings": &c.trainings} {
		if err := db.QueryRow("SELECT count(*) FROM " + table + " WHERE deleted_at IS NULL").Scan(n); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// TestEveryKeptSchemaFixtureConsolidates: the snapshot of every released
// schema kept under testdata is accepted by this build, upgraded, and
// merged with its records.
func TestEveryKeptSchemaFixtureConsolidates(t *testing.T) {
	for _, v := range fixtureVersions(t) {
		t.Run(fmt.Sprintf("schema-v%d", v), func(t *testing.T) {
			w, orgID := fixtureWorld(t, v)
			want := fixtureCounts(t, w, v, orgID)
			if want.members == 0 || want.meetings == 0 || want.dues == 0 || want.trainings == 0 {
				t.Fatalf("the fixture lacks records: %+v", want)
			}
			rep, path := w.consolidate()
			got := rep.of(orgID)
			if got.Status != StatusAccepted || got.Reason != "" || got.Refusal != "" || got.UsedSeq != 1 {
				t.Fatalf("the schema version %d fixture was not accepted: %+v", v, got)
			}
			merged := openMerged(t, path)
			if c := countsOf(t, merged, orgID); c != want {
				t.Errorf("merged %+v of the fixture's records, it holds %+v", c, want)
			}
			if n, _, err := merged.BlobUsage(w.ctx); err != nil || n == 0 {
				t.Errorf("the fixture's attachments were not merged: %d, %v", n, err)
			}
		})
	}
}

// getRecorder records the keys read through it.
type getRecorder struct {
	Backend
	mu   sync.Mutex
	gets []string
}

func (c *getRecorder) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	c.mu.Lock()
	c.gets = append(c.gets, key)
	c.mu.Unlock()
	return c.Backend.Get(ctx, key)
}

func (c *getRecorder) read(key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range c.gets {
		if k == key {
			return true
		}
	}
	return false
}

// forgeVersion uploads, as o's next snapshot seq after prev (the hash of
// the previous manifest object), o's database with its schema version set
// to dbVersion, sealed to o and the committee and signed by o, in a
// manifest that says manifestVersion: what a push of another release
// would upload.
func (w *world) forgeVersion(o *org, seq uint64, prev string, dbVersion, manifestVersion int) {
	t := w.t
	t.Helper()
	dir := t.TempDir()
	plain := filepath.Join(dir, "s.db")
	if err := o.store.Snapshot(w.ctx, plain); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", plain)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", dbVersion)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	sealed := filepath.Join(dir, "s.age")
	sf, err := sealFile(w.ctx, plain, sealed, o.keys.Recipient(), w.committeeRecipient())
	if err != nil {
		t.Fatal(err)
	}
	body, _ := os.ReadFile(sealed)
	id := o.store.Org().ID
	w.put(snapshotKey(id, seq), body)
	m := Manifest{Format: ManifestFormat, OrgID: id, OrgName: o.name, Seq: seq, Prev: prev,
		CreatedAt: time.Now().UTC().Truncate(time.Second), SchemaVersion: manifestVersion,
		PlainSHA256: sf.plainSum, PlainSize: sf.plainSize, CipherSHA256: sf.cipherSum, Size: sf.cipherSize}
	mb, err := m.seal(o.keys)
	if err != nil {
		t.Fatal(err)
	}
	w.put(manifestKey(id, seq), mb)
}

// acceptedOnce is an organization whose first push the committee
// accepted, then changed (one branch more); it returns the branches of
// the accepted snapshot and the hash of its manifest.
func acceptedOnce(t *testing.T, w *world, name string) (o *org, branches int, prev string) {
	t.Helper()
	o = w.newOrg(name, 20, 3)
	o.push(t)
	if rep, _ := w.consolidate(); rep.of(o.store.Org().ID).Status != StatusAccepted {
		t.Fatalf("first snapshot not accepted: %+v", rep.of(o.store.Org().ID))
	}
	branches, _ = o.store.Branches.Count(w.ctx)
	o.change(t, "新版")
	return o, branches, sha256Hex(w.object(manifestKey(o.store.Org().ID, 1)))
}

// TestSnapshotOfANewerReleaseIsRefusedAsNewerNotTampered: an organization
// that installed a newer release than the committee's is told apart from
// tampering, its snapshot is not even downloaded, its last accepted one
// is merged, and consolidate --json says so.
func TestSnapshotOfANewerReleaseIsRefusedAsNewerNotTampered(t *testing.T) {
	w := newWorld(t)
	a, branches, prev := acceptedOnce(t, w, "新版学院党委")
	other := w.newOrg("对照学院党委", 12, 4)
	other.push(t)
	current := data.SchemaVersion()
	w.forgeVersion(a, 2, prev, current+1, current+1)

	bucket := &getRecorder{Backend: w.mem}
	rep, path, err := w.consolidateVia(bucket)
	if err != nil {
		t.Fatal(err)
	}
	id := a.store.Org().ID
	got := rep.of(id)
	want := fmt.Sprintf("该组织使用的程序版本较新,请升级汇总端(快照为第%d版,本程序为第%d版)", current+1, current)
	if got.Status != StatusRejected || got.Refusal != RefusalNewerVersion || got.Reason != want || got.Seq != 2 {
		t.Fatalf("a snapshot of a newer release: %+v, want refused with %q", got, want)
	}
	if got.UsedSeq != 1 {
		t.Errorf("merged seq %d, want the last accepted 1", got.UsedSeq)
	}
	if bucket.read(snapshotKey(id, 2)) {
		t.Error("the newer release's snapshot was downloaded; its signed manifest already tells its version")
	}
	if o := rep.of(other.store.Org().ID); o.Status != StatusAccepted {
		t.Errorf("the other organization: %+v", o)
	}
	merged := openMerged(t, path)
	if n, _ := merged.Branches.Count(w.ctx, dataWhereOrg(a)); n != branches {
		t.Errorf("merged %d branches of the organization, its last accepted snapshot has %d", n, branches)
	}
	if c := countsOf(t, merged, id); c.members == 0 {
		t.Error("the organization's last accepted snapshot was not merged")
	}

	// What consolidate --json prints for it.
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var printed struct {
		Orgs []map[string]any `json:"orgs"`
	}
	if err := json.Unmarshal(b, &printed); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, o := range printed.Orgs {
		if o["org"] == id {
			found = true
			if o["status"] != StatusRejected || o["refusal"] != RefusalNewerVersion || o["reason"] != want {
				t.Errorf("--json line of the organization: %v", o)
			}
		}
	}
	if !found {
		t.Errorf("--json has no line for the organization: %s", b)
	}

	// The accepted snapshot stays the first one, consolidation after
	// consolidation, until the committee upgrades.
	rep, _ = w.consolidate()
	if got := rep.of(id); got.Refusal != RefusalNewerVersion || got.UsedSeq != 1 {
		t.Errorf("second consolidation: %+v", got)
	}
}

// TestManifestThatMisstatesTheSchemaVersionIsRefusedAsNotMatching: a
// signed manifest whose schema version is not its database's is refused
// as not matching it (the tampering kind), never as a newer release.
func TestManifestThatMisstatesTheSchemaVersionIsRefusedAsNotMatching(t *testing.T) {
	current := data.SchemaVersion()
	cases := []struct {
		name                 string
		dbVersion, manifests int
	}{
		{"a manifest claiming an older version than its database", current, current - 1},
		{"a manifest hiding a newer database under this build's version", current + 1, current},
		{"a manifest hiding a newer database under an older version", current + 1, current - 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			a, branches, prev := acceptedOnce(t, w, "受测学院党委")
			w.forgeVersion(a, 2, prev, tc.dbVersion, tc.manifests)
			rep, path := w.consolidate()
			got := rep.of(a.store.Org().ID)
			want := fmt.Sprintf("结构版本(%d)与清单(%d)不符", tc.dbVersion, tc.manifests)
			if got.Status != StatusRejected || got.Refusal != "" || !strings.Contains(got.Reason, want) {
				t.Fatalf("got %+v, want refused as %q", got, want)
			}
			if got.UsedSeq != 1 {
				t.Errorf("merged seq %d, want the last accepted 1", got.UsedSeq)
			}
			merged := openMerged(t, path)
			if n, _ := merged.Branches.Count(w.ctx, dataWhereOrg(a)); n != branches {
				t.Errorf("merged %d branches of the organization, its last accepted snapshot has %d", n, branches)
			}
		})
	}
}
