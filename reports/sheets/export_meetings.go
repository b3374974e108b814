package sheets

import (
	"context"
	"slices"
	"strings"

	"dangjian/data"
	"dangjian/data/vocab"
)

// exportMeetings writes one row per meeting, branch by branch in name
// order, then by date and kind, with the names of those present, on leave
// and absent, each list in name order.
func exportMeetings(ctx context.Context, s *data.Store, out *exportSheet, year int) error {
	people, err := loadPeople(ctx, s, out.inOrg()...)
	if err != nil {
		return err
	}
	branches, err := branchesByName(ctx, s, out.inOrg()...)
	if err != nil {
		return err
	}
	total, err := s.Meetings.Count(ctx, yearCond(data.ColDate, year, out.inOrg()...)...)
	if err != nil {
		return err
	}
	out.start(total)
	for _, b := range branches {
		meetings, err := s.Meetings.List(ctx,
			yearCond(data.ColDate, year, data.Where(data.ColBranchID, b.ID), data.OrderBy(data.ColDate, data.ColKind, data.ColID))...)
		if err != nil {
			return err
		}
		for _, m := range meetings {
			attendance, err := s.MeetingAttendance.List(ctx, data.Where(data.ColMeetingID, m.ID))
			if err != nil {
				return err
			}
			if err := out.add(meetingExportRow(&m, b.Name, attendanceNames(attendance, people))); err != nil {
				return err
			}
		}
	}
	return nil
}

// attendanceNames joins the names of the members of each attendance status
// with 、, in name order, each with the reason recorded: 张三（出差）.
func attendanceNames(attendance []data.MeetingAttendance, people map[data.Ref]exportPerson) map[vocab.Attendance]string {
	byStatus := map[vocab.Attendance][]listed{}
	for _, a := range attendance {
		status := vocab.Attendance(a.Status)
		byStatus[status] = append(byStatus[status], listed{people[a.MemberID], a.Reason})
	}
	out := map[vocab.Attendance]string{}
	for status, ps := range byStatus {
		slices.SortFunc(ps, func(a, b listed) int { return comparePeople(a.person, b.person) })
		names := make([]string, len(ps))
		for i, p := range ps {
			names[i] = withReason(p.person.Name, p.reason)
		}
		out[status] = strings.Join(names, "、")
	}
	return out
}

// listed is a member in an attendance list, with the reason of a 请假 or
// 缺席.
type listed struct {
	person exportPerson
	reason string
}

func meetingExportRow(m *data.Meeting, branch string, names map[vocab.Attendance]string) map[string]any {
	row := map[string]any{
		"所在支部": branch,
		"类型":   m.Kind,
		"日期":   m.Date,
		"主题":   m.Topic,
		"主持人":  m.Host,
		"记录人":  m.Recorder,
		"地点":   m.Location,
	}
	// The attendance columns are named after the attendance values.
	for _, a := range []vocab.Attendance{vocab.Present, vocab.Excused, vocab.Absent} {
		row[string(a)] = names[a]
	}
	return row
}
