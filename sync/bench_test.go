package snapshot

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/demo"
)

// benchmarkConsolidate measures, over orgs organizations of members
// members each (a year of demo records), as ratios between runs on the
// same machine:
//
//   - the consolidation from scratch (no earlier result), with its
//     verification (download, decryption, checks, merging meanwhile) and
//     its merge reported apart;
//   - the floor: a plain sqlite3 script that ATTACHes the same decrypted
//     snapshots and INSERT-SELECTs every merged table into one file (its
//     tables first, its indexes at the end, no journal), and our merge of
//     the same files alone;
//   - the consolidation again after one organization pushed, which updates
//     the first result in place.
//
// Each timed run starts with the disk flushed (flushDisk), so that none
// pays for the writes of what was set up before it.
//
// Through the test server when one runs, else a bucket in memory. Metrics:
// s-scratch, s-verify, s-merge-in-scratch, s-findings, s-floor, s-merge,
// s-incremental, and the ratios scratch/floor, merge/floor,
// incremental/scratch.
func benchmarkConsolidate(b *testing.B, orgs, members int) {
	var w *world
	if srv != nil {
		w = newMinIOWorld(b)
	} else {
		w = newWorld(b)
	}
	var all []*org
	for i := 0; i < orgs; i++ {
		o := w.newOrg(fmt.Sprintf("第%02d学院党委", i+1), members, int64(100+i))
		o.push(b)
		all = append(all, o)
	}
	id, err := w.committee.Unlock(testPass)
	if err != nil {
		b.Fatal(err)
	}
	consolidate := func() (Report, time.Duration) {
		flushDisk()
		start := time.Now()
		rep, err := w.committee.Consolidate(w.ctx, ConsolidateOptions{Identity: id, Backend: w.backend()})
		took := time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		if rep.Rejected() > 0 {
			b.Fatalf("rejected: %+v", rep.Orgs)
		}
		return rep, took
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		os.RemoveAll(filepath.Join(w.committee.Dir, termsDir))
		rep, scratch := consolidate()
		if rep.Rebuilt == "" {
			b.Fatal("the first consolidation started from an earlier result")
		}
		st, _ := os.Stat(rep.Result)
		b.ReportMetric(scratch.Seconds(), "s-scratch")
		b.ReportMetric(rep.took.verify.Seconds(), "s-verify")
		b.ReportMetric(rep.took.merge.Seconds(), "s-merge-in-scratch")
		b.ReportMetric(rep.took.findings.Seconds(), "s-findings")
		b.ReportMetric(rep.took.indexes.Seconds(), "s-indexes")
		b.ReportMetric(rep.took.install.Seconds(), "s-install")
		b.ReportMetric(float64(st.Size())/(1<<20), "MB-merged")

		one := all[i%len(all)]
		br := &data.Branch{Name: fmt.Sprintf("新建支部%d", i), Type: "教工"}
		if err := one.store.Branches.Create(w.ctx, br); err != nil {
			b.Fatal(err)
		}
		one.push(b)
		rep, incremental := consolidate()
		if rep.Reused != orgs-1 {
			b.Fatalf("after one push %d organizations were reused (rebuilt: %q)", rep.Reused, rep.Rebuilt)
		}
		if rep.took.base != 0 {
			b.Fatal("after one push the term's result was copied, not updated in place")
		}
		b.ReportMetric(incremental.Seconds(), "s-incremental")
		b.ReportMetric(rep.took.base.Seconds(), "s-incr-base-copy")
		b.ReportMetric(rep.took.verify.Seconds(), "s-incr-verify")
		b.ReportMetric((rep.took.merge - rep.took.base).Seconds(), "s-incr-merge")
		b.ReportMetric(rep.took.findings.Seconds(), "s-incr-findings")
		b.ReportMetric(rep.took.install.Seconds(), "s-incr-install")
		b.ReportMetric(incremental.Seconds()/scratch.Seconds(), "incremental/scratch")

		floor, merge := floorAndMerge(b, w, all)
		if floor > 0 {
			b.ReportMetric(floor.Seconds(), "s-floor")
			b.ReportMetric(scratch.Seconds()/floor.Seconds(), "scratch/floor")
			b.ReportMetric(merge.Seconds()/floor.Seconds(), "merge/floor")
		}
		b.ReportMetric(merge.Seconds(), "s-merge")
	}
}

// floorAndMerge times the plain sqlite3 script over the organizations'
// snapshots (0 when sqlite3 is not installed), then data.Merge over the
// same files.
func floorAndMerge(b *testing.B, w *world, orgs []*org) (floor, merge time.Duration) {
	dir := b.TempDir()
	var plain []string
	for i, o := range orgs {
		p := filepath.Join(dir, fmt.Sprintf("s%02d.db", i))
		if err := o.store.Snapshot(w.ctx, p); err != nil {
			b.Fatal(err)
		}
		plain = append(plain, p)
	}
	if sqlite3, err := exec.LookPath("sqlite3"); err == nil {
		script := floorScript(b, plain)
		out := filepath.Join(dir, "floor.db")
		cmd := exec.Command(sqlite3, out)
		cmd.Stdin = strings.NewReader(script)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		flushDisk()
		start := time.Now()
		if err := cmd.Run(); err != nil || stderr.Len() > 0 {
			b.Fatalf("sqlite3: %v\n%s", err, stderr.String())
		}
		floor = time.Since(start)
		os.Remove(out)
	} else {
		b.Log("sqlite3 is not installed: no floor")
	}
	out := filepath.Join(dir, "merged.db")
	flushDisk()
	start := time.Now()
	if err := data.Merge(w.ctx, out, plain); err != nil {
		b.Fatal(err)
	}
	merge = time.Since(start)
	os.Remove(out)
	for _, p := range plain {
		os.Remove(p)
	}
	return floor, merge
}

// floorScript is what an administrator would write with sqlite3 alone:
// the tables of the first snapshot, every table but the edit history
// copied from each snapshot in one transaction, then the indexes.
func floorScript(b *testing.B, plain []string) string {
	db, err := sql.Open("sqlite3", "file:"+plain[0]+"?mode=ro")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	schema := func(kind string) (names, ddl []string) {
		rows, err := db.Query("SELECT name, sql FROM sqlite_schema WHERE type = ? AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY name", kind)
		if err != nil {
			b.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var n, s string
			if err := rows.Scan(&n, &s); err != nil {
				b.Fatal(err)
			}
			names, ddl = append(names, n), append(ddl, s+";")
		}
		return names, ddl
	}
	tables, tableDDL := schema("table")
	_, indexDDL := schema("index")
	var s strings.Builder
	s.WriteString("PRAGMA journal_mode = OFF;\nPRAGMA synchronous = OFF;\n")
	s.WriteString(strings.Join(tableDDL, "\n") + "\n")
	for _, p := range plain {
		fmt.Fprintf(&s, "ATTACH DATABASE %s AS s;\nBEGIN;\n", strconv.Quote(p))
		for _, t := range tables {
			if t != "audit_log" {
				fmt.Fprintf(&s, "INSERT OR IGNORE INTO main.%s SELECT * FROM s.%s;\n", t, t)
			}
		}
		s.WriteString("COMMIT;\nDETACH DATABASE s;\n")
	}
	s.WriteString(strings.Join(indexDDL, "\n") + "\n")
	return s.String()
}

func BenchmarkConsolidate60Orgs(b *testing.B) { benchmarkConsolidate(b, 60, 1000) }
func BenchmarkConsolidate8Orgs(b *testing.B)  { benchmarkConsolidate(b, 8, 1000) }

// TestWriteMergedDatabase writes, when DANGJIAN_MERGED_DB names a file
// that does not exist, a consolidated database of DANGJIAN_MERGED_ORGS
// (60) demo organizations of 1,000 members each, for the benchmarks of the
// committee's screens (go test ./sync -run TestWriteMergedDatabase;
// scripts/bench-consolidate.sh --merged-db FILE). Skipped otherwise.
func TestWriteMergedDatabase(t *testing.T) {
	out := os.Getenv("DANGJIAN_MERGED_DB")
	if out == "" {
		t.Skip("DANGJIAN_MERGED_DB is not set")
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatalf("%s exists: not replaced", out)
	}
	orgs := 60
	if n, err := strconv.Atoi(os.Getenv("DANGJIAN_MERGED_ORGS")); err == nil && n > 0 {
		orgs = n
	}
	ctx := context.Background()
	dir := t.TempDir()
	var plain []string
	for i := 0; i < orgs; i++ {
		name := fmt.Sprintf("第%02d学院党委", i+1)
		path := filepath.Join(dir, fmt.Sprintf("org%02d.db", i))
		s, err := data.Create(ctx, path, name, "", data.WithClock(func() time.Time { return asOf.Add(12 * time.Hour) }))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := demo.Generate(ctx, s, demo.Options{Members: 1000, Seed: int64(100 + i), AsOf: asOf}); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("s%02d.db", i))
		if err := s.Snapshot(ctx, p); err != nil {
			t.Fatal(err)
		}
		s.Close()
		os.Remove(path)
		plain = append(plain, p)
	}
	if err := data.Merge(ctx, out, plain); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s: %d organizations of 1,000 members, demo records as of %s", out, orgs, asOf.Format(time.DateOnly))
}
