package data_test

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
)

// crashBatch is the size of the write transaction the child is killed in.
const crashBatch = 4000

// TestCrashChild is not a test on its own: TestKillMidTransaction runs the
// test binary again with DANGJIAN_CRASH_DB set, and this writes one large
// transaction into that database until it is killed.
func TestCrashChild(t *testing.T) {
	path := os.Getenv("DANGJIAN_CRASH_DB")
	if path == "" {
		t.Skip("helper process for TestKillMidTransaction")
	}
	ctx := context.Background()
	s, err := data.Open(ctx, path)
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(1)
	}
	branches, _ := s.Branches.List(ctx)
	round := os.Getenv("DANGJIAN_CRASH_ROUND")
	err = s.Write(ctx, func(tx *data.Tx) error {
		for i := 0; i < crashBatch; i++ {
			birth := time.Date(1960+i%30, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC)
			m := validMember(&branches[0], fmt.Sprintf("第%s轮%d号", round, i), 0)
			m.IDNumber = field.MakeIDNumber(fmt.Sprintf("11%02s%02d", round, i/100), birth, i%100, true)
			m.BirthDate = data.DateOf(birth)
			m.Note = round
			if err := tx.Members.Create(ctx, m); err != nil {
				return err
			}
			if i == 200 {
				fmt.Println("WRITING")
			}
		}
		return nil
	})
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(1)
	}
	fmt.Println("COMMITTED")
	os.Exit(0)
}

// TestKillMidTransaction kills a writer with SIGKILL in the middle of a large
// transaction, 20 times, and checks the database after each: integrity_check
// passes and every round's rows are either all there or all absent.
func TestKillMidTransaction(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns 20 processes")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "crash.db")
	s, err := data.Create(ctx, path, "测试学院党委", "CS")
	if err != nil {
		t.Fatal(err)
	}
	addBranch(t, s, "第一党支部")
	s.Close()

	rng := rand.New(rand.NewPCG(1, 2))
	killedMidway := 0
	for round := 1; round <= 20; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "DANGJIAN_CRASH_DB="+path, fmt.Sprintf("DANGJIAN_CRASH_ROUND=%d", round))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(out)
		started, said := false, ""
		for lines.Scan() {
			said += lines.Text() + "\n"
			if lines.Text() == "WRITING" {
				started = true
				break
			}
		}
		if !started {
			cmd.Wait()
			t.Fatalf("round %d: child never started writing; it said:\n%s", round, said)
		}
		time.Sleep(time.Duration(rng.IntN(40)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		for lines.Scan() {
		}
		cmd.Wait()

		s, err := data.Open(ctx, path)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		verdict, err := s.IntegrityCheck(ctx)
		if err != nil || verdict != "ok" {
			t.Fatalf("round %d: integrity_check = %q, %v", round, verdict, err)
		}
		n, err := s.Members.Count(ctx, data.Where("note", fmt.Sprint(round)))
		if err != nil {
			t.Fatal(err)
		}
		if n != 0 && n != crashBatch {
			t.Fatalf("round %d: %d of %d rows survived: a partial transaction", round, n, crashBatch)
		}
		if n == 0 {
			killedMidway++
		}
		var audits int
		members, _ := s.Members.Count(ctx)
		audits, _ = s.AuditCount(ctx)
		if want := members + 2 + settingsCount(t, s); audits != want { // + the org and the branch
			t.Fatalf("round %d: %d audit entries for %d members", round, audits, members)
		}
		s.Close()
	}
	if killedMidway < 15 {
		t.Fatalf("only %d of 20 kills landed inside the transaction", killedMidway)
	}
}

func settingsCount(t *testing.T, s *data.Store) int {
	n, err := s.Settings.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}
