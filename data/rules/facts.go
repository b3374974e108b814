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
}

// Branch is a 党支部.
type Branch struct {
	ID, Name  string
	OrgID     string // the organization it belongs to
	Type      vocab.BranchType
	Founded   time.Time // zero: existed before any year checked
	HasGroups bool      // the branch has 党小组
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
}
