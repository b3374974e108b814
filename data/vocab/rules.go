package vocab

// RuleID is the id of a compliance rule (DOMAIN.md, "Rules to compute"), as
// findings carry it in `check --json`.
type RuleID string

// The rules.
const (
	RuleTrain32   RuleID = "TRAIN-32"
	RuleTrain56   RuleID = "TRAIN-56"
	RuleLecture   RuleID = "LECTURE"
	RuleThemeDay  RuleID = "THEME-DAY"
	RuleThreeOne  RuleID = "THREE-ONE"
	RuleOrgLife   RuleID = "ORG-LIFE"
	RuleAppraise  RuleID = "APPRAISE"
	RuleDual      RuleID = "DUAL"
	RuleSixMonth  RuleID = "SIX-MONTH"
	RuleTalk      RuleID = "TALK"
	RuleLiaison   RuleID = "LIAISON"
	RuleTarget    RuleID = "TARGET"
	RuleTransfer  RuleID = "TRANSFER"
	RuleBirthday  RuleID = "BIRTHDAY"
	RuleProbation RuleID = "PROBATION"
	RuleFifty     RuleID = "FIFTY"
	RuleEval      RuleID = "EVAL"

	RulePledge      RuleID = "PLEDGE"
	RuleVolunteer   RuleID = "VOLUNTEER"
	RuleLeaderLink  RuleID = "LEADER-LINK"
	RuleLostContact RuleID = "LOST-CONTACT"
	RuleAbroad      RuleID = "ABROAD"
	RuleAway        RuleID = "AWAY"
	RuleGraduate    RuleID = "GRADUATE"
	RuleCorrection  RuleID = "CORRECTION"
	RuleBranchShape RuleID = "BRANCH-SHAPE"
	RuleProfile     RuleID = "PROFILE"

	RuleDevOrder        RuleID = "DEV-ORDER"
	RuleDevAge          RuleID = "DEV-AGE"
	RuleDevTalk         RuleID = "DEV-TALK"
	RuleDevFiling       RuleID = "DEV-FILING"
	RuleDevContacts     RuleID = "DEV-CONTACTS"
	RuleDevReport       RuleID = "DEV-REPORT"
	RuleDevReview       RuleID = "DEV-REVIEW"
	RuleDevActivistYear RuleID = "DEV-ACTIVIST-YEAR"
	RuleDevIntroducers  RuleID = "DEV-INTRODUCERS"
	RuleDevVetting      RuleID = "DEV-VETTING"
	RuleDevTraining     RuleID = "DEV-TRAINING"
	RuleDevPublicity    RuleID = "DEV-PUBLICITY"
	RuleDevQuorum       RuleID = "DEV-QUORUM"
	RuleDevPartyTalk    RuleID = "DEV-PARTY-TALK"
	RuleDevApproval     RuleID = "DEV-APPROVAL"
	RuleDevProbation    RuleID = "DEV-PROBATION"
	RuleDevConfirm      RuleID = "DEV-CONFIRM"
	RuleDevExtension    RuleID = "DEV-EXTENSION"
)

// DevRuleIDs are the rules of 发展党员 (ids beginning with DEV-), each an
// interval or a condition of the 细则 whose values come from the chosen
// version of the rules (rules.DevRules).
var DevRuleIDs = []RuleID{RuleDevOrder, RuleDevAge, RuleDevTalk, RuleDevFiling, RuleDevContacts,
	RuleDevReport, RuleDevReview, RuleDevActivistYear, RuleDevIntroducers, RuleDevVetting, RuleDevTraining,
	RuleDevPublicity, RuleDevQuorum, RuleDevPartyTalk, RuleDevApproval, RuleDevProbation, RuleDevConfirm,
	RuleDevExtension}

// IsDev reports whether the rule is one of 发展党员's.
func (r RuleID) IsDev() bool { return len(r) > 4 && r[:4] == "DEV-" }

// RuleIDs lists the rules in the order they are checked and shown.
var RuleIDs = []RuleID{RuleTrain32, RuleTrain56, RuleLecture, RuleThemeDay, RuleThreeOne, RuleOrgLife,
	RuleAppraise, RuleDual, RuleSixMonth, RuleTalk, RuleLiaison, RuleTarget, RuleTransfer,
	RuleBirthday, RuleProbation, RuleFifty, RulePledge, RuleVolunteer, RuleLeaderLink, RuleLostContact,
	RuleAbroad, RuleAway, RuleGraduate, RuleCorrection, RuleBranchShape, RuleProfile, RuleDevOrder,
	RuleDevAge, RuleDevTalk, RuleDevFiling, RuleDevContacts, RuleDevReport, RuleDevReview, RuleDevActivistYear,
	RuleDevIntroducers, RuleDevVetting, RuleDevTraining, RuleDevPublicity, RuleDevQuorum, RuleDevPartyTalk,
	RuleDevApproval, RuleDevProbation, RuleDevConfirm, RuleDevExtension, RuleEval}

var ruleLabels = map[RuleID]string{
	RuleTrain32:   "党员集中学习培训不少于32学时",
	RuleTrain56:   "书记和班子成员学习培训不少于56学时",
	RuleLecture:   "党员领导干部每年讲党课",
	RuleThemeDay:  "每月开展主题党日",
	RuleThreeOne:  "三会一课",
	RuleOrgLife:   "专题组织生活会和民主评议党员",
	RuleAppraise:  "民主评议党员等次",
	RuleDual:      "党员领导干部双重组织生活",
	RuleSixMonth:  "连续六个月不参加组织生活或不交党费",
	RuleTalk:      "谈心谈话",
	RuleLiaison:   "联系群众和困难学生",
	RuleTarget:    "党员目标管理责任书",
	RuleTransfer:  "组织关系转接回执",
	RuleBirthday:  "本月政治生日",
	RuleProbation: "预备期届满",
	RuleFifty:     "光荣在党50年",
	RuleEval:      "党员教育管理考评",

	RulePledge:      "党员承诺践诺",
	RuleVolunteer:   "志愿服务时长",
	RuleLeaderLink:  "党员领导干部联系点",
	RuleLostContact: "失联党员处置",
	RuleAbroad:      "出国（境）学习研究党员管理",
	RuleAway:        "流动党员组织关系转接",
	RuleGraduate:    "毕业生党员组织关系保留期限",
	RuleCorrection:  "限期改正期满",
	RuleBranchShape: "党支部设置和支委会换届",
	RuleProfile:     "党员信息完整",

	RuleDevOrder:        "发展党员程序先后",
	RuleDevAge:          "入党申请人年满十八岁",
	RuleDevTalk:         "收到入党申请书后按期谈话",
	RuleDevFiling:       "入党积极分子和发展对象报党委备案",
	RuleDevContacts:     "正式党员作培养联系人",
	RuleDevReport:       "按期递交思想汇报",
	RuleDevReview:       "按期培养考察",
	RuleDevActivistYear: "入党积极分子培养期",
	RuleDevIntroducers:  "两名正式党员作入党介绍人",
	RuleDevVetting:      "发展对象政治审查",
	RuleDevTraining:     "发展对象集中培训",
	RuleDevPublicity:    "发展对象公示",
	RuleDevQuorum:       "支部大会到会和表决人数",
	RuleDevPartyTalk:    "审批前党委派人谈话",
	RuleDevApproval:     "党委按期审批接收预备党员",
	RuleDevProbation:    "预备期",
	RuleDevConfirm:      "党委按期审批转正",
	RuleDevExtension:    "延长预备期",
}

// Label is the rule's title in Chinese, e.g. 每月开展主题党日 for THEME-DAY; an
// unknown id is its own label.
func (r RuleID) Label() string {
	if l, ok := ruleLabels[r]; ok {
		return l
	}
	return string(r)
}
