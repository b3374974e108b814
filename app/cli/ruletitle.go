package cli

import (
	"fmt"

	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// ruleTitle is a rule's Chinese title with the thresholds in force: the
// same settings the findings below it were computed with, so a title never
// says 32学时 above findings that say 不足40学时. Rules without a number in
// their title keep rules.RuleTitle.
func ruleTitle(id vocab.RuleID, set rules.Settings) string {
	switch id {
	case vocab.RuleTrain32:
		return fmt.Sprintf("党员集中学习培训不少于%d学时", set.TrainingHours)
	case vocab.RuleTrain56:
		return fmt.Sprintf("书记和班子成员学习培训不少于%d学时", set.LeaderTrainingHours)
	case vocab.RuleSixMonth:
		return fmt.Sprintf("连续%d个月不参加组织生活或不交党费", set.InactiveMonths)
	case vocab.RuleFifty:
		return fmt.Sprintf("光荣在党%d年", set.GloryYears)
	}
	return rules.RuleTitle(id)
}
