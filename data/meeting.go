package data

import (
	"strings"

	"dangjian/data/vocab"
)

// Meeting is one meeting of a branch's organizational life (三会一课,
// 主题党日, 组织生活会, 民主评议); attendance is in MeetingAttendance.
type Meeting struct {
	Meta
	BranchID Ref
	GroupID  Ref    // the 党小组, for a 党小组会
	Kind     string // 支部党员大会/支委会/党小组会/党课/主题党日/组织生活会/民主评议
	Date     Date
	Topic    string
	Location string // 地点
	Host     string // 主持人 (for a 党课, the lecturer)
	HostID   Ref    // the host as a member, when known
	Recorder string // 记录人
	Minutes  string // 会议记录
}

// Table names the SQL table.
func (*Meeting) Table() string { return "meetings" }

// Fields lists the columns.
func (m *Meeting) Fields() []Field {
	return []Field{
		{"branch_id", "所在支部", &m.BranchID}, {"group_id", "党小组", &m.GroupID},
		{"kind", "类型", &m.Kind}, {"date", "日期", &m.Date}, {"topic", "主题", &m.Topic},
		{"location", "地点", &m.Location}, {"host", "主持人", &m.Host}, {"host_id", "主持人（党员）", &m.HostID},
		{"recorder", "记录人", &m.Recorder}, {"minutes", "会议记录", &m.Minutes},
	}
}

func (m *Meeting) check(c *checker) {
	c.requiredRef("branch_id", m.BranchID)
	c.required("kind", m.Kind)
	c.oneOf("kind", m.Kind, MeetingKinds)
	c.requiredDate("date", m.Date)
	c.notFuture("date", m.Date)
}

// MeetingAttendance is one member's attendance at a meeting.
type MeetingAttendance struct {
	Meta
	MeetingID Ref
	MemberID  Ref
	Status    string // 出席/请假/缺席
	Reason    string // why a member was 请假 or 缺席 (出差, 病假…); empty for 出席
}

// Table names the SQL table.
func (*MeetingAttendance) Table() string { return "meeting_attendance" }

// Fields lists the columns.
func (a *MeetingAttendance) Fields() []Field {
	return []Field{
		{"meeting_id", "会议", &a.MeetingID}, {"member_id", "党员", &a.MemberID},
		{"status", "出席情况", &a.Status}, {"reason", "请假或缺席原因", &a.Reason},
	}
}

func (a *MeetingAttendance) check(c *checker) {
	c.requiredRef("meeting_id", a.MeetingID)
	c.requiredRef("member_id", a.MemberID)
	c.required("status", a.Status)
	c.oneOf("status", a.Status, Attendances)
	if a.Status == string(vocab.Present) && strings.TrimSpace(a.Reason) != "" {
		c.fail("reason", "出席的党员不填原因")
	}
}
