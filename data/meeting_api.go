package data

import (
	"context"
	"sort"
	"strconv"
	"strings"
)

// SaveMeeting creates the meeting (m.ID empty) or updates it, and makes its
// attendance what the map says, member id → 出席/请假/缺席, all in one
// transaction. The map is the full attendance: a member's row is created or
// its status updated, and the rows of members not in the map are deleted
// (soft, so the history keeps them). On success m carries its id and new
// version; on failure nothing is written and m is left as it was.
func (s *Store) SaveMeeting(ctx context.Context, m *Meeting, attendance map[string]string) error {
	cur := *m
	err := s.Write(ctx, func(tx *Tx) error {
		if cur.ID == "" {
			if err := tx.Meetings.Create(ctx, &cur); err != nil {
				return err
			}
			_, err := saveAttendance(ctx, tx, cur.ID, attendance)
			return err
		}
		if err := tx.Meetings.Update(ctx, &cur); err != nil {
			return err
		}
		old, err := attendanceIn(ctx, tx, cur.ID)
		if err != nil {
			return err
		}
		before := attendanceText(old)
		changed, err := saveAttendance(ctx, tx, cur.ID, attendance)
		if err != nil || !changed || cur.Version != m.Version {
			return err
		}
		// Only the attendance changed: the meeting's version still moves
		// on, so that another edit begun meanwhile is refused.
		return touch(ctx, tx.w, "meetings", &cur.Meta, map[string]any{"出席情况": []any{before, attendanceText(attendance)}})
	})
	if err != nil {
		return err
	}
	*m = cur
	return nil
}

// saveAttendance makes the live attendance rows of meeting id match the
// map, and reports whether any changed.
func saveAttendance(ctx context.Context, tx *Tx, meetingID string, attendance map[string]string) (bool, error) {
	rows, err := tx.MeetingAttendance.List(ctx, Where(ColMeetingID, meetingID))
	if err != nil {
		return false, err
	}
	changed := false
	seen := map[string]bool{}
	for i := range rows {
		a := &rows[i]
		status, keep := attendance[string(a.MemberID)]
		if !keep || seen[string(a.MemberID)] {
			// Not attending any more, or a second row for the member.
			if err := tx.MeetingAttendance.Delete(ctx, a); err != nil {
				return false, err
			}
			changed = true
			continue
		}
		seen[string(a.MemberID)] = true
		if a.Status != status {
			a.Status = status
			if err := tx.MeetingAttendance.Update(ctx, a); err != nil {
				return false, err
			}
			changed = true
		}
	}
	// New rows in a fixed order, so that the first problem reported does
	// not depend on map iteration.
	ids := make([]string, 0, len(attendance))
	for id := range attendance {
		if !seen[id] {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	if err := markLive(ctx, tx.w, "members", ids); err != nil {
		return false, err
	}
	for _, id := range ids {
		a := &MeetingAttendance{MeetingID: Ref(meetingID), MemberID: Ref(id), Status: attendance[id]}
		if err := tx.MeetingAttendance.Create(ctx, a); err != nil {
			return false, err
		}
	}
	return changed || len(ids) > 0, nil
}

// MeetingAttendanceOf returns the meeting's attendance: member id →
// 出席/请假/缺席 (empty when none is recorded). (Not named MeetingAttendance:
// a method of that name would hide the Store's MeetingAttendance table.)
func (s *Store) MeetingAttendanceOf(ctx context.Context, meetingID string) (map[string]string, error) {
	out := map[string]string{}
	err := s.MeetingAttendance.Each(ctx, func(a *MeetingAttendance) error {
		out[string(a.MemberID)] = a.Status
		return nil
	}, Where(ColMeetingID, meetingID))
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteMeeting deletes the meeting with its attendance, in one
// transaction and at one instant, so that RestoreDeleted brings all of it
// back. m.Version must be the stored version (ErrConflict otherwise); on
// success m carries its new version and deletion time.
func (s *Store) DeleteMeeting(ctx context.Context, m *Meeting) error {
	return s.Meetings.Delete(ctx, m)
}

// attendanceIn reads the meeting's attendance inside the transaction.
func attendanceIn(ctx context.Context, tx *Tx, meetingID string) (map[string]string, error) {
	out := map[string]string{}
	err := tx.MeetingAttendance.Each(ctx, func(a *MeetingAttendance) error {
		out[string(a.MemberID)] = a.Status
		return nil
	}, Where(ColMeetingID, meetingID))
	return out, err
}

// attendanceText sums up an attendance for the audit log: 「出席3人,请假1人」.
func attendanceText(attendance map[string]string) string {
	counts := map[string]int{}
	for _, st := range attendance {
		counts[st]++
	}
	var parts []string
	for _, st := range Attendances {
		if counts[st] > 0 {
			parts = append(parts, st+strconv.Itoa(counts[st])+"人")
		}
	}
	return strings.Join(parts, ",")
}
