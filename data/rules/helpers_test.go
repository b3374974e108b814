package rules

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"dangjian/data/vocab"
)

// d is a civil date.
func d(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }

// newFacts is an empty Facts for year checked on asOf.
func newFacts(year int, asOf time.Time) *Facts {
	return &Facts{
		Year: year, AsOf: asOf,
		LastAttended: map[string]time.Time{},
		LastPaid:     map[string]time.Time{},
	}
}

// branch is a branch with the given options.
func branch(id, name string, opts ...func(*Branch)) Branch {
	b := Branch{ID: id, Name: name, Type: vocab.BranchStaff}
	for _, o := range opts {
		o(&b)
	}
	return b
}

func founded(t time.Time) func(*Branch) { return func(b *Branch) { b.Founded = t } }
func withGroups(b *Branch)              { b.HasGroups = true }

// member is a 正常 正式党员 在职教职工 of branch b who joined in 2000,
// with the given options.
func member(id, name, b string, opts ...func(*Member)) Member {
	m := Member{
		ID: id, Name: name, BranchID: b, Gender: vocab.Male,
		PersonType: vocab.PersonStaff, Category: vocab.CategoryFull, Status: vocab.StatusNormal,
		Joined: d(2000, 1, 1), Confirmed: d(2001, 1, 1), DuesBase: 4000_00,
	}
	for _, o := range opts {
		o(&m)
	}
	return m
}

func post(p string) func(*Member)           { return func(m *Member) { m.PartyPost = p } }
func leader(m *Member)                      { m.IsLeader = true }
func exempt(m *Member)                      { m.DuesExempt = true }
func joined(t time.Time) func(*Member)      { return func(m *Member) { m.Joined = t } }
func confirmedOn(t time.Time) func(*Member) { return func(m *Member) { m.Confirmed = t } }
func sinceDate(t time.Time) func(*Member)   { return func(m *Member) { m.Since = t } }
func paidUntil(t time.Time) func(*Member)   { return func(m *Member) { m.DuesPaidUntil = t } }
func left(t time.Time) func(*Member)        { return func(m *Member) { m.Left = t } }
func status(s vocab.Status) func(*Member)   { return func(m *Member) { m.Status = s } }
func personType(p vocab.PersonType) func(*Member) {
	return func(m *Member) { m.PersonType = p }
}
func probationary(m *Member) { m.Category, m.Confirmed = vocab.CategoryProbation, time.Time{} }

// paidMonths records that member id (already in f) paid what is due for
// months 1–n of f's year.
func paidMonths(f *Facts, id string, n int) {
	var due int64
	for i := range f.Members {
		if f.Members[i].ID == id {
			due, _ = MonthlyDue(&f.Members[i])
		}
	}
	for mo := 1; mo <= n; mo++ {
		f.Dues = append(f.Dues, DuesRecord{MemberID: id, Month: d(f.Year, mo, 1), Due: due, Paid: due})
	}
}

// meeting is a meeting of branch b.
func meeting(id, b string, kind vocab.MeetingKind, t time.Time) Meeting {
	return Meeting{ID: id, BranchID: b, Kind: kind, Date: t}
}

// monthly adds one meeting of kind for branch b on the 10th of each given
// month of year.
func monthly(f *Facts, b string, kind vocab.MeetingKind, months ...int) {
	for _, m := range months {
		id := fmt.Sprintf("%s-%s-%d", b, kind, m)
		f.Meetings = append(f.Meetings, meeting(id, b, kind, d(f.Year, m, 10)))
	}
}

// lines renders findings as "rule|branch|member|detail", one per finding.
func lines(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Rule)+"|"+f.Branch+"|"+f.Member+"|"+f.Detail)
	}
	return out
}

// details lists the findings' details.
func details(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Detail)
	}
	return out
}

// sameLines fails t unless got equals want, showing both.
func sameLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// synthetic builds Facts of the benchmark's size: 20,000 members in 540
// branches, 25,000 meetings and the records around them, from a fixed seed.
func synthetic(members, branches, meetings int) *Facts {
	r := rand.New(rand.NewPCG(1, 2))
	f := newFacts(2026, d(2026, 11, 15))
	for i := range branches {
		b := branch(fmt.Sprintf("b%04d", i), fmt.Sprintf("第%d党支部", i+1))
		b.HasGroups = i%3 == 0
		if i%17 == 0 {
			b.Founded = d(2026, 1+r.IntN(11), 1+r.IntN(28))
		}
		f.Branches = append(f.Branches, b)
	}
	kinds := vocab.MeetingKinds
	weights := []int{2, 6, 4, 2, 7, 1, 1}
	var kindPool []vocab.MeetingKind
	for i, k := range kinds {
		for range weights[i] {
			kindPool = append(kindPool, k)
		}
	}
	for i := range meetings {
		b := f.Branches[r.IntN(branches)].ID
		f.Meetings = append(f.Meetings, meeting(fmt.Sprintf("mt%05d", i), b,
			kindPool[r.IntN(len(kindPool))], d(2026, 1+r.IntN(11), 1+r.IntN(28))))
	}
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
	given := []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂")
	forms := []vocab.TrainingForm{"培训班", "党课", "报告会", "专题研讨", "集体学习", "网络培训", "个人自学"}
	types := []vocab.PersonType{"在职教职工", "在职教职工", "学生", "学生", "学生", "离退休", "其他"}
	grades := []vocab.Grade{"优秀", "合格", "合格", "合格", "基本合格", "不合格", ""}
	for i := range members {
		id := fmt.Sprintf("m%05d", i)
		name := string(surnames[r.IntN(len(surnames))]) + string(given[r.IntN(len(given))])
		m := member(id, name, f.Branches[r.IntN(branches)].ID)
		m.PersonType = types[r.IntN(len(types))]
		m.Joined = d(1970+r.IntN(57), 1+r.IntN(12), 1+r.IntN(28))
		m.Confirmed = m.Joined.AddDate(1, 0, 0)
		switch {
		case r.IntN(20) == 0:
			m.Status = "已转出"
		case r.IntN(50) == 0:
			m.Status = "停止党籍"
		}
		if r.IntN(10) == 0 {
			m.Since = d(2020+r.IntN(8), 1+r.IntN(12), 1+r.IntN(28))
		}
		if m.Joined.Year() >= 2025 && r.IntN(2) == 0 {
			m.Category = vocab.CategoryProbation
		}
		switch r.IntN(40) {
		case 0:
			m.PartyPost = "支部书记"
		case 1:
			m.PartyPost = "组织委员"
		}
		m.IsLeader = r.IntN(30) == 0
		m.DuesExempt = r.IntN(100) == 0
		if r.IntN(10) != 0 { // most records are complete (PROFILE)
			m.Ethnicity, m.Education, m.Birth = "汉族", "大学本科", d(1960+r.IntN(45), 1+r.IntN(12), 1+r.IntN(28))
			m.HasNativePlace, m.HasWorkUnit, m.HasHousehold, m.HasResidence, m.HasPhone = true, true, true, true, r.IntN(20) != 0
		}
		f.Members = append(f.Members, m)
		for range r.IntN(5) {
			f.Training = append(f.Training, TrainingTotal{MemberID: id,
				Form: forms[r.IntN(len(forms))], Hours: float64(r.IntN(40)) / 2})
		}
		if m.IsLeader {
			if r.IntN(2) == 0 {
				f.Lectures = append(f.Lectures, Lecture{MemberID: id, Date: d(2026, 1+r.IntN(11), 5)})
			}
			f.Attended = append(f.Attended, Attendance{MemberID: id,
				MeetingID: fmt.Sprintf("mt%05d", r.IntN(meetings))})
		}
		if r.IntN(10) != 0 {
			f.LastAttended[id] = d(2026, 1+r.IntN(11), 1+r.IntN(28))
		}
		if r.IntN(10) != 0 {
			f.LastPaid[id] = d(2026, 1+r.IntN(11), 1)
		}
		paidMonths(f, id, r.IntN(12))
		if r.IntN(3) != 0 {
			f.Talks = append(f.Talks, Talk{MemberID: id, Date: d(2026, 1+r.IntN(11), 3)})
		}
		for _, k := range vocab.LiaisonKinds {
			if r.IntN(4) != 0 {
				f.Liaisons = append(f.Liaisons, Liaison{MemberID: id, Kind: k})
			}
		}
		f.Appraisals = append(f.Appraisals, Appraisal{MemberID: id, Grade: grades[r.IntN(len(grades))]})
		if r.IntN(5) != 0 {
			f.Agreements = append(f.Agreements, Agreement{MemberID: id, Signed: d(2026, 3, 1), Scored: r.IntN(2) == 0})
		}
		if m.Status == "已转出" {
			f.Transfers = append(f.Transfers, Transfer{ID: "t" + id, MemberID: id, Direction: "转出",
				OtherOrg: "某大学党委", LetterNo: fmt.Sprintf("2026-%03d", i%1000),
				Issued: d(2026, 1+r.IntN(11), 1+r.IntN(28))})
		}
		syntheticFile(f, r, id, m)
	}
	for i := range f.Branches {
		if i%5 != 0 {
			continue
		}
		p := PostTerm{MemberID: fmt.Sprintf("m%05d", r.IntN(members)), BranchID: f.Branches[i].ID,
			Organ: vocab.OrganBranchCommittee, Post: []string{"书记", "组织委员"}[r.IntN(2)],
			From: d(2021+r.IntN(6), 1+r.IntN(12), 1+r.IntN(28))}
		f.PostTerms = append(f.PostTerms, p)
	}
	return f
}

// syntheticFile adds member m's practice and file records: 承诺, 志愿服务,
// 联系点, a status episode, decisions on 党籍 and 限期改正.
func syntheticFile(f *Facts, r *rand.Rand, id string, m Member) {
	if r.IntN(3) != 0 {
		f.Pledges = append(f.Pledges, Pledge{MemberID: id, Pledged: d(2026, 1+r.IntN(5), 1+r.IntN(28)), Reviewed: r.IntN(2) == 0})
	}
	if r.IntN(2) == 0 {
		f.Volunteer = append(f.Volunteer, VolunteerTotal{MemberID: id, Hours: float64(r.IntN(20)) / 2})
	}
	if m.IsLeader {
		for _, k := range []vocab.LiaisonKind{vocab.LiaisonBranch, vocab.LiaisonClass} {
			if r.IntN(4) != 0 {
				f.LeaderLinks = append(f.LeaderLinks, LeaderLink{ID: id + string(k), MemberID: id, Kind: k,
					Contact: "联系点" + id, Visits: r.IntN(4)})
			}
		}
	}
	since := d(2019+r.IntN(8), 1+r.IntN(12), 1+r.IntN(28))
	switch r.IntN(25) {
	case 0:
		f.Episodes = append(f.Episodes, Episode{MemberID: id, Kind: vocab.EpisodeLost, Since: since, Searched: r.IntN(2) == 0})
		if m.Status == vocab.StatusSuspended || r.IntN(3) == 0 {
			f.Dispositions = append(f.Dispositions, Disposition{MemberID: id, Kind: vocab.DispositionSuspend,
				Date: since.AddDate(0, 7, 0)})
		}
	case 1:
		ep := Episode{MemberID: id, Kind: vocab.EpisodeAbroad, Since: since, Place: "某国"}
		if r.IntN(2) == 0 {
			ep.LastContact = d(2026, 1+r.IntN(11), 1)
		}
		f.Episodes = append(f.Episodes, ep)
	case 2:
		f.Episodes = append(f.Episodes, Episode{MemberID: id, Kind: vocab.EpisodeAway, Since: since, Place: "某市"})
	case 3:
		f.Episodes = append(f.Episodes, Episode{MemberID: id, Kind: vocab.EpisodeGraduate, Since: d(2024+r.IntN(3), 6, 30)})
	}
	if r.IntN(40) == 0 {
		f.Corrections = append(f.Corrections, Correction{MemberID: id, Date: d(2024+r.IntN(3), 1+r.IntN(12), 1)})
	}
}
