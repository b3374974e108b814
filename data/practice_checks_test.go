package data_test

import (
	"context"
	"strings"
	"testing"

	"dangjian/data"
)

// A visit to a 联系点 (a liaison's contact) is dated within the liaison's
// period; a 志愿服务 and a 党校课程 have hours.
func TestVisitsWithinTheirLinkAndHoursGiven(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	m := validMember(addBranch(t, s, "一支部"), "张三", 1)
	m.IsLeader = true
	if err := s.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	l := &data.Liaison{MemberID: data.Ref(m.ID), Kind: "班级", Contact: "计科2301班", Since: data.NewDate(2025, 9, 1),
		Until: data.NewDate(2026, 6, 30)}
	if err := s.Liaisons.Create(ctx, l); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		day  data.Date
		want string
	}{
		{data.NewDate(2025, 8, 31), "早于该联系关系的开始日期2025-09-01"},
		{data.NewDate(2025, 9, 1), ""},
		{data.NewDate(2026, 6, 30), ""},
		{data.NewDate(2026, 7, 1), "晚于该联系关系的结束日期2026-06-30"},
	} {
		err := s.LiaisonLogs.Create(ctx, &data.LiaisonLog{LiaisonID: data.Ref(l.ID), Date: c.day, Content: "座谈"})
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.day, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: %v, want %q", c.day, err, c.want)
		}
	}
	err := s.VolunteerServices.Create(ctx, &data.VolunteerService{MemberID: data.Ref(m.ID), Date: data.NewDate(2026, 3, 1),
		Activity: "社区服务"})
	if err == nil || !strings.Contains(err.Error(), "应大于0") {
		t.Errorf("a 志愿服务 of 0 hours: %v", err)
	}
}
