package data

// Appraisal is a member's 民主评议 for a year. 预备党员 take part but get no
// grade.
type Appraisal struct {
	Meta
	Year           int
	MemberID       Ref
	SelfAssessment string // 自我评价
	Grade          string // 优秀/合格/基本合格/不合格, empty for 预备党员
	BranchOpinion  string // 支部意见
	FollowUp       string // 教育或处置 for 不合格
	// The 民主测评 vote counts: 优秀, 合格, 基本合格 and 不合格 votes cast
	// by the branch's members (all 0 when no vote was held or recorded).
	VotesExcellent  int
	VotesQualified  int
	VotesBasic      int
	VotesFail       int
	SuperiorOpinion string // 上级党组织意见
}

// Table names the SQL table.
func (*Appraisal) Table() string { return "appraisals" }

// Fields lists the columns.
func (a *Appraisal) Fields() []Field {
	return []Field{
		{"year", "年度", &a.Year}, {"member_id", "党员", &a.MemberID},
		{"self_assessment", "自我评价", &a.SelfAssessment},
		{"votes_excellent", "优秀票数", &a.VotesExcellent}, {"votes_qualified", "合格票数", &a.VotesQualified},
		{"votes_basic", "基本合格票数", &a.VotesBasic}, {"votes_fail", "不合格票数", &a.VotesFail},
		{"grade", "评议等次", &a.Grade}, {"branch_opinion", "支部意见", &a.BranchOpinion},
		{"superior_opinion", "上级党组织意见", &a.SuperiorOpinion}, {"follow_up", "教育处置情况", &a.FollowUp},
	}
}

func (a *Appraisal) check(c *checker) {
	c.year("year", a.Year)
	c.requiredRef("member_id", a.MemberID)
	c.oneOf("grade", a.Grade, Grades)
	a.checkVotes(c)
}

// Agreement is a member's 党员目标管理责任书 for a year; its targets are
// AgreementTarget rows.
type Agreement struct {
	Meta
	Year       int
	MemberID   Ref
	SignedDate Date    // 签订日期; zero until signed
	AssessedAt Date    // 评定日期 of completion; zero until assessed
	Score      float64 // completion score, 0–100
	Note       string
}

// Table names the SQL table.
func (*Agreement) Table() string { return "agreements" }

// Fields lists the columns.
func (a *Agreement) Fields() []Field {
	return []Field{
		{"year", "年度", &a.Year}, {"member_id", "党员", &a.MemberID},
		{"signed_date", "签订日期", &a.SignedDate}, {"assessed_date", "评定日期", &a.AssessedAt},
		{"score", "完成得分", &a.Score}, {"note", "备注", &a.Note},
	}
}

func (a *Agreement) check(c *checker) {
	c.year("year", a.Year)
	c.requiredRef("member_id", a.MemberID)
	c.notFuture("signed_date", a.SignedDate)
	c.notFuture("assessed_date", a.AssessedAt)
	if a.Score < 0 || a.Score > 100 {
		c.fail("score", "应在0至100之间")
	}
}

// AgreementTarget is one target of an agreement and its completion.
type AgreementTarget struct {
	Meta
	AgreementID Ref
	Seq         int
	Content     string
	Completion  string // 完成/部分完成/未完成, empty until assessed
}

// Table names the SQL table.
func (*AgreementTarget) Table() string { return "agreement_targets" }

// Fields lists the columns.
func (t *AgreementTarget) Fields() []Field {
	return []Field{
		{"agreement_id", "责任书", &t.AgreementID}, {"seq", "序号", &t.Seq},
		{"content", "目标内容", &t.Content}, {"completion", "完成情况", &t.Completion},
	}
}

func (t *AgreementTarget) check(c *checker) {
	c.requiredRef("agreement_id", t.AgreementID)
	c.required("content", t.Content)
	c.oneOf("completion", t.Completion, Completions)
}

// Honor is a 先进典型: a member recognized for a deed.
type Honor struct {
	Meta
	MemberID Ref
	Year     int
	Title    string // 荣誉称号
	Deed     string // 先进事迹
}

// Table names the SQL table.
func (*Honor) Table() string { return "honors" }

// Fields lists the columns.
func (h *Honor) Fields() []Field {
	return []Field{{"member_id", "党员", &h.MemberID}, {"year", "年度", &h.Year}, {"title", "荣誉称号", &h.Title}, {"deed", "先进事迹", &h.Deed}}
}

func (h *Honor) check(c *checker) {
	c.requiredRef("member_id", h.MemberID)
	c.year("year", h.Year)
	c.required("title", h.Title)
}
