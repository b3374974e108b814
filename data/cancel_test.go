package data_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"dangjian/data"
)

func TestWriteCancelledMidwaySaysCancelledAndWritesNothing(t *testing.T) {
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "x.db"), "测试学院党委", "")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	wctx, cancel := context.WithCancel(ctx)
	err = s.Write(wctx, func(tx *data.Tx) error {
		if err := tx.Branches.Create(wctx, &data.Branch{Name: "第一党支部", Type: "教工"}); err != nil {
			return err
		}
		cancel()
		time.Sleep(100 * time.Millisecond) // database/sql rolls back on its own goroutine
		// The driver rolls back under the writer; what the next write
		// meets is not a context error of its own.
		return tx.Branches.Create(wctx, &data.Branch{Name: "第二党支部", Type: "教工"})
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want one that says it was cancelled", err)
	}
	if n, err := s.Branches.Count(ctx); err != nil || n != 0 {
		t.Fatalf("%d branches written (%v)", n, err)
	}
}
