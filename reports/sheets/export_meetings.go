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
	people, err := loadPeople(ctx, s)
	if err != nil {
		return err
	}
	branches, err := branchesByName(ctx, s)
	if err != nil {
		return err
	}
	total, err := s.Meetings.Count(ctx, yearCond(data.ColDate, year)...)
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
// with 、, in name order.
func attendanceNames(attendance []data.MeetingAttendance, people map[data.Ref]exportPerson) map[vocab.Attendance]string {
	byStatus := map[vocab.Attendance][]exportPerson{}
	for _, a := range attendance {
		status := vocab.Attendance(a.Status)
		byStatus[status] = append(byStatus[status], people[a.MemberID])
	}
	out := map[vocab.Attendance]string{}
	for status, ps := range byStatus {
		slices.SortFunc(ps, comparePeople)
		names := make([]string, len(ps))
		for i, p := range ps {
			names[i] = p.Name
		}
		out[status] = strings.Join(names, "、")
	}
	return out
}

func meetingExportRow(m *data.Meeting, branch string, names map[vocab.Attendance]string) map[string]any {
	row := map[string]any{
		"所在支部": branch,
		"类型":   m.Kind,
		"日期":   m.Date,
		"主题":   m.Topic,
		"主持人":  m.Host,
		"记录人":  m.Recorder,
	}
	// The attendance columns are named after the attendance values.
	for _, a := range []vocab.Attendance{vocab.Present, vocab.Excused, vocab.Absent} {
		row[string(a)] = names[a]
	}
	return row
}
