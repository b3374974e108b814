package data

import (
	"context"
	"database/sql"
	"errors"

	"dangjian/data/vocab"
)

// Talk is a 谈心谈话 between a branch secretary (or another cadre) and a member.
type Talk struct {
	Meta
	MemberID Ref
	Date     Date
	Talker   string // who talked with the member
	Content  string
}

// Table names the SQL table.
func (*Talk) Table() string { return "talks" }

// Fields lists the columns.
func (t *Talk) Fields() []Field {
	return []Field{{"member_id", "党员", &t.MemberID}, {"date", "日期", &t.Date}, {"talker", "谈话人", &t.Talker}, {"content", "谈话内容", &t.Content}}
}

func (t *Talk) check(c *checker) {
	c.requiredRef("member_id", t.MemberID)
	c.requiredDate("date", t.Date)
	c.notFuture("date", t.Date)
}

// CareRecord is 关心关爱 other than a talk: help for a member in difficulty,
// a visit to an old member.
type CareRecord struct {
	Meta
	MemberID Ref
	Kind     string // 困难帮扶/走访慰问/其他
	Date     Date
	Content  string
	Amount   Money // money or goods given, when any
	Handler  string
}

// Table names the SQL table.
func (*CareRecord) Table() string { return "care_records" }

// Fields lists the columns.
func (r *CareRecord) Fields() []Field {
	return []Field{
		{"member_id", "党员", &r.MemberID}, {"kind", "类型", &r.Kind}, {"date", "日期", &r.Date},
		{"content", "内容", &r.Content}, {"amount", "金额", &r.Amount}, {"handler", "经办人", &r.Handler},
	}
}

func (r *CareRecord) check(c *checker) {
	c.requiredRef("member_id", r.MemberID)
	c.required("kind", r.Kind)
	c.oneOf("kind", r.Kind, CareKinds)
	c.requiredDate("date", r.Date)
	c.notFuture("date", r.Date)
	c.nonNegative("amount", float64(r.Amount))
}

// Liaison is a member's standing contact: a 群众 or 困难学生 for every
// member, a 支部 and a 班级 for 党员领导干部.
type Liaison struct {
	Meta
	MemberID Ref
	Kind     string // 群众/困难学生/支部/班级
	Contact  string // the person, branch or class contacted
	Since    Date
	Until    Date // zero while in force
	Note     string
}

// Table names the SQL table.
func (*Liaison) Table() string { return "liaisons" }

// Fields lists the columns.
func (l *Liaison) Fields() []Field {
	return []Field{
		{"member_id", "党员", &l.MemberID}, {"kind", "联系类型", &l.Kind}, {"contact", "联系对象", &l.Contact},
		{"since", "开始日期", &l.Since}, {"until", "结束日期", &l.Until}, {"note", "备注", &l.Note},
	}
}

func (l *Liaison) check(c *checker) {
	c.requiredRef("member_id", l.MemberID)
	c.required("kind", l.Kind)
	c.oneOf("kind", l.Kind, LiaisonKinds)
	c.required("contact", l.Contact)
	c.notFuture("since", l.Since)
	if !l.Until.IsZero() && !l.Since.IsZero() && l.Until.Before(l.Since.Time) {
		c.fail("until", "不能早于开始日期")
	}
}

// LiaisonLog is one contact made under a liaison.
type LiaisonLog struct {
	Meta
	LiaisonID Ref
	Date      Date
	Content   string
}

// Table names the SQL table.
func (*LiaisonLog) Table() string { return "liaison_logs" }

// Fields lists the columns.
func (l *LiaisonLog) Fields() []Field {
	return []Field{{"liaison_id", "联系关系", &l.LiaisonID}, {"date", "日期", &l.Date}, {"content", "联系内容", &l.Content}}
}

func (l *LiaisonLog) check(c *checker) {
	c.requiredRef("liaison_id", l.LiaisonID)
	c.requiredDate("date", l.Date)
	c.notFuture("date", l.Date)
}

// checkStore refuses a contact dated outside its liaison's period.
func (l *LiaisonLog) checkStore(ctx context.Context, q queryer, c *checker) error {
	if c.failed("date") || c.failed("liaison_id") {
		return nil
	}
	var since, until sql.NullString
	err := q.QueryRowContext(ctx, `SELECT since, until FROM liaisons WHERE id = ? AND deleted_at IS NULL`,
		l.LiaisonID).Scan(&since, &until)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil // the reference check says so
	case err != nil:
		return err
	}
	day := l.Date.String()
	if since.Valid && since.String != "" && day < since.String {
		c.fail("date", "早于该联系关系的开始日期"+since.String)
	} else if until.Valid && until.String != "" && day > until.String {
		c.fail("date", "晚于该联系关系的结束日期"+until.String)
	}
	return nil
}

// Supervision is a 干部监督 record of a 党员干部: 个人事项报告, 述职述廉, 谈话诫勉.
type Supervision struct {
	Meta
	MemberID Ref
	Kind     string
	Date     Date
	Content  string
	Result   string
}

// Table names the SQL table.
func (*Supervision) Table() string { return "supervisions" }

// Fields lists the columns.
func (s *Supervision) Fields() []Field {
	return []Field{
		{"member_id", "党员", &s.MemberID}, {"kind", "类型", &s.Kind}, {"date", "日期", &s.Date},
		{"content", "内容", &s.Content}, {"result", "结果", &s.Result},
	}
}

func (s *Supervision) check(c *checker) {
	c.requiredRef("member_id", s.MemberID)
	c.required("kind", s.Kind)
	c.oneOf("kind", s.Kind, SupervisionKinds)
	c.requiredDate("date", s.Date)
	c.notFuture("date", s.Date)
}

// Feedback is an 意见建议 received from staff or students, and its handling.
type Feedback struct {
	Meta
	Channel     string // 意见箱/邮箱/热线/面谈/其他
	Received    Date
	Submitter   string
	Content     string
	Handler     string
	Reply       string
	RepliedDate Date
	Status      string // 待处理/处理中/已办结
}

// Table names the SQL table.
func (*Feedback) Table() string { return "feedback" }

// Fields lists the columns.
func (f *Feedback) Fields() []Field {
	return []Field{
		{"channel", "渠道", &f.Channel}, {"received_date", "收到日期", &f.Received}, {"submitter", "提出人", &f.Submitter},
		{"content", "内容", &f.Content}, {"handler", "承办人", &f.Handler}, {"reply", "答复", &f.Reply},
		{"replied_date", "答复日期", &f.RepliedDate}, {"status", "办理状态", &f.Status},
	}
}

func (f *Feedback) check(c *checker) {
	if f.Status == "" {
		f.Status = string(vocab.FeedbackOpen)
	}
	c.required("channel", f.Channel)
	c.oneOf("channel", f.Channel, FeedbackChannels)
	c.requiredDate("received_date", f.Received)
	c.notFuture("received_date", f.Received)
	c.notFuture("replied_date", f.RepliedDate)
	if !f.RepliedDate.IsZero() && !f.Received.IsZero() && f.RepliedDate.Before(f.Received.Time) {
		c.fail("replied_date", "不能早于收到日期")
	}
	c.required("content", f.Content)
	c.oneOf("status", f.Status, FeedbackStatuses)
}
