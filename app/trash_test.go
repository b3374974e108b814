package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"dangjian/data"
	"dangjian/data/field"
)

// trashRow is the 回收站 row whose 记录 contains text, -1 when none.
func trashRow(s *trashScreen, text string) int {
	for r, it := range s.shown {
		if strings.Contains(it.Label, text) {
			return r
		}
	}
	return -1
}

func TestTrashListsADeletedRecordAndRestoresIt(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	talk := &data.Talk{MemberID: data.Ref(memberID(t, u, "张伟")), Date: data.NewDate(2026, 3, 1), Talker: "王建国"}
	if err := u.store.Talks.Create(ctx, talk); err != nil {
		t.Fatal(err)
	}
	if err := u.store.Talks.Delete(ctx, talk); err != nil {
		t.Fatal(err)
	}
	openScreen(t, u, "回收站")
	q.settle(u)
	s := u.built["trash"].(*trashScreen)
	r := trashRow(s, "张伟")
	if r < 0 || s.count.Text != "共1条" {
		t.Fatalf("the deleted talk is not listed: %+v (%q)", s.shown, s.count.Text)
	}
	if got := trashCell(s.shown[r], 0); got != "谈心谈话" {
		t.Fatalf("listed as %q", got)
	}
	// The search and the kind filter narrow the list.
	s.query.SetText("李红梅")
	if len(s.shown) != 0 || s.count.Text != "显示0条，共1条" {
		t.Fatalf("search 李红梅 shows %d (%q)", len(s.shown), s.count.Text)
	}
	s.query.SetText("张伟")
	if len(s.shown) != 1 {
		t.Fatalf("search 张伟 shows %d", len(s.shown))
	}
	if !strings.Contains(strings.Join(s.kind.Options, " "), "谈心谈话") {
		t.Fatalf("kinds offered: %q", s.kind.Options)
	}
	s.kind.SetSelected("谈心谈话")
	if len(s.shown) != 1 {
		t.Fatalf("kind 谈心谈话 shows %d", len(s.shown))
	}

	s.table.selectRow(0)
	test.Tap(findButton(t, u, "恢复"))
	q.settle(u)
	if _, err := u.store.Talks.Get(ctx, talk.ID); err != nil {
		t.Fatalf("not restored: %v", err)
	}
	if !strings.HasPrefix(u.noticeText(), "已恢复谈心谈话") || len(s.items) != 0 || s.count.Text != "共0条" {
		t.Fatalf("after 恢复: notice %q, %d listed", u.noticeText(), len(s.items))
	}
}

func TestTrashShowsWhyARecordCannotBeRestored(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	m := &data.Member{BranchID: data.Ref(u.members0(t)), Name: "赵丽", Category: "正式党员", PersonType: "在职教职工",
		IDNumber: field.MakeIDNumber("330106", time.Date(1988, 8, 8, 0, 0, 0, 0, time.UTC), 5, false), JoinedDate: data.NewDate(2012, 7, 1)}
	if err := u.store.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	talk := &data.Talk{MemberID: data.Ref(m.ID), Date: data.NewDate(2026, 3, 1), Talker: "王建国"}
	if err := u.store.Talks.Create(ctx, talk); err != nil {
		t.Fatal(err)
	}
	if err := u.store.Talks.Delete(ctx, talk); err != nil {
		t.Fatal(err)
	}
	if err := u.store.Members.Delete(ctx, m); err != nil {
		t.Fatal(err)
	}
	openScreen(t, u, "回收站")
	q.settle(u)
	s := u.built["trash"].(*trashScreen)
	if len(s.items) != 2 {
		t.Fatalf("%d deleted records listed, want the talk and the member", len(s.items))
	}
	s.kind.SetSelected("谈心谈话")
	s.table.selectRow(0)
	s.table.openSelected()
	test.Tap(findButtonIn(t, u, "恢复"))
	q.settle(u)
	if got := overlayTexts(u); !strings.Contains(got, "不能恢复") || !strings.Contains(got, "赵丽") {
		t.Fatalf("the refusal reads %q", got)
	}
	if _, err := u.store.Talks.Get(ctx, talk.ID); err == nil {
		t.Fatal("a talk restored while its member is deleted")
	}
	if len(s.items) != 2 {
		t.Fatalf("%d listed after the refusal", len(s.items))
	}
}

// A talk deleted with its attachment is listed once, its attachment counted
// under 一并删除, and 恢复 brings both back; an attachment deleted on its
// own before its talk cannot come back while the talk is deleted, and the
// 回收站 says to restore the talk first.
func TestTrashRestoresARecordWithItsAttachments(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	talk := &data.Talk{MemberID: data.Ref(memberID(t, u, "张伟")), Date: data.NewDate(2026, 3, 1), Talker: "王建国"}
	if err := u.store.Talks.Create(ctx, talk); err != nil {
		t.Fatal(err)
	}
	kept, err := u.store.Attach(ctx, "talks", talk.ID, "谈话记录.pdf", []byte("记录"))
	if err != nil {
		t.Fatal(err)
	}
	alone, err := u.store.Attach(ctx, "talks", talk.ID, "草稿.txt", []byte("草稿"))
	if err != nil {
		t.Fatal(err)
	}
	if err := u.store.Attachments.Delete(ctx, alone); err != nil {
		t.Fatal(err)
	}
	if err := u.store.Talks.Delete(ctx, talk); err != nil {
		t.Fatal(err)
	}
	openScreen(t, u, "回收站")
	q.settle(u)
	s := u.built["trash"].(*trashScreen)
	if len(s.shown) != 2 || trashRow(s, "草稿.txt") < 0 {
		t.Fatalf("the 回收站 lists %+v, want the talk and the attachment deleted on its own", s.shown)
	}
	r := trashRow(s, "张伟")
	if r < 0 || trashCell(s.shown[r], 3) != "1条相关记录" {
		t.Fatalf("the talk is not listed with its attachment under 一并删除: %+v", s.shown)
	}

	s.table.selectRow(trashRow(s, "草稿.txt"))
	test.Tap(findButton(t, u, "恢复"))
	q.settle(u)
	if got := overlayTexts(u); !strings.Contains(got, "不能恢复") || !strings.Contains(got, "已删除，请先恢复该谈心谈话") {
		t.Fatalf("restoring the attachment of a deleted talk reads %q", got)
	}
	closeOverlays(u)

	s.table.selectRow(trashRow(s, "张伟"))
	test.Tap(findButton(t, u, "恢复"))
	q.settle(u)
	list, _ := u.store.AttachmentsOf(ctx, "talks", talk.ID)
	if len(list) != 1 || list[0].ID != kept.ID {
		t.Fatalf("restoring the talk brought back %+v, want its attachment deleted with it", list)
	}
	if len(s.shown) != 1 || trashRow(s, "草稿.txt") != 0 {
		t.Fatalf("after 恢复 the 回收站 lists %+v", s.shown)
	}
}
