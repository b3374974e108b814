package vocab

// PracticeKind is the kind of a 实践锻炼 post (the policy §四(二)).
type PracticeKind string

// The practice post kinds.
const (
	PracticePioneer PracticeKind = "党员先锋岗"
	PracticeZone    PracticeKind = "党员责任区"
)

// PracticeKinds lists the practice post kinds in display order.
var PracticeKinds = []PracticeKind{PracticePioneer, PracticeZone}

// PledgeReview is the 践诺 review of a member's 承诺.
type PledgeReview string

// The pledge reviews; a pledge not yet reviewed has none.
const (
	PledgeKept    PledgeReview = "已践诺"
	PledgePartly  PledgeReview = "部分践诺"
	PledgeNotKept PledgeReview = "未践诺"
)

// PledgeReviews lists the reviews in display order.
var PledgeReviews = []PledgeReview{PledgeKept, PledgePartly, PledgeNotKept}

// PublicityChannel is where a piece of 宣传 was published (the policy §六(四)).
type PublicityChannel string

// The publicity channels.
const (
	PublicityPaper  PublicityChannel = "校报"
	PublicitySite   PublicityChannel = "官网"
	PublicityWeChat PublicityChannel = "微信公众号"
	PublicityOther  PublicityChannel = "其他"
)

// PublicityChannels lists the channels in display order.
var PublicityChannels = []PublicityChannel{PublicityPaper, PublicitySite, PublicityWeChat, PublicityOther}

// RewardLevel is the level of the body that gave a reward.
type RewardLevel string

// The reward levels.
const (
	RewardNational   RewardLevel = "国家级"
	RewardProvincial RewardLevel = "省部级"
	RewardCity       RewardLevel = "市厅级"
	RewardSchool     RewardLevel = "校级"
	RewardCollege    RewardLevel = "院级"
)

// RewardLevels lists the levels from the highest.
var RewardLevels = []RewardLevel{RewardNational, RewardProvincial, RewardCity, RewardSchool, RewardCollege}

// DisciplineKind is a 党纪处分 (《中国共产党纪律处分条例》第八条).
type DisciplineKind string

// The kinds of 党纪处分.
const (
	DisciplineWarning    DisciplineKind = "警告"
	DisciplineSerious    DisciplineKind = "严重警告"
	DisciplineRemovePost DisciplineKind = "撤销党内职务"
	DisciplineProbation  DisciplineKind = "留党察看"
	DisciplineExpel      DisciplineKind = "开除党籍"
)

// DisciplineKinds lists the kinds from the lightest.
var DisciplineKinds = []DisciplineKind{DisciplineWarning, DisciplineSerious, DisciplineRemovePost,
	DisciplineProbation, DisciplineExpel}

// EffectMonths is how long a 处分 affects the member (影响期) by default,
// in months, under 《中国共产党纪律处分条例》第十条: a 警告 one year, a
// 严重警告 eighteen months, 撤销党内职务 two years; 留党察看 lasts its 察看期
// (one or two years, recorded with the decision) and 开除党籍 ends the
// membership, so both give 0: the date is entered.
func (k DisciplineKind) EffectMonths() int {
	switch k {
	case DisciplineWarning:
		return 12
	case DisciplineSerious:
		return 18
	case DisciplineRemovePost:
		return 24
	}
	return 0
}

// CorrectionOutcome is how a 限期改正 ended.
type CorrectionOutcome string

// The outcomes; one still under way has none.
const (
	CorrectionDone     CorrectionOutcome = "已改正"
	CorrectionAdvised  CorrectionOutcome = "劝其退党"
	CorrectionExpelled CorrectionOutcome = "党内除名"
)

// CorrectionOutcomes lists the outcomes in display order.
var CorrectionOutcomes = []CorrectionOutcome{CorrectionDone, CorrectionAdvised, CorrectionExpelled}

// DispositionKind is an organizational decision on a member's 党籍.
type DispositionKind string

// The dispositions.
const (
	DispositionSuspend  DispositionKind = "停止党籍"
	DispositionRestore  DispositionKind = "恢复党籍"
	DispositionLapsed   DispositionKind = "自行脱党除名"
	DispositionAdvised  DispositionKind = "劝其退党"
	DispositionExpelled DispositionKind = "党内除名"
)

// DispositionKinds lists the dispositions in display order.
var DispositionKinds = []DispositionKind{DispositionSuspend, DispositionRestore, DispositionLapsed,
	DispositionAdvised, DispositionExpelled}

// PostOrgan is the body a 党内职务 belongs to.
type PostOrgan string

// The organs.
const (
	OrganBranchCommittee PostOrgan = "支委会"
	OrganGeneralBranch   PostOrgan = "党总支"
	OrganCommittee       PostOrgan = "党委"
	OrganGroup           PostOrgan = "党小组"
)

// PostOrgans lists the organs in display order.
var PostOrgans = []PostOrgan{OrganBranchCommittee, OrganGeneralBranch, OrganCommittee, OrganGroup}

// Post is a 党内职务.
type Post string

// The posts offered; other text is accepted.
const (
	PostSecretary       Post = "书记"
	PostDeputySecretary Post = "副书记"
	PostOrganization    Post = "组织委员"
	PostPublicity       Post = "宣传委员"
	PostDiscipline      Post = "纪检委员"
	PostMember          Post = "委员"
	PostGroupLeader     Post = "党小组长"
)

// Posts lists the posts offered, in display order.
var Posts = []Post{PostSecretary, PostDeputySecretary, PostOrganization, PostPublicity, PostDiscipline,
	PostMember, PostGroupLeader}

// EpisodeKind is a stretch of a member's status that has timers of its own.
type EpisodeKind string

// The episodes.
const (
	EpisodeLost     EpisodeKind = "失联"
	EpisodeAway     EpisodeKind = "流动外出"
	EpisodeAbroad   EpisodeKind = "出国（境）学习研究"
	EpisodeGraduate EpisodeKind = "毕业生组织关系保留"
)

// EpisodeKinds lists the episodes in display order.
var EpisodeKinds = []EpisodeKind{EpisodeLost, EpisodeAway, EpisodeAbroad, EpisodeGraduate}

// LostCircumstance is how a member came to be out of contact (失联情形), as
// the 全国党员管理信息系统 records it.
type LostCircumstance string

// The circumstances offered; other text is accepted.
const (
	LostAway      LostCircumstance = "外出务工经商"
	LostMoved     LostCircumstance = "组织关系已转出未报到"
	LostGraduated LostCircumstance = "毕业后未转组织关系"
	LostAbroad    LostCircumstance = "出国（境）未联系"
	LostOther     LostCircumstance = "其他"
)

// LostCircumstances lists the circumstances in display order.
var LostCircumstances = []LostCircumstance{LostAway, LostMoved, LostGraduated, LostAbroad, LostOther}

// TeacherKind says whether a 二级党校 teacher is full- or part-time.
type TeacherKind string

// The teacher kinds.
const (
	TeacherFull TeacherKind = "专职"
	TeacherPart TeacherKind = "兼职"
)

// TeacherKinds lists the teacher kinds in display order.
var TeacherKinds = []TeacherKind{TeacherFull, TeacherPart}

// Degree is a member's 学位.
type Degree string

// The degrees offered.
const (
	DegreeNone     Degree = "无"
	DegreeBachelor Degree = "学士"
	DegreeMaster   Degree = "硕士"
	DegreeDoctor   Degree = "博士"
)

// Degrees lists the degrees in display order.
var Degrees = []Degree{DegreeNone, DegreeBachelor, DegreeMaster, DegreeDoctor}
