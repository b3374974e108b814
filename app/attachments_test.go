package app

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"dangjian/data"
)

func TestAttachAFileToAnAgreement(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	members, err := u.store.Members.List(ctx, data.Where("name", "王建国"))
	if err != nil || len(members) != 1 {
		t.Fatal(err)
	}
	ag := &data.Agreement{Year: time.Now().Year(), MemberID: data.Ref(members[0].ID)}
	if err := u.store.Agreements.Create(ctx, ag); err != nil {
		t.Fatal(err)
	}
	s := openAgreementScreen(t, u, q)
	d := openAgreement(t, s, "王建国")
	q.settle(u)
	p := d.attachments
	if p.add.Disabled() || len(p.items) != 0 {
		t.Fatalf("panel of a saved agreement: add disabled %v, %d items", p.add.Disabled(), len(p.items))
	}

	content := []byte("%PDF-1.4 目标管理责任书 签字页")
	path := filepath.Join(t.TempDir(), "责任书扫描件.pdf")
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	attach := func() {
		t.Helper()
		p.fileChosen(openFile(t, path), filepath.Base(path)) // what the 添加 file dialog hands back
		q.settle(u)
	}
	attach()
	if len(p.items) != 1 || p.items[0].Name != "责任书扫描件.pdf" || p.items[0].Size != int64(len(content)) {
		t.Fatalf("listed %+v (%q)", p.items, p.note.Text)
	}
	attach()
	if len(p.items) != 2 {
		t.Fatalf("listed %d after attaching twice (%q)", len(p.items), p.note.Text)
	}
	if n, size, err := u.store.BlobUsage(ctx); err != nil || n != 1 || size != int64(len(content)) {
		t.Fatalf("the same file attached twice is stored as %d blobs of %d bytes (%v)", n, size, err)
	}
	if list, _ := u.store.AttachmentsOf(ctx, "agreements", ag.ID); len(list) != 2 {
		t.Fatalf("%d attachments stored for the agreement", len(list))
	}

	test.Tap(findButtonIn(t, u, "打开"))
	q.settle(u)
	t.Cleanup(func() { os.Remove(p.opened) })
	if got, err := os.ReadFile(p.opened); err != nil || !bytes.Equal(got, content) ||
		filepath.Dir(filepath.Dir(filepath.Dir(p.opened))) != filepath.Dir(u.store.Path()) {
		t.Fatalf("opened %q: %v (%q)", p.opened, err, p.note.Text)
	}

	// 删除 asks first, then offers 撤销, as for any record.
	p.remove(p.items[1])
	want := "删除附件“责任书扫描件.pdf”？删除后可在回收站恢复。"
	if got := overlayTexts(u); !strings.Contains(got, want) {
		t.Fatalf("the confirmation reads %q, want %q", got, want)
	}
	test.Tap(findButtonIn(t, u, "删除"))
	q.settle(u)
	if len(p.items) != 1 {
		t.Fatalf("%d listed after deleting one", len(p.items))
	}
	if got := u.noticeText(); got != "已删除附件“责任书扫描件.pdf”" {
		t.Fatalf("notice %q", got)
	}
	if !u.tapUndo() {
		t.Fatal("no 撤销 after deleting an attachment")
	}
	q.settle(u)
	if len(p.items) != 2 {
		t.Fatalf("%d listed after 撤销", len(p.items))
	}
	if list, _ := u.store.AttachmentsOf(ctx, "agreements", ag.ID); len(list) != 2 {
		t.Fatalf("%d attachments stored after 撤销", len(list))
	}
}

func TestReadLimitedRefusesALargeFile(t *testing.T) {
	_, err := readLimited(bytes.NewReader(make([]byte, data.MaxBlobSize+3<<20)))
	if !errors.Is(err, data.ErrTooLarge) || !strings.Contains(err.Error(), "23.0 MB") {
		t.Fatalf("a 23 MB file: %v", err)
	}
	got, err := readLimited(strings.NewReader("小文件"))
	if err != nil || string(got) != "小文件" {
		t.Fatalf("a small file: %q %v", got, err)
	}
}
