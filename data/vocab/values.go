package vocab

// Gender is 性别.
type Gender string

// The genders.
const (
	Male   Gender = "男"
	Female Gender = "女"
)

// Genders lists the genders in display order.
var Genders = []Gender{Male, Female}

// BranchType is a 党支部's 支部类型.
type BranchType string

// The branch types.
const (
	BranchStaff   BranchType = "教工"
	BranchStudent BranchType = "学生"
	BranchRetired BranchType = "离退休"
	BranchMixed   BranchType = "混合"
)

// BranchTypes lists the branch types in display order.
var BranchTypes = []BranchType{BranchStaff, BranchStudent, BranchRetired, BranchMixed}

// PersonType is a member's 人员类别.
type PersonType string

// The person types.
const (
	PersonStaff   PersonType = "在职教职工"
	PersonStudent PersonType = "学生"
	PersonRetired PersonType = "离退休"
	PersonOther   PersonType = "其他"
)

// PersonTypes lists the person types in display order.
var PersonTypes = []PersonType{PersonStaff, PersonStudent, PersonRetired, PersonOther}

// Category is a member's 党员类别.
type Category string

// The categories.
const (
	CategoryFull      Category = "正式党员"
	CategoryProbation Category = "预备党员"
)

// Categories lists the categories in display order.
var Categories = []Category{CategoryFull, CategoryProbation}

// CategoryAliases maps the short forms accepted on input to categories.
var CategoryAliases = map[string]Category{"正式": CategoryFull, "预备": CategoryProbation}

// Status is a member's 党籍状态.
type Status string

// The statuses.
const (
	StatusNormal      Status = "正常"
	StatusSuspended   Status = "停止党籍"
	StatusTransferred Status = "已转出"
	StatusExpelled    Status = "出党"
	StatusDeceased    Status = "去世"
)

// Statuses lists the statuses in display order.
var Statuses = []Status{StatusNormal, StatusSuspended, StatusTransferred, StatusExpelled, StatusDeceased}

// ActiveStatuses are the statuses of members still on the rolls; 公民身份号码
// is unique among them.
var ActiveStatuses = []Status{StatusNormal, StatusSuspended}

// Active reports whether a member of status s is still on the rolls.
func (s Status) Active() bool { return s == StatusNormal || s == StatusSuspended }

// Education is 学历.
type Education string

// The education levels.
const (
	EduPostgraduate Education = "研究生"
	EduBachelor     Education = "大学本科"
	EduCollege      Education = "大学专科"
	EduTechnical    Education = "中专"
	EduHighSchool   Education = "高中"
	EduJunior       Education = "初中及以下"
)

// Educations lists the education levels, highest first.
var Educations = []Education{EduPostgraduate, EduBachelor, EduCollege, EduTechnical, EduHighSchool, EduJunior}

// TrainingForm is the form of a 学习培训.
type TrainingForm string

// The training forms.
const (
	FormCourse     TrainingForm = "培训班"
	FormLecture    TrainingForm = "党课"
	FormReport     TrainingForm = "报告会"
	FormSeminar    TrainingForm = "专题研讨"
	FormGroupStudy TrainingForm = "集体学习"
	FormOnline     TrainingForm = "网络培训"
	FormSelfStudy  TrainingForm = "个人自学"
)

// TrainingForms lists the training forms in display order.
var TrainingForms = []TrainingForm{FormCourse, FormLecture, FormReport, FormSeminar, FormGroupStudy, FormOnline, FormSelfStudy}

// MeetingKind is the kind of a meeting of organizational life.
type MeetingKind string

// The meeting kinds.
const (
	MeetingGeneral   MeetingKind = "支部党员大会"
	MeetingCommittee MeetingKind = "支委会"
	MeetingGroup     MeetingKind = "党小组会"
	MeetingLecture   MeetingKind = "党课"
	MeetingThemeDay  MeetingKind = "主题党日"
	MeetingOrgLife   MeetingKind = "组织生活会"
	MeetingAppraisal MeetingKind = "民主评议"
)

// MeetingKinds lists the meeting kinds in display order.
var MeetingKinds = []MeetingKind{MeetingGeneral, MeetingCommittee, MeetingGroup, MeetingLecture,
	MeetingThemeDay, MeetingOrgLife, MeetingAppraisal}

// Attendance is a member's attendance at a meeting.
type Attendance string

// The attendance values.
const (
	Present Attendance = "出席"
	Excused Attendance = "请假"
	Absent  Attendance = "缺席"
)

// Attendances lists the attendance values in display order.
var Attendances = []Attendance{Present, Excused, Absent}

// Grade is a 民主评议 grade.
type Grade string

// The grades.
const (
	GradeExcellent Grade = "优秀"
	GradePass      Grade = "合格"
	GradeBasic     Grade = "基本合格"
	GradeFail      Grade = "不合格"
)

// Grades lists the grades, best first.
var Grades = []Grade{GradeExcellent, GradePass, GradeBasic, GradeFail}

// Completion is how far a target of a 目标管理责任书 was met.
type Completion string

// The completion values.
const (
	Done       Completion = "完成"
	PartlyDone Completion = "部分完成"
	NotDone    Completion = "未完成"
)

// Completions lists the completion values, best first.
var Completions = []Completion{Done, PartlyDone, NotDone}

// Direction is a transfer's direction.
type Direction string

// The directions.
const (
	TransferOut Direction = "转出"
	TransferIn  Direction = "转入"
)

// Directions lists the directions in display order.
var Directions = []Direction{TransferOut, TransferIn}

// CareKind is the kind of a 关心关爱 record.
type CareKind string

// The care kinds.
const (
	CareHelp  CareKind = "困难帮扶"
	CareVisit CareKind = "走访慰问"
	CareOther CareKind = "其他"
)

// CareKinds lists the care kinds in display order.
var CareKinds = []CareKind{CareHelp, CareVisit, CareOther}

// LiaisonKind is whom a member liaises with.
type LiaisonKind string

// The liaison kinds.
const (
	LiaisonMasses  LiaisonKind = "群众"
	LiaisonStudent LiaisonKind = "困难学生"
	LiaisonBranch  LiaisonKind = "支部"
	LiaisonClass   LiaisonKind = "班级"
)

// LiaisonKinds lists the liaison kinds in display order.
var LiaisonKinds = []LiaisonKind{LiaisonMasses, LiaisonStudent, LiaisonBranch, LiaisonClass}

// SupervisionKind is the kind of a 干部监督 record.
type SupervisionKind string

// The supervision kinds.
const (
	SupervisionReport      SupervisionKind = "个人事项报告"
	SupervisionDebrief     SupervisionKind = "述职述廉"
	SupervisionAdmonish    SupervisionKind = "谈话诫勉"
	SupervisionMajorReport SupervisionKind = "个人重大事项报告"
)

// SupervisionKinds lists the supervision kinds in display order.
var SupervisionKinds = []SupervisionKind{SupervisionReport, SupervisionDebrief, SupervisionAdmonish, SupervisionMajorReport}

// FeedbackChannel is how an 意见建议 came in.
type FeedbackChannel string

// The feedback channels.
const (
	ChannelBox   FeedbackChannel = "意见箱"
	ChannelMail  FeedbackChannel = "邮箱"
	ChannelPhone FeedbackChannel = "热线"
	ChannelTalk  FeedbackChannel = "面谈"
	ChannelOther FeedbackChannel = "其他"
)

// FeedbackChannels lists the feedback channels in display order.
var FeedbackChannels = []FeedbackChannel{ChannelBox, ChannelMail, ChannelPhone, ChannelTalk, ChannelOther}

// FeedbackStatus is how far an 意见建议 has been handled.
type FeedbackStatus string

// The feedback statuses.
const (
	FeedbackOpen     FeedbackStatus = "待处理"
	FeedbackHandling FeedbackStatus = "处理中"
	FeedbackClosed   FeedbackStatus = "已办结"
)

// FeedbackStatuses lists the feedback statuses in order.
var FeedbackStatuses = []FeedbackStatus{FeedbackOpen, FeedbackHandling, FeedbackClosed}

// FundDirection is whether a 经费 entry is income or expense.
type FundDirection string

// The fund directions.
const (
	Income  FundDirection = "收入"
	Expense FundDirection = "支出"
)

// FundDirections lists the fund directions in display order.
var FundDirections = []FundDirection{Income, Expense}
