package data

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"dangjian/data/vocab"
)

// SaveMeeting creates the meeting (m.ID empty) or updates it, and makes its
// attendance what the map says, member id → 出席/请假/缺席, all in one
// transaction. The map is the full attendance: a member's row is created or
// its status updated, and the rows of members not in the map are deleted
// (soft, so the history keeps them). The reasons recorded for 请假 and 缺席
// stay (a member now 出席 has none). On success m carries its id and new
// version; on failure nothing is written and m is left as it was.
func (s *Store) SaveMeeting(ctx context.Context, m *Meeting, attendance map[string]string) error {
	return s.saveMeeting(ctx, m, attendance, nil)
}

// SaveMeetingWithReasons is SaveMeeting that also records why members were
// 请假 or 缺席: reasons maps a member id to the reason (出差, 病假…); a member
// absent from it has none. A reason given for a member who is 出席 is
// refused (「请假或缺席原因」出席的党员不填原因).
func (s *Store) SaveMeetingWithReasons(ctx context.Context, m *Meeting, attendance, reasons map[string]string) error {
	if reasons == nil {
		reasons = map[string]string{}
	}
	return s.saveMeeting(ctx, m, attendance, reasons)
}

// saveMeeting saves the meeting and its attendance; reasons nil keeps the
// reasons recorded.
func (s *Store) saveMeeting(ctx context.Context, m *Meeting, attendance, reasons map[string]string) error {
	cur := *m
	err := s.Write(ctx, func(tx *Tx) error {
		if cur.ID == "" {
			if err := tx.Meetings.Create(ctx, &cur); err != nil {
				return err
			}
			_, err := saveAttendance(ctx, tx, cur.ID, attendance, reasons)
			return err
		}
		if err := tx.Meetings.Update(ctx, &cur); err != nil {
			return err
		}
		old, err := attendanceRows(ctx, tx, cur.ID)
		if err != nil {
			return err
		}
		before := attendanceText(old)
		changed, err := saveAttendance(ctx, tx, cur.ID, attendance, reasons)
		if err != nil || !changed || cur.Version != m.Version {
			return err
		}
		after, err := attendanceRows(ctx, tx, cur.ID)
		if err != nil {
			return err
		}
		// Only the attendance changed: the meeting's version still moves
		// on, so that another edit begun meanwhile is refused.
		return touch(ctx, tx.w, "meetings", &cur.Meta, map[string]any{"出席情况": []any{before, attendanceText(after)}})
	})
	if err != nil {
		return err
	}
	*m = cur
	return nil
}

// saveAttendance makes the live attendance rows of meeting id match the
// map, and the reasons (nil: keep those recorded, but none for 出席), and
// reports whether any changed.
func saveAttendance(ctx context.Context, tx *Tx, meetingID string, attendance, reasons map[string]string) (bool, error) {
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
		reason := reasonFor(a.MemberID, status, a.Reason, reasons)
		if a.Status != status || a.Reason != reason {
			a.Status, a.Reason = status, reason
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
		a := &MeetingAttendance{MeetingID: Ref(meetingID), MemberID: Ref(id), Status: attendance[id],
			Reason: reasonFor(Ref(id), attendance[id], "", reasons)}
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

// reasonFor is the reason to store for the member: the one given, or with
// no reasons given the one recorded, but none for a member 出席.
func reasonFor(member Ref, status, recorded string, reasons map[string]string) string {
	if reasons != nil {
		return strings.TrimSpace(reasons[string(member)])
	}
	if status == string(vocab.Present) {
		return ""
	}
	return recorded
}

// MeetingAbsenceReasons returns the reasons recorded for the meeting's
// members 请假 or 缺席: member id → reason (出差, 病假…); members without
// one are left out.
func (s *Store) MeetingAbsenceReasons(ctx context.Context, meetingID string) (map[string]string, error) {
	out := map[string]string{}
	err := s.MeetingAttendance.Each(ctx, func(a *MeetingAttendance) error {
		if a.Reason != "" {
			out[string(a.MemberID)] = a.Reason
		}
		return nil
	}, Where(ColMeetingID, meetingID))
	if err != nil {
		return nil, err
	}
	return out, nil
}

// attendanceRows reads the meeting's attendance inside the transaction.
func attendanceRows(ctx context.Context, tx *Tx, meetingID string) ([]MeetingAttendance, error) {
	return tx.MeetingAttendance.List(ctx, Where(ColMeetingID, meetingID))
}

// attendanceText sums up an attendance for the audit log:
// 「出席3人,请假1人(注明原因1人)」.
func attendanceText(rows []MeetingAttendance) string {
	counts := map[string]int{}
	reasons := 0
	for _, a := range rows {
		counts[a.Status]++
		if a.Reason != "" {
			reasons++
		}
	}
	var parts []string
	for _, st := range Attendances {
		if counts[st] > 0 {
			parts = append(parts, st+strconv.Itoa(counts[st])+"人")
		}
	}
	text := strings.Join(parts, ",")
	if reasons > 0 {
		text += "（注明原因" + strconv.Itoa(reasons) + "人）"
	}
	return text
}
