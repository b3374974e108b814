package data_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"dangjian/data"
)

// TestCreateWithFillsBeforeTheDatabaseAppears: what fill writes is in the
// database when it appears at its path, and not before.
func TestCreateWithFillsBeforeTheDatabaseAppears(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "org.db")
	s, err := data.CreateWith(ctx, path, "测试学院党委", "T", func(s *data.Store) error {
		if _, err := os.Stat(path); err == nil {
			t.Error("the database appeared before it was filled")
		}
		addBranch(t, s, "第一党支部")
		return nil
	}, data.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Path() != path {
		t.Fatalf("store on %s", s.Path())
	}
	if n, err := s.Branches.Count(ctx); err != nil || n != 1 {
		t.Fatalf("branches %d %v", n, err)
	}
	if s.Org().Name != "测试学院党委" {
		t.Fatalf("org %q", s.Org().Name)
	}
}

// TestCreateWithFailingFillLeavesNothing: when fill fails, no database
// appears and no temporary file stays behind.
func TestCreateWithFailingFillLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "org.db")
	boom := errors.New("boom")
	_, err := data.CreateWith(context.Background(), path, "测试学院党委", "T", func(s *data.Store) error {
		addBranch(t, s, "第一党支部")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v", err)
	}
	assertNothingLeft(t, dir)
}

// assertNothingLeft fails unless dir is empty.
func assertNothingLeft(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		t.Errorf("left behind: %s", e.Name())
	}
}

// TestCreateIsExclusive: many creations of one new path at once give one
// database, filled by exactly one of them; the others get ErrExists and
// write nothing. An existing file, of any kind, is never replaced.
func TestCreateIsExclusive(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "org.db")
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := data.CreateWith(ctx, path, fmt.Sprintf("组织%d", i), "T", func(s *data.Store) error {
				return s.Branches.Create(ctx, &data.Branch{Name: fmt.Sprintf("支部%d", i), Type: "教工"})
			})
			errs[i] = err
			if err == nil {
				s.Close()
			}
		}()
	}
	wg.Wait()
	won := 0
	for _, err := range errs {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, data.ErrExists):
			t.Errorf("a losing creation: %v, want ErrExists", err)
		}
	}
	if won != 1 {
		t.Fatalf("%d creations succeeded", won)
	}
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	bs, _ := s.Branches.List(ctx)
	s.Close()
	if len(bs) != 1 {
		t.Fatalf("the database holds %d branches, want the winner's one", len(bs))
	}

	other := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(other, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := data.Create(ctx, other, "组织", "T"); !errors.Is(err, data.ErrExists) {
		t.Fatalf("Create over a file: %v", err)
	}
	if b, _ := os.ReadFile(other); string(b) != "keep me" {
		t.Fatal("Create replaced a file")
	}
}

// TestCreateLeavesOnlyTheDatabase: a successful creation leaves the
// database and nothing else in its folder once closed.
func TestCreateLeavesOnlyTheDatabase(t *testing.T) {
	dir := t.TempDir()
	s, err := data.Create(context.Background(), filepath.Join(dir, "org.db"), "测试学院党委", "T")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "org.db" {
		t.Fatalf("the folder holds %v", entries)
	}
}
