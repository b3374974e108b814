package data_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
)

// agreementFor makes a member with a 目标管理责任书 to attach files to.
func agreementFor(t *testing.T, s *data.Store) *data.Agreement {
	t.Helper()
	ctx := context.Background()
	m := validMember(addBranch(t, s, "教工第一党支部"), "王建国", 1)
	if err := s.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	a := &data.Agreement{Year: 2026, MemberID: data.Ref(m.ID)}
	if err := s.Agreements.Create(ctx, a); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAttachSameBytesTwiceStoresThemOnce(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	ag := agreementFor(t, s)
	scan := []byte("%PDF-1.4 signed agreement")
	first, err := s.Attach(ctx, "agreements", ag.ID, `C:\扫描\责任书.pdf`, scan)
	if err != nil {
		t.Fatal(err)
	}
	if first.Name != "责任书.pdf" || first.MIME != "application/pdf" || first.Size != int64(len(scan)) {
		t.Fatalf("attachment %+v", first)
	}
	second, err := s.Attach(ctx, "agreements", ag.ID, "责任书(副本).pdf", scan)
	if err != nil {
		t.Fatal(err)
	}
	if second.SHA256 != first.SHA256 || second.ID == first.ID {
		t.Fatalf("two attachments of the same bytes: %+v and %+v", first, second)
	}
	if n, size, err := s.BlobUsage(ctx); err != nil || n != 1 || size != int64(len(scan)) {
		t.Fatalf("blobs: %d of %d bytes (%v), want 1 of %d", n, size, err, len(scan))
	}
	list, err := s.AttachmentsOf(ctx, "agreements", ag.ID)
	if err != nil || len(list) != 2 || list[0].Name != "责任书.pdf" {
		t.Fatalf("attachments listed: %+v (%v)", list, err)
	}
	if other, _ := s.AttachmentsOf(ctx, "members", ag.ID); len(other) != 0 {
		t.Fatalf("another table's attachments listed: %+v", other)
	}
}

func TestAttachRefusesTooLargeAFile(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	ag := agreementFor(t, s)
	_, err := s.Attach(ctx, "agreements", ag.ID, "录像.mp4", make([]byte, data.MaxBlobSize+1))
	if !errors.Is(err, data.ErrTooLarge) || !strings.Contains(err.Error(), "不能超过20 MB") ||
		!strings.Contains(err.Error(), "录像.mp4") {
		t.Fatalf("a file over the limit: %v", err)
	}
	if n, _, _ := s.BlobUsage(ctx); n != 0 {
		t.Fatalf("%d blobs stored after the refusal", n)
	}
	if list, _ := s.AttachmentsOf(ctx, "agreements", ag.ID); len(list) != 0 {
		t.Fatalf("attachment listed after the refusal: %+v", list)
	}
	if _, err := s.Attach(ctx, "agreements", ag.ID, "恰好.bin", make([]byte, data.MaxBlobSize)); err != nil {
		t.Fatalf("a file of exactly the limit: %v", err)
	}
}

func TestAttachChecksTheOwner(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	if _, err := s.Attach(ctx, "agreements", "no-such-id", "a.txt", []byte("x")); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("attaching to a missing row: %v", err)
	}
	if _, err := s.Attach(ctx, "blobs; DROP TABLE members", "x", "a.txt", []byte("x")); err == nil {
		t.Fatal("attaching to an unknown table succeeded")
	}
	if n, _, _ := s.BlobUsage(ctx); n != 0 {
		t.Fatalf("%d blobs stored for refused attachments", n)
	}
}

func TestExportAttachmentRoundTripsTheBytes(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	ag := agreementFor(t, s)
	content := []byte{0x89, 'P', 'N', 'G', 0, 1, 2, 3, 0xff, 0xfe}
	a, err := s.Attach(ctx, "agreements", ag.ID, "签字页.png", content)
	if err != nil {
		t.Fatal(err)
	}
	if a.MIME != "image/png" {
		t.Fatalf("MIME %q", a.MIME)
	}
	dir := filepath.Join(t.TempDir(), "dangjian-attachments")
	path, err := s.ExportAttachment(ctx, a, dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, content) || filepath.Base(path) != "签字页.png" {
		t.Fatalf("exported %s: %v %v", path, got, err)
	}
	// Exporting again reuses the file; another file of the same name is kept.
	if again, err := s.ExportAttachment(ctx, a, dir); err != nil || again != path {
		t.Fatalf("second export %s, %v", again, err)
	}
	b, err := s.Attach(ctx, "agreements", ag.ID, "签字页.png", []byte("other"))
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.ExportAttachment(ctx, b, dir)
	if err != nil || other == path {
		t.Fatalf("export of another file of the same name: %s, %v", other, err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, content) {
		t.Fatal("the first export was overwritten")
	}
	if got, _ := os.ReadFile(other); string(got) != "other" {
		t.Fatalf("second file holds %q", got)
	}
}

func TestAttachmentMIMEFromContentWithoutExtension(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	ag := agreementFor(t, s)
	a, err := s.Attach(ctx, "agreements", ag.ID, "扫描件", []byte("%PDF-1.7\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.MIME != "application/pdf" {
		t.Fatalf("MIME %q", a.MIME)
	}
}
