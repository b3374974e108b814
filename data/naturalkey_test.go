package data_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dangjian/data"
)

// Two live records of a kind with the same natural key are refused, saying
// which fields are the same; a deleted one does not count, and a record
// may be saved again under its own key.
func TestNaturalKeyIsUnique(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	m := validMember(addBranch(t, s, "一支部"), "张三", 1)
	if err := s.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	first := &data.VolunteerService{MemberID: data.Ref(m.ID), Date: data.NewDate(2026, 3, 1), Activity: "社区服务", Hours: 2}
	if err := s.VolunteerServices.Create(ctx, first); err != nil {
		t.Fatal(err)
	}
	second := &data.VolunteerService{MemberID: data.Ref(m.ID), Date: data.NewDate(2026, 3, 1), Activity: "社区服务", Hours: 3}
	err := s.VolunteerServices.Create(ctx, second)
	var v *data.ValidationError
	if !errors.As(err, &v) || !strings.Contains(err.Error(), "已有党员、日期、服务内容相同的志愿服务记录") {
		t.Fatalf("a second 志愿服务 of the same day and activity: %v", err)
	}
	first.Hours = 3
	if err := s.VolunteerServices.Update(ctx, first); err != nil {
		t.Fatalf("saving a record again: %v", err)
	}
	if err := s.VolunteerServices.Delete(ctx, first); err != nil {
		t.Fatal(err)
	}
	if err := s.VolunteerServices.Create(ctx, second); err != nil {
		t.Fatalf("after the first was deleted: %v", err)
	}
	p := &data.Pledge{MemberID: data.Ref(m.ID), Year: 2026, Content: "承诺", PledgedDate: data.NewDate(2026, 3, 1)}
	if err := s.Pledges.Create(ctx, p); err != nil {
		t.Fatal(err)
	}
	again := &data.Pledge{MemberID: data.Ref(m.ID), Year: 2026, Content: "又一份", PledgedDate: data.NewDate(2026, 3, 2)}
	if err := s.Pledges.Create(ctx, again); err == nil {
		t.Fatal("a second 承诺 of the year was accepted")
	}
}

// A deleted record is not restored over a live one with its natural key.
func TestRestoreRefusesADuplicateNaturalKey(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	m := validMember(addBranch(t, s, "一支部"), "张三", 1)
	if err := s.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	old := &data.Pledge{MemberID: data.Ref(m.ID), Year: 2026, Content: "承诺", PledgedDate: data.NewDate(2026, 3, 1)}
	if err := s.Pledges.Create(ctx, old); err != nil {
		t.Fatal(err)
	}
	if err := s.Pledges.Delete(ctx, old); err != nil {
		t.Fatal(err)
	}
	if err := s.Pledges.Create(ctx, &data.Pledge{MemberID: data.Ref(m.ID), Year: 2026, Content: "重新填写",
		PledgedDate: data.NewDate(2026, 3, 2)}); err != nil {
		t.Fatal(err)
	}
	err := s.RestoreDeleted(ctx, "pledges", old.ID)
	if !errors.Is(err, data.ErrNotRestorable) || !strings.Contains(err.Error(), "已有党员、年度相同的承诺践诺记录") {
		t.Fatalf("restore over a live pledge of the year: %v", err)
	}
}
