package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/klauspost/compress/zstd"
)

// schemaFixture is the sealed snapshot of schema version 3 that the sync
// package keeps for good (sync/testdata/schema-v3, test keys only).
const schemaFixture = "../sync/testdata/schema-v3"

// fixturePlaintext decrypts the fixture's sealed snapshot (age, then
// zstd, as a push seals it) with its test committee identity into a new
// file under dir, checks it against its manifest's plaintext hash, and
// returns its path and the organization's id.
func fixturePlaintext(t *testing.T, dir string) (path, orgID string) {
	t.Helper()
	idText, err := os.ReadFile(filepath.Join(schemaFixture, "committee-identity.txt"))
	if err != nil {
		t.Fatal(err)
	}
	id, err := age.ParseX25519Identity(strings.TrimSpace(string(idText)))
	if err != nil {
		t.Fatal(err)
	}
	manifests, _ := filepath.Glob(filepath.Join(schemaFixture, "bucket", "orgs", "*", "manifests", "*.json"))
	if len(manifests) != 1 {
		t.Fatalf("fixture manifests: %v", manifests)
	}
	var m struct {
		OrgID       string `json:"org_id"`
		Seq         uint64 `json:"seq"`
		PlainSHA256 string `json:"plaintext_sha256"`
	}
	b, err := os.ReadFile(manifests[0])
	if err != nil || json.Unmarshal(b, &m) != nil {
		t.Fatalf("manifest: %v", err)
	}
	sealed, err := os.ReadFile(filepath.Join(schemaFixture, "bucket", "orgs", m.OrgID, "snapshots", fmt.Sprintf("%010d.age", m.Seq)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := age.Decrypt(bytes.NewReader(sealed), id)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zstd.NewReader(r)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	plain, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(plain); hex.EncodeToString(sum[:]) != m.PlainSHA256 {
		t.Fatal("the fixture's plaintext does not match its manifest")
	}
	path = filepath.Join(dir, "schema-v3.db")
	if err := os.WriteFile(path, plain, 0o600); err != nil {
		t.Fatal(err)
	}
	return path, m.OrgID
}

// setExtraMigrations makes scripts this build's next migrations, as a
// later release would add them, and forgets the schemas made before.
func setExtraMigrations(scripts ...string) {
	extraMigrations = scripts
	schemas.Range(func(k, _ any) bool { schemas.Delete(k); return true })
}

// withExtraMigrations adds scripts as the next migrations for the test.
func withExtraMigrations(t *testing.T, scripts ...string) {
	setExtraMigrations(scripts...)
	t.Cleanup(func() { setExtraMigrations() })
}

// laterRelease is a migration a later release might make: a column with
// a default, a new table, and rows of the organization's own in it.
const laterRelease = `
ALTER TABLE members ADD COLUMN skew_note TEXT NOT NULL DEFAULT '未填写';
CREATE TABLE skew_items (
	id TEXT PRIMARY KEY,
	org_id TEXT NOT NULL,
	name TEXT NOT NULL DEFAULT ''
);
INSERT INTO skew_items (id, org_id, name) SELECT 'item-' || id, id, name FROM orgs;
`

func copyTestFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// missingRows counts, for each table of the database at orig (but
// skip), the rows whose values in orig's columns are not all found in
// the database at other, and the tables whose row counts differ.
func missingRows(t *testing.T, orig, other string, skip map[string]bool) []string {
	t.Helper()
	ctx := context.Background()
	db, err := sql.Open(driverName, frozenURI(other))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, "ATTACH DATABASE ? AS orig", frozenURI(orig)); err != nil {
		t.Fatal(err)
	}
	odb, err := sql.Open(driverName, frozenURI(orig))
	if err != nil {
		t.Fatal(err)
	}
	defer odb.Close()
	tables, err := tableColumns(ctx, odb)
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	for _, tb := range tables {
		if skip[tb.name] {
			continue
		}
		cols := strings.Join(tb.columns, ", ")
		var lost, before, after int
		q := fmt.Sprintf(`SELECT (SELECT count(*) FROM (SELECT %[1]s FROM orig.%[2]s EXCEPT SELECT %[1]s FROM main.%[2]s)),
			(SELECT count(*) FROM orig.%[2]s), (SELECT count(*) FROM main.%[2]s)`, cols, tb.name)
		if err := db.QueryRowContext(ctx, q).Scan(&lost, &before, &after); err != nil {
			t.Fatalf("%s: %v", tb.name, err)
		}
		if lost > 0 || before != after {
			bad = append(bad, fmt.Sprintf("%s: %d rows, %d after, %d not found", tb.name, before, after, lost))
		}
	}
	return bad
}

// TestOldSnapshotUpgradesAndMergesIntoALaterBuild is a later release's
// committee (this build with one more migration) consolidating the
// snapshot an organization made with the schema of version 3: it is
// checked against that schema, brought forward, and merged with every
// row as the organization wrote it and the new column at its default.
func TestOldSnapshotUpgradesAndMergesIntoALaterBuild(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path, orgID := fixturePlaintext(t, dir)
	orig := filepath.Join(dir, "original.db")
	copyTestFile(t, path, orig)
	withExtraMigrations(t, laterRelease)
	latest := SchemaVersion()

	info, err := InspectSnapshot(ctx, path)
	if err != nil {
		t.Fatalf("the version 3 snapshot is refused by a later build: %v", err)
	}
	if info.SchemaVersion != 3 || info.OrgID != orgID {
		t.Fatalf("inspected as version %d of %s", info.SchemaVersion, info.OrgID)
	}
	from, to, err := UpgradeSnapshot(ctx, path)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	if from != 3 || to != latest {
		t.Fatalf("upgraded from %d to %d, want 3 to %d", from, to, latest)
	}
	if info, err := InspectSnapshot(ctx, path); err != nil || info.SchemaVersion != latest || info.OrgID != orgID {
		t.Fatalf("the upgraded snapshot does not pass inspection: %+v %v", info, err)
	}
	if bad := missingRows(t, orig, path, nil); len(bad) > 0 {
		t.Errorf("the upgrade changed the organization's records: %s", strings.Join(bad, "; "))
	}

	out := filepath.Join(dir, "merged.db")
	if err := Merge(ctx, out, []string{path}); err != nil {
		t.Fatalf("merge: %v", err)
	}
	if bad := missingRows(t, orig, out, notMerged); len(bad) > 0 {
		t.Errorf("the merged database lost or changed records: %s", strings.Join(bad, "; "))
	}
	db, err := sql.Open(driverName, frozenURI(out))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var members, defaulted, items int
	var itemOrg string
	if err := db.QueryRowContext(ctx, "SELECT count(*), count(*) FILTER (WHERE skew_note = '未填写') FROM members").Scan(&members, &defaulted); err != nil {
		t.Fatal(err)
	}
	if members == 0 || defaulted != members {
		t.Errorf("new column: %d of %d members have the default", defaulted, members)
	}
	if err := db.QueryRowContext(ctx, "SELECT count(*), coalesce(max(org_id), '') FROM skew_items").Scan(&items, &itemOrg); err != nil {
		t.Fatal(err)
	}
	if items != 1 || itemOrg != orgID {
		t.Errorf("new table: %d rows of %q, want the organization's one", items, itemOrg)
	}
}

// TestUpgradeRefusesAMigrationThatAddsAnotherOwnersRows: whatever a
// migration does, the upgraded snapshot holds only its organization's
// rows, or it is refused.
func TestUpgradeRefusesAMigrationThatAddsAnotherOwnersRows(t *testing.T) {
	path, _ := fixturePlaintext(t, t.TempDir())
	withExtraMigrations(t, laterRelease+`INSERT INTO skew_items (id, org_id, name) VALUES ('foreign', 'another-org', '其他组织');`)
	_, _, err := UpgradeSnapshot(context.Background(), path)
	if !errors.Is(err, ErrUpgrade) || !errors.Is(err, ErrForeignRows) {
		t.Fatalf("upgrade adding another owner's row: %v, want ErrUpgrade and ErrForeignRows", err)
	}
}

// TestUpgradeLeavesASnapshotOfThisVersionAlone: a snapshot of this build's
// schema is not written.
func TestUpgradeLeavesASnapshotOfThisVersionAlone(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Create(ctx, filepath.Join(dir, "org.db"), "测试党委", "")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	snap := filepath.Join(dir, "snap.db")
	if err := s.Snapshot(ctx, snap); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(snap)
	from, to, err := UpgradeSnapshot(ctx, snap)
	after, _ := os.ReadFile(snap)
	if err != nil || from != SchemaVersion() || to != SchemaVersion() || !bytes.Equal(before, after) {
		t.Fatalf("upgrade of a current snapshot: %d→%d %v, unchanged %v", from, to, err, bytes.Equal(before, after))
	}
	if _, err := os.Stat(snap + "-journal"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a journal was left beside the snapshot: %v", err)
	}
}

// TestSnapshotOfANewerBuildIsNamedAsSuch: a snapshot a later release made
// is refused by inspection and by upgrade as a schema version problem,
// and inspection tells its version (the committee names it as newer).
func TestSnapshotOfANewerBuildIsNamedAsSuch(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	current := SchemaVersion()
	snap := filepath.Join(dir, "snap.db")
	func() {
		withExtraMigrations(t, laterRelease)
		s, err := Create(ctx, filepath.Join(dir, "org.db"), "测试党委", "")
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.Snapshot(ctx, snap); err != nil {
			t.Fatal(err)
		}
		setExtraMigrations()
	}()
	info, err := InspectSnapshot(ctx, snap)
	if !errors.Is(err, ErrSchemaVersion) || info.SchemaVersion != current+1 {
		t.Fatalf("inspect a newer snapshot: version %d, %v", info.SchemaVersion, err)
	}
	if _, _, err := UpgradeSnapshot(ctx, snap); !errors.Is(err, ErrSchemaVersion) {
		t.Fatalf("upgrade a newer snapshot: %v", err)
	}
}
