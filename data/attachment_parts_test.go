package data_test

import (
	"context"
	"errors"
	"testing"

	"dangjian/data"
)

// liveAttachments is how many live attachments the row has.
func liveAttachments(t *testing.T, s *data.Store, table, id string) int {
	t.Helper()
	as, err := s.AttachmentsOf(context.Background(), table, id)
	if err != nil {
		t.Fatal(err)
	}
	return len(as)
}

// TestDeletingARecordTakesItsAttachments: a record deleted through its
// table takes its attachments (and those of its parts) with it; the
// recycle bin lists the record alone, counting them among its parts, and
// restoring it, by the recycle bin or by its table, brings them back.
func TestDeletingARecordTakesItsAttachments(t *testing.T) {
	ctx := context.Background()
	for _, restoreBy := range []string{"回收站", "表"} {
		t.Run(restoreBy, func(t *testing.T) {
			s := tickingStore(t)
			_, ms := people(t, s)
			tk := &data.Talk{MemberID: data.Ref(ms["王五"].ID), Date: data.NewDate(2026, 7, 1), Talker: "书记"}
			must(t, s.Talks.Create(ctx, tk))
			for _, name := range []string{"谈话记录.pdf", "照片.jpg"} {
				if _, err := s.Attach(ctx, "talks", tk.ID, name, []byte(name)); err != nil {
					t.Fatal(err)
				}
			}
			must(t, s.Talks.Delete(ctx, tk))
			if n := liveAttachments(t, s, "talks", tk.ID); n != 0 {
				t.Fatalf("%d attachments of the deleted talk are still live", n)
			}
			items := trashOf(t, s)
			if len(items) != 1 || items[0].ID != tk.ID || items[0].Parts != 2 {
				t.Fatalf("the recycle bin lists %+v, want the talk alone with its 2 attachments as parts", items)
			}
			if restoreBy == "回收站" {
				must(t, s.RestoreDeleted(ctx, "talks", tk.ID))
			} else {
				must(t, s.Talks.Restore(ctx, tk.ID))
			}
			if n := liveAttachments(t, s, "talks", tk.ID); n != 2 {
				t.Errorf("restoring the talk brought back %d of its 2 attachments", n)
			}
			if items := trashOf(t, s); len(items) != 0 {
				t.Errorf("the recycle bin still lists %+v", items)
			}
		})
	}
}

// TestDeletingAnAgreementTakesItsTargetsAttachments: the attachment of an
// agreement's target goes and comes back with the agreement, and is not
// listed in the recycle bin on its own.
func TestDeletingAnAgreementTakesItsTargetsAttachments(t *testing.T) {
	ctx := context.Background()
	s := tickingStore(t)
	_, ms := people(t, s)
	a := &data.Agreement{Year: 2026, MemberID: data.Ref(ms["张三"].ID)}
	must(t, s.Agreements.Create(ctx, a))
	target := &data.AgreementTarget{AgreementID: data.Ref(a.ID), Seq: 1, Content: "学习党史"}
	must(t, s.AgreementTargets.Create(ctx, target))
	if _, err := s.Attach(ctx, "agreements", a.ID, "责任书.pdf", []byte("签字")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Attach(ctx, "agreement_targets", target.ID, "完成情况.docx", []byte("完成")); err != nil {
		t.Fatal(err)
	}
	must(t, s.Agreements.Delete(ctx, a))
	if n := liveAttachments(t, s, "agreement_targets", target.ID); n != 0 {
		t.Fatalf("the target's attachment is live after its agreement was deleted")
	}
	items := trashOf(t, s)
	if len(items) != 1 || items[0].ID != a.ID || items[0].Parts != 3 {
		t.Fatalf("the recycle bin lists %+v, want the agreement alone with its target and 2 attachments", items)
	}
	must(t, s.RestoreDeleted(ctx, "agreements", a.ID))
	if liveAttachments(t, s, "agreements", a.ID) != 1 || liveAttachments(t, s, "agreement_targets", target.ID) != 1 {
		t.Error("restoring the agreement did not bring back both attachments")
	}
}

// TestAttachmentRestoreWaitsForItsRecord: an attachment deleted on its own
// stays deleted when its record is deleted and restored later; restoring
// it while the record is deleted is refused, saying to restore the record
// first; once the record is back it can be restored.
func TestAttachmentRestoreWaitsForItsRecord(t *testing.T) {
	ctx := context.Background()
	s := tickingStore(t)
	_, ms := people(t, s)
	tk := &data.Talk{MemberID: data.Ref(ms["王五"].ID), Date: data.NewDate(2026, 7, 1), Talker: "书记"}
	must(t, s.Talks.Create(ctx, tk))
	att, err := s.Attach(ctx, "talks", tk.ID, "谈话记录.pdf", []byte("记录"))
	if err != nil {
		t.Fatal(err)
	}
	must(t, s.Attachments.Delete(ctx, att))
	must(t, s.Talks.Delete(ctx, tk))
	if items := trashOf(t, s); len(items) != 2 {
		t.Fatalf("the recycle bin lists %+v, want the talk and the attachment deleted before it", items)
	}
	for _, restore := range []func() error{
		func() error { return s.RestoreDeleted(ctx, "attachments", att.ID) },
		func() error { return s.Attachments.Restore(ctx, att.ID) },
	} {
		err := restore()
		if !errors.Is(err, data.ErrNotRestorable) || err.Error() != "所属的谈心谈话“2026-07-01 王五”已删除，请先恢复该谈心谈话。" {
			t.Fatalf("restoring the attachment of a deleted talk: %v", err)
		}
	}
	if n := liveAttachments(t, s, "talks", tk.ID); n != 0 {
		t.Fatalf("a refused restore left %d attachments live", n)
	}
	must(t, s.RestoreDeleted(ctx, "talks", tk.ID))
	if n := liveAttachments(t, s, "talks", tk.ID); n != 0 {
		t.Fatal("the attachment deleted on its own came back with the talk")
	}
	must(t, s.RestoreDeleted(ctx, "attachments", att.ID))
	if n := liveAttachments(t, s, "talks", tk.ID); n != 1 {
		t.Errorf("the attachment is not back once its talk is: %d live", n)
	}
}
