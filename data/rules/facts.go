package rules

import (
	"time"

	"dangjian/data/vocab"
)

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
	// Dues holds the stored 党费 rows of Year, any member.
	Dues []DuesRecord
	// Coverage is, per kind of record, the first month the records here
	// cover: nothing before it is counted as missing. In a consolidated
	// database each organization's is in OrgCoverage (by org id), and
	// Coverage serves members and branches of no listed organization.
	Coverage    Coverage
	OrgCoverage map[string]Coverage
	// Changes are the recorded changes of members' branch, 党内职务, status
	// and category, oldest first, for the facts as of a past day.
	Changes []Change

	Talks      []Talk      // 谈心谈话 in Year
	Liaisons   []Liaison   // liaisons in force on AsOf
	Appraisals []Appraisal // 民主评议 of Year
	Agreements []Agreement // 目标管理责任书 of Year
	Transfers  []Transfer  // every transfer on record, any year

	Pledges     []Pledge         // 承诺 of Year
	Volunteer   []VolunteerTotal // 志愿服务 hours per member in Year
	LeaderLinks []LeaderLink     // 支部 and 班级 links of 党员领导干部 in force during Year
	Episodes    []Episode        // every status episode on record, any year
	// Dispositions are the decisions on members' 党籍 (停止党籍, 恢复党籍 …),
	// any year.
	Dispositions []Disposition
	Corrections  []Correction // every 限期改正 on record, any year
	PostTerms    []PostTerm   // every 党内职务 on record, any year

	// Applicants are the people in the pipeline of 发展党员, with every
	// step recorded for them, any year (the DEV- rules).
	Applicants []Applicant
}

// Pledge is a member's 承诺 for Year.
type Pledge struct {
	MemberID string
	Pledged  time.Time // the day the 承诺 was made public
	Reviewed bool      // the 践诺 has been reviewed
}

// VolunteerTotal is a member's 志愿服务 hours over Year.
type VolunteerTotal struct {
	MemberID string
	Hours    float64
}

// LeaderLink is a 党员领导干部's 联系点 (a liaison of kind 支部 or 班级) and
// the visits recorded under it in Year.
type LeaderLink struct {
	ID, MemberID string
	Kind         vocab.LiaisonKind // 支部 or 班级
	Contact      string            // the branch or class linked
	Since, Until time.Time         // zero: open on that side
	Visits       int               // liaison_logs dated in Year
}

// Episode is a stretch of a member's status with a timer of its own.
type Episode struct {
	MemberID    string
	Kind        vocab.EpisodeKind
	Since       time.Time
	Until       time.Time // zero while it lasts
	Place       string
	Searched    bool      // the searches made are recorded
	LastContact time.Time // zero when none is recorded
	// Circumstances: the 失联情形 is recorded on the episode.
	Circumstances bool
}

// Disposition is a decision on a member's 党籍.
type Disposition struct {
	MemberID string
	Kind     vocab.DispositionKind
	Date     time.Time
}

// Correction is a 限期改正 given to a member.
type Correction struct {
	MemberID    string
	Date        time.Time // decided
	Deadline    time.Time // zero: Date plus the CorrectionMonths setting
	Outcome     vocab.CorrectionOutcome
	OutcomeDate time.Time
}

// PostTerm is a 党内职务 a member held in a body (支委会, 党总支 …).
type PostTerm struct {
	MemberID, BranchID string
	Organ              vocab.PostOrgan
	Post               string
	From, Until        time.Time // Until zero while held
	Elected            time.Time // the body's election; zero when the same as From
}

// Branch is a 党支部.
type Branch struct {
	ID, Name  string
	OrgID     string // the organization it belongs to
	Type      vocab.BranchType
	Founded   time.Time // zero: existed before any year checked
	HasGroups bool      // the branch has 党小组
	// HasSecretary: the branch record names its 支部书记 (BRANCH-SHAPE
	// counts a 书记 without a recorded 支委会 post).
	HasSecretary bool
}

// Member is a party member as the rules need them.
type Member struct {
	ID, Name, BranchID string
	OrgID              string // the organization whose rolls it is on
	Gender             vocab.Gender
	Ethnicity          string          // 民族, as recorded (汉族, 回族 …); empty when unknown
	Education          vocab.Education // 学历; empty when unknown
	Birth              time.Time
	PersonType         vocab.PersonType
	Category           vocab.Category // today's; see CategoryOn for another day
	Status             vocab.Status   // today's; only 正常 is checked
	Joined             time.Time
	Confirmed          time.Time
	PartyPost          string // 党内职务; containing 书记 or 委员 makes a 班子成员
	IsLeader           bool   // 党员领导干部
	DuesExempt         bool   // exempted from dues by decision
	DuesReduced        bool   // pays the lowest rate (下岗失业, 抚恤, 救济, 低保)
	DuesBase           int64  // 党费基数, monthly, in 分
	// Since is when the member came under this organization (e.g. the
	// transfer-in date); zero means since Joined.
	Since time.Time
	// DuesPaidUntil is the month (its first day) up to which the transfer
	// letter says the member paid dues before arriving; zero when unknown.
	DuesPaidUntil time.Time
	// Left is the day the member left this organization's rolls (the
	// transfer-out letter's date for 已转出); zero while on them or unknown.
	Left time.Time

	// What PROFILE checks the 全国党员管理信息系统 requires: whether each
	// field is filled (the values themselves are not needed).
	HasNativePlace      bool      // 籍贯
	HasPosition         bool      // 单位职务或院系班级
	HasWorkUnit         bool      // 工作单位及职务
	HasHousehold        bool      // 户籍所在地
	HasResidence        bool      // 现居住地
	HasPhone            bool      // 联系电话
	LostContact         bool      // marked 失联党员
	HasLostCircumstance bool      // 失联情形
	LostDate            time.Time // 失联日期; zero when not recorded
}

// TrainingTotal is a member's hours in one training form over Year.
type TrainingTotal struct {
	MemberID string
	Form     vocab.TrainingForm
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
	Kind         vocab.MeetingKind
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

// Liaison is a member's standing contact.
type Liaison struct {
	MemberID string
	Kind     vocab.LiaisonKind
}

// Appraisal is a member's 民主评议 result for Year.
type Appraisal struct {
	MemberID string
	Grade    vocab.Grade // empty when not graded
	FollowUp string      // 教育/处置 record for 不合格
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
	Direction    vocab.Direction
	OtherOrg     string
	LetterNo     string
	Issued       time.Time
	ValidDays    int       // 0: the setting's default
	Receipt      time.Time // zero: no receipt returned
	// DuesPaidUntil is 党费交至 on a letter in (its month's first day).
	DuesPaidUntil time.Time
}

// Finding is one thing the policy requires that the records do not show.
// Branch and Member are names, resolved from Facts.
type Finding struct {
	Rule     vocab.RuleID `json:"rule"`
	BranchID string       `json:"-"`
	Branch   string       `json:"branch"`
	Member   string       `json:"member"`
	MemberID string       `json:"member_id"`
	Detail   string       `json:"detail"`
	// ApplicantID names the person in the pipeline of 发展党员 a DEV-
	// finding is about (MemberID too once they are a member).
	ApplicantID string `json:"applicant_id,omitempty"`
	// Due marks one of this month's to-dos (谈话, 思想汇报, 考察, 审批 due,
	// a 预备期 ending): work to do, not a problem (not 待整改问题).
	Due bool `json:"due,omitempty"`
}
