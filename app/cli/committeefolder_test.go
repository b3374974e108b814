package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
	"dangjian/data/localfs"
	snapshot "dangjian/sync"
)

// committeeFolder is a committee folder made by the command line (a
// stand-in S3 server, no MinIO): its keys, settings, one enrolled
// organization (org.json, policy.json) and a merged.db made from the
// organization's database, enough for `committee report`; and a second
// committee's folder.
type committeeFolder struct {
	dir, committee, other, db, orgID string
}

func newCommitteeFolder(t *testing.T) committeeFolder {
	t.Helper()
	t.Setenv(snapshot.PassphraseEnv, "党委口令-2026")
	dir := t.TempDir()
	f := committeeFolder{dir: dir, committee: filepath.Join(dir, "党委"), other: filepath.Join(dir, "党委二"),
		db: filepath.Join(dir, "文学院", "dangjian.db")}
	keys := filepath.Join(dir, "文学院", "keys.json")
	for _, args := range [][]string{
		{"committee", "init", "--dir", f.committee, "--endpoint", bucketThatExists(t), "--bucket", "cli-folder",
			"--access-key", "committee", "--secret-key", "committee-secret"},
		{"committee", "init", "--dir", f.other, "--endpoint", bucketThatExists(t), "--bucket", "cli-folder-2",
			"--access-key", "committee", "--secret-key", "committee-secret"},
		{"init", "--db", f.db, "--org", "文学院党委"},
		{"keys", "export", "--db", f.db, "--out", keys},
		{"committee", "enroll", "--dir", f.committee, "--org-keys", keys, "--access-key", "org-wxy",
			"--secret-key", "secret-2026-wxy", "--out", filepath.Join(dir, "文学院", "enrollment.json")},
	} {
		if code, out, errOut := run(t, args...); code != ExitOK {
			t.Fatalf("%s: %d %s %s", strings.Join(args, " "), code, out, errOut)
		}
	}
	pub, err := snapshot.ReadPublicKeys(snapshot.KeyPath(f.db))
	if err != nil {
		t.Fatal(err)
	}
	f.orgID = pub.OrgID
	ctx := context.Background()
	m, err := data.NewMerger(ctx, filepath.Join(f.committee, snapshot.MergedFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Add(ctx, f.db); err != nil {
		t.Fatal(err)
	}
	if err := m.Finish(ctx); err != nil {
		t.Fatal(err)
	}
	return f
}

// outputCommands are the commands that write --out, each given the
// committee folder and the organization's database.
func outputCommands(committee, db string) [][]string {
	return [][]string{
		{"committee", "report", "stats", "--dir", committee},
		{"committee", "report", "findings", "--dir", committee},
		{"export", "members", "--db", db},
		{"report", "roster", "--db", db},
		{"template", "members"},
		{"keys", "export", "--db", db},
	}
}

// assertOutputRefused runs every output command with --out target (as
// typed, relative to the working folder) and checks that each is refused
// with exit 2 and a Chinese message naming target, and that target is
// left as it was (or not made).
func assertOutputRefused(t *testing.T, committee, db, target string) {
	t.Helper()
	for _, args := range outputCommands(committee, db) {
		before, existed := hashIfExists(t, target)
		args = append(args, "--out", target)
		code, out, errOut := run(t, args...)
		if code != ExitUsage || !strings.Contains(errOut, "不能写入"+target) {
			t.Errorf("%s: exit %d, out %q, err %q; want exit 2 and 「不能写入%s…」", strings.Join(args, " "), code, out, errOut, target)
		}
		after, exists := hashIfExists(t, target)
		switch {
		case existed && (!exists || after != before):
			t.Errorf("%s: %s was changed", strings.Join(args, " "), target)
		case !existed && exists:
			t.Errorf("%s: %s was made", strings.Join(args, " "), target)
		}
	}
}

func hashIfExists(t *testing.T, path string) ([32]byte, bool) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		return [32]byte{}, false
	}
	return fileHash(t, path), true
}

// TestOutputsNeverWriteIntoACommitteeFolder: an output path in a
// committee's folder (its keys, settings, an organization's records, a
// file that does not exist yet), of the committee reported on or of
// another, typed from anywhere, is refused by every command that writes
// one, and the file is left as it was.
func TestOutputsNeverWriteIntoACommitteeFolder(t *testing.T) {
	f := newCommitteeFolder(t)
	org := filepath.Join(f.committee, "orgs", f.orgID)
	for _, target := range []string{
		filepath.Join(f.committee, "committee.key"),
		filepath.Join(f.committee, "committee-signing.key"),
		filepath.Join(f.committee, "committee.json"),
		filepath.Join(f.committee, snapshot.TermCalendarFile), // not there yet
		filepath.Join(f.committee, "统计.pdf"),                  // not there yet
		filepath.Join(org, "org.json"),
		filepath.Join(org, "policy.json"),
		filepath.Join(org, "统计.pdf"),
		filepath.Join(f.other, "committee.key"),
		filepath.Join(f.other, "committee-signing.key"),
		filepath.Join(f.other, "统计.pdf"),
	} {
		t.Run(strings.TrimPrefix(target, f.dir), func(t *testing.T) {
			assertOutputRefused(t, f.committee, f.db, target)
		})
	}
	// Typed relative to a working folder inside the committee's folder, or
	// beside it.
	for _, c := range []struct{ wd, target string }{
		{org, filepath.Join("..", "..", "committee.key")},
		{org, "org.json"},
		{f.committee, "新文件.pdf"},
		{filepath.Dir(f.db), filepath.Join("..", "党委二", "committee-signing.key")},
	} {
		t.Run("from "+strings.TrimPrefix(c.wd, f.dir)+" to "+c.target, func(t *testing.T) {
			t.Chdir(c.wd)
			assertOutputRefused(t, f.committee, f.db, c.target)
		})
	}
	// The committee's keys still open.
	c, err := snapshot.OpenCommittee(f.committee)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Unlock("党委口令-2026"); err != nil {
		t.Errorf("the committee's key no longer opens: %v", err)
	}
	// Outside any committee's folder every command writes.
	for i, args := range outputCommands(f.committee, f.db) {
		out := filepath.Join(f.dir, "输出", strings.Join(args[:2], "-")+[]string{".pdf", ".pdf", ".xlsx", ".pdf", ".xlsx", ".json"}[i])
		os.MkdirAll(filepath.Dir(out), 0o700)
		if code, stdout, errOut := run(t, append(args, "--out", out)...); code != ExitOK {
			t.Errorf("%s --out %s: %d %s %s", strings.Join(args, " "), out, code, stdout, errOut)
		}
	}
}

// TestOutputsNeverWriteOverAConsolidatedCommitteesRecords: the records a
// consolidation leaves in the committee's folder (an organization's
// accepted.json, status.json and kept snapshot, a term's sources.json and
// database) are refused as outputs like its keys.
func TestOutputsNeverWriteOverAConsolidatedCommitteesRecords(t *testing.T) {
	s := newSyncSetup(t)
	org := filepath.Join(s.committee, "orgs", s.orgID)
	targets := []string{
		filepath.Join(org, "accepted.json"),
		filepath.Join(org, "status.json"),
		filepath.Join(org, "org.json"),
		filepath.Join(org, "policy.json"),
		filepath.Join(s.committee, "committee.key"),
		filepath.Join(s.committee, "committee-signing.key"),
	}
	kept, _ := filepath.Glob(filepath.Join(org, "accepted-*"))
	terms, _ := filepath.Glob(filepath.Join(s.committee, "terms", "*", "*"))
	if len(kept) == 0 || len(terms) == 0 {
		t.Fatalf("the consolidation left no kept snapshot (%v) or term result (%v)", kept, terms)
	}
	for _, target := range append(append(targets, kept...), terms...) {
		t.Run(strings.TrimPrefix(target, s.dir), func(t *testing.T) {
			assertOutputRefused(t, s.committee, s.db, target)
		})
	}
	// A copy of a record outside the folder is still recognised.
	for _, name := range []string{"accepted.json", "status.json", "org.json", "policy.json"} {
		b, err := os.ReadFile(filepath.Join(org, name))
		if err != nil {
			t.Fatal(err)
		}
		copied := filepath.Join(s.dir, "副本-"+name)
		if err := os.WriteFile(copied, b, 0o600); err != nil {
			t.Fatal(err)
		}
		if localfs.Sniff(copied) == "" {
			t.Errorf("a copy of %s is not recognised", name)
		}
	}
}
