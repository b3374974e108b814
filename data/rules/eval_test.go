package rules

import (
	"slices"
	"testing"
)

// evalFacts is a closed year 2026 with two branches:
//
//	一支部, 4 members: 2 meet 32 学时 (training 12.5); 主题党日 9 of 12
//	months (15); 三会一课 16 of 20 (12); 组织生活会 only (5); 3 of 4 signed
//	(7.5); dues 36 of 48 months (7.5); 3 alerts (2 TRAIN-32, 1 TARGET) over
//	4 members (2.5). Total 62.
//	二支部, no members and no meetings: 25+0+0+0+10+10+10 = 55.
func evalFacts() *Facts {
	f := newFacts(2026, d(2027, 1, 1))
	f.Branches = []Branch{branch("a", "一支部"), branch("b", "二支部")}
	for i, id := range []string{"1", "2", "3", "4"} {
		f.Members = append(f.Members, member(id, "党员"+id, "a", personType("离退休")))
		f.LastAttended[id] = d(2026, 12, 20)
		f.LastPaid[id] = d(2026, 12, 1)
		f.Talks = append(f.Talks, Talk{MemberID: id, Date: d(2026, 5, 1)})
		if i < 2 {
			f.Training = append(f.Training, TrainingTotal{MemberID: id, Form: "培训班", Hours: 32})
		}
		if i < 3 {
			f.Agreements = append(f.Agreements, Agreement{MemberID: id, Signed: d(2026, 3, 1), Scored: true})
		}
		paidMonths(f, id, []int{12, 12, 6, 6}[i])
	}
	// A member of 二支部 who is not 正常 changes nothing.
	f.Members = append(f.Members, member("x", "离", "b", status("已转出")))
	monthly(f, "a", "主题党日", 1, 2, 3, 4, 5, 6, 7, 8, 9)
	monthly(f, "a", "支部党员大会", 1, 4, 7, 10)
	monthly(f, "a", "党课", 2, 5)
	monthly(f, "a", "支委会", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
	monthly(f, "a", "组织生活会", 12)
	return f
}

func TestScores(t *testing.T) {
	got := Scores(evalFacts(), DefaultSettings())
	want := []Score{
		{BranchID: "a", Branch: "一支部", Members: 4, Total: 62,
			Training: 12.5, ThemeDay: 15, ThreeOne: 12, OrgLife: 5, Target: 7.5, Dues: 7.5, Alerts: 2.5},
		{BranchID: "b", Branch: "二支部", Members: 0, Total: 55,
			Training: 25, ThemeDay: 0, ThreeOne: 0, OrgLife: 0, Target: 10, Dues: 10, Alerts: 10},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Scores =\n  %+v\nwant\n  %+v", got, want)
	}
	if o := OrgScore(got); o != 62 {
		t.Errorf("OrgScore = %v, want 62 (member-weighted)", o)
	}
}

func TestScoresPartial(t *testing.T) {
	// Mid-year, a branch founded in mid-May: months from June to AsOf's
	// month (November) are required; the THREE-ONE periods are Q3 and June
	// to October.
	f := newFacts(2026, d(2026, 11, 15))
	f.Branches = []Branch{branch("a", "一支部", founded(d(2026, 5, 15)))}
	f.Members = []Member{member("1", "甲", "a")}
	f.Training = []TrainingTotal{{MemberID: "1", Form: "培训班", Hours: 40}}
	f.Talks = []Talk{{MemberID: "1"}}
	f.Agreements = []Agreement{{MemberID: "1", Signed: d(2026, 6, 1)}}
	f.LastAttended["1"] = d(2026, 11, 1)
	f.LastPaid["1"] = d(2026, 11, 1)
	paidMonths(f, "1", 12) // ahead of time: the rate is capped at 100%
	monthly(f, "a", "主题党日", 6, 7, 8, 9, 10)
	monthly(f, "a", "支部党员大会", 8)
	monthly(f, "a", "党课", 9)
	monthly(f, "a", "支委会", 6, 7, 8)
	monthly(f, "a", "组织生活会", 7)
	monthly(f, "a", "民主评议", 7)
	sc := Scores(f, DefaultSettings())[0]
	// ThemeDay: 5 of 5 months (June–October; November, under way and not
	// yet held, is a to-do, not a month missed). ThreeOne: Q3 大会 and 党课
	// (2 of 2) and 支委会 in June–October (3 of 5): 5 of 7.
	want := Score{BranchID: "a", Branch: "一支部", Members: 1,
		Total:    round(25+20+15*5.0/7+10+10+10+10, 1),
		Training: 25, ThemeDay: 20, ThreeOne: 10.71, OrgLife: 10, Target: 10, Dues: 10, Alerts: 10}
	if sc != want {
		t.Errorf("Scores = %+v\nwant     %+v", sc, want)
	}
	// Once the month has ended without one, it is a month missed: 5 of 6.
	f.AsOf = d(2026, 12, 1)
	if got := Scores(f, DefaultSettings())[0].ThemeDay; got != 16.67 {
		t.Errorf("ThemeDay after November ended without one: %v, want 16.67", got)
	}
	// Held within the month under way, it counts at once: 6 of 6.
	f.AsOf = d(2026, 11, 15)
	monthly(f, "a", "主题党日", 11)
	if got := Scores(f, DefaultSettings())[0].ThemeDay; got != 20 {
		t.Errorf("ThemeDay with November's held: %v, want 20", got)
	}
}

func TestEval(t *testing.T) {
	f := evalFacts()
	sameLines(t, lines(Eval(f, DefaultSettings())), []string{"EVAL|二支部||考评得分55分，低于60分"})
	s := DefaultSettings()
	s.EvalPassScore = 62.5
	sameLines(t, lines(Eval(f, s)), []string{
		"EVAL|一支部||考评得分62分，低于62.5分",
		"EVAL|二支部||考评得分55分，低于62.5分",
	})
	s.EvalPassScore = 55
	sameLines(t, lines(Eval(f, s)), nil)
}

func TestEvalFractionalScore(t *testing.T) {
	// One member, nothing done, mid-year: training 0, theme day 0 of 3,
	// three-one 0 of 2 months, org life 0, target 0, dues 1 of the 2
	// months over (March is not owed before it ends: 5), alerts: TRAIN-32,
	// TALK, TARGET = 3 > 1 member: 0. Total 5.
	f := newFacts(2026, d(2026, 3, 15))
	f.Branches = []Branch{branch("a", "一支部")}
	f.Members = []Member{member("1", "甲", "a")}
	f.LastAttended["1"] = d(2026, 3, 1)
	f.LastPaid["1"] = d(2026, 3, 1)
	paidMonths(f, "1", 1)
	sameLines(t, lines(Eval(f, DefaultSettings())), []string{"EVAL|一支部||考评得分5分，低于60分"})
}

func TestOrgScore(t *testing.T) {
	tests := []struct {
		scores []Score
		want   float64
	}{
		{nil, 0},
		{[]Score{{Total: 80, Members: 0}, {Total: 61, Members: 0}}, 70.5},
		{[]Score{{Total: 90, Members: 30}, {Total: 60, Members: 10}, {Total: 10, Members: 0}}, 82.5},
		{[]Score{{Total: 70, Members: 1}, {Total: 80, Members: 2}}, 76.7},
	}
	for _, tt := range tests {
		if got := OrgScore(tt.scores); got != tt.want {
			t.Errorf("OrgScore(%v) = %v, want %v", tt.scores, got, tt.want)
		}
	}
}
