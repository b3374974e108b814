package pdf

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

// A name the print face cannot take (a character outside the Basic
// Multilingual Plane, which the PDF library panics on) refuses the document
// with a message and writes nothing; the program goes on.
func TestUnprintableNameRefusesTheDocumentWithoutAPanic(t *testing.T) {
	demoStore(t) // makes the shared demo database
	path := filepath.Join(t.TempDir(), "rare.db")
	content, err := os.ReadFile(demoPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := data.Open(ctx, path, data.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	members, err := s.Members.List(ctx)
	if err != nil || len(members) == 0 {
		t.Fatal(err, len(members))
	}
	m := members[0]
	m.Name = "王\U0002CC56"
	if err := s.Members.Update(ctx, &m); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err = Write(ctx, s, Roster, &out, Options{Now: testNow})
	if !errors.Is(err, errUnprintable) {
		t.Fatalf("roster with 王𬱖: %v, want the refusal", err)
	}
	if out.Len() != 0 {
		t.Errorf("%d bytes written of a refused document", out.Len())
	}
}
