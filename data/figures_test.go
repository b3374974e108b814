package data_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// movableStore is a new database whose clock the test moves.
func movableStore(t *testing.T, now *time.Time) *data.Store {
	t.Helper()
	s, err := data.Create(context.Background(), filepath.Join(t.TempDir(), "org.db"), "测试学院党委", "CS",
		data.WithClock(func() time.Time { return *now }), data.WithActor("测试员"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestMembersOnlyImportGivesNoSixMonthFindings(t *testing.T) {
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	s := movableStore(t, &now)
	ctx := context.Background()
	b := addBranch(t, s, "第一党支部")
	for i := range 99 {
		must(t, s.Members.Create(ctx, validMember(b, "党员", i))) // admitted 2008
	}
	fs, err := s.Check(ctx, 2026, now)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Rule == vocab.RuleSixMonth || f.Rule == vocab.RuleTalk || f.Rule == vocab.RuleTarget {
			t.Fatalf("%s on the day of import: %s", f.Rule, f.Detail)
		}
	}
	fig, err := s.Figures(ctx, 2026, now)
	if err != nil {
		t.Fatal(err)
	}
	if l := fig.DuesLedger(); l.Org.Arrears != 0 || l.Org.Due != 0 {
		t.Errorf("dues owed on the day of import: %+v (December is not over)", l.Org)
	}
	// In March with nothing recorded since, December to February are three
	// months without: the warning names where the count starts.
	now = time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)
	fs, err = s.Check(ctx, 2027, now)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range fs {
		if f.Rule == vocab.RuleSixMonth {
			n++
			if f.Detail != "已连续3个月未交纳党费（预警）（自记录起始月份2026年12月起计）" &&
				f.Detail != "已连续3个月未参加党的组织生活（预警）（自记录起始月份2026年12月起计）" {
				t.Fatalf("detail %q", f.Detail)
			}
		}
	}
	if n != 2*99 {
		t.Errorf("%d SIX-MONTH findings, want a dues and an attendance warning for each of 99 members", n)
	}
}

func TestRecordsSinceSettingOverridesTheRecords(t *testing.T) {
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	s := movableStore(t, &now)
	ctx := context.Background()
	b := addBranch(t, s, "第一党支部")
	m := validMember(b, "甲", 1)
	must(t, s.Members.Create(ctx, m))
	// An old meeting entered by hand would make the meetings covered from 2020.
	must(t, s.Meetings.Create(ctx, &data.Meeting{BranchID: data.Ref(b.ID), Kind: "主题党日", Date: data.NewDate(2020, 5, 5)}))
	f, err := s.Facts(ctx, 2026, now)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Coverage.Meetings.Equal(time.Date(2020, 5, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("meetings covered from %v", f.Coverage.Meetings)
	}
	if !f.Coverage.Dues.Equal(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("dues covered from %v, want the database's creation month", f.Coverage.Dues)
	}
	must(t, s.SetSetting(ctx, rules.RecordsSinceKey, "2026-09"))
	f, err = s.Facts(ctx, 2026, now)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Coverage.Meetings.Equal(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)) || !f.Coverage.Dues.Equal(f.Coverage.Meetings) {
		t.Errorf("the setting is not applied: %+v", f.Coverage)
	}
	if err := s.SetSetting(ctx, rules.RecordsSinceKey, "九月"); err == nil {
		t.Error("a bad month was stored")
	}
}

func TestTransferInDuesPaidUntil(t *testing.T) {
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	s := movableStore(t, &now)
	ctx := context.Background()
	must(t, s.SetSetting(ctx, rules.RecordsSinceKey, "2026-01"))
	b := addBranch(t, s, "第一党支部")
	m := validMember(b, "甲", 1)
	must(t, s.Members.Create(ctx, m))
	tr := &data.Transfer{MemberID: data.Ref(m.ID), Direction: "转入", OtherOrg: "外校党委", LetterNo: "转字001",
		IssuedDate: data.NewDate(2026, 5, 20), DuesPaidUntil: "2026年6月"}
	must(t, s.Transfers.Create(ctx, tr))
	if tr.DuesPaidUntil != "2026-06" {
		t.Errorf("党费交至 stored as %q", tr.DuesPaidUntil)
	}
	fig, err := s.Figures(ctx, 2026, now)
	if err != nil {
		t.Fatal(err)
	}
	line := fig.DuesLedger().Line(m.ID)
	if line == nil || !line.From.Equal(time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("line %+v: owes from July", line)
	}
	due, _ := data.DueFor(m)
	if line.Arrears != 5*int64(due) {
		t.Errorf("arrears %d, want July–November: %d", line.Arrears, 5*int64(due))
	}
	bad := &data.Transfer{MemberID: data.Ref(m.ID), Direction: "转入", OtherOrg: "外校党委", LetterNo: "转字002",
		IssuedDate: data.NewDate(2026, 5, 20), DuesPaidUntil: "六月"}
	if data.ProblemsOf(s.Transfers.Create(ctx, bad)) == nil {
		t.Error("a 党费交至 that is not a month was accepted")
	}
}

func TestFactsAsOfAPastDay(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s := movableStore(t, &now)
	ctx := context.Background()
	b1, b2 := addBranch(t, s, "第一党支部"), addBranch(t, s, "第二党支部")
	m := validMember(b1, "甲", 1)
	must(t, s.Members.Create(ctx, m))
	now = time.Date(2026, 8, 15, 9, 0, 0, 0, time.UTC)
	m.BranchID, m.PartyPost = data.Ref(b2.ID), "组织委员"
	must(t, s.Members.Update(ctx, m))
	fig, err := s.Figures(ctx, 2026, time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if got := fig.Member(m.ID); got.BranchID != b1.ID || got.PartyPost != "" {
		t.Errorf("on 30 June: branch %s post %q, want the first branch and no post", got.BranchID, got.PartyPost)
	}
	fig, err = s.Figures(ctx, 2026, now)
	if err != nil {
		t.Fatal(err)
	}
	if got := fig.Member(m.ID); got.BranchID != b2.ID || got.PartyPost != "组织委员" {
		t.Errorf("today: branch %s post %q", got.BranchID, got.PartyPost)
	}
}

func TestSetSettingsStoresAllOrNone(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	err := s.SetSettings(ctx, []data.Setting{{Key: "train.hours", Value: "40"}, {Key: rules.AppliesKey(vocab.RuleTalk), Value: "教师"}})
	if err == nil {
		t.Fatal("a bad 适用人员类别 was accepted")
	}
	set, err := s.RuleSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if set.TrainingHours != 32 {
		t.Fatalf("the good value was stored beside the bad one: %d", set.TrainingHours)
	}
	must(t, s.SetSettings(ctx, []data.Setting{{Key: "train.hours", Value: "40"}, {Key: rules.RecordsSinceKey, Value: "2026-03"}}))
	set, _ = s.RuleSettings(ctx)
	if set.TrainingHours != 40 || set.RecordsSinceMonth().Month() != time.March {
		t.Fatalf("settings %+v", set)
	}
	c, err := s.Coverage(ctx)
	if err != nil || !c.Dues.Equal(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("Coverage %+v, %v", c, err)
	}
}

func TestAPastYearDoesNotChargeMembersWhoCameLater(t *testing.T) {
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	s := movableStore(t, &now)
	ctx := context.Background()
	must(t, s.SetSetting(ctx, rules.RecordsSinceKey, "2025-01"))
	b := addBranch(t, s, "第一党支部")
	stayed, came := validMember(b, "甲", 1), validMember(b, "乙", 2)
	must(t, s.Members.Create(ctx, stayed))
	must(t, s.Members.Create(ctx, came))
	must(t, s.Transfers.Create(ctx, &data.Transfer{MemberID: data.Ref(came.ID), Direction: "转入", OtherOrg: "外校党委",
		LetterNo: "转字009", IssuedDate: data.NewDate(2026, 6, 15), DuesPaidUntil: "2026-06"}))
	fig, err := s.Figures(ctx, 2025, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if fig.DuesLedger().Line(came.ID) != nil {
		t.Error("2025's ledger charges a member who came in June 2026")
	}
	if fig.DuesLedger().Line(stayed.ID) == nil {
		t.Error("2025's ledger lacks a member who was here")
	}
	for _, f := range fig.Findings() {
		if f.MemberID == came.ID {
			t.Errorf("2025 finding about a member who came in 2026: %s %s", f.Rule, f.Detail)
		}
	}
	fig, err = s.Figures(ctx, 2026, now)
	if err != nil {
		t.Fatal(err)
	}
	if l := fig.DuesLedger().Line(came.ID); l == nil || !l.From.Equal(time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("2026: line %+v, want owing from July", l)
	}
}

func TestConsolidatedOrganizationsCountFromTheirOwnRecords(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	old := demoOrg(t, dir, "计算机学院党委", 30, 1, mergeNow)
	// A college that imported its members in November and recorded nothing else.
	fresh, err := data.Create(ctx, filepath.Join(dir, "new.db"), "数学学院党委", "",
		data.WithClock(func() time.Time { return mergeNow }), data.WithActor("测试员"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fresh.Close() })
	b := addBranch(t, fresh, "第一党支部")
	for i := range 20 {
		must(t, fresh.Members.Create(ctx, validMember(b, "党员", i)))
	}
	out := filepath.Join(dir, "merged.db")
	must(t, data.Merge(ctx, out, []string{snapshotTo(t, old, dir, "old.snapshot"), snapshotTo(t, fresh, dir, "new.snapshot")}))
	merged, err := data.Open(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	defer merged.Close()
	fig, err := merged.Figures(ctx, 2026, mergeNow)
	if err != nil {
		t.Fatal(err)
	}
	cov := fig.Facts().OrgCoverage[fresh.Org().ID]
	// A consolidated database has no audit log: the month the college's
	// database was made comes from its id's time (the real clock's).
	if cov.Dues.Before(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("the new college covered from %v, want its own start", cov.Dues)
	}
	if oldCov := fig.Facts().OrgCoverage[old.Org().ID]; !oldCov.Dues.Before(cov.Dues) {
		t.Errorf("the demo college covered from %v", oldCov.Dues)
	}
	for _, f := range fig.Findings() {
		if f.BranchID != b.ID {
			continue
		}
		switch f.Rule {
		case vocab.RuleSixMonth, vocab.RuleTalk, vocab.RuleTarget, vocab.RuleTrain32, vocab.RuleThreeOne:
			t.Errorf("the new college: %s %s", f.Rule, f.Detail)
		}
	}
}
