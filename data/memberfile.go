package data

import (
	"context"

	"dangjian/data/vocab"
)

// The records that complete a member's file: rewards, 党纪处分, 限期改正,
// decisions on the 党籍, the 党内职务 held over time, and the stretches of
// status (失联, 流动外出, 出国（境）学习研究, 毕业生组织关系保留) that have
// timers of their own.

// Reward is a 表彰奖励 a member received.
type Reward struct {
	Meta
	MemberID Ref
	Title    string // 荣誉称号 or 奖励名称
	Level    string // 国家级/省部级/市厅级/校级/院级
	Issuer   string // who gave it
	Date     Date
}

// Table names the SQL table.
func (*Reward) Table() string { return "rewards" }

// Fields lists the columns.
func (r *Reward) Fields() []Field {
	return []Field{
		{"member_id", "党员", &r.MemberID}, {"title", "奖励名称", &r.Title}, {"level", "级别", &r.Level},
		{"issuer", "授予单位", &r.Issuer}, {"date", "日期", &r.Date},
	}
}

func (r *Reward) check(c *checker) {
	c.requiredRef("member_id", r.MemberID)
	c.required("title", r.Title)
	c.oneOf("level", r.Level, RewardLevels)
	c.requiredDate("date", r.Date)
	c.notFuture("date", r.Date)
}

// Discipline is a 党纪处分 and its 影响期.
type Discipline struct {
	Meta
	MemberID    Ref
	Kind        string // 警告/严重警告/撤销党内职务/留党察看/开除党籍
	Date        Date
	EffectUntil Date // the 影响期's last day; filled from the kind when blank
	DecidedBy   string
	Reason      string
}

// Table names the SQL table.
func (*Discipline) Table() string { return "disciplines" }

// Fields lists the columns.
func (d *Discipline) Fields() []Field {
	return []Field{
		{"member_id", "党员", &d.MemberID}, {"kind", "处分种类", &d.Kind}, {"date", "处分日期", &d.Date},
		{"effect_until", "影响期至", &d.EffectUntil}, {"decided_by", "决定机关", &d.DecidedBy},
		{"reason", "事由", &d.Reason},
	}
}

func (d *Discipline) check(c *checker) {
	c.requiredRef("member_id", d.MemberID)
	c.required("kind", d.Kind)
	c.oneOf("kind", d.Kind, DisciplineKinds)
	c.requiredDate("date", d.Date)
	c.notFuture("date", d.Date)
	if d.EffectUntil.IsZero() && !d.Date.IsZero() {
		if m := vocab.DisciplineKind(d.Kind).EffectMonths(); m > 0 {
			d.EffectUntil = DateOf(d.Date.AddDate(0, m, -1))
		}
	}
	if vocab.DisciplineKind(d.Kind) == vocab.DisciplineProbation && d.EffectUntil.IsZero() {
		c.fail("effect_until", "留党察看须填写察看期满日期")
	}
	c.notBefore("effect_until", d.EffectUntil, "date", d.Date)
}

// Correction is a 限期改正 given to a member (《中国共产党党员教育管理工作
// 条例》第三十一条) and how it ended.
type Correction struct {
	Meta
	MemberID    Ref
	Date        Date // decided
	Deadline    Date // the period's last day; blank: the rules' setting (12 months by default)
	Reason      string
	Outcome     string // 已改正/劝其退党/党内除名; empty while under way
	OutcomeDate Date
}

// Table names the SQL table.
func (*Correction) Table() string { return "corrections" }

// Fields lists the columns.
func (r *Correction) Fields() []Field {
	return []Field{
		{"member_id", "党员", &r.MemberID}, {"date", "决定日期", &r.Date}, {"deadline", "改正期限", &r.Deadline},
		{"reason", "事由", &r.Reason}, {"outcome", "处理结果", &r.Outcome}, {"outcome_date", "结果日期", &r.OutcomeDate},
	}
}

func (r *Correction) check(c *checker) {
	c.requiredRef("member_id", r.MemberID)
	c.requiredDate("date", r.Date)
	c.notFuture("date", r.Date)
	c.notBefore("deadline", r.Deadline, "date", r.Date)
	c.oneOf("outcome", r.Outcome, CorrectionOutcomes)
	c.notFuture("outcome_date", r.OutcomeDate)
	c.notBefore("outcome_date", r.OutcomeDate, "date", r.Date)
	if r.Outcome != "" && r.OutcomeDate.IsZero() {
		c.fail("outcome_date", "填写处理结果时不能为空")
	}
}

// Disposition is a decision on a member's 党籍: 停止党籍, 恢复党籍, 除名.
type Disposition struct {
	Meta
	MemberID  Ref
	Kind      string
	Date      Date
	DecidedBy string
	Reason    string
}

// Table names the SQL table.
func (*Disposition) Table() string { return "dispositions" }

// Fields lists the columns.
func (d *Disposition) Fields() []Field {
	return []Field{
		{"member_id", "党员", &d.MemberID}, {"kind", "处置", &d.Kind}, {"date", "决定日期", &d.Date},
		{"decided_by", "决定机关", &d.DecidedBy}, {"reason", "事由", &d.Reason},
	}
}

func (d *Disposition) check(c *checker) {
	c.requiredRef("member_id", d.MemberID)
	c.required("kind", d.Kind)
	c.oneOf("kind", d.Kind, DispositionKinds)
	c.requiredDate("date", d.Date)
	c.notFuture("date", d.Date)
}

// PostTerm is a 党内职务 a member held: the post, the body it belongs to,
// the branch, and the dates. A 支委会's term runs from its election
// (Elected; the From of its members when blank).
type PostTerm struct {
	Meta
	MemberID Ref
	BranchID Ref    // the branch whose body it is; empty for a 党委 post
	Organ    string // 支委会/党总支/党委/党小组
	Post     string // 书记/副书记/组织委员/…, other text accepted
	From     Date
	Until    Date // zero while held
	Elected  Date // the 换届 election of the body; zero when the same as From
}

// Table names the SQL table.
func (*PostTerm) Table() string { return "post_terms" }

// Fields lists the columns.
func (p *PostTerm) Fields() []Field {
	return []Field{
		{"member_id", "党员", &p.MemberID}, {"branch_id", "所在支部", &p.BranchID}, {"organ", "机构", &p.Organ},
		{"post", "职务", &p.Post}, {"from_date", "任职日期", &p.From}, {"until", "免职日期", &p.Until},
		{"elected", "换届选举日期", &p.Elected},
	}
}

func (p *PostTerm) check(c *checker) {
	c.requiredRef("member_id", p.MemberID)
	c.required("organ", p.Organ)
	c.oneOf("organ", p.Organ, PostOrgans)
	c.required("post", p.Post)
	c.requiredDate("from_date", p.From)
	c.notFuture("from_date", p.From)
	c.notFuture("until", p.Until)
	c.notBefore("until", p.Until, "from_date", p.From)
	c.notFuture("elected", p.Elected)
	if vocab.PostOrgan(p.Organ) == vocab.OrganBranchCommittee && p.BranchID == "" {
		c.fail("branch_id", "支委会职务须填写所在支部")
	}
}

// Episode is a stretch of a member's status with a timer of its own: 失联
// (since when, how, what searches were made), 流动外出 (where to),
// 出国（境）学习研究 (which country, the last contact) or 毕业生组织关系保留
// (graduated, kept until).
type Episode struct {
	Meta
	MemberID      Ref
	Kind          string // 失联/流动外出/出国（境）学习研究/毕业生组织关系保留
	Since         Date   // lost, left, went abroad, graduated
	Until         Date   // ended; zero while it lasts
	Place         string // 流向 or country and region
	Circumstances string // 失联情形
	Searches      string // the searches made for a member out of contact
	LastContact   Date   // the last contact with the organization
	Note          string
}

// Table names the SQL table.
func (*Episode) Table() string { return "episodes" }

// Fields lists the columns.
func (e *Episode) Fields() []Field {
	return []Field{
		{"member_id", "党员", &e.MemberID}, {"kind", "情形", &e.Kind}, {"since", "开始日期", &e.Since},
		{"until", "结束日期", &e.Until}, {"place", "地点", &e.Place}, {"circumstances", "失联情形", &e.Circumstances},
		{"searches", "查找情况", &e.Searches}, {"last_contact", "最近联系日期", &e.LastContact}, {"note", "备注", &e.Note},
	}
}

func (e *Episode) check(c *checker) {
	c.requiredRef("member_id", e.MemberID)
	c.required("kind", e.Kind)
	c.oneOf("kind", e.Kind, EpisodeKinds)
	c.requiredDate("since", e.Since)
	c.notFuture("since", e.Since)
	c.notFuture("until", e.Until)
	c.notBefore("until", e.Until, "since", e.Since)
	c.notFuture("last_contact", e.LastContact)
	c.notBefore("last_contact", e.LastContact, "since", e.Since)
	if vocab.EpisodeKind(e.Kind) == vocab.EpisodeAbroad && e.Place == "" {
		c.fail("place", "出国（境）须填写国家或地区")
	}
}

// SchoolTeacher is a teacher of the 二级党校, 专职 or 兼职, a member of the
// organization or someone from outside.
type SchoolTeacher struct {
	Meta
	Name     string
	Kind     string // 专职/兼职
	MemberID Ref    // when the teacher is a member of the organization
	Unit     string // 单位及职务
	Subjects string // 主讲方向
	Since    Date
	Until    Date
}

// Table names the SQL table.
func (*SchoolTeacher) Table() string { return "school_teachers" }

// Fields lists the columns.
func (t *SchoolTeacher) Fields() []Field {
	return []Field{
		{"name", "姓名", &t.Name}, {"kind", "专兼职", &t.Kind}, {"member_id", "本单位党员", &t.MemberID},
		{"unit", "单位及职务", &t.Unit}, {"subjects", "主讲方向", &t.Subjects},
		{"since", "聘任日期", &t.Since}, {"until", "解聘日期", &t.Until},
	}
}

func (t *SchoolTeacher) check(c *checker) {
	c.required("name", t.Name)
	c.required("kind", t.Kind)
	c.oneOf("kind", t.Kind, TeacherKinds)
	c.notFuture("since", t.Since)
	c.notBefore("until", t.Until, "since", t.Since)
}

// SchoolCourse is a course of the 二级党校: under a 培训计划 line, given by
// a teacher; the training sessions that deliver it name it.
type SchoolCourse struct {
	Meta
	PlanID    Ref // the 培训计划 line
	TeacherID Ref // optional
	Title     string
	Hours     float64
	Audience  string // 培训对象
	Note      string
}

// Table names the SQL table.
func (*SchoolCourse) Table() string { return "school_courses" }

// Fields lists the columns.
func (s *SchoolCourse) Fields() []Field {
	return []Field{
		{"plan_id", "培训计划", &s.PlanID}, {"teacher_id", "授课教师", &s.TeacherID}, {"title", "课程名称", &s.Title},
		{"hours", "学时", &s.Hours}, {"audience", "培训对象", &s.Audience}, {"note", "备注", &s.Note},
	}
}

func (s *SchoolCourse) check(c *checker) {
	c.requiredRef("plan_id", s.PlanID)
	c.required("title", s.Title)
	if s.Hours <= 0 {
		c.fail("hours", "应大于0")
	}
}

// Lost is a member's 失联 as the 全国党员管理信息系统 records it.
type Lost struct {
	Lost          bool
	Date          Date
	Circumstances string
}

// LostOf gives the member's 失联: the record's own 失联党员, 失联日期 and
// 失联情形, completed from the latest 失联 episode still open among eps (the
// member's episodes), so that a member recorded out of contact either way
// is out of contact everywhere (the export, the printed file, the rules).
func LostOf(m *Member, eps []Episode) Lost {
	l := Lost{Lost: m.LostContact || !m.LostDate.IsZero() || m.LostCircumstance != "", Date: m.LostDate,
		Circumstances: m.LostCircumstance}
	var open *Episode
	for i := range eps {
		e := &eps[i]
		if e.MemberID != Ref(m.ID) || vocab.EpisodeKind(e.Kind) != vocab.EpisodeLost || !e.Until.IsZero() {
			continue
		}
		if open == nil || e.Since.After(open.Since.Time) {
			open = e
		}
	}
	if open != nil {
		l.Lost = true
		if l.Date.IsZero() {
			l.Date = open.Since
		}
		if l.Circumstances == "" {
			l.Circumstances = open.Circumstances
		}
	}
	return l
}

// OpenLostEpisodes returns the 失联 episodes not ended, by member id.
func (s *Store) OpenLostEpisodes(ctx context.Context) (map[string][]Episode, error) {
	return openLostEpisodes(ctx, s.Episodes)
}

// OpenLostEpisodes returns the 失联 episodes not ended, by member id.
func (tx *Tx) OpenLostEpisodes(ctx context.Context) (map[string][]Episode, error) {
	return openLostEpisodes(ctx, tx.Episodes)
}

func openLostEpisodes(ctx context.Context, t Table[Episode, *Episode]) (map[string][]Episode, error) {
	eps, err := t.List(ctx, Where(ColKind, string(vocab.EpisodeLost)))
	if err != nil {
		return nil, err
	}
	out := map[string][]Episode{}
	for _, e := range eps {
		if e.Until.IsZero() {
			out[string(e.MemberID)] = append(out[string(e.MemberID)], e)
		}
	}
	return out, nil
}
