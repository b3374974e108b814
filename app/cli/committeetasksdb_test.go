package cli

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
	snapshot "dangjian/sync"
)

// TestCommitteeTasksRefusesADatabaseNotConsolidatedForIt: `committee tasks
// --db` given an organization's own database, or a consolidated one holding
// an organization the committee never enrolled, is refused naming the
// file, instead of listing every other organization as not done; the
// committee's own consolidated database is read.
func TestCommitteeTasksRefusesADatabaseNotConsolidatedForIt(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	t.Setenv(snapshot.PassphraseEnv, "党委口令-2026")
	committee := filepath.Join(dir, "党委")
	mustRun := func(args ...string) string {
		t.Helper()
		code, out, errOut := run(t, args...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
		return out
	}
	mustRun("committee", "init", "--dir", committee, "--endpoint", bucketThatExists(t), "--bucket", "cli-tasks",
		"--access-key", "committee", "--secret-key", "committee-secret")
	enroll := func(name string) string {
		db := filepath.Join(dir, name, "dangjian.db")
		mustRun("init", "--db", db, "--org", name)
		keys := filepath.Join(dir, name, "keys.json")
		mustRun("keys", "export", "--db", db, "--out", keys)
		mustRun("committee", "enroll", "--dir", committee, "--org-keys", keys, "--access-key", "org-"+name,
			"--secret-key", "secret-2026-"+name, "--out", filepath.Join(dir, name, "enrollment.json"))
		return db
	}
	own := enroll("文学院党委")
	enroll("理学院党委")
	outsider := filepath.Join(dir, "外校党委", "dangjian.db")
	mustRun("init", "--db", outsider, "--org", "外校党委")
	merge := func(name string, srcs ...string) string {
		out := filepath.Join(dir, name)
		m, err := data.NewMerger(ctx, out)
		if err != nil {
			t.Fatal(err)
		}
		for _, src := range srcs {
			if err := m.Add(ctx, src); err != nil {
				t.Fatal(err)
			}
		}
		if err := m.Finish(ctx); err != nil {
			t.Fatal(err)
		}
		return out
	}
	ours := merge("汇总.db", own)
	theirs := merge("外校汇总.db", own, outsider)

	for _, c := range []struct{ name, db, want string }{
		{"an organization's own database", own, "不是汇总数据库"},
		{"a consolidation with an organization not enrolled", theirs, "“外校党委”未在本党委登记"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := run(t, "committee", "tasks", "--dir", committee, "--db", c.db)
			if code != ExitUsage || !strings.Contains(errOut, c.db) || !strings.Contains(errOut, c.want) || strings.Contains(out, "未完成") {
				t.Errorf("exit %d, out %q, err %q; want refused naming %s with %q", code, out, errOut, c.db, c.want)
			}
		})
	}
	code, out, errOut := run(t, "committee", "tasks", "--dir", committee, "--db", ours, "--json")
	var tasks []any
	if code != ExitOK || json.Unmarshal([]byte(out), &tasks) != nil {
		t.Errorf("the committee's consolidated database: exit %d %s%s", code, out, errOut)
	}
	if _, err := os.Stat(ours); err != nil {
		t.Fatal(err)
	}
}

// bucketThatExists is the address of a stand-in S3 server on which every
// bucket exists, enough for `committee init`, which only checks its bucket.
func bucketThatExists(t *testing.T) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Has("location") {
			w.Header().Set("Content-Type", "application/xml")
			w.Write([]byte(`<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">us-east-1</LocationConstraint>`))
		}
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}
