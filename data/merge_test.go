package data_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
)

// mergeNow is the clock of the first organization of the merge tests; the
// second runs an hour later, so that rows both hold differ in more than
// their owner.
var mergeNow = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

// unmergedTables are left out of the comparisons of merges with their
// sources: each organization's edit history stays in its snapshots.
var unmergedTables = map[string]bool{"audit_log": true}

// sharedScan is a file both organizations attach: its blob has the same id
// (its SHA-256) in both databases.
var sharedScan = []byte("%PDF-1.4 两个组织共同收到的上级通知")

// demoOrg creates an organization database in dir with a demo of members
// members, and attaches sharedScan and a file of its own to a branch.
func demoOrg(t *testing.T, dir, name string, members int, seed int64, now time.Time) *data.Store {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(dir, name+".db"), name, "", data.WithClock(func() time.Time { return now }),
		data.WithActor("测试员"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := demo.Generate(ctx, s, demo.Options{Members: members, Seed: seed, AsOf: now}); err != nil {
		t.Fatal(err)
	}
	branches, err := s.Branches.List(ctx)
	if err != nil || len(branches) == 0 {
		t.Fatalf("demo branches: %d (%v)", len(branches), err)
	}
	if _, err := s.Attach(ctx, "branches", branches[0].ID, "上级通知.pdf", sharedScan); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Attach(ctx, "branches", branches[0].ID, "本组织.txt", []byte("只有"+name+"有的文件")); err != nil {
		t.Fatal(err)
	}
	return s
}

// snapshotTo snapshots s into dir/name and returns the path.
func snapshotTo(t *testing.T, s *data.Store, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := s.Snapshot(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	return path
}

func dumpOf(t *testing.T, path string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := data.CanonicalDump(context.Background(), path, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// mergedPartOf is a dump without the tables a merge leaves out.
func mergedPartOf(dump []byte) []byte {
	var out []byte
	keep := true
	for line := range bytes.Lines(dump) {
		if bytes.HasPrefix(line, []byte(`["table",`)) {
			var head []string
			if err := json.Unmarshal(line, &head); err == nil && len(head) == 2 {
				keep = !unmergedTables[head[1]]
			}
		}
		if keep {
			out = append(out, line...)
		}
	}
	return out
}

// rowsPerOrg counts, in the database at path, the rows of every table by
// owner: table → org id → rows.
func rowsPerOrg(t *testing.T, path string) map[string]map[string]int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var tables []string
	rows, err := db.Query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, n)
	}
	rows.Close()
	out := map[string]map[string]int{}
	for _, tab := range tables {
		out[tab] = map[string]int{}
		rows, err := db.Query("SELECT org_id, count(*) FROM " + tab + " GROUP BY org_id")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var org string
			var n int
			if err := rows.Scan(&org, &n); err != nil {
				t.Fatal(err)
			}
			out[tab][org] = n
		}
		rows.Close()
	}
	return out
}

// blobRow is the owner and stamp of the blob with id key.
func blobRow(t *testing.T, path, key string) (org, updated string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.QueryRow("SELECT org_id, updated_at FROM blobs WHERE id = ?", key).Scan(&org, &updated); err != nil {
		t.Fatalf("blob %s in %s: %v", key, filepath.Base(path), err)
	}
	return org, updated
}

func TestMergeIsIndependentOfTheOrderOfSources(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a := demoOrg(t, dir, "计算机学院党委", 12, 1, mergeNow)
	b := demoOrg(t, dir, "数学学院党委", 15, 2, mergeNow.Add(time.Hour))
	if a.Org().ID == b.Org().ID {
		t.Fatal("two organizations with one id")
	}
	sa := snapshotTo(t, a, dir, "a.snapshot")
	sb := snapshotTo(t, b, dir, "b.snapshot")

	out1, out2 := filepath.Join(dir, "ab.db"), filepath.Join(dir, "ba.db")
	if err := data.Merge(ctx, out1, []string{sa, sb}); err != nil {
		t.Fatal(err)
	}
	if err := data.Merge(ctx, out2, []string{sb, sa}); err != nil {
		t.Fatal(err)
	}
	d1, d2 := dumpOf(t, out1), dumpOf(t, out2)
	if !bytes.Equal(d1, d2) {
		l1, l2 := strings.Split(string(d1), "\n"), strings.Split(string(d2), "\n")
		for i := 0; i < len(l1) && i < len(l2); i++ {
			if l1[i] != l2[i] {
				t.Fatalf("dumps differ at line %d:\n[a,b]: %.300s\n[b,a]: %.300s", i+1, l1[i], l2[i])
			}
		}
		t.Fatalf("dumps differ in length: %d and %d lines", len(l1), len(l2))
	}
	for _, name := range []string{a.Org().Name, b.Org().Name} {
		if !bytes.Contains(d1, []byte(name)) {
			t.Fatalf("the dump lacks %s", name)
		}
	}

	// Every table holds, per organization, what that organization's
	// snapshot holds; the shared blob is kept once, by the smaller org id.
	ra, rb := rowsPerOrg(t, sa), rowsPerOrg(t, sb)
	if got := ra["members"][a.Org().ID]; got != 12 {
		t.Fatalf("source a has %d members, want 12", got)
	}
	if got := rb["members"][b.Org().ID]; got != 15 {
		t.Fatalf("source b has %d members, want 15", got)
	}
	low, high := a.Org().ID, b.Org().ID
	if high < low {
		low, high = high, low
	}
	for _, out := range []string{out1, out2} {
		merged := rowsPerOrg(t, out)
		for tab, byOrg := range merged {
			if unmergedTables[tab] {
				continue
			}
			want := map[string]int{}
			for org, n := range ra[tab] {
				want[org] += n
			}
			for org, n := range rb[tab] {
				want[org] += n
			}
			if tab == "blobs" {
				want[high]-- // the shared blob, kept as the smaller id's row
			}
			for org := range want {
				if want[org] == 0 {
					delete(want, org)
				}
			}
			if len(byOrg) != len(want) {
				t.Fatalf("%s: %s rows per org %v, want %v", filepath.Base(out), tab, byOrg, want)
			}
			for org, n := range want {
				if byOrg[org] != n {
					t.Fatalf("%s: %s rows per org %v, want %v", filepath.Base(out), tab, byOrg, want)
				}
			}
		}
		if got := merged["members"]; got[a.Org().ID] != 12 || got[b.Org().ID] != 15 {
			t.Fatalf("%s: members per org %v, want 12 and 15", filepath.Base(out), got)
		}
	}

	key := sha256Hex(sharedScan)
	wantOrg, wantStamp := blobRow(t, map[string]string{a.Org().ID: sa, b.Org().ID: sb}[low], key)
	if _, otherStamp := blobRow(t, map[string]string{a.Org().ID: sa, b.Org().ID: sb}[high], key); otherStamp == wantStamp {
		t.Fatal("test setup: the shared blob's rows should differ in more than org_id")
	}
	for _, out := range []string{out1, out2} {
		if org, stamp := blobRow(t, out, key); org != wantOrg || stamp != wantStamp {
			t.Fatalf("%s: shared blob kept as (%s, %s), want the smaller org's row (%s, %s)",
				filepath.Base(out), org, stamp, wantOrg, wantStamp)
		}
	}

	// The result is a database of this program holding both organizations.
	m, err := data.Open(ctx, out1)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if m.Org().ID != "" {
		t.Fatalf("a consolidated database has an own organization: %+v", m.Org())
	}
	if content, err := m.Blob(ctx, key); err != nil || !bytes.Equal(content, sharedScan) {
		t.Fatalf("shared blob in the merge: %q (%v)", content, err)
	}
	orgs, err := m.Orgs.List(ctx)
	if err != nil || len(orgs) != 2 {
		t.Fatalf("orgs in the merge: %d (%v)", len(orgs), err)
	}
}

func TestMergeOfOneSnapshotTwiceEqualsMergeOfItOnce(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a := demoOrg(t, dir, "计算机学院党委", 12, 3, mergeNow)
	sa := snapshotTo(t, a, dir, "a.snapshot")
	once, twice := filepath.Join(dir, "once.db"), filepath.Join(dir, "twice.db")
	if err := data.Merge(ctx, once, []string{sa}); err != nil {
		t.Fatal(err)
	}
	if err := data.Merge(ctx, twice, []string{sa, sa}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(dumpOf(t, once), dumpOf(t, twice)) {
		t.Fatal("merging a snapshot twice changed the result")
	}
	// A one-source merge holds the same records as the snapshot itself.
	if !bytes.Equal(mergedPartOf(dumpOf(t, once)), mergedPartOf(dumpOf(t, sa))) {
		t.Fatal("a merge of one snapshot differs from the snapshot")
	}
}

func TestMergeRefusesAnExistingOut(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "merged.db")
	if err := os.WriteFile(out, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := data.Merge(context.Background(), out, nil); !errors.Is(err, data.ErrExists) {
		t.Fatalf("Merge onto an existing file: %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "keep me" {
		t.Fatalf("Merge changed an existing file: %q", b)
	}
}

func TestMergeOfNoSourcesIsAnEmptyDatabase(t *testing.T) {
	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "merged.db")
	if err := data.Merge(ctx, out, nil); err != nil {
		t.Fatal(err)
	}
	header := make([]byte, 20)
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.Read(header)
	f.Close()
	if err != nil || header[18] != 1 || header[19] != 1 {
		t.Fatalf("merge is not in rollback-journal mode: header % x (%v)", header[16:20], err)
	}
	s, err := data.Open(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Org() != (data.Org{}) {
		t.Fatalf("an empty merge has an organization: %+v", s.Org())
	}
	if n, err := s.Members.Count(ctx); err != nil || n != 0 {
		t.Fatalf("members in an empty merge: %d (%v)", n, err)
	}
	if n, err := s.Orgs.Count(ctx); err != nil || n != 0 {
		t.Fatalf("orgs in an empty merge: %d (%v)", n, err)
	}
}

func TestFailedMergeLeavesNothingAtOut(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a := demoOrg(t, dir, "计算机学院党委", 12, 4, mergeNow)
	sa := snapshotTo(t, a, dir, "a.snapshot")
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, bytes.Repeat([]byte("这不是数据库。"), 2000), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		sources []string
	}{
		{"not a database", []string{text}},
		{"not a database after a good one", []string{sa, text}},
		{"missing file", []string{sa, filepath.Join(dir, "missing.snapshot")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".db")
			if err := data.Merge(ctx, out, tc.sources); err == nil {
				t.Fatal("Merge succeeded")
			}
			if left, _ := filepath.Glob(out + "*"); len(left) != 0 {
				t.Fatalf("a failed merge left %v", left)
			}
		})
	}
	if _, err := os.Stat(sa); err != nil {
		t.Fatalf("a failed merge touched its source: %v", err)
	}
}
