package snapshot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"dangjian/data"
)

// fixtureWrite makes TestWriteSchemaFixture write the fixture of this
// build's schema (go test ./sync -run TestWriteSchemaFixture -fixture-write).
var fixtureWrite = flag.Bool("fixture-write", false, "write the sealed fixture of this build's schema version under testdata/")

// Files of a schema fixture folder, testdata/schema-v<N>/.
const (
	fixtureBucketDir    = "bucket"                 // the objects the push put, by their keys
	fixtureOrgKeys      = "org-keys.json"          // the organization's public keys
	fixtureCommitteeKey = "committee-identity.txt" // the committee's test age identity
	fixtureReadme       = "README.txt"
)

// fixtureDir is the folder of the sealed fixture of schema version v.
func fixtureDir(v int) string { return filepath.Join("testdata", fmt.Sprintf("schema-v%d", v)) }

// fixtureReadmeText tells what the folder is; its keys are test keys.
const fixtureReadmeText = `Sealed snapshot of schema version %[1]d, as a push of that release put it
in the bucket, kept so that every later build is tested to consolidate it.

  bucket/                  the manifest and the sealed snapshot, under their bucket keys
  org-keys.json            the organization's public keys (as enrolled)
  committee-identity.txt   the committee's age identity the snapshot is sealed to

Every key here is a TEST KEY made for this fixture only; it protects
nothing and must never be used for a real organization or committee.
The organization is generated demo data (no real person).

The data package's tests read the plaintext by decrypting the snapshot with
committee-identity.txt (age, then zstd, as sync's unseal does).
Made by: go test ./sync -run TestWriteSchemaFixture -fixture-write
(it refuses to overwrite an existing version's folder: a fixture stays for good).
`

// TestWriteSchemaFixture writes, when asked with -fixture-write, a small
// demo organization's snapshot of this build's schema, sealed and signed
// as Push makes it, with the keys needed to consolidate it. It never
// replaces an existing version's fixture.
func TestWriteSchemaFixture(t *testing.T) {
	if !*fixtureWrite {
		t.Skip("writes the schema fixture only with -fixture-write")
	}
	v := data.SchemaVersion()
	dir := fixtureDir(v)
	if _, err := os.Stat(dir); err == nil {
		t.Fatalf("%s exists: the fixture of schema version %d is kept as it is", dir, v)
	}
	ctx := context.Background()
	w := newWorld(t)
	o := w.newOrg("示例大学测试学院党委", 40, 7)
	fillFixture(t, ctx, o.store)
	res := o.push(t)

	id, err := w.committee.Unlock(testPass)
	if err != nil {
		t.Fatal(err)
	}
	orgID := o.store.Org().ID
	keys, err := w.mem.List(ctx, orgPrefix(orgID))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, key := range keys {
		files[filepath.Join(fixtureBucketDir, filepath.FromSlash(key))] = readAll(t, w.mem, key)
	}
	pub, err := json.MarshalIndent(o.keys.Public, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	files[fixtureOrgKeys] = append(pub, '\n')
	files[fixtureCommitteeKey] = []byte(id.String() + "\n")
	files[fixtureReadme] = []byte(fmt.Sprintf(fixtureReadmeText, v))

	// The snapshot must open with the identity written beside it.
	var plain bytes.Buffer
	sealed := readAll(t, w.mem, snapshotKey(orgID, res.Seq))
	if _, _, err := unseal(ctx, bytes.NewReader(sealed), &plain, id, MaxSnapshotSize); err != nil {
		t.Fatal(err)
	}

	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("schema v%d fixture: org %s, seq %d, sealed %d bytes, plaintext %d bytes",
		v, orgID, res.Seq, len(sealed), plain.Len())
}

// fillFixture adds to the demo what it lacks: two attachments and a record in the recycle bin.
func fillFixture(t *testing.T, ctx context.Context, s *data.Store) {
	t.Helper()
	members, err := s.Members.List(ctx, data.Page(1, 0))
	if err != nil || len(members) < 1 {
		t.Fatalf("members: %v", err)
	}
	meetings, err := s.Meetings.List(ctx, data.Page(1, 0))
	if err != nil || len(meetings) < 1 {
		t.Fatalf("meetings: %v", err)
	}
	if _, err := s.Attach(ctx, members[0].Table(), members[0].ID, "入党申请书.txt", []byte("入党申请书(测试附件)\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Attach(ctx, meetings[0].Table(), meetings[0].ID, "会议记录.txt", []byte("会议记录(测试附件)\n")); err != nil {
		t.Fatal(err)
	}
	talks, err := s.Talks.List(ctx, data.Page(1, 0))
	if err != nil || len(talks) < 1 {
		t.Fatalf("talks: %v", err)
	}
	if err := s.Talks.Delete(ctx, &talks[0]); err != nil {
		t.Fatal(err)
	}
}

// readAll is the content of the object key.
func readAll(t testing.TB, b Backend, key string) []byte {
	t.Helper()
	r, err := b.Get(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	out, err := io.ReadAll(r)
	if err != nil && !errors.Is(err, io.EOF) {
		t.Fatal(err)
	}
	return out
}
