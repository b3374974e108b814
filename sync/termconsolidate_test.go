package snapshot

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/vocab"
)

// snapshotReads counts, by organization, the snapshots read from the
// bucket (Get under orgs/<id>/snapshots/).
type snapshotReads struct {
	Backend
	mu    sync.Mutex
	reads map[string]int
}

func newSnapshotReads(b Backend) *snapshotReads {
	return &snapshotReads{Backend: b, reads: map[string]int{}}
}

func (b *snapshotReads) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	if parts := strings.Split(key, "/"); len(parts) == 4 && parts[0] == "orgs" && parts[2] == "snapshots" {
		b.mu.Lock()
		b.reads[parts[1]]++
		b.mu.Unlock()
	}
	return b.Backend.Get(ctx, key)
}

// take returns the counts so far and starts again.
func (b *snapshotReads) take() map[string]int {
	b.mu.Lock()
	defer b.mu.Unlock()
	r := b.reads
	b.reads = map[string]int{}
	return r
}

// consolidateTerm runs a consolidation with o (its identity filled in)
// through b.
func (w *world) consolidateTerm(b Backend, o ConsolidateOptions) (Report, error) {
	w.t.Helper()
	id, err := w.committee.Unlock(testPass)
	if err != nil {
		w.t.Fatal(err)
	}
	o.Identity, o.Backend = id, b
	return w.committee.Consolidate(w.ctx, o)
}

func dumpDB(t testing.TB, path string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := data.CanonicalDump(context.Background(), path, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sameRecords fails when two dumps differ, naming the first line that does.
func sameRecords(t testing.TB, what string, got, want []byte) {
	t.Helper()
	if bytes.Equal(got, want) {
		return
	}
	l1, l2 := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(l1) && i < len(l2); i++ {
		if l1[i] != l2[i] {
			t.Fatalf("%s: the result differs from the one built from scratch at line %d:\ngot:  %.300s\nwant: %.300s", what, i+1, l1[i], l2[i])
		}
	}
	t.Fatalf("%s: the result differs from the one built from scratch: %d and %d lines", what, len(l1), len(l2))
}

// fromScratch consolidates the same term again with no earlier result to
// start from (the terms' folder set aside meanwhile, then put back), and
// returns the dump of what it built.
func (w *world) fromScratch(b Backend) []byte {
	t := w.t
	t.Helper()
	terms := filepath.Join(w.committee.Dir, termsDir)
	aside := terms + "-aside"
	if err := os.Rename(terms, aside); err != nil {
		t.Fatal(err)
	}
	rep, err := w.consolidateTerm(b, ConsolidateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rebuilt == "" || rep.Reused != 0 {
		t.Fatalf("with no earlier result: rebuilt %q, reused %d", rep.Rebuilt, rep.Reused)
	}
	dump := dumpDB(t, rep.Result)
	if err := os.RemoveAll(terms); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(aside, terms); err != nil {
		t.Fatal(err)
	}
	return dump
}

// sameFile tells whether the file at path is the one described by was
// (the same file, though renamed).
func sameFile(path string, was os.FileInfo) bool {
	st, err := os.Stat(path)
	return err == nil && was != nil && os.SameFile(st, was)
}

// memberCount is how many members the store reads.
func memberCount(t testing.TB, s *data.Store) int {
	t.Helper()
	ms, err := s.Members.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(ms)
}

// addMember adds a member to the organization's first branch.
func addMember(t testing.TB, o *org, name string) {
	t.Helper()
	ctx := context.Background()
	br, err := o.store.Branches.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	m := &data.Member{BranchID: data.Ref(br[0].ID), Name: name, Category: string(vocab.CategoryFull), PersonType: string(vocab.PersonStaff),
		IDNumber: field.MakeIDNumber("610113", time.Date(1988, 3, 4, 0, 0, 0, 0, time.UTC), 5, false), JoinedDate: data.NewDate(2012, 1, 1)}
	if err := o.store.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
}

// changeOutside changes the database at path as another program would:
// one row taken out, by SQLite.
func changeOutside(t testing.TB, path string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("DELETE FROM members WHERE rowid = (SELECT max(rowid) FROM members)"); err != nil {
		t.Fatal(err)
	}
}

// scanFile is attached by two organizations: one blob, held by both.
var scanFile = []byte("%PDF-1.4 两个学院共同收到的上级通知")

// TestIncrementalConsolidationEqualsFromScratch re-consolidates after
// each change that touches part of the organizations, and compares the
// result with one built from scratch: an organization pushes again; one's
// new snapshot is refused and its last accepted one stays; the holder of
// a blob another organization shares leaves; the earlier result is
// missing, then damaged. An organization that never pushed is enrolled
// throughout. The organizations whose snapshot did not change are not
// downloaded again.
func TestIncrementalConsolidationEqualsFromScratch(t *testing.T) {
	eachWorld(t, func(t *testing.T, w *world) {
		orgs := []*org{w.newOrg("计算机学院党委", 12, 1), w.newOrg("数学学院党委", 11, 2), w.newOrg("物理学院党委", 10, 3)}
		w.newOrg("化学学院党委", 0, 4) // enrolled, never pushes
		sort.Slice(orgs, func(i, j int) bool { return orgs[i].store.Org().ID < orgs[j].store.Org().ID })
		low, mid, high := orgs[0], orgs[1], orgs[2]
		for _, o := range []*org{low, mid} {
			br, err := o.store.Branches.List(w.ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := o.store.Attach(w.ctx, "branches", br[0].ID, "上级通知.pdf", scanFile); err != nil {
				t.Fatal(err)
			}
		}
		for _, o := range orgs {
			o.push(t)
		}
		b := newSnapshotReads(w.root())

		rep, err := w.consolidateTerm(b, ConsolidateOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Rebuilt == "" || rep.Reused != 0 || rep.Term != TermOn(time.Now(), nil) {
			t.Fatalf("first consolidation: term %s, rebuilt %q, reused %d", rep.Term, rep.Rebuilt, rep.Reused)
		}
		if got := b.take(); len(got) != 3 {
			t.Fatalf("first consolidation read the snapshots of %v, want the three organizations'", got)
		}

		// Within the term, the result is updated in place: the same file,
		// read-only again afterwards.
		prev := rep.Result
		prevFile, err := os.Stat(prev)
		if err != nil {
			t.Fatal(err)
		}
		step := func(what string, wantReused int, wantRead ...*org) Report {
			t.Helper()
			rep, err := w.consolidateTerm(b, ConsolidateOptions{})
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if !sameFile(rep.Result, prevFile) || rep.took.base != 0 {
				t.Fatalf("%s: result %s (previous one copied in %v), want %s updated in place", what, rep.Result, rep.took.base, prev)
			}
			if resultNumber(filepath.Base(rep.Result)) != resultNumber(filepath.Base(prev))+1 {
				t.Fatalf("%s: the result updated in place is named %s after %s, want the next number", what, filepath.Base(rep.Result), filepath.Base(prev))
			}
			prev = rep.Result
			if st, err := os.Stat(rep.Result); err != nil || st.Mode().Perm() != 0o400 {
				t.Fatalf("%s: the term's database after an update in place: %v, %v, want read-only", what, st, err)
			}
			if rep.Reused != wantReused {
				t.Fatalf("%s: %d organizations reused (rebuilt: %q), want %d", what, rep.Reused, rep.Rebuilt, wantReused)
			}
			read := b.take()
			want := map[string]int{}
			for _, o := range wantRead {
				want[o.store.Org().ID] = 1
			}
			if len(read) != len(want) {
				t.Fatalf("%s: snapshots read %v, want only %v", what, read, want)
			}
			for id := range want {
				if read[id] != 1 {
					t.Fatalf("%s: snapshots read %v, want only %v", what, read, want)
				}
			}
			sameRecords(t, what, dumpDB(t, rep.Result), w.fromScratch(b))
			b.take()
			return rep
		}

		// One organization pushes again: only its snapshot is read. A
		// window reading the result meanwhile sees the new rows.
		reader, err := data.OpenReadOnly(w.ctx, prev, data.Consolidated())
		if err != nil {
			t.Fatal(err)
		}
		defer reader.Close()
		countBefore := memberCount(t, reader)
		mid.change(t, "甲")
		addMember(t, mid, "钱学")
		mid.push(t)
		step("an organization pushed again", 2, mid)
		if got := memberCount(t, reader); got != countBefore+1 {
			t.Fatalf("a window that had the result open reads %d members after the update in place, want %d", got, countBefore+1)
		}

		// One's new snapshot is refused: its last accepted one stays,
		// from the earlier result.
		high.change(t, "乙")
		res := high.push(t)
		w.replace(snapshotKey(high.store.Org().ID, res.Seq), []byte("不是快照"))
		rep = step("a new snapshot refused", 3, high)
		if r := rep.of(high.store.Org().ID); r.Status != StatusRejected || r.UsedSeq != res.Seq-1 {
			t.Fatalf("the refused organization: %+v, want rejected with seq %d merged", r, res.Seq-1)
		}

		// The holder of the shared blob leaves: the blob goes to the other.
		if err := os.RemoveAll(w.committee.orgDir(low.store.Org().ID)); err != nil {
			t.Fatal(err)
		}
		// (The refused snapshot, still the newest, is checked again.)
		rep = step("the holder of a shared blob left", 2, high)
		s, err := data.OpenReadOnly(w.ctx, rep.Result)
		if err != nil {
			t.Fatal(err)
		}
		content, err := s.Blob(w.ctx, sha256Hex(scanFile))
		s.Close()
		if !bytes.Equal(content, scanFile) {
			t.Fatalf("the shared blob after its holder left: %q, %v", content, err)
		}

		// The earlier result is missing, then damaged: built from scratch.
		before := dumpDB(t, rep.Result)
		os.Chmod(rep.Result, 0o600)
		if err := os.Remove(rep.Result); err != nil {
			t.Fatal(err)
		}
		rep, err = w.consolidateTerm(b, ConsolidateOptions{})
		if err != nil || rep.Rebuilt == "" || rep.Reused != 0 {
			t.Fatalf("with the earlier result missing: rebuilt %q, reused %d, %v", rep.Rebuilt, rep.Reused, err)
		}
		sameRecords(t, "the earlier result missing", dumpDB(t, rep.Result), before)
		// Changed by another program (its change counter moved), then
		// grown: neither is the file recorded.
		os.Chmod(rep.Result, 0o600)
		changeOutside(t, rep.Result)
		rep, err = w.consolidateTerm(b, ConsolidateOptions{})
		if err != nil || !strings.Contains(rep.Rebuilt, "不符") || rep.Reused != 0 {
			t.Fatalf("with the earlier result changed outside: rebuilt %q, reused %d, %v", rep.Rebuilt, rep.Reused, err)
		}
		sameRecords(t, "the earlier result changed outside", dumpDB(t, rep.Result), before)
		os.Chmod(rep.Result, 0o600)
		f, err := os.OpenFile(rep.Result, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte("损坏"))
		f.Close()
		rep, err = w.consolidateTerm(b, ConsolidateOptions{})
		if err != nil || !strings.Contains(rep.Rebuilt, "不符") || rep.Reused != 0 {
			t.Fatalf("with the earlier result damaged: rebuilt %q, reused %d, %v", rep.Rebuilt, rep.Reused, err)
		}
		sameRecords(t, "the earlier result damaged", dumpDB(t, rep.Result), before)

		// A result of another schema version is no base either.
		srcPath := filepath.Join(w.committee.termDir(rep.Term), termSourcesFile)
		var src TermSources
		if err := readJSON(srcPath, &src); err != nil {
			t.Fatal(err)
		}
		src.SchemaVersion--
		if err := writeJSON(srcPath, src, true); err != nil {
			t.Fatal(err)
		}
		rep, err = w.consolidateTerm(b, ConsolidateOptions{})
		if err != nil || !strings.Contains(rep.Rebuilt, "数据库结构") || rep.Reused != 0 {
			t.Fatalf("with an earlier result of another schema version: rebuilt %q, reused %d, %v", rep.Rebuilt, rep.Reused, err)
		}
		sameRecords(t, "an earlier result of another schema version", dumpDB(t, rep.Result), before)
	})
}

// TestTermResults consolidates two terms (the second starting from the
// first's result), checks what each records, refuses the ended one until
// it is reopened, and compares them.
func TestTermResults(t *testing.T) {
	w := newWorld(t)
	// Twins: the same demo, so that their figures differ only by what
	// one of them changes.
	a, b := w.newOrg("经济学院党委", 15, 9), w.newOrg("管理学院党委", 15, 9)
	a.push(t)
	b.push(t)
	june := time.Date(2026, 6, 1, 10, 0, 0, 0, time.Local)
	nov := time.Date(2026, 11, 25, 10, 0, 0, 0, time.Local)
	at := func(day time.Time) func() time.Time { return func() time.Time { return day } }

	rep, err := w.consolidateTerm(w.backend(), ConsolidateOptions{Now: at(june)})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Term != "2025-2026-2" {
		t.Fatalf("the term of 1 June 2026: %s", rep.Term)
	}
	if st, err := os.Stat(rep.Result); err != nil || st.Mode().Perm() != 0o400 {
		t.Fatalf("the term's database: %v, %v, want read-only", st, err)
	}
	// Again within the term: updated in place, recorded without a
	// checksum of the whole file; the next term copies it all the same.
	firstFile, _ := os.Stat(rep.Result)
	again, err := w.consolidateTerm(w.backend(), ConsolidateOptions{Now: at(june)})
	if err != nil {
		t.Fatal(err)
	}
	if !sameFile(again.Result, firstFile) || again.Reused != 2 {
		t.Fatalf("again within the term: %s, reused %d, want %s updated in place", again.Result, again.Reused, rep.Result)
	}
	if got, err := w.committee.TermResult("2025-2026-2"); err != nil || got.Sources.Checksum != "" || got.Sources.Generation == 0 {
		t.Fatalf("the record of a result updated in place: %+v, %v", got.Sources, err)
	}

	// b gets a member, then the next term starts from the first's result.
	br, err := b.store.Branches.List(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	m := &data.Member{BranchID: data.Ref(br[0].ID), Name: "赵敏", Category: string(vocab.CategoryFull), PersonType: string(vocab.PersonStaff),
		IDNumber: field.MakeIDNumber("610113", time.Date(1986, 5, 6, 0, 0, 0, 0, time.UTC), 7, false), JoinedDate: data.NewDate(2010, 1, 1)}
	if err := b.store.Members.Create(w.ctx, m); err != nil {
		t.Fatal(err)
	}
	b.push(t)
	rep, err = w.consolidateTerm(w.backend(), ConsolidateOptions{Now: at(nov)})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Term != "2026-2027-1" || rep.Reused != 1 {
		t.Fatalf("second term: %s, reused %d (rebuilt %q), want 2026-2027-1 starting from the first term's result", rep.Term, rep.Reused, rep.Rebuilt)
	}

	terms, err := w.committee.Terms()
	if err != nil || len(terms) != 2 || terms[0].Term != "2026-2027-1" || terms[1].Term != "2025-2026-2" {
		t.Fatalf("Terms: %+v, %v", terms, err)
	}
	first := terms[1]
	if !first.Ended || first.Label != "2025—2026学年第二学期" || !first.When.Equal(june.UTC().Truncate(time.Second)) {
		t.Fatalf("the first term's result: %+v", first)
	}
	if got, err := w.committee.TermResult("2026-2027-1"); err != nil || got.Path != rep.Result {
		t.Fatalf("TermResult: %+v, %v", got, err)
	}
	src := terms[0].Sources
	if src.SchemaVersion != data.SchemaVersion() || len(src.Orgs) != 2 {
		t.Fatalf("sources: %+v", src)
	}
	for _, o := range src.Orgs {
		if o.Seq == 0 || o.Status != StatusAccepted || len(o.ManifestSHA256) != 64 || len(o.PlainSHA256) != 64 {
			t.Fatalf("source line: %+v", o)
		}
	}
	if _, err := w.committee.TermResult("2024-2025-1"); !errors.Is(err, ErrNoTermResult) {
		t.Fatalf("a term never consolidated: %v", err)
	}

	// Compared: b gained its member; its twin is the control.
	deltas, err := CompareTerms(w.ctx, w.committee, "2025-2026-2", "2026-2027-1")
	if err != nil {
		t.Fatal(err)
	}
	if len(deltas) != 2 {
		t.Fatalf("deltas: %+v", deltas)
	}
	by := map[string]OrgTermDelta{}
	for _, d := range deltas {
		by[d.Org] = d
		if d.From == nil || d.To == nil || d.Members != d.To.Members-d.From.Members || d.Findings != d.To.Findings-d.From.Findings {
			t.Fatalf("delta: %+v", d)
		}
		// The rules' rows add up to the 待整改问题 (no to-dos, no reminders).
		for _, f := range []*TermFigures{d.From, d.To} {
			sum := 0
			for _, n := range f.ByRule {
				sum += n
			}
			if sum != f.Findings {
				t.Errorf("%s: findings by rule add up to %d, findings %d: %v", d.Name, sum, f.Findings, f.ByRule)
			}
		}
	}
	da, db := by[a.store.Org().ID], by[b.store.Org().ID]
	if da.Name != "经济学院党委" || db.Name != "管理学院党委" {
		t.Fatalf("names: %s, %s", da.Name, db.Name)
	}
	if db.From.Members != da.From.Members || db.To.Members != da.To.Members+1 || db.Members != da.Members+1 || db.To.Members == 0 {
		t.Fatalf("members: a %d→%d, b %d→%d; b has one more in the second term only", da.From.Members, da.To.Members, db.From.Members, db.To.Members)
	}

	// The ended term is frozen until reopened; a term to come is refused.
	_, err = w.consolidateTerm(w.backend(), ConsolidateOptions{Now: at(nov), Term: "2025-2026-2"})
	if !errors.Is(err, ErrTermFrozen) || !strings.Contains(err.Error(), "--reopen") {
		t.Fatalf("consolidating an ended term again: %v", err)
	}
	if got, _ := w.committee.TermResult("2025-2026-2"); got.Path != first.Path {
		t.Fatal("a refused consolidation changed the ended term's result")
	}
	_, err = w.consolidateTerm(w.backend(), ConsolidateOptions{Now: at(nov), Term: "2027-2028-1"})
	if err == nil || !strings.Contains(err.Error(), "尚未开始") {
		t.Fatalf("consolidating a term to come: %v", err)
	}
	rep, err = w.consolidateTerm(w.backend(), ConsolidateOptions{Now: at(nov), Term: "2025-2026-2", Reopen: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Replaced == nil || !rep.Replaced.When.Equal(first.When) {
		t.Fatalf("a reopening does not tell what it replaced: %+v", rep.Replaced)
	}
	reopened, err := w.committee.TermResult("2025-2026-2")
	if err != nil || reopened.Sources.Replaces == nil || reopened.Path == first.Path {
		t.Fatalf("the reopened term: %+v, %v", reopened, err)
	}
	if _, err := os.Stat(first.Path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the replaced database is still there: %v", err)
	}
}
