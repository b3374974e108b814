package data_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
)

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func fileSHA(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256Hex(b)
}

// snapStore is a store at dir/org.db with a demo of members members.
func snapStore(t *testing.T, dir string, members int) *data.Store {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(dir, "org.db"), "快照测试党委", "KZ", data.WithClock(func() time.Time { return mergeNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if members > 0 {
		if _, err := demo.Generate(ctx, s, demo.Options{Members: members, Seed: 7, AsOf: mergeNow}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// TestSnapshotOfAnUnchangedStoreIsStable: the push compares the snapshot's
// hash with the last one pushed to tell that nothing changed, so two
// snapshots of an unchanged store must be the same bytes, also after reads
// and after the program was closed and opened again.
func TestSnapshotOfAnUnchangedStoreIsStable(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := snapStore(t, dir, 20)
	snap := func(name string) string {
		t.Helper()
		return fileSHA(t, snapshotTo(t, s, dir, name))
	}
	first := snap("1.snapshot")
	if again := snap("2.snapshot"); again != first {
		t.Fatalf("UNSTABLE: two snapshots of an unchanged store differ (%s, %s): every push would upload", first, again)
	}

	// Reads change nothing.
	if _, err := s.Members.List(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RuleSettings(ctx); err != nil {
		t.Fatal(err)
	}
	if v, err := s.IntegrityCheck(ctx); err != nil || v != "ok" {
		t.Fatalf("integrity: %q (%v)", v, err)
	}
	if again := snap("3.snapshot"); again != first {
		t.Fatal("UNSTABLE: reading the store changed its snapshot")
	}

	// Nor does closing and opening the program again.
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(ctx, path, data.WithClock(func() time.Time { return mergeNow.Add(24 * time.Hour) }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if again := snap("4.snapshot"); again != first {
		t.Fatal("UNSTABLE: the snapshot changed after the store was closed and opened again")
	}

	// One write changes it, and the next is stable again.
	if err := s.Branches.Create(ctx, &data.Branch{Name: "新建党支部", Type: "教工"}); err != nil {
		t.Fatal(err)
	}
	changed := snap("5.snapshot")
	if changed == first {
		t.Fatal("a write did not change the snapshot")
	}
	if again := snap("6.snapshot"); again != changed {
		t.Fatal("UNSTABLE: two snapshots after a write differ")
	}
}

// TestSnapshotHoldsOnlyCommittedData: a snapshot taken while a write
// transaction is open is that of the data before it.
func TestSnapshotHoldsOnlyCommittedData(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := snapStore(t, dir, 0)
	before := fileSHA(t, snapshotTo(t, s, dir, "before.snapshot"))
	mid := filepath.Join(dir, "mid.snapshot")
	errRollback := errors.New("rollback")
	err := s.Write(ctx, func(tx *data.Tx) error {
		if err := tx.Branches.Create(ctx, &data.Branch{Name: "未提交的支部", Type: "教工"}); err != nil {
			return err
		}
		if err := s.Snapshot(ctx, mid); err != nil {
			return err
		}
		return errRollback
	})
	if !errors.Is(err, errRollback) {
		t.Fatalf("write: %v", err)
	}
	if got := fileSHA(t, mid); got != before {
		t.Fatal("a snapshot taken during a write differs from the committed data")
	}
}

func TestSnapshotIsARollbackJournalFileInspectCanRead(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := snapStore(t, dir, 12)
	path := snapshotTo(t, s, dir, "org.snapshot")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(b[:16]) != "SQLite format 3\x00" {
		t.Fatalf("not an SQLite file: %q", b[:16])
	}
	if b[18] != 1 || b[19] != 1 {
		t.Fatalf("file format bytes 18,19 = %d,%d: want 1,1 (rollback journal, not WAL)", b[18], b[19])
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Fatalf("snapshot left %s beside it", suffix)
		}
	}
	info, err := data.InspectSnapshot(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	want := data.SnapshotInfo{OrgID: s.Org().ID, OrgName: "快照测试党委", SchemaVersion: data.SchemaVersion()}
	if info != want || info.SchemaVersion < 1 {
		t.Fatalf("InspectSnapshot = %+v, want %+v", info, want)
	}
	// Inspecting changes nothing and leaves nothing beside the file.
	if got := fileSHA(t, path); got != sha256Hex(b) {
		t.Fatal("InspectSnapshot changed the file")
	}
	if left, _ := filepath.Glob(path + "?*"); len(left) != 0 {
		t.Fatalf("InspectSnapshot left %v", left)
	}
	// The snapshot is a database that opens like any other.
	o, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	if n, err := o.Members.Count(ctx); err != nil || n != 12 {
		t.Fatalf("members in the snapshot: %d (%v)", n, err)
	}
}

func TestSnapshotRefusesAnExistingFile(t *testing.T) {
	dir := t.TempDir()
	s := snapStore(t, dir, 0)
	path := filepath.Join(dir, "taken")
	if err := os.WriteFile(path, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Snapshot(context.Background(), path); !errors.Is(err, data.ErrExists) {
		t.Fatalf("Snapshot onto an existing file: %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "keep me" {
		t.Fatalf("Snapshot changed an existing file: %q", b)
	}
}

func TestSnapshotWithCancelledContextLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	s := snapStore(t, dir, 0)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	path := filepath.Join(dir, "cancelled.snapshot")
	if err := s.Snapshot(ctx, path); err == nil {
		t.Fatal("Snapshot with a cancelled context succeeded")
	}
	if left, _ := filepath.Glob(path + "*"); len(left) != 0 {
		t.Fatalf("a failed snapshot left %v", left)
	}
}

// editCopy copies the file at src to a new file in dir and lets edit change
// its bytes.
func editCopy(t *testing.T, src, dir, name string, edit func(b []byte) []byte) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, edit(b), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// execCopy copies the file at src and runs SQL on the copy with the plain
// driver.
// rootPage is the number of the root page of the table or index name in
// the database at path.
func rootPage(t *testing.T, path, name string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var page int
	if err := db.QueryRow("SELECT rootpage FROM sqlite_schema WHERE name = ?", name).Scan(&page); err != nil {
		t.Fatal(err)
	}
	return page
}

func execCopy(t *testing.T, src, dir, name, query string) string {
	t.Helper()
	path := editCopy(t, src, dir, name, func(b []byte) []byte { return b })
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(query); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestInspectSnapshotRefusesWhatIsNotASnapshot(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	big := snapshotTo(t, snapStore(t, dir, 60), dir, "big.snapshot")
	b, err := os.ReadFile(big)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(binary.BigEndian.Uint16(b[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := len(b) / pageSize
	if pages < 20 {
		t.Fatalf("test setup: the snapshot has only %d pages", pages)
	}

	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte("这不是数据库,只是一段文字。\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.db")
	if db, err := sql.Open("sqlite3", other); err != nil {
		t.Fatal(err)
	} else {
		if _, err := db.Exec("CREATE TABLE orgs (id, name, deleted_at); INSERT INTO orgs VALUES ('x', 'y', NULL)"); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	noOrgs := filepath.Join(dir, "none.db")
	if err := data.Merge(ctx, noOrgs, nil); err != nil {
		t.Fatal(err)
	}
	twoOrgs := filepath.Join(dir, "two.db")
	second := snapshotTo(t, snapStoreIn(t, filepath.Join(dir, "second")), dir, "second.snapshot")
	if err := data.Merge(ctx, twoOrgs, []string{big, second}); err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name string
		path string
		want []error // any of these
	}{
		{"text file", text, []error{data.ErrNotOurs}},
		{"empty file", empty, []error{data.ErrNotOurs}},
		{"another program's SQLite file", other, []error{data.ErrNotOurs}},
		{"truncated header", editCopy(t, big, dir, "short", func(b []byte) []byte { return b[:50] }), []error{data.ErrNotOurs}},
		{"a page of the members overwritten", editCopy(t, big, dir, "damaged", func(b []byte) []byte {
			at := (rootPage(t, big, "members") - 1) * pageSize
			for i := at; i < at+pageSize; i++ {
				b[i] ^= 0xA5
			}
			return b
		}), []error{data.ErrDamaged, data.ErrNotOurs}},
		{"a UNIQUE index that hides a duplicate", execCopy(t, big, dir, "duplicate", `
			PRAGMA writable_schema = ON;
			UPDATE sqlite_schema SET sql = replace(sql, 'CREATE UNIQUE INDEX', 'CREATE INDEX') WHERE name = 'members_id_number_active';
			PRAGMA writable_schema = RESET;
			UPDATE members SET id_number = (SELECT min(id_number) FROM members WHERE deleted_at IS NULL)
				WHERE rowid = (SELECT max(rowid) FROM members WHERE deleted_at IS NULL);
			PRAGMA writable_schema = ON;
			UPDATE sqlite_schema SET sql = replace(sql, 'CREATE INDEX', 'CREATE UNIQUE INDEX') WHERE name = 'members_id_number_active';
			PRAGMA writable_schema = RESET;`), []error{data.ErrDamaged}},
		{"bytes flipped across the middle pages", editCopy(t, big, dir, "flipped", func(b []byte) []byte {
			for p := pages/2 - 3; p < pages/2+3; p++ {
				for i := p*pageSize + 8; i < p*pageSize+64; i++ {
					b[i] ^= 0xFF
				}
			}
			return b
		}), []error{data.ErrDamaged, data.ErrNotOurs}},
		{"truncated to half", editCopy(t, big, dir, "half", func(b []byte) []byte { return b[:pages/2*pageSize] }),
			[]error{data.ErrDamaged, data.ErrNotOurs}},
		{"schema version one higher", editCopy(t, big, dir, "newer", func(b []byte) []byte {
			binary.BigEndian.PutUint32(b[60:64], uint32(data.SchemaVersion()+1))
			return b
		}), []error{data.ErrSchemaVersion}},
		{"schema version set with SQL", execCopy(t, big, dir, "older", "PRAGMA user_version = 0"), []error{data.ErrSchemaVersion}},
		{"application id changed", execCopy(t, big, dir, "otherapp", "PRAGMA application_id = 42"), []error{data.ErrNotOurs}},
		{"organization deleted", execCopy(t, big, dir, "deleted", "UPDATE orgs SET deleted_at = '2026-11-20T00:00:00Z'"),
			[]error{data.ErrOrgCount}},
		{"a row of another organization", execCopy(t, big, dir, "foreign-row",
			"UPDATE members SET org_id = '01a21a61-0000-7000-8000-000000000001' WHERE rowid = (SELECT min(rowid) FROM members)"),
			[]error{data.ErrForeignRows}},
		{"another organization's row, deleted", execCopy(t, big, dir, "foreign-org",
			"INSERT INTO orgs (id, org_id, updated_at, deleted_at, name) VALUES ('01a21a61-0000-7000-8000-000000000001', '01a21a61-0000-7000-8000-000000000001', '2026-01-01', '2026-01-02', '别的学院党委')"),
			[]error{data.ErrOrgCount, data.ErrForeignRows}},
		{"an attachment whose content does not match its hash", execCopy(t, big, dir, "blob",
			"INSERT INTO blobs (id, org_id, updated_at, content) SELECT '"+sha256Hex([]byte("原文"))+"', id, '2026-01-01', x'00' FROM orgs"),
			[]error{data.ErrForeignRows}},
		{"an extra view", execCopy(t, big, dir, "view", "CREATE VIEW members_all AS SELECT * FROM members"),
			[]error{data.ErrSchemaVersion}},
		{"an index dropped", execCopy(t, big, dir, "index", "DROP INDEX members_branch"),
			[]error{data.ErrSchemaVersion}},
		{"no organization", noOrgs, []error{data.ErrOrgCount}},
		{"two organizations", twoOrgs, []error{data.ErrOrgCount}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := fileSHA(t, tc.path)
			info, err := data.InspectSnapshot(ctx, tc.path)
			ok := false
			for _, w := range tc.want {
				ok = ok || errors.Is(err, w)
			}
			if !ok {
				t.Fatalf("InspectSnapshot = %+v, %v; want one of %v", info, err, tc.want)
			}
			if fileSHA(t, tc.path) != before {
				t.Fatal("InspectSnapshot changed the file")
			}
		})
	}
}

// snapStoreIn is an organization of its own in dir, with no members.
func snapStoreIn(t *testing.T, dir string) *data.Store {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	return snapStore(t, dir, 0)
}

// TestSnapshotsInFoldersWithURICharacters: a folder name may hold '#' or
// '%' (both legal on Windows, e.g. "党委#2"); InspectSnapshot, Merge and
// CanonicalDump must still read the file at that path, and nothing else.
func TestSnapshotsInFoldersWithURICharacters(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct{ name, folder string }{{"hash", "党委#2"}, {"percent", "100%"}, {"percent-escape", "编号%41"}} {
		folder := tc.folder
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), folder)
			s := snapStoreIn(t, dir)
			path := snapshotTo(t, s, dir, "org.snapshot")
			if info, err := data.InspectSnapshot(ctx, path); err != nil || info.OrgID != s.Org().ID {
				t.Errorf("InspectSnapshot = %+v, %v", info, err)
			}
			out := filepath.Join(dir, "merged.db")
			if err := data.Merge(ctx, out, []string{path}); err != nil {
				t.Errorf("Merge: %v", err)
			} else if err := data.CanonicalDump(ctx, out, &bytes.Buffer{}); err != nil {
				t.Errorf("CanonicalDump: %v", err)
			}
			// With '#', SQLite takes the rest of the URI for a fragment and
			// opens, creating it, the file named by the part before it.
			entries, _ := os.ReadDir(filepath.Dir(dir))
			for _, e := range entries {
				if e.Name() != folder {
					t.Errorf("a file %q appeared beside the folder", e.Name())
				}
			}
		})
	}
}

// The edit history stays in each organization's snapshot and is never
// merged, so it is neither checked nor read: a damaged page there changes
// nothing in a consolidated database, which equals the one merged from the
// intact snapshot.
func TestInspectSnapshotChecksWhatIsMerged(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	intact := snapshotTo(t, snapStore(t, dir, 60), dir, "intact.snapshot")
	b, err := os.ReadFile(intact)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(binary.BigEndian.Uint16(b[16:18]))
	damaged := editCopy(t, intact, dir, "history-damaged", func(b []byte) []byte {
		at := (rootPage(t, intact, "audit_log") - 1) * pageSize
		for i := at; i < at+pageSize; i++ {
			b[i] ^= 0xA5
		}
		return b
	})
	if err := data.CheckSnapshot(ctx, damaged); !errors.Is(err, data.ErrDamaged) {
		t.Fatalf("test setup: the whole file's check = %v, want it damaged", err)
	}
	if _, err := data.InspectSnapshot(ctx, damaged); err != nil {
		t.Fatalf("InspectSnapshot of a snapshot damaged in its edit history only: %v", err)
	}
	want, got := filepath.Join(dir, "from-intact.db"), filepath.Join(dir, "from-damaged.db")
	if err := data.Merge(ctx, want, []string{intact}); err != nil {
		t.Fatal(err)
	}
	if err := data.Merge(ctx, got, []string{damaged}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(dumpOf(t, got), dumpOf(t, want)) {
		t.Fatal("the consolidated database differs when the edit history is damaged")
	}
}
