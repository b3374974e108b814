package sheets

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"
)

// TestCancelMidImportWritesNothing: a context cancelled after 200 rows of
// 1,000 ends the import with the context's error (which the command line
// and the window turn into 已取消,未写入任何数据), writes nothing, and
// leaves no scratch folder; so does one cancelled while the file is still
// being read.
func TestCancelMidImportWritesNothing(t *testing.T) {
	s := testStore(t)
	content := membersBook(t, 1000)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	seen := 0
	rep, err := Import(ctx, s, Members, bytes.NewReader(content), Options{Progress: func(done, _ int) {
		if done >= 200 {
			seen = done
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || seen != 200 {
		t.Fatalf("err %v after %d rows (report %+v)", err, seen, rep)
	}
	if rep.Written {
		t.Fatal("a cancelled import says it wrote")
	}
	if n, _ := s.Members.Count(context.Background()); n != 0 {
		t.Fatalf("a cancelled import wrote %d members", n)
	}
	if got := runFolders(t, s.Path()); got != "" {
		t.Fatalf("left: %s", got)
	}

	// Cancelled while a stream is copied into the scratch folder.
	ctx, cancel = context.WithCancel(context.Background())
	r := &cancelAfter{r: bytes.NewReader(content), n: len(content) / 2, cancel: cancel}
	if _, err := Import(ctx, s, Members, r, Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled while reading: %v", err)
	}
	if got := runFolders(t, s.Path()); got != "" {
		t.Fatalf("left: %s", got)
	}
}

// cancelAfter reads r (hiding that it is in memory) and cancels once n
// bytes are read.
type cancelAfter struct {
	r      io.Reader
	n      int
	cancel func()
}

func (c *cancelAfter) Read(b []byte) (int, error) {
	n, err := c.r.Read(b[:min(len(b), 4096)])
	if c.n -= n; c.n <= 0 {
		c.cancel()
	}
	return n, err
}
