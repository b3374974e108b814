package data_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/vocab"
)

// TestFactsOfTheMemberFile checks what the rules PLEDGE … PROFILE read from
// the practice and member-file tables and the new member fields, and that
// each of those rules reports from them.
func TestFactsOfTheMemberFile(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	b := addBranch(t, s, "第一党支部")
	m := validMember(b, "吴十", 9)
	m.IsLeader = true
	m.NativePlace, m.WorkUnit, m.Education = "北京", "计算机学院教师", "大学本科"
	must(t, s.Members.Create(ctx, m))
	ref := data.Ref(m.ID)
	day := func(y, mo, d int) data.Date { return data.NewDate(y, time.Month(mo), d) }
	// Records kept here since 2024: the rules look at 2025.
	must(t, s.Talks.Create(ctx, &data.Talk{MemberID: ref, Date: day(2024, 1, 10), Talker: "书记"}))

	must(t, s.Pledges.Create(ctx, &data.Pledge{MemberID: ref, Year: 2025, Content: "带好一个班", PledgedDate: day(2025, 4, 20)}))
	must(t, s.Pledges.Create(ctx, &data.Pledge{MemberID: ref, Year: 2024, Content: "往年", PledgedDate: day(2024, 3, 1)}))
	must(t, s.VolunteerServices.Create(ctx, &data.VolunteerService{MemberID: ref, Date: day(2025, 5, 1), Activity: "义务支教", Hours: 2.5}))
	must(t, s.VolunteerServices.Create(ctx, &data.VolunteerService{MemberID: ref, Date: day(2025, 6, 1), Activity: "社区服务", Hours: 1}))
	must(t, s.VolunteerServices.Create(ctx, &data.VolunteerService{MemberID: ref, Date: day(2024, 6, 1), Activity: "往年", Hours: 9}))
	link := &data.Liaison{MemberID: ref, Kind: "支部", Contact: "学生第一党支部", Since: day(2024, 9, 1)}
	must(t, s.Liaisons.Create(ctx, link))
	must(t, s.LiaisonLogs.Create(ctx, &data.LiaisonLog{LiaisonID: data.Ref(link.ID), Date: day(2025, 4, 1), Content: "参加组织生活"}))
	must(t, s.LiaisonLogs.Create(ctx, &data.LiaisonLog{LiaisonID: data.Ref(link.ID), Date: day(2024, 12, 1), Content: "往年"}))
	old := &data.Liaison{MemberID: ref, Kind: "班级", Contact: "旧班级", Since: day(2020, 9, 1), Until: day(2024, 7, 1)}
	must(t, s.Liaisons.Create(ctx, old))

	must(t, s.Episodes.Create(ctx, &data.Episode{MemberID: ref, Kind: string(vocab.EpisodeAway), Since: day(2025, 1, 10), Place: "深圳市"}))
	must(t, s.Episodes.Create(ctx, &data.Episode{MemberID: ref, Kind: string(vocab.EpisodeLost), Since: day(2025, 2, 1),
		Searches: "电话、走访"}))
	must(t, s.Episodes.Create(ctx, &data.Episode{MemberID: ref, Kind: string(vocab.EpisodeGraduate), Since: day(2023, 6, 30)}))
	must(t, s.Episodes.Create(ctx, &data.Episode{MemberID: ref, Kind: string(vocab.EpisodeAbroad), Since: day(2020, 9, 1),
		Place: "英国", LastContact: day(2025, 3, 1)}))
	must(t, s.Dispositions.Create(ctx, &data.Disposition{MemberID: ref, Kind: string(vocab.DispositionRestore), Date: day(2019, 1, 1)}))
	must(t, s.Corrections.Create(ctx, &data.Correction{MemberID: ref, Date: day(2024, 3, 1), Reason: "长期不参加组织生活"}))
	must(t, s.PostTerms.Create(ctx, &data.PostTerm{MemberID: ref, BranchID: data.Ref(b.ID), Organ: string(vocab.OrganBranchCommittee),
		Post: "组织委员", From: day(2022, 5, 1)}))

	f, err := s.Facts(ctx, 2025, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Pledges) != 1 || f.Pledges[0].Reviewed || !f.Pledges[0].Pledged.Equal(day(2025, 4, 20).Time) {
		t.Errorf("pledges of 2025: %+v", f.Pledges)
	}
	if len(f.Volunteer) != 1 || f.Volunteer[0].Hours != 3.5 {
		t.Errorf("volunteer hours of 2025: %+v", f.Volunteer)
	}
	if len(f.LeaderLinks) != 1 || f.LeaderLinks[0].Visits != 1 || f.LeaderLinks[0].Kind != vocab.LiaisonBranch {
		t.Errorf("leader links in force in 2025 with their visits: %+v", f.LeaderLinks)
	}
	if len(f.Episodes) != 4 || len(f.Dispositions) != 1 || len(f.Corrections) != 1 || len(f.PostTerms) != 1 {
		t.Errorf("episodes %d, dispositions %d, corrections %d, post terms %d", len(f.Episodes), len(f.Dispositions),
			len(f.Corrections), len(f.PostTerms))
	}
	var searched bool
	for _, e := range f.Episodes {
		searched = searched || e.Kind == vocab.EpisodeLost && e.Searched
	}
	if !searched {
		t.Error("the searches of the 失联 episode are not read")
	}
	if len(f.Branches) != 1 || f.Branches[0].HasSecretary {
		t.Errorf("branch %+v: no secretary recorded", f.Branches)
	}
	fm := f.Members[0]
	if !fm.HasNativePlace || !fm.HasWorkUnit || !fm.HasPhone || fm.HasHousehold || fm.HasResidence || !fm.LostDate.IsZero() {
		t.Errorf("member fields %+v", fm)
	}

	fs, err := s.Check(ctx, 2025, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	got := map[vocab.RuleID][]string{}
	for _, fd := range fs {
		got[fd.Rule] = append(got[fd.Rule], fd.Detail)
	}
	for _, id := range []vocab.RuleID{vocab.RulePledge, vocab.RuleLeaderLink, vocab.RuleLostContact, vocab.RuleAbroad,
		vocab.RuleAway, vocab.RuleGraduate, vocab.RuleCorrection, vocab.RuleBranchShape, vocab.RuleProfile} {
		if len(got[id]) == 0 {
			t.Errorf("no %s finding", id)
		}
	}
	if !slices.Contains(got[vocab.RulePledge], "2025年公开承诺于2025年4月20日，晚于3月31日") {
		t.Errorf("PLEDGE %v", got[vocab.RulePledge])
	}
	// The open 失联 episode gives the 失联日期, not the 失联情形.
	if !slices.Contains(got[vocab.RuleProfile], "缺少户籍所在地、现居住地、失联情形") {
		t.Errorf("PROFILE %v", got[vocab.RuleProfile])
	}
}

// A member marked 失联 on the record, with a 失联日期 and no recorded 失联
// episode, counts as out of contact since that date; a recorded episode's
// 失联情形 is read.
func TestFactsOfTheLostRecord(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	b := addBranch(t, s, "第一党支部")
	m := validMember(b, "郑十一", 11)
	m.LostContact, m.LostDate = true, data.NewDate(2025, 1, 10)
	must(t, s.Members.Create(ctx, m))
	n := validMember(b, "王十二", 12)
	must(t, s.Members.Create(ctx, n))
	must(t, s.Episodes.Create(ctx, &data.Episode{MemberID: data.Ref(n.ID), Kind: string(vocab.EpisodeLost),
		Since: data.NewDate(2025, 11, 1), Circumstances: "外出务工，电话停机"}))

	asOf := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f, err := s.Facts(ctx, 2025, asOf)
	if err != nil {
		t.Fatal(err)
	}
	for _, fm := range f.Members {
		if fm.ID == m.ID && !fm.LostDate.Equal(m.LostDate.Time) {
			t.Errorf("失联日期 %v, want %v", fm.LostDate, m.LostDate.Time)
		}
	}
	if len(f.Episodes) != 1 || !f.Episodes[0].Circumstances {
		t.Errorf("episodes %+v: the 失联情形 is not read", f.Episodes)
	}
	fs, err := s.Check(ctx, 2025, asOf)
	if err != nil {
		t.Fatal(err)
	}
	var lost, profile []string
	for _, fd := range fs {
		switch fd.Rule {
		case vocab.RuleLostContact:
			lost = append(lost, fd.Member+"|"+fd.Detail)
		case vocab.RuleProfile:
			profile = append(profile, fd.Member+"|"+fd.Detail)
		}
	}
	if want := []string{"郑十一|自2025年1月10日起失联已满6个月，应停止党籍（尚未记录查找情况，应先认真查找）"}; !slices.Equal(lost, want) {
		t.Errorf("LOST-CONTACT %v, want %v", lost, want)
	}
	for _, p := range profile {
		if strings.Contains(p, "王十二|") && strings.Contains(p, "失联") {
			t.Errorf("PROFILE asks for what the episode records: %s", p)
		}
		if strings.Contains(p, "郑十一|") && strings.Contains(p, "失联日期") {
			t.Errorf("PROFILE asks for the 失联日期 recorded: %s", p)
		}
	}
}
