package demo

import "dangjian/data/vocab"

// The texts of the member file and of the policy's other records.

// Where members live: the districts of the city the college is in, the
// campus, housing estates.
const campusDistrict = "湖北省武汉市洪山区"

var (
	cityDistricts = []string{"湖北省武汉市洪山区", "湖北省武汉市武昌区", "湖北省武汉市江夏区", "湖北省武汉市东湖新技术开发区",
		"湖北省武汉市青山区", "湖北省武汉市汉阳区"}
	compounds = []string{"教职工住宅区", "南湖花园小区", "光谷新城小区", "书香苑小区", "东湖景园小区", "学府佳园小区"}
	// universities are where members took their last degree.
	universities = []string{"武汉大学", "华中科技大学", "武汉理工大学", "华中师范大学", "中国地质大学（武汉）", "湖北大学",
		"北京大学", "清华大学", "浙江大学", "南京大学", "西安电子科技大学", "电子科技大学", "哈尔滨工业大学", "中南大学",
		"山东大学", "本校"}
)

var (
	lostCircumstances = []string{string(vocab.LostAway), string(vocab.LostGraduated), string(vocab.LostMoved), string(vocab.LostOther)}
	// lostSearches: the first and third go together for a member lost for years.
	lostSearches = []string{
		"支部书记多次电话、微信、短信联系未果",
		"通过其家属和同学了解情况，未能取得联系",
		"向其户籍所在地村（居）委会和原工作单位发函查找，并在学院官网发布查找公告，均无回复",
	}
	abroadPlaces = []string{"美国（国家公派访问学者期满后从事博士后研究）", "英国（访问学者）", "德国（联合培养博士研究生）",
		"新加坡（合作研究）", "日本（访问学者）", "澳大利亚（博士后研究）"}
	correctionReasons = []string{
		"无正当理由连续三个月不参加党的组织生活，经支部多次教育仍无明显转变",
		"理想信念淡薄，不履行党员义务，经批评教育仍无明显转变",
		"不按规定交纳党费，经支部提醒后仍未改正",
	}
	disciplineReasons = []string{
		"违反廉洁纪律，违规收受可能影响公正执行公务的礼品",
		"违反工作纪律，在科研经费使用中弄虚作假",
		"违反组织纪律，不如实向党组织报告个人有关事项",
	}
)

// reward is a 表彰奖励 with its level and who gives it.
type reward struct {
	title  string
	level  vocab.RewardLevel
	issuer string
}

var (
	staffRewards = []reward{
		{"优秀共产党员", vocab.RewardSchool, "学校党委"},
		{"优秀教师", vocab.RewardSchool, "学校"},
		{"教学成果奖二等奖", vocab.RewardProvincial, "湖北省人民政府"},
		{"科学技术进步奖三等奖", vocab.RewardProvincial, "湖北省人民政府"},
		{"师德先进个人", vocab.RewardSchool, "学校"},
		{"优秀班主任", vocab.RewardCollege, "学院"},
		{"全国高校黄大年式教师团队成员", vocab.RewardNational, "教育部"},
	}
	studentRewards = []reward{
		{"国家奖学金", vocab.RewardNational, "教育部"},
		{"三好学生", vocab.RewardSchool, "学校"},
		{"优秀学生干部", vocab.RewardSchool, "学校"},
		{"优秀共青团员", vocab.RewardSchool, "校团委"},
		{"大学生程序设计竞赛一等奖", vocab.RewardProvincial, "湖北省教育厅"},
		{"优秀志愿者", vocab.RewardCollege, "学院团委"},
	}
	retiredRewards = []reward{
		{"优秀离退休党员", vocab.RewardSchool, "学校党委"},
		{"关心下一代工作先进个人", vocab.RewardCity, "武汉市关心下一代工作委员会"},
	}
)

// Pledges: one of the common ones, two by kind of member.
var (
	commonPledges = []string{"坚定理想信念，认真学习党的创新理论", "严守党的纪律，按时参加组织生活、足额交纳党费",
		"发挥先锋模范作用，主动联系服务群众"}
	staffPledges = []string{"立德树人，上好每一堂课，课程评教良好以上", "指导学生参加学科竞赛或创新创业项目",
		"严守师德师风，关心关爱学生成长", "完成年度科研任务，申报一项科研项目", "联系1名困难学生，每学期谈心不少于2次"}
	studentPledges = []string{"学习成绩保持专业前30%，无不及格课程", "参加志愿服务不少于20小时",
		"帮扶1名学业困难同学", "带头遵守宿舍管理规定，创建文明寝室", "积极参加社会实践，撰写实践报告"}
	retiredPledges = []string{"保持政治本色，关心学院发展", "参加社区志愿服务，发挥余热",
		"参与关心下一代工作，给青年学生讲好党史故事"}
)

// volunteering is a 志愿服务 activity and who organizes it; empty: the
// member's branch.
type volunteering struct{ what, by string }

var (
	studentVolunteering = []volunteering{
		{"迎新志愿服务", "学院团委"}, {"社区义务支教", "校青年志愿者协会"}, {"图书馆书籍整理", "学校图书馆"},
		{"考研考场志愿服务", "学校教务处"}, {"“学雷锋”电脑义务维修", ""}, {"社区防诈骗宣传", "洪山区志愿者协会"},
		{"无偿献血志愿服务", "学校红十字会"}, {"校园马拉松赛事服务", "学校体育部"},
	}
	staffVolunteering = []volunteering{
		{"开学迎新服务", "学院党委"}, {"社区科普讲座", "洪山区科学技术协会"}, {"中小学人工智能科普进校园", ""},
		{"无偿献血", "学校红十字会"}, {"义务植树", "学校工会"},
	}
	retiredVolunteering = []volunteering{
		{"社区党史宣讲", "社区党委"}, {"关心下一代工作报告会", "学校关工委"}, {"社区环境整治", "社区党委"},
	}
)

// 党员先锋岗 and 党员责任区.
var (
	pioneerPosts  = []string{"教学科研党员先锋岗", "实验室安全党员先锋岗", "服务师生党员先锋岗", "学生就业指导党员先锋岗", "网络安全保障党员先锋岗"}
	pioneerDuties = "亮身份、亮职责、亮承诺，在岗位上带头攻坚、带头服务，每季度向支部汇报履职情况"
	zoneDuties    = "负责责任区内学风建设、安全稳定和文明寝室创建，联系责任区内同学，及时反映思想动态"
)

// 宣传: what was reported about a branch (after its name) and about the
// college's party committee (after 学院党委).
var (
	branchNews = []string{"开展主题党日活动", "组织党员赴革命纪念馆开展现场教学", "召开专题组织生活会",
		"开展党员志愿服务活动", "举办“七一”重温入党誓词活动", "党员先锋岗助力教学科研", "开展“一支部一品牌”创建活动",
		"与企业党支部开展联学共建"}
	orgNews = []string{"召开全体党员大会", "举办二级党校专题培训班", "开展党纪学习教育", "表彰优秀共产党员和优秀党务工作者",
		"召开党建工作述职评议会", "开展走访慰问老党员活动"}
)

// What leaders did when visiting their branch and their class.
var (
	branchVisits = []string{"参加支部主题党日并讲话", "参加支部组织生活会，听取意见建议", "为支部党员讲授专题党课",
		"调研支部建设情况，指导支部工作"}
	classVisits = []string{"参加班会，了解学风建设情况", "与班委座谈，了解学生学习生活困难", "走访学生宿舍，交流思想动态",
		"为班级同学作学业生涯规划指导"}
)
