package rules

import (
	"strings"
	"testing"

	"dangjian/data/vocab"
)

// A title names the thresholds in force, and with the defaults it is the
// rule's own title.
func TestRuleTitleInNamesTheThresholdsInForce(t *testing.T) {
	for _, id := range RuleIDs {
		if got, want := RuleTitleIn(id, DefaultSettings()), RuleTitle(id); got != want {
			t.Errorf("%s with the defaults: %q, want %q", id, got, want)
		}
	}
	set := DefaultSettings()
	set.TrainingHours, set.LeaderTrainingHours, set.InactiveMonths = 40, 60, 5
	for id, want := range map[vocab.RuleID]string{vocab.RuleTrain32: "40学时", vocab.RuleTrain56: "60学时", vocab.RuleSixMonth: "连续5个月"} {
		if got := RuleTitleIn(id, set); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %s", id, got, want)
		}
	}
}
