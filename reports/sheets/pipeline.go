package sheets

import (
	"strings"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/vocab"
)

// The sheets of 发展党员: the pipeline, one row per person with the date of
// every main step (pipeline_import.go reads it, pipeline_export.go writes
// it), and every step one row each, the recurring 思想汇报 and 培养考察
// among them (dev-steps).
const (
	Pipeline Kind = "pipeline"
	DevSteps Kind = "dev-steps"
)

func init() {
	Kinds = append(Kinds, Pipeline, DevSteps)
	layouts[Pipeline] = Layout{Kind: Pipeline, Title: "发展党员", Columns: pipelineColumns(), Key: pipelineKey}
	layouts[DevSteps] = Layout{Kind: DevSteps, Title: "发展党员步骤", Columns: devStepColumns(), Key: devStepsKey}
	exporters[Pipeline] = exportPipeline
	exporters[DevSteps] = exportDevSteps
	kindAliases[Pipeline] = pipelineAliases
	kindAliases[DevSteps] = devStepAliases
}

// pipelineKey and devStepsKey say in the 填写说明 how rows are matched.
const (
	pipelineKey = "同一公民身份号码视为同一人，重复导入不会产生重复记录，也不会改变已有数据；" +
		"已记录的步骤按步骤和日期对应（只记录一次的步骤按步骤对应，日期不同即改为表中日期），" +
		"表中留空的步骤不会删除已有记录；每一步骤按发展党员规则检查，违反规则的步骤不能导入，" +
		"规则允许例外的只列出提示；党委审批通过后自动生成党员信息"
	devStepsKey = "同一人同一步骤同一日期视为同一条记录，重复导入不会产生重复记录；" +
		"人员须已在发展党员名册中（先导入发展党员表）；每一步骤按发展党员规则检查"
)

// pipeStep binds a step of 发展党员 to the columns of the pipeline sheet
// that record it.
type pipeStep struct {
	step  vocab.DevStep
	date  string // the date column
	until string // the last day (公示, 集中培训)
	// people names the members the step names (at most two), by name.
	people string
	// from is the step whose date a blank date column takes when the
	// step's other cells are filled: 培养联系人 are named when the
	// 积极分子 is, 入党介绍人 when the 发展对象 is.
	from    vocab.DevStep
	votes   [5]string // 应到, 实到, 赞成, 反对, 弃权
	outcome string
	// blank is the outcome a blank outcome column stands for; "" when one
	// must be given.
	blank  vocab.DevOutcome
	extend string // 延长预备期月数
	hours  string
	days   string
	number string
}

// pipeSteps are the steps of the pipeline sheet, in the order of its
// columns (the 细则's).
var pipeSteps = []pipeStep{
	{step: vocab.StepApply, date: "递交入党申请书日期"},
	{step: vocab.StepTalk, date: "入党申请人谈话日期", people: "谈话人"},
	{step: vocab.StepActivist, date: "确定入党积极分子日期"},
	{step: vocab.StepActivistFiled, date: "积极分子备案日期"},
	{step: vocab.StepContacts, date: "指定培养联系人日期", people: "培养联系人", from: vocab.StepActivist},
	{step: vocab.StepCandidate, date: "确定发展对象日期"},
	{step: vocab.StepCandidateFiled, date: "发展对象备案日期"},
	{step: vocab.StepIntroducers, date: "确定入党介绍人日期", people: "入党介绍人", from: vocab.StepCandidate},
	{step: vocab.StepVetting, date: "政治审查日期"},
	{step: vocab.StepTraining, date: "集中培训开始日期", until: "集中培训结束日期", hours: "培训学时", days: "培训天数"},
	{step: vocab.StepCommitteeReview, date: "支部委员会审查日期"},
	{step: vocab.StepPreReview, date: "党委预审日期"},
	{step: vocab.StepPublicity, date: "公示开始日期", until: "公示结束日期"},
	{step: vocab.StepForm, date: "填写入党志愿书日期", number: "入党志愿书编号"},
	{step: vocab.StepAdmitVote, date: "支部大会讨论接收日期",
		votes:   [5]string{"接收应到人数", "接收实到人数", "接收赞成票", "接收反对票", "接收弃权票"},
		outcome: "接收表决结果", blank: vocab.OutcomePassed},
	{step: vocab.StepPartyTalk, date: "党委派人谈话日期", people: "党委谈话人"},
	{step: vocab.StepApproval, date: "党委审批日期", outcome: "党委审批结果", blank: vocab.OutcomePassed},
	{step: vocab.StepOath, date: "入党宣誓日期", people: "领誓人"},
	{step: vocab.StepConfirmApply, date: "提出转正申请日期"},
	{step: vocab.StepConfirmVote, date: "支部大会讨论转正日期",
		votes:   [5]string{"转正应到人数", "转正实到人数", "转正赞成票", "转正反对票", "转正弃权票"},
		outcome: "转正表决结果", blank: vocab.OutcomeConfirmed, extend: "延长预备期月数"},
	{step: vocab.StepConfirmApproval, date: "党委审批转正日期", outcome: "党委审批转正结果", blank: vocab.OutcomeConfirmed},
	{step: vocab.StepEnd, date: "终止发展日期", outcome: "终止原因"},
}

// cells lists the step's columns other than its date.
func (p pipeStep) cells() []string {
	var out []string
	for _, h := range append([]string{p.until, p.people, p.hours, p.days, p.number}, p.votes[:]...) {
		if h != "" {
			out = append(out, h)
		}
	}
	for _, h := range []string{p.outcome, p.extend} {
		if h != "" {
			out = append(out, h)
		}
	}
	return out
}

// storeCols names the sheet column of each store column of the step, for
// the store's problems: a refusal by the DEV- rules (on the date) among
// them.
func (p pipeStep) storeCols() map[string]string {
	cols := map[string]string{"date": p.date, "step": p.date, "applicant_id": p.date}
	set := func(col, header string) {
		if header != "" {
			cols[col] = header
		}
	}
	set("until", p.until)
	set("person_id", p.people)
	set("person2_id", p.people)
	set("people", p.people)
	for i, col := range []string{"eligible", "present", "votes_for", "votes_against", "abstain"} {
		set(col, p.votes[i])
	}
	set("outcome", p.outcome)
	set("extend_months", p.extend)
	set("hours", p.hours)
	set("days", p.days)
	set("number", p.number)
	// A column the sheet lacks for the step is reported on its date.
	for _, col := range []string{"until", "person_id", "person2_id", "people", "eligible", "present", "votes_for",
		"votes_against", "abstain", "outcome", "extend_months", "hours", "days", "number", "content", "note"} {
		if _, ok := cols[col]; !ok {
			cols[col] = p.date
		}
	}
	return cols
}

// pipePersonal are the pipeline sheet's personal columns, as the members
// sheet has them.
var pipePersonal = []Column{
	{Header: "姓名", Required: true, Type: "text", Width: 10, Note: "入党申请人姓名"},
	{Header: "公民身份号码", Required: true, Type: "id", Width: 21,
		Note: "18位，末位可为X；同一号码视为同一人；请设为文本格式，以免被改成科学计数法"},
	{Header: "性别", Type: "text", Choices: data.Genders, Width: 6, Note: "男/女；不填时按公民身份号码确定"},
	{Header: "民族", Type: "text", Width: 8, Note: "如：汉族"},
	{Header: "出生日期", Type: "date", Width: 12, Note: "不填时按公民身份号码确定，填写时须与之一致"},
	{Header: "籍贯", Type: "text", Width: 10, Note: "如：湖北武汉"},
	{Header: "学历", Type: "text", Choices: data.Educations, Open: true, Width: 10, Note: "最高学历"},
	{Header: "人员类别", Type: "text", Choices: data.PersonTypes, Width: 12, Note: "成为党员后决定党费标准"},
	{Header: "工号或学号", Type: "text", Width: 12, Note: "教职工填工号，学生填学号"},
	{Header: "单位职务或院系班级", Type: "text", Width: 22, Note: "教职工填单位和职务，学生填院系班级"},
	{Header: "联系电话", Type: "text", Width: 14, Note: "手机或座机"},
	{Header: "所在支部", Required: true, Type: "text", Width: 24, Note: "培养该同志的支部全称，须已在本库中"},
	{Header: "备注", Type: "text", Width: 20, Note: "其他需要说明的情况"},
}

// pipelineColumns are the personal columns, then each step's.
func pipelineColumns() []Column {
	cols := append([]Column(nil), pipePersonal...)
	for _, p := range pipeSteps {
		cols = append(cols, p.columns()...)
	}
	return cols
}

// columns are the step's columns of the pipeline sheet.
func (p pipeStep) columns() []Column {
	note := "“" + string(p.step) + "”的日期，不能晚于今天；未到此步骤的不填"
	switch {
	case p.step == vocab.StepApply:
		note = "入党申请书落款或党组织收到的日期，不能晚于今天"
	case p.from != "":
		note += "；填写了" + p.people + "而此列不填时，按" + string(p.from) + "的日期"
	}
	cols := []Column{{Header: p.date, Required: p.step == vocab.StepApply, Type: "date", Width: 12, Note: note}}
	if p.until != "" {
		cols = append(cols, Column{Header: p.until, Type: "date", Width: 12, Note: "不能早于" + p.date})
	}
	if p.people != "" {
		what := "本单位党员的姓名"
		if p.step.NeedsFullMembers() {
			what = "本单位正式党员的姓名（在该日期须为正式党员）"
		}
		cols = append(cols, Column{Header: p.people, Type: "names", Width: 16,
			Note: what + "，最多两人，用顿号（、）分隔；本单位有同名党员的，在姓名后的括号内注明其公民身份号码的末四位，如：张伟（1234）"})
	}
	if p.hours != "" {
		cols = append(cols, Column{Header: p.hours, Type: "number", Width: 8, Note: "集中培训的学时"})
	}
	if p.days != "" {
		cols = append(cols, Column{Header: p.days, Type: "number", Width: 8, Note: "集中培训的天数"})
	}
	if p.number != "" {
		cols = append(cols, Column{Header: p.number, Type: "text", Width: 14,
			Note: "入党志愿书的编号；填写时须同时填写" + p.date})
	}
	for i, h := range p.votes {
		if h == "" {
			continue
		}
		n := [5]string{"应到会有表决权的正式党员人数，填写" + p.date + "时必填", "实到会有表决权的正式党员人数",
			"赞成票数", "反对票数", "弃权票数"}[i]
		cols = append(cols, Column{Header: h, Type: "number", Width: 8, Note: n})
	}
	if p.outcome != "" {
		note := "结果"
		if p.blank != "" {
			note = "不填按“" + string(p.blank) + "”"
		} else {
			note = "填写" + p.date + "时必填"
		}
		cols = append(cols, Column{Header: p.outcome, Type: "text", Choices: vocab.Texts(p.step.Outcomes()),
			Width: 14, Note: note})
	}
	if p.extend != "" {
		cols = append(cols, Column{Header: p.extend, Type: "number", Width: 8,
			Note: "结果为延长预备期时填写，6至12个月"})
	}
	return cols
}

// devStepColumns are the columns of the steps sheet.
func devStepColumns() []Column {
	return []Column{
		{Header: "公民身份号码", Required: true, Type: "id", Width: 21, Note: "须已在发展党员名册中"},
		{Header: "姓名", Required: true, Type: "text", Width: 10, Note: "须与公民身份号码相符"},
		{Header: "步骤", Required: true, Type: "text", Choices: data.DevStepNames, Width: 18,
			Note: "发展党员工作细则中的步骤，如：思想汇报、培养考察"},
		{Header: "日期", Required: true, Type: "date", Width: 12, Note: "不能晚于今天"},
		{Header: "截止日期", Type: "date", Width: 12, Note: "公示或集中培训的最后一天"},
		{Header: "相关党员", Type: "names", Width: 16,
			Note: "谈话人、培养联系人、入党介绍人、考察人等本单位党员的姓名，最多两人，用顿号（、）分隔；" +
				"同名党员在姓名后的括号内注明其公民身份号码的末四位"},
		{Header: "应到人数", Type: "number", Width: 8, Note: "支部大会应到会有表决权的正式党员人数"},
		{Header: "实到人数", Type: "number", Width: 8, Note: "支部大会实到会有表决权的正式党员人数"},
		{Header: "赞成票", Type: "number", Width: 8, Note: ""},
		{Header: "反对票", Type: "number", Width: 8, Note: ""},
		{Header: "弃权票", Type: "number", Width: 8, Note: ""},
		{Header: "结果", Type: "text", Choices: vocab.Texts(vocab.DevOutcomes), Width: 14,
			Note: "支部大会、党委审批和终止发展的结果"},
		{Header: "延长预备期月数", Type: "number", Width: 8, Note: "结果为延长预备期时填写"},
		{Header: "学时", Type: "number", Width: 6, Note: "集中培训的学时"},
		{Header: "天数", Type: "number", Width: 6, Note: "集中培训的天数"},
		{Header: "编号", Type: "text", Width: 14, Note: "志愿书编号、备案或证书编号"},
		{Header: "内容", Type: "text", Width: 30, Note: "谈话或考察意见、思想汇报的题目、公示内容"},
		{Header: "备注", Type: "text", Width: 20, Note: ""},
	}
}

// pipelineAliases are the other names sheets of 发展党员 give the
// pipeline's columns: the 发展党员工作台账 of many colleges calls a date a
// 时间, drops the 日期, or names the step the way the 细则 does.
var pipelineAliases = func() map[string]string {
	out := map[string]string{
		"申请入党日期": "递交入党申请书日期", "申请入党时间": "递交入党申请书日期", "入党申请日期": "递交入党申请书日期",
		"递交申请书日期": "递交入党申请书日期", "递交入党申请书": "递交入党申请书日期", "递交入党申请书时间": "递交入党申请书日期",
		"谈话日期": "入党申请人谈话日期", "谈话时间": "入党申请人谈话日期", "入党申请人谈话": "入党申请人谈话日期",
		"确定为入党积极分子日期": "确定入党积极分子日期", "确定为入党积极分子时间": "确定入党积极分子日期",
		"确定为积极分子日期": "确定入党积极分子日期", "确定为积极分子时间": "确定入党积极分子日期",
		"确定积极分子时间": "确定入党积极分子日期", "列为入党积极分子日期": "确定入党积极分子日期",
		"确定积极分子日期": "确定入党积极分子日期", "确定入党积极分子": "确定入党积极分子日期",
		"积极分子备案": "积极分子备案日期", "积极分子报党委备案日期": "积极分子备案日期",
		"入党积极分子备案日期": "积极分子备案日期", "积极分子报党委备案": "积极分子备案日期",
		"培养人": "培养联系人", "培养联系人姓名": "培养联系人", "指定培养联系人": "培养联系人",
		"确定为发展对象日期": "确定发展对象日期", "确定为发展对象时间": "确定发展对象日期",
		"列为发展对象日期": "确定发展对象日期", "确定发展对象": "确定发展对象日期",
		"发展对象备案": "发展对象备案日期", "发展对象报党委备案日期": "发展对象备案日期", "发展对象报党委备案": "发展对象备案日期",
		"介绍人": "入党介绍人", "入党介绍人姓名": "入党介绍人", "确定入党介绍人": "入党介绍人",
		"政审日期": "政治审查日期", "政治审查": "政治审查日期", "政审时间": "政治审查日期",
		"培训开始日期": "集中培训开始日期", "培训结束日期": "集中培训结束日期", "集中培训日期": "集中培训开始日期",
		"培训学时数": "培训学时", "集中培训学时": "培训学时", "集中培训天数": "培训天数",
		"支委会审查日期": "支部委员会审查日期", "支部委员会审查": "支部委员会审查日期",
		"党委预审": "党委预审日期", "预审日期": "党委预审日期",
		"公示起始日期": "公示开始日期", "公示截止日期": "公示结束日期", "公示日期": "公示开始日期",
		"志愿书编号": "入党志愿书编号", "入党志愿书号": "入党志愿书编号",
		"填写志愿书日期": "填写入党志愿书日期", "填写入党志愿书": "填写入党志愿书日期",
		"接收预备党员日期": "支部大会讨论接收日期", "支部大会接收日期": "支部大会讨论接收日期",
		"支部大会讨论日期": "支部大会讨论接收日期", "支部大会讨论接收": "支部大会讨论接收日期",
		"党委谈话日期": "党委派人谈话日期", "党委派人谈话": "党委派人谈话日期",
		"党委审批": "党委审批日期", "审批日期": "党委审批日期", "党委审批时间": "党委审批日期",
		"入党宣誓": "入党宣誓日期", "宣誓日期": "入党宣誓日期",
		"转正申请日期": "提出转正申请日期", "转正申请": "提出转正申请日期", "提出转正申请": "提出转正申请日期",
		"支部大会讨论转正": "支部大会讨论转正日期", "转正讨论日期": "支部大会讨论转正日期",
		"延长预备期": "延长预备期月数", "延长月数": "延长预备期月数",
		"党委审批转正": "党委审批转正日期", "转正审批日期": "党委审批转正日期",
		"终止日期": "终止发展日期", "终止原因说明": "终止原因",
	}
	for k, v := range out {
		delete(out, k)
		out[field.Normalize(k)] = v
	}
	// Every …日期 may be written …时间.
	for _, c := range pipelineColumns() {
		if h, ok := strings.CutSuffix(c.Header, "日期"); ok {
			if _, taken := out[h+"时间"]; !taken {
				out[field.Normalize(h+"时间")] = c.Header
			}
		}
	}
	return out
}()

// devStepAliases are the other names of the steps sheet's columns.
var devStepAliases = func() map[string]string {
	out := map[string]string{}
	for k, v := range map[string]string{
		"步骤名称": "步骤", "环节": "步骤", "发展步骤": "步骤", "结束日期": "截止日期", "人员": "相关党员",
		"谈话人": "相关党员", "考察人": "相关党员", "应到会人数": "应到人数", "实到会人数": "实到人数",
		"表决结果": "结果", "延长月数": "延长预备期月数", "志愿书编号": "编号", "考察意见": "内容",
		"思想汇报题目": "内容",
	} {
		out[field.Normalize(k)] = v
	}
	return out
}()
