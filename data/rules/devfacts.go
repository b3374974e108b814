package rules

import (
	"time"

	"dangjian/data/vocab"
)

// Applicant is a person in the pipeline of 发展党员 with every step recorded
// for them, oldest first (by date, then by the step's place in the 细则).
type Applicant struct {
	ID, OrgID  string
	BranchID   string
	Name       string
	Gender     vocab.Gender
	Birth      time.Time
	PersonType vocab.PersonType
	MemberID   string // the member record made at 接收预备党员; "" before
	Steps      []Step
}

// Step is one recorded step of 发展党员.
type Step struct {
	ID    string
	Kind  vocab.DevStep
	Date  time.Time
	Until time.Time // 公示 or 培训 last day
	// People are the members the step names (谈话人, 培养联系人, 入党介绍人
	// …), at most two; "" for none.
	People [2]string
	// The attendance and votes of a 支部大会: those entitled to vote
	// (应到会有表决权的正式党员), present, for, against, abstaining.
	Eligible, Present, For, Against, Abstain int
	Outcome                                  vocab.DevOutcome
	ExtendMonths                             int     // a 延长预备期's months
	Hours, Days                              float64 // a 集中培训's 学时 and days
}

// StepIssue is what a DEV- rule says of a step about to be recorded: a
// refusal, or a warning where the rules allow exceptions.
type StepIssue struct {
	Rule   vocab.RuleID
	Text   string
	Refuse bool
}

// PersonOn is what a step needs to know of a member it names, on the
// step's date.
type PersonOn struct {
	ID, Name string
	Full     bool // a 正式党员 on the day (not 预备党员, on the rolls)
	Known    bool // the member exists
}
