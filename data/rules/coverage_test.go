package rules

import (
	"strings"
	"testing"
	"time"

	"dangjian/data/vocab"
)

// importedOrg is an organization that imported its members (admitted
// years ago) on 5 November 2026 and has recorded nothing else: coverage
// of every kind starts that month.
func importedOrg(asOf time.Time) *Facts {
	f := newFacts(asOf.Year(), asOf)
	if asOf.Month() == time.January && asOf.Day() == 1 {
		f.Year--
	}
	f.Branches = []Branch{branch("a", "一支部")}
	for i, name := range []string{"甲", "乙", "丙"} {
		f.Members = append(f.Members, member(string(rune('1'+i)), name, "a", joined(d(2019, 3, 1))))
	}
	start := d(2026, 11, 1)
	f.Coverage = Coverage{Meetings: start, Training: start, Dues: start, Talks: start, Agreements: start}
	return f
}

func TestImportedMembersOnlyGiveNoFindingsOfThePast(t *testing.T) {
	f := importedOrg(d(2026, 12, 3))
	for _, fd := range All(f, DefaultSettings()) {
		switch fd.Rule {
		case vocab.RuleSixMonth, vocab.RuleTalk, vocab.RuleTarget, vocab.RuleLecture, vocab.RuleDual, vocab.RuleOrgLife:
			t.Errorf("%s finding from records that start in November: %s", fd.Rule, fd.Detail)
		case vocab.RuleThemeDay:
			if !strings.Contains(fd.Detail, "11月") && !strings.Contains(fd.Detail, "12月") {
				t.Errorf("THEME-DAY before the records start: %s", fd.Detail)
			}
		case vocab.RuleTrain32:
			if !strings.Contains(fd.Detail, "按2个月折算") {
				t.Errorf("TRAIN-32 not prorated from the records' start: %s", fd.Detail)
			}

		}
	}
	l := DuesLedgerOf(f, DefaultSettings())
	if l.Org.Arrears != 3*40_00 {
		t.Errorf("arrears %d: only November is over and owed", l.Org.Arrears)
	}
}

func TestSixMonthCountsFromTheRecordsStart(t *testing.T) {
	tests := []struct {
		name string
		asOf time.Time
		want []string
	}{
		{"one month in: nothing", d(2026, 12, 3), nil},
		{"three months in: November to January", d(2027, 2, 3), []string{
			"已连续3个月未交纳党费（预警）（自记录起始月份2026年11月起计）",
			"已连续3个月未参加党的组织生活（预警）（自记录起始月份2026年11月起计）",
		}},
		{"four months in: a warning that says where counting starts", d(2027, 3, 10), []string{
			"已连续4个月未交纳党费（预警）（自记录起始月份2026年11月起计）",
			"已连续4个月未参加党的组织生活（预警）（自记录起始月份2026年11月起计）",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := importedOrg(tt.asOf)
			f.Year = tt.asOf.Year()
			f.Members = f.Members[:1]
			sameLines(t, details(SixMonth(f, DefaultSettings())), tt.want)
		})
	}
	// A payment after the start counts from the payment.
	f := importedOrg(d(2027, 6, 10))
	f.Year = 2027
	f.Members = f.Members[:1]
	f.LastPaid["1"] = d(2027, 1, 1)
	f.LastAttended["1"] = d(2027, 5, 20)
	sameLines(t, details(SixMonth(f, DefaultSettings())), []string{"已连续4个月未交纳党费（预警）"})
}

func TestYearlyRulesNeedTheWholeYearCovered(t *testing.T) {
	f := importedOrg(d(2027, 1, 1))
	sameLines(t, lines(TalkRule(f, DefaultSettings())), nil)
	sameLines(t, lines(Target(f, DefaultSettings())), nil)
	f.Coverage.Talks = d(2026, 1, 1)
	if len(TalkRule(f, DefaultSettings())) != 3 {
		t.Error("records from January: TALK is checked")
	}
}

func TestRuleAppliesTo(t *testing.T) {
	f := newFacts(2026, d(2026, 11, 15))
	f.Branches = []Branch{branch("a", "一支部")}
	f.Members = []Member{member("1", "在", "a"), member("2", "退", "a", personType(vocab.PersonRetired))}
	got := lines(LiaisonRule(f, DefaultSettings()))
	sameLines(t, got, []string{"LIAISON|一支部|在|未落实联系群众、困难学生"})
	s := DefaultSettings()
	if err := s.Set("applies.LIAISON", "全部"); err != nil {
		t.Fatal(err)
	}
	if n := len(LiaisonRule(f, s)); n != 2 {
		t.Errorf("LIAISON for everyone: %d findings, want 2", n)
	}
	if err := s.Set("applies.TALK", "离退休"); err != nil {
		t.Fatal(err)
	}
	sameLines(t, lines(TalkRule(f, s)), []string{"TALK|一支部|退|2026年尚未开展谈心谈话"})
}

func TestTrainingNotCheckedBeforeAMonthIsOver(t *testing.T) {
	f := importedOrg(d(2026, 11, 20)) // records start this month
	if fs := Train32(f, DefaultSettings()); len(fs) != 0 {
		t.Errorf("TRAIN-32 in the month the records begin: %v", details(fs))
	}
	if fs := Eval(f, DefaultSettings()); len(fs) != 0 {
		t.Errorf("EVAL in the month the records begin: %v", details(fs))
	}
	for _, h := range NewFigures(f, DefaultSettings()).TrainingHours() {
		if h.Checked || h.Short() {
			t.Errorf("%s checked in the month the records begin", h.Member.Name)
		}
	}
	f = importedOrg(d(2026, 12, 3))
	if fs := Train32(f, DefaultSettings()); len(fs) != 3 {
		t.Errorf("TRAIN-32 once November is over: %d findings, want 3", len(fs))
	}
}

func TestLiaisonNotCheckedForAYearBeforeTheRecords(t *testing.T) {
	f := importedOrg(d(2026, 12, 3))
	if n := len(LiaisonRule(f, DefaultSettings())); n != 3 {
		t.Errorf("this year: %d LIAISON findings, want 3", n)
	}
	f.Year = 2025
	if fs := LiaisonRule(f, DefaultSettings()); len(fs) != 0 {
		t.Errorf("2025, before the records began: %v", details(fs))
	}
}
