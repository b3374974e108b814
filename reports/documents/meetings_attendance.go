package documents

import (
	"slices"
	"sort"
	"strings"

	"dangjian/data"
	"dangjian/data/vocab"
	"dangjian/reports/layout"
)

// meetAway is a member 请假 or 缺席 at a meeting, with the reason given.
type meetAway struct {
	name, reason string
}

// meetAttendance is a meeting's attendance as recorded: the number 出席 and
// who was 请假 or 缺席.
type meetAttendance struct {
	present       int
	leave, absent []meetAway
}

// meetAwayText lists members away in 姓氏笔画 order, each with the reason
// as 「张三（出差）」, each entry kept whole on a line.
func meetAwayText(away []meetAway) string {
	sortStroke(away, func(a meetAway) string { return a.name })
	parts := make([]string, len(away))
	for i, a := range away {
		s := a.name
		if r := strings.TrimSpace(a.reason); r != "" {
			s += "（" + r + "）"
		}
		parts[i] = layout.Keep(s)
	}
	return strings.Join(parts, "、")
}

// meetingsOfYear loads the year's meetings of the covered branches, each
// branch's in date order, and streams their attendance, naming the members
// away from names (member id → name).
func (r *request) meetingsOfYear(names map[string]string) (map[string][]data.Meeting, map[string]*meetAttendance, error) {
	all, err := r.store.Meetings.List(r.ctx, data.InYear(data.ColDate, r.year), data.OrderBy(data.ColDate))
	if err != nil {
		return nil, nil, err
	}
	byBranch := map[string][]data.Meeting{}
	var ids []string
	for _, m := range all {
		if r.inBranch(m.BranchID) {
			byBranch[string(m.BranchID)] = append(byBranch[string(m.BranchID)], m)
			ids = append(ids, m.ID)
		}
	}
	for _, ms := range byBranch {
		sort.SliceStable(ms, func(i, j int) bool {
			if !ms[i].Date.Equal(ms[j].Date.Time) {
				return ms[i].Date.Before(ms[j].Date.Time)
			}
			return slices.Index(data.MeetingKinds, ms[i].Kind) < slices.Index(data.MeetingKinds, ms[j].Kind)
		})
	}
	att := make(map[string]*meetAttendance, len(ids))
	const chunk = 500 // ids per query, well under SQLite's variable limit
	for start := 0; start < len(ids); start += chunk {
		err := r.store.MeetingAttendance.Each(r.ctx, func(a *data.MeetingAttendance) error {
			c := att[string(a.MeetingID)]
			if c == nil {
				c = &meetAttendance{}
				att[string(a.MeetingID)] = c
			}
			away := meetAway{name: names[string(a.MemberID)], reason: a.Reason}
			switch vocab.Attendance(a.Status) {
			case vocab.Present:
				c.present++
			case vocab.Excused:
				c.leave = append(c.leave, away)
			case vocab.Absent:
				c.absent = append(c.absent, away)
			}
			return nil
		}, data.WhereIn(data.ColMeetingID, ids[start:min(start+chunk, len(ids))]))
		if err != nil {
			return nil, nil, err
		}
		if err := r.ctx.Err(); err != nil {
			return nil, nil, err
		}
	}
	return byBranch, att, nil
}

// meetPeople gives every member's name and 党小组 by id, for naming the
// members away and for the 应到 of a 党小组会.
func (r *request) meetPeople() (names, groupOf map[string]string, err error) {
	names, groupOf = map[string]string{}, map[string]string{}
	err = r.store.Members.Each(r.ctx, func(m *data.Member) error {
		names[m.ID] = m.Name
		if m.GroupID != "" {
			groupOf[m.ID] = string(m.GroupID)
		}
		return nil
	})
	return names, groupOf, err
}
