package vocab

// Stage is where a person stands in 发展党员 (DOMAIN.md, "发展党员"): from
// 入党申请人 to 正式党员, or out of the pipeline.
type Stage string

// The stages, in order.
const (
	StageApplicant Stage = "入党申请人"
	StageActivist  Stage = "入党积极分子"
	StageCandidate Stage = "发展对象"
	StageProbation Stage = "预备党员"
	StageFull      Stage = "正式党员"
	// StageEnded is a person no longer developed: 不再列为培养对象,
	// 取消预备党员资格, 转出 or 放弃.
	StageEnded Stage = "已终止"
)

// Stages lists the stages of the pipeline in order; StageEnded last.
var Stages = []Stage{StageApplicant, StageActivist, StageCandidate, StageProbation, StageFull, StageEnded}

// Rank orders the stages: 0 for 入党申请人 … 4 for 正式党员, 5 for 已终止.
func (s Stage) Rank() int {
	for i, v := range Stages {
		if v == s {
			return i
		}
	}
	return -1
}

// DevStep is one step of 发展党员 as recorded, after the 25 steps of
// 《中国共产党发展党员工作细则》 (2014). Some are recorded more than once
// (思想汇报 each quarter, 考察 each half year).
type DevStep string

// The steps, in the order the 细则 takes them.
const (
	StepApply           DevStep = "递交入党申请书"
	StepTalk            DevStep = "入党申请人谈话"
	StepActivist        DevStep = "确定入党积极分子"
	StepActivistFiled   DevStep = "积极分子报党委备案"
	StepContacts        DevStep = "指定培养联系人"
	StepReport          DevStep = "思想汇报"
	StepReview          DevStep = "培养考察"
	StepCandidate       DevStep = "确定发展对象"
	StepCandidateFiled  DevStep = "发展对象报党委备案"
	StepIntroducers     DevStep = "确定入党介绍人"
	StepVetting         DevStep = "政治审查"
	StepTraining        DevStep = "集中培训"
	StepCommitteeReview DevStep = "支部委员会审查"
	StepPreReview       DevStep = "党委预审"
	StepPublicity       DevStep = "公示"
	StepForm            DevStep = "填写入党志愿书"
	StepAdmitVote       DevStep = "支部大会讨论接收"
	StepPartyTalk       DevStep = "党委派人谈话"
	StepApproval        DevStep = "党委审批"
	StepApprovalFiled   DevStep = "报上级组织部门备案"
	StepAssigned        DevStep = "编入支部和党小组"
	StepOath            DevStep = "入党宣誓"
	StepConfirmApply    DevStep = "提出转正申请"
	StepConfirmVote     DevStep = "支部大会讨论转正"
	StepConfirmApproval DevStep = "党委审批转正"
	StepArchive         DevStep = "材料归档"
	StepEnd             DevStep = "终止发展"
)

// DevSteps lists the steps in the order the 细则 takes them.
var DevSteps = []DevStep{StepApply, StepTalk, StepActivist, StepActivistFiled, StepContacts, StepReport,
	StepReview, StepCandidate, StepCandidateFiled, StepIntroducers, StepVetting, StepTraining,
	StepCommitteeReview, StepPreReview, StepPublicity, StepForm, StepAdmitVote, StepPartyTalk, StepApproval,
	StepApprovalFiled, StepAssigned, StepOath, StepConfirmApply, StepConfirmVote, StepConfirmApproval,
	StepArchive, StepEnd}

// Rank is the step's place in DevSteps, -1 when unknown.
func (s DevStep) Rank() int {
	for i, v := range DevSteps {
		if v == s {
			return i
		}
	}
	return -1
}

// Stage is the stage a person is in once the step is taken: 确定入党积极分子
// makes one an 入党积极分子, 确定发展对象 a 发展对象, 党委审批 a 预备党员,
// 党委审批转正 (按期转正) a 正式党员. Steps that do not move a person give
// the stage they are taken in; 思想汇报 and 培养考察 are taken in several
// and give "".
func (s DevStep) Stage() Stage {
	switch s {
	case StepApply, StepTalk:
		return StageApplicant
	case StepActivist, StepActivistFiled, StepContacts:
		return StageActivist
	case StepCandidate, StepCandidateFiled, StepIntroducers, StepVetting, StepTraining, StepCommitteeReview,
		StepPreReview, StepPublicity, StepForm, StepAdmitVote, StepPartyTalk:
		return StageCandidate
	case StepApproval, StepApprovalFiled, StepAssigned, StepOath, StepConfirmApply, StepConfirmVote:
		return StageProbation
	case StepConfirmApproval, StepArchive:
		return StageFull
	case StepEnd:
		return StageEnded
	}
	return ""
}

// Recurring reports whether the step is recorded again and again: 思想汇报
// and 培养考察.
func (s DevStep) Recurring() bool { return s == StepReport || s == StepReview }

// Organ is the body whose decision the step is: 支部委员会, 支部大会 or
// 党委; "" for the steps that are no decision.
func (s DevStep) Organ() DevOrgan {
	switch s {
	case StepActivist, StepCandidate, StepCommitteeReview:
		return OrganBranchBoard
	case StepAdmitVote, StepConfirmVote:
		return OrganBranchAssembly
	case StepActivistFiled, StepCandidateFiled, StepPreReview, StepApproval, StepConfirmApproval:
		return OrganParty
	}
	return ""
}

// Votes reports whether the step is a 支部大会 vote, recorded with its
// attendance and votes.
func (s DevStep) Votes() bool { return s == StepAdmitVote || s == StepConfirmVote }

// DevOrgan is the body that decides a step.
type DevOrgan string

// The deciding bodies.
const (
	OrganBranchBoard    DevOrgan = "支部委员会"
	OrganBranchAssembly DevOrgan = "支部大会"
	OrganParty          DevOrgan = "基层党委"
)

// DevOutcome is the decision a step records.
type DevOutcome string

// The outcomes. A vote passes or fails; the 转正 decision is one of three;
// an ended development says why.
const (
	OutcomePassed   DevOutcome = "通过"
	OutcomeRejected DevOutcome = "未通过"

	OutcomeConfirmed DevOutcome = "按期转正"
	OutcomeExtended  DevOutcome = "延长预备期"
	OutcomeCancelled DevOutcome = "取消预备党员资格"

	OutcomeDropped     DevOutcome = "不再列为培养对象"
	OutcomeTransferred DevOutcome = "转出"
	OutcomeWithdrawn   DevOutcome = "本人放弃"
)

// VoteOutcomes are the outcomes of a 支部大会 接收 vote or a 党委 审批 of
// one.
var VoteOutcomes = []DevOutcome{OutcomePassed, OutcomeRejected}

// ConfirmOutcomes are the outcomes of a 转正 vote or its approval.
var ConfirmOutcomes = []DevOutcome{OutcomeConfirmed, OutcomeExtended, OutcomeCancelled}

// EndOutcomes are why a development ended.
var EndOutcomes = []DevOutcome{OutcomeDropped, OutcomeCancelled, OutcomeTransferred, OutcomeWithdrawn}

// DevOutcomes lists every outcome, each once.
var DevOutcomes = []DevOutcome{OutcomePassed, OutcomeRejected, OutcomeConfirmed, OutcomeExtended,
	OutcomeCancelled, OutcomeDropped, OutcomeTransferred, OutcomeWithdrawn}

// Outcomes lists the outcomes the step may record; nil when it records
// none.
func (s DevStep) Outcomes() []DevOutcome {
	switch s {
	case StepAdmitVote, StepApproval:
		return VoteOutcomes
	case StepConfirmVote, StepConfirmApproval:
		return ConfirmOutcomes
	case StepEnd:
		return EndOutcomes
	}
	return nil
}

// DevRole is what the people a step names are to it.
type DevRole string

// The roles.
const (
	RoleTalker      DevRole = "谈话人"
	RoleContact     DevRole = "培养联系人"
	RoleIntroducer  DevRole = "入党介绍人"
	RoleReviewer    DevRole = "考察人"
	RoleNone        DevRole = ""
	RoleOathLeader  DevRole = "领誓人"
	RolePartyTalker DevRole = "党委谈话人"
)

// Role is what the members a step names (up to two) are to it: the
// 谈话人 of a talk, the 培养联系人, the 入党介绍人 …; "" when the step
// names none.
func (s DevStep) Role() DevRole {
	switch s {
	case StepTalk:
		return RoleTalker
	case StepContacts:
		return RoleContact
	case StepIntroducers:
		return RoleIntroducer
	case StepReview:
		return RoleReviewer
	case StepPartyTalk:
		return RolePartyTalker
	case StepOath:
		return RoleOathLeader
	}
	return RoleNone
}

// NeedsFullMembers reports whether the members the step names must be
// 正式党员 on its date: 培养联系人 and 入党介绍人.
func (s DevStep) NeedsFullMembers() bool { return s == StepContacts || s == StepIntroducers }
