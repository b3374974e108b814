package data_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
)

// TestRollsFactsAsTheFullFigures: the members on the rolls by the light
// gathering are the full figures' members, as the same, on every day.
func TestRollsFactsAsTheFullFigures(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	a, b := addBranch(t, s, "第一党支部"), addBranch(t, s, "第二党支部")
	stay := validMember(a, "王留", 1)
	gone := validMember(a, "李走", 2)
	came := validMember(b, "张来", 3)
	came.JoinedDate, came.ConfirmedAt = data.NewDate(2026, 2, 1), data.NewDate(2026, 10, 1)
	for _, m := range []*data.Member{stay, gone, came} {
		if err := s.Members.Create(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Transfers.Create(ctx, &data.Transfer{MemberID: data.Ref(gone.ID), Direction: "转出", OtherOrg: "外校党委",
		LetterNo: "转出1", IssuedDate: data.NewDate(2026, 6, 1), ValidDays: 90}); err != nil {
		t.Fatal(err)
	}
	gone.Status = "已转出"
	if err := s.Members.Update(ctx, gone); err != nil {
		t.Fatal(err)
	}
	ids := func(ms []rules.Member) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.ID+" "+m.BranchID+" "+string(m.Category))
		}
		slices.Sort(out)
		return out
	}
	for _, day := range []time.Time{time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC), time.Date(2026, 5, 31, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)} {
		light, err := s.RollsFacts(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		full, err := s.Figures(ctx, 2026, fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		got, want := ids(rules.OnRolls(light, day)), ids(full.OnRolls(day))
		if !slices.Equal(got, want) || len(got) == 0 {
			t.Errorf("%s: %v, the full figures %v", day.Format(time.DateOnly), got, want)
		}
	}
	light, _ := s.RollsFacts(ctx, time.Date(2026, 5, 31, 0, 0, 0, 0, time.UTC))
	if n := len(rules.OnRolls(light, time.Date(2026, 5, 31, 0, 0, 0, 0, time.UTC))); n != 3 {
		t.Errorf("%d on the rolls on 31 May, want 3", n)
	}
}
