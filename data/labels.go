package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// kindNames names each kind of record for people, as the recycle bin and
// the messages about deleting and restoring show it.
var kindNames = map[string]string{
	"orgs": "党组织", "branches": "党支部", "party_groups": "党小组", "settings": "设置", "members": "党员",
	"trainings": "学习培训", "training_attendees": "学习培训出席记录", "training_plans": "培训计划",
	"meetings": "组织生活", "meeting_attendance": "组织生活出席记录", "appraisals": "民主评议登记",
	"agreements": "目标管理责任书", "agreement_targets": "责任书目标", "honors": "先进典型", "dues": "党费",
	"funds": "经费", "transfers": "组织关系转接", "talks": "谈心谈话", "care_records": "关心关爱",
	"liaisons": "联系群众", "liaison_logs": "联系记录", "supervisions": "干部监督", "feedback": "意见建议",
	"attachments":    "附件",
	"practice_posts": "党员先锋岗和责任区", "pledges": "承诺践诺", "volunteer_services": "志愿服务",
	"publicity": "宣传", "rewards": "表彰奖励", "disciplines": "党纪处分", "corrections": "限期改正",
	"dispositions": "党籍处置", "post_terms": "党内职务", "episodes": "党员状态", "school_teachers": "党校教师",
	"school_courses": "党校课程",
	"applicants":     "发展党员", "dev_steps": "发展步骤", "dev_rule_versions": "发展党员规则版本",
}

// kindName names a table's kind of record, or the table when it has none.
func kindName(table string) string {
	if k := kindNames[table]; k != "" {
		return k
	}
	return table
}

// loadRecord reads the row of table with the id, live or deleted, or
// returns ErrNotFound.
func loadRecord(ctx context.Context, q queryer, table, id string) (Record, error) {
	newRecord, ok := recordTypes[table]
	if !ok {
		return nil, fmt.Errorf("未知的记录类型：%s", table)
	}
	r := newRecord()
	cols := append([]string{}, metaCols...)
	for _, f := range r.Fields() {
		cols = append(cols, f.Col)
	}
	err := q.QueryRowContext(ctx, "SELECT "+strings.Join(cols, ", ")+" FROM "+table+" WHERE id = ?", id).
		Scan(targets(r)...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("读取%s失败：%w", kindName(table), err)
	}
	return r, nil
}

// labeler names records for people: a date, a kind, a topic, the member's
// name. It reads the names it needs once.
type labeler struct {
	q     queryer
	names map[string]string // table/id → name
}

func newLabeler(q queryer) *labeler { return &labeler{q: q, names: map[string]string{}} }

// name reads one text column of a row, live or deleted; "" when missing.
func (l *labeler) name(ctx context.Context, table, col string, id Ref) string {
	if id == "" {
		return ""
	}
	key := table + "/" + col + "/" + string(id)
	if n, ok := l.names[key]; ok {
		return n
	}
	var n string
	if err := l.q.QueryRowContext(ctx, "SELECT "+col+" FROM "+table+" WHERE id = ?", string(id)).Scan(&n); err != nil {
		n = ""
	}
	l.names[key] = n
	return n
}

func (l *labeler) member(ctx context.Context, id Ref) string {
	return l.name(ctx, "members", "name", id)
}

func (l *labeler) applicant(ctx context.Context, id Ref) string {
	return l.name(ctx, "applicants", "name", id)
}

func (l *labeler) branch(ctx context.Context, id Ref) string {
	return l.name(ctx, "branches", "name", id)
}

// count counts the rows of table whose col is id and that were deleted
// with the record (at the same instant), or are live when it is.
func (l *labeler) count(ctx context.Context, table, col, id string, deletedAt Stamp) int {
	if !deletedAt.IsZero() {
		f, err := newPartFinder(ctx, l.q, deletedAt)
		if err != nil {
			return 0
		}
		ids, err := f.deletedWith(ctx, table, col, id)
		if err != nil {
			return 0
		}
		return len(ids)
	}
	var n int
	q := "SELECT COUNT(*) FROM " + table + " WHERE " + col + " = ? AND deleted_at IS NULL"
	if err := l.q.QueryRowContext(ctx, q, id).Scan(&n); err != nil {
		return 0
	}
	return n
}

// label names a record for a person, e.g. 「2026-03-12 集体学习 党史学习(23人)」,
// 「张三 2026年3月党费 50.00元」, 「第一党支部 2026-04-10 支部党员大会」 or, for
// a member, 「张三(第一党支部)」.
func (l *labeler) label(ctx context.Context, r Record) string {
	m := r.meta()
	switch v := r.(type) {
	case *Org:
		return v.Name
	case *Branch:
		return v.Name
	case *PartyGroup:
		return join(l.branch(ctx, v.BranchID), v.Name)
	case *Setting:
		return v.Key
	case *Member:
		if b := l.branch(ctx, v.BranchID); b != "" {
			return v.Name + "(" + b + ")"
		}
		return v.Name
	case *Training:
		n := l.count(ctx, "training_attendees", "training_id", m.ID, m.DeletedAt)
		return join(v.Date.String(), v.Form, v.Topic) + "（" + strconv.Itoa(n) + "人）"
	case *TrainingAttendee:
		t := l.name(ctx, "trainings", "topic", v.TrainingID)
		return join(l.member(ctx, v.MemberID), t)
	case *TrainingPlan:
		return join(yearText(v.Year), v.Course)
	case *Meeting:
		return join(l.branch(ctx, v.BranchID), v.Date.String(), v.Kind, v.Topic)
	case *MeetingAttendance:
		return join(l.member(ctx, v.MemberID), v.Status)
	case *Appraisal:
		return join(l.member(ctx, v.MemberID), yearText(v.Year)+"度", v.Grade)
	case *Agreement:
		return join(l.member(ctx, v.MemberID), yearText(v.Year)+"度")
	case *AgreementTarget:
		return short(v.Content)
	case *Honor:
		return join(l.member(ctx, v.MemberID), yearText(v.Year), v.Title)
	case *Dues:
		return join(l.member(ctx, v.MemberID), monthText(v.Month)+"党费", v.Paid.String()+"元")
	case *Fund:
		return join(v.Date.String(), v.BudgetLine, v.Direction, v.Amount.String()+"元")
	case *Transfer:
		return join(l.member(ctx, v.MemberID), v.Direction, v.OtherOrg, v.IssuedDate.String())
	case *Talk:
		return join(v.Date.String(), l.member(ctx, v.MemberID))
	case *CareRecord:
		return join(v.Date.String(), l.member(ctx, v.MemberID), v.Kind)
	case *Liaison:
		return join(l.member(ctx, v.MemberID), v.Kind, v.Contact)
	case *LiaisonLog:
		return join(v.Date.String(), short(v.Content))
	case *Supervision:
		return join(v.Date.String(), l.member(ctx, v.MemberID), v.Kind)
	case *Feedback:
		return join(v.Received.String(), v.Channel, short(v.Content))
	case *Attachment:
		return v.Name
	case *PracticePost:
		return join(l.member(ctx, v.MemberID), v.Kind, v.Name)
	case *Pledge:
		return join(l.member(ctx, v.MemberID), yearText(v.Year)+"度承诺")
	case *VolunteerService:
		return join(v.Date.String(), l.member(ctx, v.MemberID), short(v.Activity))
	case *Publicity:
		return join(v.Date.String(), v.Channel, short(v.Title))
	case *Reward:
		return join(l.member(ctx, v.MemberID), v.Date.String(), v.Title)
	case *Discipline:
		return join(l.member(ctx, v.MemberID), v.Date.String(), v.Kind)
	case *Correction:
		return join(l.member(ctx, v.MemberID), v.Date.String(), "限期改正")
	case *Disposition:
		return join(l.member(ctx, v.MemberID), v.Date.String(), v.Kind)
	case *PostTerm:
		return join(l.member(ctx, v.MemberID), v.Organ+v.Post, v.From.String())
	case *Episode:
		return join(l.member(ctx, v.MemberID), v.Kind, v.Since.String())
	case *SchoolTeacher:
		return join(v.Name, v.Kind)
	case *SchoolCourse:
		return v.Title
	case *Applicant:
		return v.Name
	case *DevStep:
		return join(l.applicant(ctx, v.ApplicantID), v.Date.String(), v.Step)
	case *DevRuleVersion:
		return v.Name
	}
	return m.ID
}

// subject names a record as the subject of a sentence: 「党员张三」,
// 「第一党支部」, 「学习培训“2026-03-12 集体学习 党史学习(23人)”」.
func (l *labeler) subject(ctx context.Context, table string, r Record) string {
	switch v := r.(type) {
	case *Member:
		return "党员" + v.Name
	case *Branch:
		return v.Name
	}
	return kindName(table) + "“" + l.label(ctx, r) + "”"
}

// join joins the non-empty parts with spaces.
func join(parts ...string) string {
	out := parts[:0:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

// yearText is 「2026年」, or "" for no year.
func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y) + "年"
}

// monthText is 「2026年3月」 for "2026-03".
func monthText(month string) string {
	y, m, ok := strings.Cut(month, "-")
	if !ok {
		return month
	}
	n, err := strconv.Atoi(m)
	if err != nil {
		return month
	}
	return y + "年" + strconv.Itoa(n) + "月"
}

// short is the beginning of a long text, for a label.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const most = 20
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	return string([]rune(s)[:most]) + "…"
}
