package data_test

import (
	"context"
	"testing"

	"dangjian/data"
)

// TestDeletingARecordTakesItsParts: a record whose rows are parts of it
// (attendance, an agreement's targets, a liaison's log) is deleted through
// its own table with them, listed once in the recycle bin, and restored
// with them.
func TestDeletingARecordTakesItsParts(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name, table, label string
		make               func(t *testing.T, s *data.Store, ms map[string]*data.Member) (id string, del func() error, parts func() int)
	}{
		{"组织生活", "meetings", "第一党支部 2026-04-10 支部党员大会",
			func(t *testing.T, s *data.Store, ms map[string]*data.Member) (string, func() error, func() int) {
				m := &data.Meeting{BranchID: ms["张三"].BranchID, Kind: "支部党员大会", Date: data.NewDate(2026, 4, 10)}
				must(t, s.SaveMeeting(ctx, m, map[string]string{ms["张三"].ID: "出席", ms["李四"].ID: "缺席"}))
				return m.ID, func() error { return s.Meetings.Delete(ctx, m) }, func() int {
					n, _ := s.MeetingAttendance.Count(ctx, data.Where(data.ColMeetingID, m.ID))
					return n
				}
			}},
		{"目标管理责任书", "agreements", "张三 2026年度",
			func(t *testing.T, s *data.Store, ms map[string]*data.Member) (string, func() error, func() int) {
				a := &data.Agreement{Year: 2026, MemberID: data.Ref(ms["张三"].ID)}
				must(t, s.Agreements.Create(ctx, a))
				for i, c := range []string{"学习党史", "联系群众"} {
					must(t, s.AgreementTargets.Create(ctx, &data.AgreementTarget{AgreementID: data.Ref(a.ID), Seq: i + 1, Content: c}))
				}
				return a.ID, func() error { return s.Agreements.Delete(ctx, a) }, func() int {
					n, _ := s.AgreementTargets.Count(ctx, data.Where(data.ColAgreementID, a.ID))
					return n
				}
			}},
		{"联系群众", "liaisons", "李四 群众 赵同学",
			func(t *testing.T, s *data.Store, ms map[string]*data.Member) (string, func() error, func() int) {
				l := &data.Liaison{MemberID: data.Ref(ms["李四"].ID), Kind: "群众", Contact: "赵同学", Since: data.NewDate(2026, 1, 1)}
				must(t, s.Liaisons.Create(ctx, l))
				for _, d := range []int{3, 9} {
					must(t, s.LiaisonLogs.Create(ctx, &data.LiaisonLog{LiaisonID: data.Ref(l.ID), Date: data.NewDate(2026, 2, d), Content: "谈心"}))
				}
				return l.ID, func() error { return s.Liaisons.Delete(ctx, l) }, func() int {
					rows, _ := s.LiaisonLogs.List(ctx)
					return len(rows)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := tickingStore(t)
			_, ms := people(t, s)
			id, del, parts := c.make(t, s, ms)
			must(t, del())
			if n := parts(); n != 0 {
				t.Errorf("%d parts still live", n)
			}
			items := trashOf(t, s)
			if len(items) != 1 || items[0].ID != id || items[0].Label != c.label || items[0].Parts != 2 {
				t.Fatalf("recycle bin %+v, want %q with 2 parts", items, c.label)
			}
			must(t, s.RestoreDeleted(ctx, c.table, id))
			if n := parts(); n != 2 {
				t.Errorf("%d parts live after restore, want 2", n)
			}
		})
	}
}
