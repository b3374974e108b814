package rules

import (
	"fmt"

	"dangjian/data/vocab"
)

// RuleTitle is the Chinese title of a rule id, or the id itself, with the
// default thresholds.
func RuleTitle(id vocab.RuleID) string { return id.Label() }

// RuleTitleIn is a rule's Chinese title with the thresholds in force: the
// settings the findings under it were computed with, so that a title never
// says 32学时 above findings that say 不足40学时. Rules without a number in
// their title, or whose threshold is the default, keep RuleTitle (连续六个月
// as the 党章 words it).
func RuleTitleIn(id vocab.RuleID, set Settings) string {
	def := DefaultSettings()
	if set == (Settings{}) { // not known
		set = def
	}
	switch {
	case id == vocab.RuleTrain32 && set.TrainingHours != def.TrainingHours:
		return fmt.Sprintf("党员集中学习培训不少于%d学时", set.TrainingHours)
	case id == vocab.RuleTrain56 && set.LeaderTrainingHours != def.LeaderTrainingHours:
		return fmt.Sprintf("书记和班子成员学习培训不少于%d学时", set.LeaderTrainingHours)
	case id == vocab.RuleSixMonth && set.InactiveMonths != def.InactiveMonths:
		return fmt.Sprintf("连续%d个月不参加组织生活或不交党费", set.InactiveMonths)
	case id == vocab.RuleFifty && set.GloryYears != def.GloryYears:
		return fmt.Sprintf("光荣在党%d年", set.GloryYears)
	case id == vocab.RuleDevAge && set.Dev.orDefault().Params.AgeYears != def.Dev.Params.AgeYears:
		return fmt.Sprintf("入党申请人年满%d周岁", set.Dev.Params.AgeYears)
	case id == vocab.RuleDevIntroducers && set.Dev.orDefault().Params.Introducers != def.Dev.Params.Introducers:
		return fmt.Sprintf("%d名正式党员作入党介绍人", set.Dev.Params.Introducers)
	}
	return RuleTitle(id)
}
