package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// Member is a 党员 of the organization.
type Member struct {
	Meta
	BranchID     Ref
	GroupID      Ref // 党小组, optional
	Name         string
	Gender       string // 男/女
	Ethnicity    string // 民族
	BirthDate    Date
	IDNumber     string // 公民身份号码: personal data, never logged
	NativePlace  string // 籍贯
	Education    string // 学历
	PersonType   string // 人员类别: 在职教职工/学生/离退休/其他
	StaffNo      string // 工号或学号
	Position     string // 单位职务或院系班级
	JoinedDate   Date   // 入党日期
	ConfirmedAt  Date   // 转正日期
	Category     string // 党员类别: 正式党员/预备党员
	Status       string // 党籍状态: 正常/停止党籍/已转出/出党/去世
	PartyPost    string // 党内职务, free text
	IsLeader     bool   // 党员领导干部
	Phone        string // personal data, never logged
	InDifficulty bool   // 困难党员
	Floating     bool   // 流动党员
	FloatingTo   string // 流向
	LostContact  bool   // 失联
	DuesBase     Money  // 党费基数: monthly after-tax regular income
	DuesReduced  bool   // 下岗失业/抚恤救济/低保: 0.2 元 a month
	DuesExemptBy string // who decided an exemption from dues; empty when none
	Note         string

	// What the 全国党员管理信息系统 asks beyond the above.
	Degree           string // 学位
	School           string // 毕业院校
	HouseholdPlace   string // 户籍所在地
	Residence        string // 现居住地
	ArchiveUnit      string // 档案所在单位
	WorkUnit         string // 工作单位及职务
	LostCircumstance string // 失联情形, for a member out of contact
	LostDate         Date   // 失联日期
}

// Table names the SQL table.
func (*Member) Table() string { return "members" }

// Fields lists the columns.
func (m *Member) Fields() []Field {
	return []Field{
		{"branch_id", "所在支部", &m.BranchID}, {"group_id", "所在党小组", &m.GroupID},
		{"name", "姓名", &m.Name}, {"gender", "性别", &m.Gender}, {"ethnicity", "民族", &m.Ethnicity},
		{"birth_date", "出生日期", &m.BirthDate}, {"id_number", "公民身份号码", &m.IDNumber},
		{"native_place", "籍贯", &m.NativePlace}, {"education", "学历", &m.Education},
		{"person_type", "人员类别", &m.PersonType}, {"staff_no", "工号或学号", &m.StaffNo},
		{"position", "单位职务或院系班级", &m.Position}, {"joined_date", "入党日期", &m.JoinedDate},
		{"confirmed_date", "转正日期", &m.ConfirmedAt}, {"category", "党员类别", &m.Category},
		{"status", "党籍状态", &m.Status}, {"party_post", "党内职务", &m.PartyPost},
		{"is_leader", "党员领导干部", &m.IsLeader}, {"phone", "联系电话", &m.Phone},
		{"in_difficulty", "困难党员", &m.InDifficulty}, {"floating", "流动党员", &m.Floating},
		{"floating_to", "流向", &m.FloatingTo}, {"lost_contact", "失联党员", &m.LostContact},
		{"dues_base", "党费基数", &m.DuesBase}, {"dues_reduced", "按最低标准交纳党费", &m.DuesReduced},
		{"dues_exempt_by", "免交党费决定人", &m.DuesExemptBy}, {"note", "备注", &m.Note},
		{"degree", "学位", &m.Degree}, {"school", "毕业院校", &m.School},
		{"household_place", "户籍所在地", &m.HouseholdPlace}, {"residence", "现居住地", &m.Residence},
		{"archive_unit", "档案所在单位", &m.ArchiveUnit}, {"work_unit", "工作单位及职务", &m.WorkUnit},
		{"lost_circumstance", "失联情形", &m.LostCircumstance}, {"lost_date", "失联日期", &m.LostDate},
	}
}

// IsCommittee reports whether the member is a 班子成员 (secretary or
// committee member), who needs 56 学时 a year.
func (m *Member) IsCommittee() bool { return rules.IsCommitteePost(m.PartyPost) }

// Active reports whether the member is still on the rolls.
func (m *Member) Active() bool { return vocab.Status(m.Status).Active() }

// check normalizes the values people type, fills what the 公民身份号码
// implies, and validates everything a member record must satisfy.
func (m *Member) check(c *checker) {
	m.Name = strings.TrimSpace(m.Name)
	if m.Status == "" {
		m.Status = string(vocab.StatusNormal)
	}
	if full, ok := CategoryAliases[m.Category]; ok {
		m.Category = full
	}
	c.required("name", m.Name)
	c.requiredRef("branch_id", m.BranchID)
	c.oneOf("gender", m.Gender, Genders)
	c.oneOf("person_type", m.PersonType, PersonTypes)
	c.required("category", m.Category)
	c.oneOf("category", m.Category, Categories)
	c.oneOf("status", m.Status, MemberStatuses)
	c.notFuture("birth_date", m.BirthDate)
	m.checkIDNumber(c)
	c.required("gender", m.Gender)
	m.checkDates(c)
	m.checkPhone(c)
	c.nonNegative("dues_base", float64(m.DuesBase))
	c.oneOf("degree", m.Degree, Degrees)
	c.notFuture("lost_date", m.LostDate)
}

func (m *Member) checkIDNumber(c *checker) { checkPerson(c, &m.IDNumber, &m.BirthDate, &m.Gender) }

// checkPerson checks a 公民身份号码 (id_number) and fills the birth date
// and gender it implies when they are blank; given ones must agree with it.
func checkPerson(c *checker, idNumber *string, birth *Date, gender *string) {
	if strings.TrimSpace(*idNumber) == "" {
		c.fail("id_number", "不能为空")
		return
	}
	id, err := field.ParseIDNumber(*idNumber, c.today)
	if err != nil {
		c.fail("id_number", strings.TrimPrefix(err.Error(), "公民身份号码"))
		return
	}
	*idNumber = id.Number
	if birth.IsZero() {
		*birth = DateOf(id.Birth)
	}
	if *gender == "" {
		*gender = string(map[bool]vocab.Gender{true: vocab.Male, false: vocab.Female}[id.Male])
	}
	if c.failed("birth_date") || c.failed("gender") {
		return
	}
	if err := field.CheckIDMatches(id, birth.Time, *gender); err != nil {
		c.fail("id_number", err.Error())
	}
}

func (m *Member) checkDates(c *checker) {
	c.requiredDate("joined_date", m.JoinedDate)
	c.notFuture("joined_date", m.JoinedDate)
	c.notFuture("confirmed_date", m.ConfirmedAt)
	if !m.BirthDate.IsZero() && !m.JoinedDate.IsZero() &&
		m.JoinedDate.Before(m.BirthDate.AddDate(18, 0, 0)) {
		c.fail("joined_date", "入党时应年满十八岁")
	}
	if !m.ConfirmedAt.IsZero() && !m.JoinedDate.IsZero() && !m.ConfirmedAt.After(m.JoinedDate.Time) {
		c.fail("confirmed_date", "应晚于入党日期")
	}
	if m.Category == string(vocab.CategoryProbation) && !m.ConfirmedAt.IsZero() {
		c.fail("confirmed_date", "预备党员尚未转正，不应填写转正日期")
	}
}

func (m *Member) checkPhone(c *checker) { checkPhone(c, m.Phone) }

// checkPhone checks a phone number (phone): digits and separators, 7 to
// 15 digits; blank passes.
func checkPhone(c *checker, phone string) {
	p := strings.TrimSpace(phone)
	if p == "" {
		return
	}
	digits := 0
	for _, r := range p {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == ' ' || r == '+':
		default:
			c.fail("phone", "只能包含数字和连字符")
			return
		}
	}
	if digits < 7 || digits > 15 {
		c.fail("phone", "位数不正确")
	}
}

// checkStore refuses a 公民身份号码 already used by another member on the
// rolls of the same organization.
func (m *Member) checkStore(ctx context.Context, q queryer, c *checker) error {
	if c.failed("id_number") || !m.Active() {
		return nil
	}
	var other string
	err := q.QueryRowContext(ctx, `SELECT name FROM members
		WHERE org_id = ? AND id_number = ? AND id <> ? AND deleted_at IS NULL AND status IN (?, ?)
		LIMIT 1`, m.OrgID, m.IDNumber, m.ID, vocab.StatusNormal, vocab.StatusSuspended).Scan(&other)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	c.fail("id_number", "与在册党员"+other+"重复")
	return nil
}
