package rules

var ruleTitles = map[string]string{
	"TRAIN-32":  "党员集中学习培训不少于32学时",
	"TRAIN-56":  "书记和班子成员学习培训不少于56学时",
	"LECTURE":   "党员领导干部每年讲党课",
	"THEME-DAY": "每月开展主题党日",
	"THREE-ONE": "三会一课",
	"ORG-LIFE":  "专题组织生活会和民主评议党员",
	"APPRAISE":  "民主评议党员等次",
	"DUAL":      "党员领导干部双重组织生活",
	"SIX-MONTH": "连续六个月不参加组织生活或不交党费",
	"TALK":      "谈心谈话",
	"LIAISON":   "联系群众和困难学生",
	"TARGET":    "党员目标管理责任书",
	"TRANSFER":  "组织关系转接回执",
	"BIRTHDAY":  "本月政治生日",
	"PROBATION": "预备期届满",
	"FIFTY":     "光荣在党50年",
	"EVAL":      "党员教育管理考评",
}

// RuleTitle is the Chinese title of a rule id, or the id itself.
func RuleTitle(id string) string {
	if t, ok := ruleTitles[id]; ok {
		return t
	}
	return id
}
