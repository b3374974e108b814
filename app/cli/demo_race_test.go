package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"dangjian/data"
)

// TestConcurrentDemosOnANewPath runs two demos at once on the same new
// path, ten times: one writes the demo (exit 0), the other finds the path
// taken or the finished demo and writes nothing (exit 2, with a message
// saying why); the database always holds exactly one demo's members.
func TestConcurrentDemosOnANewPath(t *testing.T) {
	const members = 10
	for round := 0; round < 10; round++ {
		db := filepath.Join(t.TempDir(), fmt.Sprintf("demo%d.db", round))
		var wg sync.WaitGroup
		codes := make([]int, 2)
		errOuts := make([]string, 2)
		for i := range codes {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i], _, errOuts[i] = run(t, "demo", "--db", db, "--members", fmt.Sprint(members))
			}()
		}
		wg.Wait()
		ok, refused := 0, 0
		for i, code := range codes {
			switch code {
			case ExitOK:
				ok++
			case ExitUsage:
				refused++
				if !strings.Contains(errOuts[i], "数据库文件已存在") && !strings.Contains(errOuts[i], "已有党员") {
					t.Errorf("round %d: unclear refusal %q", round, errOuts[i])
				}
			default:
				t.Errorf("round %d: exit %d %q", round, code, errOuts[i])
			}
		}
		if ok != 1 || refused != 1 {
			t.Fatalf("round %d: exits %v %q", round, codes, errOuts)
		}
		s, err := data.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		n, err := s.Members.Count(context.Background(), data.WithDeleted())
		s.Close()
		if err != nil || n != members {
			t.Fatalf("round %d: %d members (%v), want %d", round, n, err, members)
		}
	}
}

// TestConcurrentInitsOnANewPath: of two inits at once on the same new
// path, one creates the database, the other writes nothing and says the
// database exists.
func TestConcurrentInitsOnANewPath(t *testing.T) {
	for round := 0; round < 5; round++ {
		db := filepath.Join(t.TempDir(), "org.db")
		var wg sync.WaitGroup
		codes := make([]int, 2)
		errOuts := make([]string, 2)
		for i := range codes {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i], _, errOuts[i] = run(t, "init", "--db", db, "--org", fmt.Sprintf("组织%d", i))
			}()
		}
		wg.Wait()
		if codes[0]+codes[1] != ExitUsage || (codes[0] != ExitOK && codes[1] != ExitOK) {
			t.Fatalf("round %d: exits %v %q", round, codes, errOuts)
		}
		loser := errOuts[0] + errOuts[1]
		if !strings.Contains(loser, "已存在") {
			t.Fatalf("round %d: the losing init says %q", round, loser)
		}
		s, err := data.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		orgs, _ := s.Orgs.List(context.Background())
		s.Close()
		if len(orgs) != 1 {
			t.Fatalf("round %d: %d organizations", round, len(orgs))
		}
	}
}
