package rules

import "time"

// Facts is everything the rules look at for one calendar year, gathered by
// the caller. Dates are civil dates at midnight UTC; a zero time means unknown.
type Facts struct {
	Year int // the calendar year checked
	// AsOf is the day the check is made. A period (month, quarter, the
	// year) has ended when its last day is before AsOf, so a past year is
	// checked as closed with AsOf on 1 January of the following year.
	AsOf time.Time

	Branches []Branch
	Members  []Member // every member, whatever the status; rules skip those not 正常

	Training []TrainingTotal // per member and form, hours attended in Year
	Lectures []Lecture       // 党课 and 形势报告 given in Year, by speaker
	Meetings []Meeting       // meetings of Year, every branch
	// Attended lists attendance (出席) of 党员领导干部 at Year's meetings;
	// other members' attendance is summarized in LastAttended.
	Attended []Attendance
	// LastAttended holds, per member id, the date of the latest meeting the
	// member attended (出席) on or before AsOf.
	LastAttended map[string]time.Time
	// LastPaid holds, per member id, the first day of the latest month for
	// which dues were paid, on or before AsOf.
	LastPaid map[string]time.Time
	// DuesPaidMonths holds, per member id, how many months of Year up to AsOf
	// were paid in full.
	DuesPaidMonths map[string]int

	Talks      []Talk      // 谈心谈话 in Year
	Liaisons   []Liaison   // liaisons in force on AsOf
	Appraisals []Appraisal // 民主评议 of Year
	Agreements []Agreement // 目标管理责任书 of Year
	Transfers  []Transfer  // every transfer on record, any year
}

// Branch is a 党支部.
type Branch struct {
	ID, Name  string
	Type      string    // 教工/学生/离退休/混合
	Founded   time.Time // zero: existed before any year checked
	HasGroups bool      // the branch has 党小组
}

// Member is a party member as the rules need them.
type Member struct {
	ID, Name, BranchID string
	Gender             string // 男/女
	Birth              time.Time
	PersonType         string // 人员类别: 在职教职工/学生/离退休/其他
	Category           string // 党员类别: 正式党员/预备党员
	Status             string // 党籍状态: 正常/停止党籍/已转出/…; only 正常 is checked
	Joined             time.Time
	Confirmed          time.Time
	PartyPost          string // 党内职务; containing 书记 or 委员 makes a 班子成员
	IsLeader           bool   // 党员领导干部
	DuesExempt         bool   // exempted from dues by decision
	// Since is when the member came under this organization (e.g. the
	// transfer-in date); zero means since Joined.
	Since time.Time
}

// TrainingTotal is a member's hours in one training form over Year.
type TrainingTotal struct {
	MemberID string
	Form     string // 培训班/党课/报告会/专题研讨/集体学习/网络培训/个人自学
	Hours    float64
}

// Lecture is a 党课 or 形势报告 given by a member.
type Lecture struct {
	MemberID string
	Date     time.Time
}

// Meeting is one meeting of a branch's organizational life.
type Meeting struct {
	ID, BranchID string
	GroupID      string // the 党小组 for a 党小组会, else empty
	Kind         string // 支部党员大会/支委会/党小组会/党课/主题党日/组织生活会/民主评议
	Date         time.Time
}

// Attendance records that a member attended (出席) a meeting.
type Attendance struct {
	MemberID, MeetingID string
}

// Talk is a 谈心谈话 with a member.
type Talk struct {
	MemberID string
	Date     time.Time
}

// Liaison is a member's standing contact: Kind 群众/困难学生/支部/班级.
type Liaison struct {
	MemberID, Kind string
}

// Appraisal is a member's 民主评议 result for Year.
type Appraisal struct {
	MemberID string
	Grade    string // 优秀/合格/基本合格/不合格, empty when not graded
	FollowUp string // 教育/处置 record for 不合格
}

// Agreement is a member's 目标管理责任书 for Year.
type Agreement struct {
	MemberID string
	Signed   time.Time // zero: not signed yet
	Scored   bool      // completion has been assessed
}

// Transfer is one 组织关系转接 record.
type Transfer struct {
	ID, MemberID string
	Direction    string // 转出/转入
	OtherOrg     string
	LetterNo     string
	Issued       time.Time
	ValidDays    int       // 0: the setting's default
	Receipt      time.Time // zero: no receipt returned
}

// Finding is one thing the policy requires that the records do not show.
// Branch and Member are names, resolved from Facts.
type Finding struct {
	Rule     string `json:"rule"`
	BranchID string `json:"-"`
	Branch   string `json:"branch"`
	Member   string `json:"member"`
	MemberID string `json:"member_id"`
	Detail   string `json:"detail"`
}
