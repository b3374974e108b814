package data

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// FileGroup is the part of a member's file an event belongs to; the
// printed 党员档案 groups its events by it, in FileGroups order.
type FileGroup string

// The groups of a member's file.
const (
	GroupMembership FileGroup = "党籍"
	GroupPosts      FileGroup = "党内职务"
	GroupMerits     FileGroup = "奖惩"
	GroupDecisions  FileGroup = "处置"
	GroupStatus     FileGroup = "状态"
	GroupRelations  FileGroup = "组织关系"
	GroupAppraisal  FileGroup = "评议"
	GroupTraining   FileGroup = "培训"
	GroupPractice   FileGroup = "实践锻炼"
	GroupTalks      FileGroup = "谈心谈话"
)

// FileGroups lists the groups in the order the printed file shows them.
var FileGroups = []FileGroup{GroupMembership, GroupPosts, GroupMerits, GroupDecisions, GroupStatus,
	GroupRelations, GroupAppraisal, GroupTraining, GroupPractice, GroupTalks}

// FileEvent is one dated entry of a member's file.
type FileEvent struct {
	Date Date
	// YearOnly marks an entry recorded by year only (荣誉称号, 民主评议):
	// Date is then the year's last day, and the entry is shown as the year.
	YearOnly bool
	// Until ends a stretch (a post held, a 处分's 影响期, an episode, a
	// practice post); zero when still running or not a stretch.
	Until Date
	Group FileGroup
	Kind  string // the label: 入党, 转正, 任职, 表彰奖励, 党纪处分 …
	Text  string // what happened, in one line, without the Date
	Table string // the record it comes from ("" for the member's own dates)
	ID    string // that record's id
}

// When is the event's date as shown: the date, or "2025年" for an event
// recorded by year.
func (e FileEvent) When() string {
	if e.YearOnly {
		return strconv.Itoa(e.Date.Year()) + "年"
	}
	return e.Date.String()
}

// MemberFile is a member and their whole file as a timeline.
type MemberFile struct {
	Member *Member
	Events []FileEvent // by date, earliest first
	// Lost is the member's 失联, the record's fields completed from an
	// open 失联 episode.
	Lost Lost
	// Posts are the 党内职务 the member holds by the post terms in force
	// (「计算机系教工党支部支委会组织委员」), for a record whose 党内职务 is blank.
	Posts []string
}

// InGroup returns the file's events of group g, in date order.
func (f *MemberFile) InGroup(g FileGroup) []FileEvent {
	var out []FileEvent
	for _, e := range f.Events {
		if e.Group == g {
			out = append(out, e)
		}
	}
	return out
}

// MemberFile returns the member and every dated record about them, sorted
// by date (the same day: in FileGroups order, then as recorded).
// Trainings are listed one by one with the hours credited to the member;
// year totals against the requirement come from the rules' figures.
func (s *Store) MemberFile(ctx context.Context, memberID string) (*MemberFile, error) {
	m, err := s.Members.Get(ctx, memberID)
	if err != nil {
		return nil, err
	}
	f := &MemberFile{Member: m}
	add := func(e FileEvent) {
		if !e.Date.IsZero() {
			f.Events = append(f.Events, e)
		}
	}
	byMember := Where(ColMemberID, memberID)

	add(FileEvent{Date: m.JoinedDate, Group: GroupMembership, Kind: "入党", Text: "入党"})
	add(FileEvent{Date: m.ConfirmedAt, Group: GroupMembership, Kind: "转正", Text: "转为正式党员"})

	branchNames := map[Ref]string{}
	branchName := func(ctx context.Context, id Ref) string {
		if id == "" {
			return ""
		}
		if n, ok := branchNames[id]; ok {
			return n
		}
		n := ""
		if b, err := s.Branches.Get(ctx, string(id)); err == nil {
			n = b.Name
		}
		branchNames[id] = n
		return n
	}

	posts, err := s.PostTerms.List(ctx, byMember)
	if err != nil {
		return nil, err
	}
	for _, p := range posts {
		text := joinNonEmpty("", branchName(ctx, p.BranchID), p.Organ, p.Post)
		if !p.Elected.IsZero() && !p.Elected.Equal(p.From.Time) {
			text += "（换届选举 " + p.Elected.String() + "）"
		}
		text += untilText(p.Until, "在任")
		if p.Until.IsZero() || p.Until.After(s.Now()) {
			f.Posts = append(f.Posts, joinNonEmpty("", branchName(ctx, p.BranchID), p.Organ, p.Post))
		}
		add(FileEvent{Date: p.From, Until: p.Until, Group: GroupPosts, Kind: "任职", Text: text,
			Table: p.Table(), ID: p.ID})
		if !p.Until.IsZero() {
			add(FileEvent{Date: p.Until, Group: GroupPosts, Kind: "免职",
				Text: joinNonEmpty("", branchName(ctx, p.BranchID), p.Organ, p.Post), Table: p.Table(), ID: p.ID})
		}
	}

	rewards, err := s.Rewards.List(ctx, byMember)
	if err != nil {
		return nil, err
	}
	for _, r := range rewards {
		add(FileEvent{Date: r.Date, Group: GroupMerits, Kind: "表彰奖励",
			Text:  r.Title + paren(joinNonEmpty("，", r.Level, r.Issuer)),
			Table: r.Table(), ID: r.ID})
	}
	honors, err := s.Honors.List(ctx, byMember)
	if err != nil {
		return nil, err
	}
	for _, h := range honors {
		add(FileEvent{Date: yearEnd(h.Year), YearOnly: true, Group: GroupMerits, Kind: "荣誉称号",
			Text: h.Title + paren(h.Deed), Table: h.Table(), ID: h.ID})
	}
	disciplines, err := s.Disciplines.List(ctx, byMember)
	if err != nil {
		return nil, err
	}
	for _, d := range disciplines {
		text := d.Kind + paren(joinNonEmpty("，", labelled("决定机关", d.DecidedBy), labelled("事由", d.Reason)))
		if !d.EffectUntil.IsZero() {
			text += "，影响期至 " + d.EffectUntil.String()
		}
		add(FileEvent{Date: d.Date, Until: d.EffectUntil, Group: GroupMerits, Kind: "党纪处分", Text: text,
			Table: d.Table(), ID: d.ID})
	}
	corrections, err := s.Corrections.List(ctx, byMember)
	if err != nil {
		return nil, err
	}
	for _, c := range corrections {
		text := "限期改正" + paren(labelled("事由", c.Reason))
		if !c.Deadline.IsZero() {
			text += "，期限至 " + c.Deadline.String()
		}
		if c.Outcome != "" {
			text += "，" + c.Outcome + "（" + c.OutcomeDate.String() + "）"
		} else {
			text += "，尚无处理结果"
		}
		add(FileEvent{Date: c.Date, Until: c.Deadline, Group: GroupMerits, Kind: "限期改正", Text: text,
			Table: c.Table(), ID: c.ID})
	}

	dispositions, err := s.Dispositions.List(ctx, byMember)
	if err != nil {
		return nil, err
	}
	for _, d := range dispositions {
		add(FileEvent{Date: d.Date, Group: GroupDecisions, Kind: d.Kind,
			Text:  d.Kind + paren(joinNonEmpty("，", labelled("决定机关", d.DecidedBy), labelled("事由", d.Reason))),
			Table: d.Table(), ID: d.ID})
	}

	episodes, err := s.Episodes.List(ctx, byMember)
	if err != nil {
		return nil, err
	}
	f.Lost = LostOf(m, episodes)
	for _, e := range episodes {
		details := joinNonEmpty("，", e.Place, labelled("失联情形", e.Circumstances), labelled("查找情况", e.Searches))
		if !e.LastContact.IsZero() {
			details = joinNonEmpty("，", details, "最近联系 "+e.LastContact.String())
		}
		details = joinNonEmpty("，", details, e.Note)
		add(FileEvent{Date: e.Since, Until: e.Until, Group: GroupStatus, Kind: e.Kind,
			Text: e.Kind + paren(details) + untilText(e.Until, "持续中"), Table: e.Table(), ID: e.ID})
	}

	transfers, err := s.Transfers.List(ctx, byMember)
	if err != nil {
		return nil, err
	}
	for _, t := range transfers {
		toFrom := "转往 "
		if vocab.Direction(t.Direction) == vocab.TransferIn {
			toFrom = "自 "
		}
		text := "组织关系" + t.Direction + "：" + toFrom + t.OtherOrg + paren(joinNonEmpty("，",
			labelled("介绍信编号", t.LetterNo), labelled("回执日期", t.ReceiptDate.String())))
		add(FileEvent{Date: t.IssuedDate, Group: GroupRelations, Kind: "组织关系" + t.Direction, Text: text,
			Table: t.Table(), ID: t.ID})
	}

	appraisals, err := s.Appraisals.List(ctx, byMember)
	if err != nil {
		return nil, err
	}
	for _, a := range appraisals {
		grade := a.Grade
		if grade == "" {
			grade = "未评定等次"
		}
		add(FileEvent{Date: yearEnd(a.Year), YearOnly: true, Group: GroupAppraisal, Kind: string(vocab.MeetingAppraisal),
			Text:  "民主评议：" + grade + paren(labelled("教育处置", a.FollowUp)),
			Table: a.Table(), ID: a.ID})
	}

	studies, err := s.StudyRecords(ctx, memberID)
	if err != nil {
		return nil, err
	}
	for _, r := range studies {
		text := joinNonEmpty("：", r.Form, r.Topic) + "，" + formatHours(r.Hours) + "学时"
		if r.Course != "" && r.Course != r.Topic {
			text += "，党校课程“" + r.Course + "”"
		}
		if r.Certificate != "" {
			text += "，证书编号 " + r.Certificate
		}
		add(FileEvent{Date: r.Date, Group: GroupTraining, Kind: "培训", Text: text,
			Table: "trainings", ID: r.TrainingID})
	}

	practice, err := s.PracticePosts.List(ctx, byMember)
	if err != nil {
		return nil, err
	}
	for _, p := range practice {
		add(FileEvent{Date: p.Since, Until: p.Until, Group: GroupPractice, Kind: p.Kind,
			Text:  p.Kind + "：" + p.Name + paren(labelled("职责", p.Duties)) + untilText(p.Until, "持续中"),
			Table: p.Table(), ID: p.ID})
	}
	pledges, err := s.Pledges.List(ctx, byMember)
	if err != nil {
		return nil, err
	}
	for _, p := range pledges {
		text := fmt.Sprintf("%d年度承诺：%s", p.Year, oneLine(p.Content))
		if p.Review != "" {
			text += "；践诺评议：" + p.Review + paren(joinNonEmpty("，", p.Reviewer, p.ReviewDate.String()))
		} else {
			text += "；尚未践诺评议"
		}
		add(FileEvent{Date: p.PledgedDate, Group: GroupPractice, Kind: "承诺践诺", Text: text,
			Table: p.Table(), ID: p.ID})
	}
	volunteering, err := s.VolunteerServices.List(ctx, byMember)
	if err != nil {
		return nil, err
	}
	for _, v := range volunteering {
		add(FileEvent{Date: v.Date, Group: GroupPractice, Kind: "志愿服务",
			Text:  v.Activity + "，" + formatHours(v.Hours) + "小时" + paren(v.Organizer),
			Table: v.Table(), ID: v.ID})
	}

	talks, err := s.Talks.List(ctx, byMember)
	if err != nil {
		return nil, err
	}
	for _, t := range talks {
		add(FileEvent{Date: t.Date, Group: GroupTalks, Kind: "谈心谈话",
			Text:  joinNonEmpty("，", labelled("谈话人", t.Talker), labelled("内容", oneLine(t.Content))),
			Table: t.Table(), ID: t.ID})
	}

	order := map[FileGroup]int{}
	for i, g := range FileGroups {
		order[g] = i
	}
	slices.SortStableFunc(f.Events, func(a, b FileEvent) int {
		if c := a.Date.Compare(b.Date.Time); c != 0 {
			return c
		}
		return order[a.Group] - order[b.Group]
	})
	return f, nil
}

// StudyRecord is one training a member attended, as the 学习管理档案
// lists it.
type StudyRecord struct {
	TrainingID  string
	Date        Date
	Form        string
	Topic       string
	Organizer   string
	Hours       float64 // credited to the member
	Certificate string  // 证书编号, when any
	CourseID    string  // the 二级党校 course it delivers, when any
	Course      string  // that course's title
}

// StudyRecords returns every training the member attended, by date, with
// the hours credited and the certificate.
func (s *Store) StudyRecords(ctx context.Context, memberID string) ([]StudyRecord, error) {
	attended, err := s.TrainingAttendees.List(ctx, Where(ColMemberID, memberID))
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(attended))
	for _, a := range attended {
		ids = append(ids, string(a.TrainingID))
	}
	trainings, err := s.Trainings.List(ctx, WhereIn(ColID, ids))
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*Training, len(trainings))
	var courseIDs []string
	for i := range trainings {
		byID[trainings[i].ID] = &trainings[i]
		if trainings[i].CourseID != "" {
			courseIDs = append(courseIDs, string(trainings[i].CourseID))
		}
	}
	courses := map[string]string{}
	if len(courseIDs) > 0 {
		cs, err := s.SchoolCourses.List(ctx, WhereIn(ColID, courseIDs))
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			courses[c.ID] = c.Title
		}
	}
	out := make([]StudyRecord, 0, len(attended))
	for _, a := range attended {
		t := byID[string(a.TrainingID)]
		if t == nil {
			continue // the session is in the recycle bin
		}
		out = append(out, StudyRecord{TrainingID: t.ID, Date: t.Date, Form: t.Form, Topic: t.Topic,
			Organizer: t.Organizer, Hours: a.Hours, Certificate: a.Certificate, CourseID: string(t.CourseID),
			Course: courses[string(t.CourseID)]})
	}
	slices.SortStableFunc(out, func(a, b StudyRecord) int {
		if c := a.Date.Compare(b.Date.Time); c != 0 {
			return c
		}
		return strings.Compare(a.TrainingID, b.TrainingID)
	})
	return out, nil
}

// StudyYear is a member's 集中学习培训 of one year as the rules count it
// (rules.Figures.TrainingHours, behind TRAIN-32 and TRAIN-56): the year
// totals a 学习管理档案 shows, never summed again from the records.
type StudyYear struct {
	Year     int
	OnRolls  bool              // the member is among the members the year counts
	Hours    rules.MemberHours // counted, not counted (个人自学), required; when OnRolls
	Settings rules.Settings    // the member's organization's: 32, 56, whether 个人自学 counts
}

// StudyYears returns the member's hours of each of years as the rules
// count them, each year's figures as of its check day (rules.CheckDay),
// under the settings of the member's organization.
func (s *Store) StudyYears(ctx context.Context, m *Member, years []int) ([]StudyYear, error) {
	c := s.StudyCounter(s.Now())
	out := make([]StudyYear, 0, len(years))
	for _, y := range years {
		sy, err := c.Year(ctx, m, y)
		if err != nil {
			return nil, err
		}
		out = append(out, sy)
	}
	return out, nil
}

// StudyCounter gives members' StudyYear, reading the figures of each
// organization's year once: a document of many members asks for the same
// years of the same organization again and again.
type StudyCounter struct {
	s     *Store
	now   time.Time
	years map[string]studyYearFigures // org|year
}

type studyYearFigures struct {
	hours map[string]rules.MemberHours // by member id
	set   rules.Settings
}

// StudyCounter counts as of now: each year's figures as of its check day.
func (s *Store) StudyCounter(now time.Time) *StudyCounter {
	return &StudyCounter{s: s, now: now, years: map[string]studyYearFigures{}}
}

// Year is the member's StudyYear of year.
func (c *StudyCounter) Year(ctx context.Context, m *Member, year int) (StudyYear, error) {
	k := m.OrgID + "|" + strconv.Itoa(year)
	yf, ok := c.years[k]
	if !ok {
		fig, err := c.s.FiguresIn(ctx, m.OrgID, year, rules.CheckDay(year, c.now))
		if err != nil {
			return StudyYear{}, err
		}
		yf = studyYearFigures{hours: map[string]rules.MemberHours{}, set: fig.Settings()}
		for _, h := range fig.TrainingHours() {
			yf.hours[h.Member.ID] = h
		}
		c.years[k] = yf
	}
	h, on := yf.hours[m.ID]
	return StudyYear{Year: year, OnRolls: on, Hours: h, Settings: yf.set}, nil
}

func yearEnd(year int) Date {
	if year <= 0 {
		return Date{}
	}
	return NewDate(year, 12, 31)
}

// joinNonEmpty joins the non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// paren wraps s in full-width parentheses, or gives "" for "".
func paren(s string) string {
	if s == "" {
		return ""
	}
	return "（" + s + "）"
}

// labelled gives "label：v", or "" when v is blank.
func labelled(label, v string) string {
	if v = strings.TrimSpace(v); v == "" {
		return ""
	}
	return label + "：" + v
}

// untilText gives "，至 2025-06-30" for an ended stretch, else "，open".
func untilText(until Date, open string) string {
	if until.IsZero() {
		return "，" + open
	}
	return "，至 " + until.String()
}

// oneLine joins the lines of a multi-line text with "；".
func oneLine(s string) string {
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "；")
}

func formatHours(h float64) string { return strconv.FormatFloat(h, 'f', -1, 64) }
