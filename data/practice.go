package data

import "strings"

// The records of 实践锻炼 (the policy §四(二)) and of 宣传 (§六(四)).

// PracticePost is a member's 党员先锋岗 or 党员责任区: the post, the period
// it runs and the duties it carries.
type PracticePost struct {
	Meta
	MemberID Ref
	Kind     string // 党员先锋岗/党员责任区
	Name     string // the post or the area
	Since    Date
	Until    Date // zero while it runs
	Duties   string
}

// Table names the SQL table.
func (*PracticePost) Table() string { return "practice_posts" }

// Fields lists the columns.
func (p *PracticePost) Fields() []Field {
	return []Field{
		{"member_id", "党员", &p.MemberID}, {"kind", "类型", &p.Kind}, {"name", "岗位或责任区", &p.Name},
		{"since", "开始日期", &p.Since}, {"until", "结束日期", &p.Until}, {"duties", "职责", &p.Duties},
	}
}

func (p *PracticePost) check(c *checker) {
	c.requiredRef("member_id", p.MemberID)
	c.required("kind", p.Kind)
	c.oneOf("kind", p.Kind, PracticeKinds)
	c.required("name", p.Name)
	c.requiredDate("since", p.Since)
	c.notFuture("since", p.Since)
	c.notBefore("until", p.Until, "since", p.Since)
}

// Pledge is a member's 承诺 for a year and its 践诺 review.
type Pledge struct {
	Meta
	MemberID    Ref
	Year        int
	Content     string // the pledges, one a line
	PledgedDate Date   // the day the 承诺 was made public
	Review      string // 已践诺/部分践诺/未践诺; empty until reviewed
	Reviewer    string
	ReviewDate  Date
}

// Table names the SQL table.
func (*Pledge) Table() string { return "pledges" }

// Fields lists the columns.
func (p *Pledge) Fields() []Field {
	return []Field{
		{"member_id", "党员", &p.MemberID}, {"year", "年度", &p.Year}, {"content", "承诺事项", &p.Content},
		{"pledged_date", "承诺日期", &p.PledgedDate}, {"review", "践诺评议", &p.Review},
		{"reviewer", "评议人", &p.Reviewer}, {"review_date", "评议日期", &p.ReviewDate},
	}
}

func (p *Pledge) check(c *checker) {
	c.requiredRef("member_id", p.MemberID)
	c.year("year", p.Year)
	c.required("content", p.Content)
	c.requiredDate("pledged_date", p.PledgedDate)
	c.notFuture("pledged_date", p.PledgedDate)
	c.oneOf("review", p.Review, PledgeReviews)
	c.notFuture("review_date", p.ReviewDate)
	c.notBefore("review_date", p.ReviewDate, "pledged_date", p.PledgedDate)
	if p.Review != "" && p.ReviewDate.IsZero() {
		c.fail("review_date", "填写践诺评议时不能为空")
	}
}

// VolunteerService is one member's part in a 志愿服务 activity.
type VolunteerService struct {
	Meta
	MemberID  Ref
	Date      Date
	Activity  string
	Hours     float64
	Organizer string
}

// Table names the SQL table.
func (*VolunteerService) Table() string { return "volunteer_services" }

// Fields lists the columns.
func (v *VolunteerService) Fields() []Field {
	return []Field{
		{"member_id", "党员", &v.MemberID}, {"date", "日期", &v.Date}, {"activity", "服务内容", &v.Activity},
		{"hours", "服务时长", &v.Hours}, {"organizer", "组织单位", &v.Organizer},
	}
}

func (v *VolunteerService) check(c *checker) {
	c.requiredRef("member_id", v.MemberID)
	c.requiredDate("date", v.Date)
	c.notFuture("date", v.Date)
	c.required("activity", v.Activity)
	if v.Hours <= 0 {
		c.fail("hours", "应大于0")
	}
	if v.Hours > 24 {
		c.fail("hours", "一次不能超过24小时")
	}
}

// Publicity is a piece of 宣传: a report in the 校报, on the website or a
// 微信公众号 about the organization's work or its members.
type Publicity struct {
	Meta
	BranchID Ref // the branch it is about, optional
	Channel  string
	Title    string
	Date     Date
	Link     string // the address, or where the clipping is kept
	Note     string
}

// Table names the SQL table.
func (*Publicity) Table() string { return "publicity" }

// Fields lists the columns.
func (p *Publicity) Fields() []Field {
	return []Field{
		{"branch_id", "党支部", &p.BranchID}, {"channel", "宣传渠道", &p.Channel}, {"title", "标题", &p.Title},
		{"date", "发布日期", &p.Date}, {"link", "链接或存档位置", &p.Link}, {"note", "备注", &p.Note},
	}
}

func (p *Publicity) check(c *checker) {
	c.required("channel", p.Channel)
	c.oneOf("channel", p.Channel, PublicityChannels)
	p.Title = strings.TrimSpace(p.Title)
	c.required("title", p.Title)
	c.requiredDate("date", p.Date)
	c.notFuture("date", p.Date)
}
