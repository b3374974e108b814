package data_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"dangjian/data"
)

// fileHeader is the first 100 bytes of a database file: SQLite's change
// counter among them.
func fileHeader(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b[:100]
}

// TestFailedUpdateInPlaceLeavesTheDatabaseAsItWas fails an update in
// place in the middle of its transaction (after an organization's rows
// were taken out), in several ways, and checks that the database holds
// what it held, unchanged to its header, and that an update in place
// started again from it gives the merge from scratch. More snapshots than
// one transaction can attach are refused before anything is changed, and
// replayed on a copy instead.
func TestFailedUpdateInPlaceLeavesTheDatabaseAsItWas(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a := demoOrg(t, dir, "计算机学院党委", 10, 1, mergeNow)
	b := demoOrg(t, dir, "数学学院党委", 11, 2, mergeNow.Add(time.Hour))
	sa, sb := snapshotTo(t, a, dir, "a1"), snapshotTo(t, b, dir, "b1")
	br, err := a.Branches.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	br[0].Name = "改名后的支部"
	if err := a.Branches.Update(ctx, &br[0]); err != nil {
		t.Fatal(err)
	}
	sa2 := snapshotTo(t, a, dir, "a2")
	base := filepath.Join(dir, "base.db")
	state := mergeFrom(t, base, sa, sb)
	scratch := filepath.Join(dir, "scratch.db")
	mergeFrom(t, scratch, sa2, sb)
	notSnapshot := filepath.Join(dir, "empty")
	if err := os.WriteFile(notSnapshot, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	injected := errors.New("注入的故障")

	cases := []struct {
		name string
		add  string
		// fail is called after each change, within the transaction.
		fail func(cancel context.CancelFunc) func(i int) error
		want error
	}{
		{"an injected failure after the removal", sa2, func(context.CancelFunc) func(int) error {
			return func(i int) error {
				if i == 0 {
					return injected
				}
				return nil
			}
		}, injected},
		{"the context cancelled after the removal", sa2, func(cancel context.CancelFunc) func(int) error {
			return func(i int) error {
				if i == 0 {
					cancel()
				}
				return nil
			}
		}, context.Canceled},
		{"a file that is no snapshot", notSnapshot, nil, nil},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, "inplace-"+string(rune('a'+i))+".db")
			copyFile(t, base, out)
			header := fileHeader(t, out)
			before := dumpOf(t, out)
			ctx, cancel := context.WithCancel(ctx)
			defer cancel()
			m, err := data.UpdateInPlace(ctx, out, state)
			if err != nil {
				t.Fatal(err)
			}
			if tc.fail != nil {
				data.AfterInPlaceOp(m, tc.fail(cancel))
			}
			if err := m.Remove(ctx, a.Org().ID); err != nil {
				t.Fatal(err)
			}
			if err := m.Add(ctx, tc.add); err != nil {
				t.Fatal(err)
			}
			err = m.Finish(ctx)
			if err == nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("Finish: %v, want %v", err, tc.want)
			}
			if !bytes.Equal(fileHeader(t, out), header) {
				t.Fatal("the failed update changed the database's header")
			}
			if _, err := os.Stat(out + "-journal"); !errors.Is(err, os.ErrNotExist) {
				t.Fatalf("a journal is left beside the database: %v", err)
			}
			if !bytes.Equal(dumpOf(t, out), before) {
				t.Fatal("the failed update changed the database's records")
			}
			// Again, without the failure: the merge from scratch.
			m, err = data.UpdateInPlace(context.Background(), out, state)
			if err != nil {
				t.Fatal(err)
			}
			if err := m.Remove(context.Background(), a.Org().ID); err != nil {
				t.Fatal(err)
			}
			if err := m.Add(context.Background(), sa2); err != nil {
				t.Fatal(err)
			}
			if err := m.Finish(context.Background()); err != nil {
				t.Fatal(err)
			}
			sameDump(t, tc.name+", then again", out, scratch)
		})
	}

	t.Run("more snapshots than one transaction takes", func(t *testing.T) {
		out := filepath.Join(dir, "inplace-many.db")
		copyFile(t, base, out)
		header := fileHeader(t, out)
		m, err := data.UpdateInPlace(ctx, out, state)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Remove(ctx, a.Org().ID); err != nil {
			t.Fatal(err)
		}
		// One snapshot merged again and again is merged once.
		for i := 0; i <= data.MaxInPlaceAdds; i++ {
			if err := m.Add(ctx, sa2); err != nil {
				t.Fatal(err)
			}
		}
		if err := m.Finish(ctx); !errors.Is(err, data.ErrInPlaceTooLarge) {
			t.Fatalf("Finish with %d snapshots to add: %v", data.MaxInPlaceAdds+1, err)
		}
		if !bytes.Equal(fileHeader(t, out), header) {
			t.Fatal("the refused update changed the database")
		}
		copied := filepath.Join(dir, "copied.db")
		copyFile(t, out, copied)
		to, err := data.ResumeMerger(ctx, copied, state)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Replay(ctx, to); err != nil {
			t.Fatal(err)
		}
		if err := to.Finish(ctx); err != nil {
			t.Fatal(err)
		}
		sameDump(t, "replayed on a copy", copied, scratch)
	})
}
