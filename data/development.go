package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// The records of 发展党员: the people in the pipeline (not yet members),
// every step taken for them, and the versions of the rules added in 设置.

// Applicant is a person in the pipeline of 发展党员, from the 入党申请书 on:
// not a member until the 党委 approves the 接收 (then MemberID names the
// member record made from this one). The personal data is kept with the
// same care as a member's.
type Applicant struct {
	Meta
	BranchID    Ref
	Name        string
	Gender      string // 男/女
	Ethnicity   string // 民族
	BirthDate   Date
	IDNumber    string // 公民身份号码: personal data, never logged
	NativePlace string // 籍贯
	Education   string // 学历
	PersonType  string // 人员类别
	StaffNo     string // 工号或学号
	Position    string // 单位职务或院系班级
	Phone       string // personal data, never logged
	MemberID    Ref    // the member record made at 接收预备党员
	Note        string
}

// Table names the SQL table.
func (*Applicant) Table() string { return "applicants" }

// Fields lists the columns.
func (a *Applicant) Fields() []Field {
	return []Field{
		{"branch_id", "所在支部", &a.BranchID}, {"name", "姓名", &a.Name}, {"gender", "性别", &a.Gender},
		{"ethnicity", "民族", &a.Ethnicity}, {"birth_date", "出生日期", &a.BirthDate},
		{"id_number", "公民身份号码", &a.IDNumber}, {"native_place", "籍贯", &a.NativePlace},
		{"education", "学历", &a.Education}, {"person_type", "人员类别", &a.PersonType},
		{"staff_no", "工号或学号", &a.StaffNo}, {"position", "单位职务或院系班级", &a.Position},
		{"phone", "联系电话", &a.Phone}, {"member_id", "党员记录", &a.MemberID}, {"note", "备注", &a.Note},
	}
}

func (a *Applicant) check(c *checker) {
	a.Name = strings.TrimSpace(a.Name)
	c.required("name", a.Name)
	c.requiredRef("branch_id", a.BranchID)
	c.oneOf("gender", a.Gender, Genders)
	c.oneOf("person_type", a.PersonType, PersonTypes)
	c.notFuture("birth_date", a.BirthDate)
	checkPerson(c, &a.IDNumber, &a.BirthDate, &a.Gender)
	c.required("gender", a.Gender)
	checkPhone(c, a.Phone)
}

// checkStore refuses a 公民身份号码 another person in the pipeline has, and
// one of a member on the rolls unless the applicant is linked to that
// member (MemberID: made from this record, or an old 台账's person already
// admitted). The message names the other person: it stays on the screen
// of the one who typed the number, it is never logged.
func (a *Applicant) checkStore(ctx context.Context, q queryer, c *checker) error {
	if c.failed("id_number") || a.IDNumber == "" {
		return nil
	}
	var other string
	err := q.QueryRowContext(ctx, `SELECT name FROM applicants
		WHERE org_id = ? AND id_number = ? AND id <> ? AND deleted_at IS NULL LIMIT 1`,
		a.OrgID, a.IDNumber, a.ID).Scan(&other)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return err
	default:
		c.fail("id_number", "与发展党员名册中的入党申请人"+other+"重复")
		return nil
	}
	rows, err := q.QueryContext(ctx, `SELECT id, name, status FROM members
		WHERE org_id = ? AND id_number = ? AND deleted_at IS NULL`, a.OrgID, a.IDNumber)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, name, status string
		if err := rows.Scan(&id, &name, &status); err != nil {
			return err
		}
		if vocab.Status(status).Active() && Ref(id) != a.MemberID {
			c.fail("id_number", "已是在册党员"+name+"，不能再登记为入党申请人；"+
				"补录已入党人员的发展过程，请用发展党员台账导入（会关联其党员记录）")
			return nil
		}
	}
	return rows.Err()
}

// DevStep is one step of 发展党员 taken for an applicant: its date, the
// members it names, the decision with its attendance and votes, the
// numbers and texts it leaves. Its documents (入党申请书, 思想汇报, 考察意见,
// 政审材料, 结业证书 …) are its attachments.
type DevStep struct {
	Meta
	ApplicantID  Ref
	Step         string // vocab.DevStep
	Date         Date
	Until        Date // the last day of a 公示 or a 集中培训
	PersonID     Ref  // the first member the step names (谈话人, 培养联系人, 入党介绍人 …)
	Person2ID    Ref  // the second
	People       string
	Eligible     int // 应到会有表决权的正式党员
	Present      int // 实到会有表决权的正式党员
	VotesFor     int
	VotesAgainst int
	Abstain      int
	Outcome      string // vocab.DevOutcome
	ExtendMonths int    // the months of a 延长预备期
	Hours        float64
	Days         float64
	Number       string // 志愿书编号, 备案 or 证书编号
	Content      string // 谈话 or 考察意见, the report's subject, the 公示's text
	Note         string

	// FromLedger marks a step taken from an existing 台账 (an import), not
	// stored: a step its ledger did not carry is a warning, not a refusal
	// (rules.CheckLedgerStep).
	FromLedger bool
}

// Table names the SQL table.
func (*DevStep) Table() string { return "dev_steps" }

// Fields lists the columns.
func (s *DevStep) Fields() []Field {
	return []Field{
		{"applicant_id", "入党申请人", &s.ApplicantID}, {"step", "步骤", &s.Step}, {"date", "日期", &s.Date},
		{"until", "截止日期", &s.Until}, {"person_id", "相关党员", &s.PersonID},
		{"person2_id", "相关党员（二）", &s.Person2ID}, {"people", "其他人员", &s.People},
		{"eligible", "应到会有表决权人数", &s.Eligible}, {"present", "实到会有表决权人数", &s.Present},
		{"votes_for", "赞成票", &s.VotesFor}, {"votes_against", "反对票", &s.VotesAgainst},
		{"abstain", "弃权票", &s.Abstain}, {"outcome", "结果", &s.Outcome},
		{"extend_months", "延长预备期（月）", &s.ExtendMonths}, {"hours", "学时", &s.Hours},
		{"days", "天数", &s.Days}, {"number", "编号", &s.Number}, {"content", "内容", &s.Content},
		{"note", "备注", &s.Note},
	}
}

func (s *DevStep) check(c *checker) {
	c.requiredRef("applicant_id", s.ApplicantID)
	c.required("step", s.Step)
	c.oneOf("step", s.Step, DevStepNames)
	c.requiredDate("date", s.Date)
	c.notFuture("date", s.Date)
	c.notBefore("until", s.Until, "date", s.Date)
	step := vocab.DevStep(s.Step)
	if outs := step.Outcomes(); outs != nil {
		c.required("outcome", s.Outcome)
		c.oneOf("outcome", s.Outcome, vocab.Texts(outs))
	} else if s.Outcome != "" {
		c.fail("outcome", "此步骤不填写结果")
	}
	if step.Role() == vocab.RoleNone && (s.PersonID != "" || s.Person2ID != "") {
		c.fail("person_id", "此步骤不填写相关党员")
	}
	if s.PersonID != "" && s.PersonID == s.Person2ID {
		c.fail("person2_id", "不能与第一人相同")
	}
	for _, n := range []struct {
		col string
		v   int
	}{{"eligible", s.Eligible}, {"present", s.Present}, {"votes_for", s.VotesFor},
		{"votes_against", s.VotesAgainst}, {"abstain", s.Abstain}, {"extend_months", s.ExtendMonths}} {
		c.nonNegative(n.col, float64(n.v))
	}
	c.nonNegative("hours", s.Hours)
	c.nonNegative("days", s.Days)
	if step.Votes() {
		if s.Eligible == 0 {
			c.fail("eligible", "支部大会须填写应到会有表决权人数")
		}
		if s.Present > s.Eligible {
			c.fail("present", "不能多于应到会人数")
		}
		if s.VotesFor+s.VotesAgainst+s.Abstain > s.Present {
			c.fail("votes_for", "赞成、反对、弃权合计不能多于实到会人数")
		}
	}
	if vocab.DevOutcome(s.Outcome) == vocab.OutcomeExtended && s.ExtendMonths == 0 {
		c.fail("extend_months", "延长预备期须填写延长月数")
	}
	if vocab.DevOutcome(s.Outcome) != vocab.OutcomeExtended && s.ExtendMonths != 0 {
		c.fail("extend_months", "只有延长预备期才填写延长月数")
	}
}

// DevStepNames are the step names a DevStep accepts.
var DevStepNames = vocab.Texts(vocab.DevSteps)

// DevRuleVersion is a version of the rules of 发展党员 added in 设置 (the
// built-in ones come with the program, rules.BuiltinDevRules): its name,
// the text it comes from and, as JSON, the values and sources that differ
// from the 2014 version (rules.ParseDevRules).
type DevRuleVersion struct {
	Meta
	Name  string // the version's name, chosen in 设置
	Title string
	Body  string
	Note  string
}

// Table names the SQL table.
func (*DevRuleVersion) Table() string { return "dev_rule_versions" }

// Fields lists the columns.
func (v *DevRuleVersion) Fields() []Field {
	return []Field{
		{"version_name", "版本", &v.Name}, {"title", "依据", &v.Title}, {"body", "规则内容", &v.Body},
		{"note", "备注", &v.Note},
	}
}

func (v *DevRuleVersion) check(c *checker) {
	v.Name = strings.TrimSpace(v.Name)
	c.required("version_name", v.Name)
	c.required("title", v.Title)
	for _, b := range rules.BuiltinDevRules() {
		if b.Version == v.Name {
			c.fail("version_name", "与程序自带的版本同名")
		}
	}
	if c.failed("version_name") || c.failed("title") {
		return
	}
	if _, err := rules.ParseDevRules(v.Name, v.Title, v.Body); err != nil {
		c.fail("body", err.Error())
	}
}

// Rules reads the version's values.
func (v *DevRuleVersion) Rules() (rules.DevRules, error) {
	return rules.ParseDevRules(v.Name, v.Title, v.Body)
}

// NaturalKey is the record's natural key: one step of a kind on a day.
func (*DevStep) NaturalKey() []string { return []string{"applicant_id", "step", "date"} }

// NaturalKey is the record's natural key: its name.
func (*DevRuleVersion) NaturalKey() []string { return []string{"version_name"} }
