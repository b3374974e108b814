package sheets

import (
	"dangjian/data"
	"dangjian/data/vocab"
)

// The kinds of the member file and of 实践锻炼, 宣传 and the 二级党校,
// imported and exported by records.go.
const (
	Practice     Kind = "practice"
	Pledges      Kind = "pledges"
	Volunteer    Kind = "volunteer"
	Publicity    Kind = "publicity"
	Rewards      Kind = "rewards"
	Disciplines  Kind = "disciplines"
	Corrections  Kind = "corrections"
	Dispositions Kind = "dispositions"
	Posts        Kind = "posts"
	Episodes     Kind = "episodes"
	Teachers     Kind = "teachers"
	Courses      Kind = "courses"
	LeaderLinks  Kind = "leader-links"
	LeaderVisits Kind = "leader-visits"
)

// recordKinds are those kinds, in the order records depend on each other
// (teachers before the courses they give, links before their visits).
var recordKinds = []Kind{Practice, Pledges, Volunteer, Publicity, Rewards, Disciplines, Corrections,
	Dispositions, Posts, Episodes, Teachers, Courses, LeaderLinks, LeaderVisits}

func init() {
	for _, k := range recordKinds {
		sp := recordSpecs[k]
		layouts[k] = sp.layout()
		exporters[k] = sp.export
	}
}

// memberCol and nameCol name the member a row is about, as the training
// and dues sheets do.
func memberCol() recordCol {
	return recordCol{Column: Column{Header: "公民身份号码", Required: true, Type: "id", Width: 21,
		Note: "该党员的公民身份号码，须已在本库中"}, field: "member_id", ref: refMember}
}

func nameCol() recordCol {
	return recordCol{Column: Column{Header: "姓名", Required: true, Type: "text", Width: 10, Note: "须与公民身份号码相符"}}
}

func colText(header string, required bool, width float64, note string, field string) recordCol {
	return recordCol{Column: Column{Header: header, Required: required, Type: "text", Width: width, Note: note}, field: field}
}

func colChoice(header string, required bool, choices []string, width float64, note string, field string) recordCol {
	return recordCol{Column: Column{Header: header, Required: required, Type: "text", Choices: choices, Width: width,
		Note: note}, field: field}
}

func openChoice(header string, required bool, choices []string, width float64, note string, field string) recordCol {
	c := colChoice(header, required, choices, width, note, field)
	c.Open = true
	return c
}

func colDate(header string, required bool, note string, field string) recordCol {
	return recordCol{Column: Column{Header: header, Required: required, Type: "date", Width: 12, Note: note}, field: field}
}

// futureDate is a date that may lie after today.
func futureDate(header string, required bool, note string, field string) recordCol {
	c := colDate(header, required, note, field)
	c.future = true
	return c
}

func colNumber(header string, required bool, width float64, note string, field string) recordCol {
	return recordCol{Column: Column{Header: header, Required: required, Type: "number", Width: width, Note: note}, field: field}
}

// memberTable and the like give a spec its store table.
func tbl[T any, P interface {
	*T
	data.Record
}](pick func(*data.Tables) data.Table[T, P]) func(*data.Tables) recordTable {
	return func(t *data.Tables) recordTable { return tableOf[T, P]{pick(t)} }
}

const keyRepeat = "；同一表格重复导入不会产生重复记录，也不会改变已有数据"

var recordSpecs = map[Kind]*recordSpec{
	Practice: {kind: Practice, title: "党员先锋岗和责任区",
		key:       "同一党员、同一类型、同一岗位或责任区、同一开始日期的行视为同一条记录" + keyRepeat,
		keyFields: []string{"member_id", "kind", "name", "since"}, keyHeader: "岗位或责任区",
		table:      tbl(func(t *data.Tables) data.Table[data.PracticePost, *data.PracticePost] { return t.PracticePosts }),
		yearHeader: "开始日期",
		inYear: func(rec data.Record, year int) bool {
			p := rec.(*data.PracticePost)
			return activeIn(p.Since, p.Until, year)
		},
		cols: []recordCol{memberCol(), nameCol(),
			colChoice("类型", true, data.PracticeKinds, 12, "党员先锋岗/党员责任区", "kind"),
			colText("岗位或责任区", true, 24, "先锋岗的岗位或责任区的范围，如：实验室安全责任区", "name"),
			colDate("开始日期", true, "设岗或划区的日期", "since"),
			futureDate("结束日期", false, "撤岗的日期；仍在设立的不填", "until"),
			colText("职责", false, 30, "承担的职责", "duties")}},
	Pledges: {kind: Pledges, title: "承诺践诺",
		key:       "同一党员同一年度的行视为同一条记录（每人每年一份承诺）" + keyRepeat,
		keyFields: []string{"member_id", "year"}, keyHeader: "年度",
		table:      tbl(func(t *data.Tables) data.Table[data.Pledge, *data.Pledge] { return t.Pledges }),
		yearHeader: "年度",
		cols: []recordCol{memberCol(), nameCol(),
			colNumber("年度", true, 8, "承诺的年度，如2026", "year"),
			colText("承诺事项", true, 36, "公开承诺的事项", "content"),
			colDate("承诺日期", true, "公开承诺的日期", "pledged_date"),
			colChoice("践诺评议", false, data.PledgeReviews, 10, "年终评议结果；尚未评议的不填", "review"),
			colText("评议人", false, 10, "", "reviewer"),
			colDate("评议日期", false, "填写践诺评议时必填", "review_date")}},
	Volunteer: {kind: Volunteer, title: "志愿服务",
		key:       "同一党员、同一日期、同一服务内容的行视为同一条记录" + keyRepeat,
		keyFields: []string{"member_id", "date", "activity"}, keyHeader: "服务内容",
		table: tbl(func(t *data.Tables) data.Table[data.VolunteerService, *data.VolunteerService] {
			return t.VolunteerServices
		}),
		yearHeader: "日期",
		cols: []recordCol{memberCol(), nameCol(),
			colDate("日期", true, "服务日期，不能晚于今天", "date"),
			colText("服务内容", true, 30, "志愿服务活动的名称或内容", "activity"),
			colNumber("服务时长", false, 8, "小时，可有两位小数，一次不超过24小时", "hours"),
			colText("组织单位", false, 16, "如：校团委", "organizer")}},
	Publicity: {kind: Publicity, title: "宣传",
		key:       "同一宣传渠道、同一标题、同一发布日期的行视为同一条记录" + keyRepeat,
		keyFields: []string{"channel", "title", "date"}, keyHeader: "标题",
		table:      tbl(func(t *data.Tables) data.Table[data.Publicity, *data.Publicity] { return t.Publicity }),
		yearHeader: "发布日期",
		cols: []recordCol{
			{Column: Column{Header: "所在支部", Type: "text", Width: 24, Note: "报道所涉的支部全称，须已在本库中；涉及全院的不填"},
				field: "branch_id", ref: refBranch},
			colChoice("宣传渠道", true, data.PublicityChannels, 12, "校报/官网/微信公众号/其他", "channel"),
			colText("标题", true, 36, "报道或推文的标题", "title"),
			colDate("发布日期", true, "", "date"),
			colText("链接或存档位置", false, 30, "网址，或剪报的存档位置", "link"),
			colText("备注", false, 20, "", "note")}},
	Rewards: {kind: Rewards, title: "表彰奖励",
		key:       "同一党员、同一奖励名称、同一日期的行视为同一条记录" + keyRepeat,
		keyFields: []string{"member_id", "title", "date"}, keyHeader: "奖励名称",
		table:      tbl(func(t *data.Tables) data.Table[data.Reward, *data.Reward] { return t.Rewards }),
		yearHeader: "日期",
		cols: []recordCol{memberCol(), nameCol(),
			colText("奖励名称", true, 28, "荣誉称号或奖励名称，如：优秀共产党员", "title"),
			colChoice("级别", false, data.RewardLevels, 10, "授予单位的级别", "level"),
			colText("授予单位", false, 20, "如：中共某某大学委员会", "issuer"),
			colDate("日期", true, "授予日期", "date")}},
	Disciplines: {kind: Disciplines, title: "党纪处分",
		key:       "同一党员、同一处分种类、同一处分日期的行视为同一条记录" + keyRepeat,
		keyFields: []string{"member_id", "kind", "date"}, keyHeader: "处分日期",
		table:      tbl(func(t *data.Tables) data.Table[data.Discipline, *data.Discipline] { return t.Disciplines }),
		yearHeader: "处分日期",
		cols: []recordCol{memberCol(), nameCol(),
			colChoice("处分种类", true, data.DisciplineKinds, 12, "《中国共产党纪律处分条例》第八条规定的处分", "kind"),
			colDate("处分日期", true, "", "date"),
			futureDate("影响期至", false, "影响期的最后一天；不填时按处分种类计算（警告一年、严重警告一年半、撤销党内职务两年），"+
				"留党察看须填写察看期满日期", "effect_until"),
			colText("决定机关", false, 20, "", "decided_by"),
			colText("事由", false, 30, "", "reason")}},
	Corrections: {kind: Corrections, title: "限期改正",
		key:       "同一党员同一决定日期的行视为同一条记录" + keyRepeat,
		keyFields: []string{"member_id", "date"}, keyHeader: "决定日期",
		table:      tbl(func(t *data.Tables) data.Table[data.Correction, *data.Correction] { return t.Corrections }),
		yearHeader: "决定日期",
		cols: []recordCol{memberCol(), nameCol(),
			colDate("决定日期", true, "作出限期改正决定的日期", "date"),
			futureDate("改正期限", false, "期限的最后一天；不填时按规则设置（默认决定日期起12个月）", "deadline"),
			colText("事由", false, 30, "", "reason"),
			colChoice("处理结果", false, data.CorrectionOutcomes, 10, "期满后的结果；尚在改正期的不填", "outcome"),
			colDate("结果日期", false, "填写处理结果时必填", "outcome_date")}},
	Dispositions: {kind: Dispositions, title: "党籍处置",
		key:       "同一党员、同一处置、同一决定日期的行视为同一条记录" + keyRepeat,
		keyFields: []string{"member_id", "kind", "date"}, keyHeader: "决定日期",
		table:      tbl(func(t *data.Tables) data.Table[data.Disposition, *data.Disposition] { return t.Dispositions }),
		yearHeader: "决定日期",
		cols: []recordCol{memberCol(), nameCol(),
			colChoice("处置", true, data.DispositionKinds, 14, "停止党籍、恢复党籍或除名", "kind"),
			colDate("决定日期", true, "", "date"),
			colText("决定机关", false, 20, "", "decided_by"),
			colText("事由", false, 30, "", "reason")}},
	Posts: {kind: Posts, title: "党内职务",
		key:       "同一党员、同一机构、同一支部、同一职务、同一任职日期的行视为同一条记录" + keyRepeat,
		keyFields: []string{"member_id", "organ", "branch_id", "post", "from_date"}, keyHeader: "任职日期",
		table:      tbl(func(t *data.Tables) data.Table[data.PostTerm, *data.PostTerm] { return t.PostTerms }),
		yearHeader: "任职日期",
		inYear: func(rec data.Record, year int) bool {
			p := rec.(*data.PostTerm)
			return activeIn(p.From, p.Until, year)
		},
		cols: []recordCol{memberCol(), nameCol(),
			colChoice("机构", true, data.PostOrgans, 10, "职务所属的机构", "organ"),
			openChoice("职务", true, data.Posts, 12, "如：书记、组织委员", "post"),
			{Column: Column{Header: "所在支部", Type: "text", Width: 24, Note: "支部全称，须已在本库中；支委会职务必填，党委职务不填"},
				field: "branch_id", ref: refBranch},
			colDate("任职日期", true, "", "from_date"),
			colDate("免职日期", false, "仍在任的不填", "until"),
			colDate("换届选举日期", false, "该届班子的选举日期；与任职日期相同的可不填", "elected")}},
	Episodes: {kind: Episodes, title: "党员状态",
		key:       "同一党员、同一情形、同一开始日期的行视为同一条记录" + keyRepeat,
		keyFields: []string{"member_id", "kind", "since"}, keyHeader: "开始日期",
		table:      tbl(func(t *data.Tables) data.Table[data.Episode, *data.Episode] { return t.Episodes }),
		yearHeader: "开始日期",
		inYear: func(rec data.Record, year int) bool {
			e := rec.(*data.Episode)
			return activeIn(e.Since, e.Until, year)
		},
		cols: []recordCol{memberCol(), nameCol(),
			colChoice("情形", true, data.EpisodeKinds, 18, "失联、流动外出、出国（境）学习研究或毕业生组织关系保留", "kind"),
			colDate("开始日期", true, "失联、外出、出国（境）或毕业的日期", "since"),
			colDate("结束日期", false, "恢复联系、返回或转出的日期；仍在持续的不填", "until"),
			colText("地点", false, 20, "流向地或所在国家和地区；出国（境）必填", "place"),
			openChoice("失联情形", false, data.LostCircumstances, 20, "失联的党员填写", "circumstances"),
			colText("查找情况", false, 30, "对失联党员的查找情况", "searches"),
			colDate("最近联系日期", false, "最近一次与党组织联系的日期", "last_contact"),
			colText("备注", false, 20, "", "note")}},
	Teachers: {kind: Teachers, title: "党校教师",
		key:       "同一姓名的行视为同一位教师" + keyRepeat,
		table:     tbl(func(t *data.Tables) data.Table[data.SchoolTeacher, *data.SchoolTeacher] { return t.SchoolTeachers }),
		keyFields: []string{"name"}, keyHeader: "姓名",
		cols: []recordCol{
			colText("姓名", true, 10, "教师姓名", "name"),
			colChoice("专兼职", true, data.TeacherKinds, 8, "专职/兼职", "kind"),
			{Column: Column{Header: "公民身份号码", Type: "id", Width: 21,
				Note: "教师是本单位党员时填写，须已在本库中，姓名须相符；校外教师不填"}, field: "member_id", ref: refMember},
			colText("单位及职务", false, 24, "", "unit"),
			colText("主讲方向", false, 24, "", "subjects"),
			colDate("聘任日期", false, "", "since"),
			futureDate("解聘日期", false, "聘期届满或解聘的日期", "until")}},
	Courses: {kind: Courses, title: "党校课程",
		key:       "同一培训计划（年度和计划课程）下同一课程名称的行视为同一门课程" + keyRepeat,
		keyFields: []string{"plan_id", "title"}, keyHeader: "课程名称",
		table:      tbl(func(t *data.Tables) data.Table[data.SchoolCourse, *data.SchoolCourse] { return t.SchoolCourses }),
		yearHeader: "年度",
		cols: []recordCol{
			colNumber("年度", true, 8, "培训计划的年度，如2026", ""),
			{Column: Column{Header: "计划课程", Required: true, Type: "text", Width: 24,
				Note: "培训计划中该年度的课程名称，须已在培训计划中"}, field: "plan_id", ref: refPlan},
			colText("课程名称", true, 28, "二级党校开设的课程", "title"),
			colNumber("学时", false, 6, "可有两位小数", "hours"),
			{Column: Column{Header: "授课教师", Type: "text", Width: 10, Note: "党校教师的姓名，须已导入党校教师"},
				field: "teacher_id", ref: refTeacher},
			colText("培训对象", false, 16, "如：入党积极分子、全体党员", "audience"),
			colText("备注", false, 20, "", "note")}},
	LeaderLinks: {kind: LeaderLinks, title: "领导干部联系点",
		key:       "同一党员、同一联系类型、同一联系对象、同一开始日期的行视为同一个联系点" + keyRepeat,
		keyFields: []string{"member_id", "kind", "contact", "since"}, keyHeader: "联系对象",
		table:      tbl(func(t *data.Tables) data.Table[data.Liaison, *data.Liaison] { return t.Liaisons }),
		yearHeader: "开始日期",
		inYear: func(rec data.Record, year int) bool {
			l := rec.(*data.Liaison)
			return activeIn(l.Since, l.Until, year)
		},
		covers: func(_ *refIndex, rec data.Record) bool { return isLeaderLink(rec.(*data.Liaison).Kind) },
		check: func(ix *refIndex, r *row, rec, old data.Record) {
			l := rec.(*data.Liaison)
			if m := ix.members.byID[string(l.MemberID)]; old == nil && m != nil && !m.IsLeader {
				r.fail("公民身份号码", "该党员不是党员领导干部（党员信息中“党员领导干部”为否），不能设联系点")
			}
		},
		cols: []recordCol{memberCol(), nameCol(),
			colChoice("联系类型", true, leaderLinkKinds, 8, "党员领导干部联系一个支部和一个班级", "kind"),
			colText("联系对象", true, 28, "联系的支部全称或班级名称", "contact"),
			colDate("开始日期", false, "", "since"),
			futureDate("结束日期", false, "仍在联系的不填", "until"),
			colText("备注", false, 20, "", "note")}},
	LeaderVisits: {kind: LeaderVisits, title: "领导干部联系记录",
		key:       "同一联系点、同一日期、同一联系内容的行视为同一次联系" + keyRepeat,
		keyFields: []string{"liaison_id", "date", "content"}, keyHeader: "日期",
		table:      tbl(func(t *data.Tables) data.Table[data.LiaisonLog, *data.LiaisonLog] { return t.LiaisonLogs }),
		yearHeader: "日期",
		covers: func(ix *refIndex, rec data.Record) bool {
			l := ix.linkByID[rec.(*data.LiaisonLog).LiaisonID]
			return l != nil && isLeaderLink(l.Kind)
		},
		cols: []recordCol{
			{Column: Column{Header: "公民身份号码", Required: true, Type: "id", Width: 21, Note: "党员领导干部的公民身份号码"}},
			nameCol(),
			colChoice("联系类型", true, leaderLinkKinds, 8, "支部/班级", ""),
			{Column: Column{Header: "联系对象", Required: true, Type: "text", Width: 28,
				Note: "须与领导干部联系点中的联系对象一致"}, field: "liaison_id", ref: refLink},
			colDate("日期", true, "到联系点的日期", "date"),
			colText("联系内容", false, 36, "如：参加支部主题党日、与班级学生座谈", "content")}},
}

// leaderLinkKinds are the liaisons of a 党员领导干部.
var leaderLinkKinds = []string{string(vocab.LiaisonBranch), string(vocab.LiaisonClass)}
