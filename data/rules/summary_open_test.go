package rules

import (
	"testing"

	"dangjian/data/vocab"
)

// 待整改问题 are the findings but the reminders (政治生日, 光荣在党50年):
// every surface counts them with Summary.Open.
func TestSummaryOpenLeavesOutTheReminders(t *testing.T) {
	cases := []struct {
		name   string
		byRule map[vocab.RuleID]int
		want   int
	}{
		{"no finding", map[vocab.RuleID]int{}, 0},
		{"problems only", map[vocab.RuleID]int{vocab.RuleID("TRAIN-32"): 3, vocab.RuleID("THEME-DAY"): 2}, 5},
		{"reminders only", map[vocab.RuleID]int{vocab.RuleBirthday: 126, vocab.RuleFifty: 1}, 0},
		{"both", map[vocab.RuleID]int{vocab.RuleBirthday: 126, vocab.RuleFifty: 1, vocab.RuleID("TRAIN-32"): 762}, 762},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := Summary{ByRule: tc.byRule}
			for _, n := range tc.byRule {
				s.Findings += n
			}
			if got := s.Open(); got != tc.want {
				t.Errorf("Open() = %d, want %d", got, tc.want)
			}
		})
	}
	if !IsReminder(vocab.RuleBirthday) || !IsReminder(vocab.RuleFifty) || IsReminder(vocab.RuleID("TRAIN-32")) {
		t.Error("IsReminder does not tell the reminders from the problems")
	}
}
