package data

// Training is one 学习培训 session; who attended is in TrainingAttendee.
type Training struct {
	Meta
	Date      Date
	Hours     float64 // 学时 of the session
	Form      string  // 培训班/党课/报告会/专题研讨/集体学习/网络培训/个人自学
	Topic     string
	Organizer string // 主办单位, e.g. 二级党校
	SpeakerID Ref    // the member who lectured, for 党课 and 报告会
	Note      string
	Location  string // 地点, e.g. 学院会议室(行政楼305)
	CourseID  Ref    // the 二级党校 course it delivers, optional
}

// Table names the SQL table.
func (*Training) Table() string { return "trainings" }

// Fields lists the columns.
func (t *Training) Fields() []Field {
	return []Field{
		{"date", "日期", &t.Date}, {"hours", "学时", &t.Hours}, {"form", "形式", &t.Form},
		{"topic", "主题", &t.Topic}, {"location", "地点", &t.Location}, {"organizer", "主办单位", &t.Organizer},
		{"speaker_id", "主讲人", &t.SpeakerID}, {"note", "备注", &t.Note}, {"course_id", "党校课程", &t.CourseID},
	}
}

func (t *Training) check(c *checker) {
	c.requiredDate("date", t.Date)
	c.notFuture("date", t.Date)
	// Every form is given 学时, 个人自学 too (recorded though not
	// counted by default): a session of 0 学时 is a slip.
	if t.Hours <= 0 {
		c.fail("hours", "应大于0")
	}
	c.required("form", t.Form)
	c.oneOf("form", t.Form, TrainingForms)
	c.required("topic", t.Topic)
}

// TrainingAttendee credits a member with hours of a training.
type TrainingAttendee struct {
	Meta
	TrainingID Ref
	MemberID   Ref
	Hours      float64 // 学时 credited, normally the session's
	// Certificate is the number of the 结业证书 or certificate the member
	// received, when any (the 学习管理档案 lists it).
	Certificate string
}

// Table names the SQL table.
func (*TrainingAttendee) Table() string { return "training_attendees" }

// Fields lists the columns.
func (a *TrainingAttendee) Fields() []Field {
	return []Field{{"training_id", "培训", &a.TrainingID}, {"member_id", "党员", &a.MemberID}, {"hours", "学时", &a.Hours},
		{"certificate", "证书编号", &a.Certificate}}
}

func (a *TrainingAttendee) check(c *checker) {
	c.requiredRef("training_id", a.TrainingID)
	c.requiredRef("member_id", a.MemberID)
	c.nonNegative("hours", a.Hours)
}

// TrainingPlan is one course of the 二级党校's annual plan.
type TrainingPlan struct {
	Meta
	Year         int
	Course       string
	PlannedHours float64
	TargetGroup  string // 培训对象
	Month        int    // planned month, 0 when open
	Organizer    string
	Note         string
}

// Table names the SQL table.
func (*TrainingPlan) Table() string { return "training_plans" }

// Fields lists the columns.
func (p *TrainingPlan) Fields() []Field {
	return []Field{
		{"year", "年度", &p.Year}, {"course", "课程", &p.Course}, {"planned_hours", "计划学时", &p.PlannedHours},
		{"target_group", "培训对象", &p.TargetGroup}, {"month", "计划月份", &p.Month},
		{"organizer", "主办单位", &p.Organizer}, {"note", "备注", &p.Note},
	}
}

func (p *TrainingPlan) check(c *checker) {
	c.year("year", p.Year)
	c.required("course", p.Course)
	c.nonNegative("planned_hours", p.PlannedHours)
	if p.Month < 0 || p.Month > 12 {
		c.fail("month", "应为1至12")
	}
}
