package data_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"dangjian/data"
)

// tickingStore is a new database whose clock moves on a millisecond at
// every reading, as a real one does between two writes: each deletion has
// an instant of its own.
func tickingStore(t testing.TB) *data.Store {
	t.Helper()
	var mu sync.Mutex
	now := fixedNow
	tick := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Millisecond)
		return now
	}
	s, err := data.Create(context.Background(), filepath.Join(t.TempDir(), "org.db"), "测试学院党委", "CS",
		data.WithClock(tick), data.WithActor("测试员"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// people is a branch 第一党支部 with members 张三, 李四 and 王五, by name.
func people(t *testing.T, s *data.Store) (*data.Branch, map[string]*data.Member) {
	t.Helper()
	b := addBranch(t, s, "第一党支部")
	out := map[string]*data.Member{}
	for i, name := range []string{"张三", "李四", "王五"} {
		m := validMember(b, name, 60+i)
		must(t, s.Members.Create(context.Background(), m))
		out[name] = m
	}
	return b, out
}

// lastAction is the action of the row's latest audit entry.
func lastAction(t *testing.T, s *data.Store, id string) string {
	t.Helper()
	h, err := s.History(context.Background(), id)
	if err != nil || len(h) == 0 {
		t.Fatalf("history of %s: %d entries (%v)", id, len(h), err)
	}
	return h[len(h)-1].Action
}

func trashOf(t *testing.T, s *data.Store) []data.TrashItem {
	t.Helper()
	items, err := s.Trash(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// TestRestoreRoundTrips deletes a record of each kind the way its screen
// does, finds it in the recycle bin under its name, restores it, and finds
// it live again with what was deleted with it.
func TestRestoreRoundTrips(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name, table, kind, label string
		parts                    int
		// make records the record and returns its id, the delete and what
		// must be live again after the restore.
		make func(t *testing.T, s *data.Store, ms map[string]*data.Member) (id string, del func() error, check func() error)
	}{
		{"学习培训及出席", "trainings", "学习培训", "2026-03-12 集体学习 党史学习（3人）", 3,
			func(t *testing.T, s *data.Store, ms map[string]*data.Member) (string, func() error, func() error) {
				tr := &data.Training{Date: data.NewDate(2026, 3, 12), Hours: 2, Form: "集体学习", Topic: "党史学习"}
				must(t, s.RecordTraining(ctx, tr, []string{ms["张三"].ID, ms["李四"].ID, ms["王五"].ID}))
				return tr.ID, func() error { return s.DeleteTraining(ctx, tr) }, func() error {
					got, err := s.TrainingAttendeesOf(ctx, tr.ID)
					if err == nil && len(got) != 3 {
						return errors.New("attendance not restored")
					}
					return err
				}
			}},
		{"组织生活及出席", "meetings", "组织生活", "第一党支部 2026-04-10 支部党员大会", 2,
			func(t *testing.T, s *data.Store, ms map[string]*data.Member) (string, func() error, func() error) {
				m := &data.Meeting{BranchID: ms["张三"].BranchID, Kind: "支部党员大会", Date: data.NewDate(2026, 4, 10)}
				must(t, s.SaveMeeting(ctx, m, map[string]string{ms["张三"].ID: "出席", ms["李四"].ID: "请假"}))
				return m.ID, func() error { return s.DeleteMeeting(ctx, m) }, func() error {
					got, err := s.MeetingAttendanceOf(ctx, m.ID)
					if err == nil && (len(got) != 2 || got[ms["李四"].ID] != "请假") {
						return errors.New("attendance not restored")
					}
					return err
				}
			}},
		{"党费", "dues", "党费", "张三 2026年3月党费 50.00元", 0,
			func(t *testing.T, s *data.Store, ms map[string]*data.Member) (string, func() error, func() error) {
				must(t, s.PayDues(ctx, ms["张三"].ID, "2026-03", data.Yuan(50), data.NewDate(2026, 3, 5)))
				d, err := s.DuesMonth(ctx, ms["张三"].ID, "2026-03")
				if err != nil || d == nil {
					t.Fatalf("paid month: %v %v", d, err)
				}
				return d.ID, func() error { return s.DeletePayment(ctx, d) }, func() error {
					got, err := s.DuesMonth(ctx, ms["张三"].ID, "2026-03")
					if err == nil && (got == nil || got.Paid != data.Yuan(50)) {
						return errors.New("payment not restored")
					}
					return err
				}
			}},
		{"党员", "members", "党员", "王五(第一党支部)", 0,
			func(t *testing.T, s *data.Store, ms map[string]*data.Member) (string, func() error, func() error) {
				m := ms["王五"]
				return m.ID, func() error { return s.Members.Delete(ctx, m) }, func() error { return nil }
			}},
		{"谈心谈话", "talks", "谈心谈话", "2026-03-01 李四", 0,
			func(t *testing.T, s *data.Store, ms map[string]*data.Member) (string, func() error, func() error) {
				tk := &data.Talk{MemberID: data.Ref(ms["李四"].ID), Date: data.NewDate(2026, 3, 1), Talker: "支部书记", Content: "谈学习"}
				must(t, s.Talks.Create(ctx, tk))
				return tk.ID, func() error { return s.Talks.Delete(ctx, tk) }, func() error { return nil }
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := tickingStore(t)
			_, ms := people(t, s)
			id, del, check := c.make(t, s, ms)
			must(t, del())
			items := trashOf(t, s)
			if len(items) != 1 {
				t.Fatalf("recycle bin: %+v, want the one record", items)
			}
			it := items[0]
			if it.Table != c.table || it.ID != id || it.Kind != c.kind || it.Label != c.label || it.Parts != c.parts || it.DeletedAt.IsZero() {
				t.Errorf("item %+v, want %s %s %q with %d parts", it, c.table, c.kind, c.label, c.parts)
			}
			must(t, s.RestoreDeleted(ctx, it.Table, it.ID))
			if err := check(); err != nil {
				t.Error(err)
			}
			if items := trashOf(t, s); len(items) != 0 {
				t.Errorf("after restoring, the recycle bin holds %+v", items)
			}
			if a := lastAction(t, s, id); a != "restore" {
				t.Errorf("last audit action %q", a)
			}
			// Restored, the record can be deleted again.
			if c.table == "talks" {
				tk, err := s.Talks.Get(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if tk.Version != 3 || !tk.DeletedAt.IsZero() {
					t.Errorf("restored talk: version %d, deleted %v", tk.Version, tk.DeletedAt)
				}
				must(t, s.Talks.Delete(ctx, tk))
			}
		})
	}
}

// TestTrashListsRecordsNotTheirParts: attendance removed when a meeting is
// edited, and the attendance of a deleted session, are not records of
// their own in the recycle bin; the bin lists newest first.
func TestTrashListsRecordsNotTheirParts(t *testing.T) {
	ctx := context.Background()
	s := tickingStore(t)
	b, ms := people(t, s)
	m := &data.Meeting{BranchID: data.Ref(b.ID), Kind: "主题党日", Date: data.NewDate(2026, 5, 8), Topic: "参观学习"}
	must(t, s.SaveMeeting(ctx, m, map[string]string{ms["张三"].ID: "出席", ms["李四"].ID: "出席"}))
	must(t, s.SaveMeeting(ctx, m, map[string]string{ms["张三"].ID: "出席"})) // 李四's row is deleted
	if items := trashOf(t, s); len(items) != 0 {
		t.Fatalf("an edited meeting put %+v in the recycle bin", items)
	}
	tr := &data.Training{Date: data.NewDate(2026, 6, 1), Hours: 3, Form: "党课", Topic: "党章"}
	must(t, s.RecordTraining(ctx, tr, []string{ms["张三"].ID, ms["王五"].ID}))
	must(t, s.DeleteTraining(ctx, tr))
	tk := &data.Talk{MemberID: data.Ref(ms["王五"].ID), Date: data.NewDate(2026, 7, 1), Talker: "书记"}
	must(t, s.Talks.Create(ctx, tk))
	must(t, s.Talks.Delete(ctx, tk))
	items := trashOf(t, s)
	var labels []string
	for _, it := range items {
		labels = append(labels, it.Kind+" "+it.Label)
	}
	want := []string{"谈心谈话 2026-07-01 王五", "学习培训 2026-06-01 党课 党章（2人）"}
	if !slices.Equal(labels, want) {
		t.Errorf("recycle bin %q, want %q", labels, want)
	}
	// Restoring the session brings back its two attendees, not 李四's
	// meeting row deleted earlier.
	must(t, s.RestoreDeleted(ctx, "trainings", tr.ID))
	if got, _ := s.TrainingAttendeesOf(ctx, tr.ID); len(got) != 2 {
		t.Errorf("attendees after restore: %v", got)
	}
	if got, _ := s.MeetingAttendanceOf(ctx, m.ID); len(got) != 1 {
		t.Errorf("the meeting's attendance changed: %v", got)
	}
}

// TestRestoreRefusedWhileItsRecordIsDeleted: a record cannot come back to
// point at a deleted one; the message says which and what to do.
func TestRestoreRefusedWhileItsRecordIsDeleted(t *testing.T) {
	ctx := context.Background()
	s := tickingStore(t)
	_, ms := people(t, s)
	zhang := ms["张三"]
	tk := &data.Talk{MemberID: data.Ref(zhang.ID), Date: data.NewDate(2026, 3, 1), Talker: "书记"}
	must(t, s.Talks.Create(ctx, tk))
	must(t, s.Talks.Delete(ctx, tk))
	must(t, s.Members.Delete(ctx, zhang))
	err := s.RestoreDeleted(ctx, "talks", tk.ID)
	if !errors.Is(err, data.ErrNotRestorable) || err.Error() != "所属的党员“张三(第一党支部)”已删除，请先恢复该党员。" {
		t.Fatalf("restoring a talk of a deleted member: %v", err)
	}
	if _, err := s.Talks.Get(ctx, tk.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("the refused talk is live: %v", err)
	}
	must(t, s.RestoreDeleted(ctx, "members", zhang.ID))
	must(t, s.RestoreDeleted(ctx, "talks", tk.ID))

	// An attendance row of a deleted session, restored on its own.
	tr := &data.Training{Date: data.NewDate(2026, 3, 12), Hours: 2, Form: "集体学习", Topic: "党史学习"}
	must(t, s.RecordTraining(ctx, tr, []string{zhang.ID}))
	must(t, s.DeleteTraining(ctx, tr))
	rows, err := s.TrainingAttendees.List(ctx, data.Where(data.ColTrainingID, tr.ID), data.WithDeleted())
	if err != nil || len(rows) != 1 {
		t.Fatalf("attendance rows %v (%v)", rows, err)
	}
	err = s.TrainingAttendees.Restore(ctx, rows[0].ID)
	if !errors.Is(err, data.ErrNotRestorable) || !strings.HasPrefix(err.Error(), "所属的学习培训“2026-03-12 集体学习 党史学习") {
		t.Fatalf("restoring attendance of a deleted session: %v", err)
	}
	// A session whose attendee was deleted since is refused as a whole.
	tk, err = s.Talks.Get(ctx, tk.ID)
	if err != nil {
		t.Fatal(err)
	}
	must(t, s.Talks.Delete(ctx, tk))
	zhang, err = s.Members.Get(ctx, zhang.ID)
	if err != nil {
		t.Fatal(err)
	}
	must(t, s.Members.Delete(ctx, zhang))
	err = s.RestoreDeleted(ctx, "trainings", tr.ID)
	if !errors.Is(err, data.ErrNotRestorable) || !strings.Contains(err.Error(), "张三") {
		t.Fatalf("restoring a session whose attendee is deleted: %v", err)
	}
	if _, err := s.Trainings.Get(ctx, tr.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("the session came back without its attendance: %v", err)
	}
}

// TestRestoreRefusedWhenTheMonthWasPaidAgain: a deleted 党费 row cannot
// come back beside the one entered since for the same month.
func TestRestoreRefusedWhenTheMonthWasPaidAgain(t *testing.T) {
	ctx := context.Background()
	s := tickingStore(t)
	_, ms := people(t, s)
	li := ms["李四"].ID
	must(t, s.PayDues(ctx, li, "2026-03", data.Yuan(50), data.NewDate(2026, 3, 5)))
	d, _ := s.DuesMonth(ctx, li, "2026-03")
	must(t, s.DeletePayment(ctx, d))
	if got, _ := s.DuesMonth(ctx, li, "2026-03"); got != nil {
		t.Fatalf("the deleted month is still paid: %+v", got)
	}
	must(t, s.PayDues(ctx, li, "2026-03", data.Yuan(60), data.NewDate(2026, 3, 6)))
	err := s.RestoreDeleted(ctx, "dues", d.ID)
	if !errors.Is(err, data.ErrNotRestorable) ||
		err.Error() != "李四2026年3月的党费已重新录入，不能恢复删除的这条记录；如需更正，请修改现有的记录。" {
		t.Fatalf("restoring a month paid again: %v", err)
	}
	if got, _ := s.DuesMonth(ctx, li, "2026-03"); got == nil || got.Paid != data.Yuan(60) {
		t.Errorf("the month now: %+v", got)
	}
}

// TestRestoreOfALiveRowChangesNothing: restoring twice (a double tap on
// 撤销) is harmless.
func TestRestoreOfALiveRowChangesNothing(t *testing.T) {
	ctx := context.Background()
	s := tickingStore(t)
	_, ms := people(t, s)
	tk := &data.Talk{MemberID: data.Ref(ms["张三"].ID), Date: data.NewDate(2026, 3, 1), Talker: "书记"}
	must(t, s.Talks.Create(ctx, tk))
	must(t, s.Talks.Delete(ctx, tk))
	must(t, s.Talks.Restore(ctx, tk.ID))
	must(t, s.Talks.Restore(ctx, tk.ID))
	got, err := s.Talks.Get(ctx, tk.ID)
	if err != nil || got.Version != 3 {
		t.Fatalf("talk after two restores: %+v (%v)", got, err)
	}
	if err := s.Talks.Restore(ctx, "没有这条"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("restoring nothing: %v", err)
	}
}

// TestRestoreOfAttendanceNeverCountsAMemberTwice: an attendance row
// removed by an edit does not come back beside the member's new one.
func TestRestoreOfAttendanceNeverCountsAMemberTwice(t *testing.T) {
	ctx := context.Background()
	s := tickingStore(t)
	_, ms := people(t, s)
	zhang, li := ms["张三"].ID, ms["李四"].ID
	tr := &data.Training{Date: data.NewDate(2026, 3, 12), Hours: 2, Form: "集体学习", Topic: "党史学习"}
	must(t, s.RecordTraining(ctx, tr, []string{zhang, li}))
	old := attendeeRows(t, s, tr.ID)[li]
	must(t, s.RecordTraining(ctx, tr, []string{zhang}))
	must(t, s.RecordTraining(ctx, tr, []string{zhang, li}))
	err := s.TrainingAttendees.Restore(ctx, old.ID)
	if !errors.Is(err, data.ErrNotRestorable) {
		t.Fatalf("restoring a second row for 李四: %v", err)
	}
	if n, _ := s.TrainingAttendees.Count(ctx, data.Where(data.ColTrainingID, tr.ID), data.Where(data.ColMemberID, li)); n != 1 {
		t.Errorf("李四 has %d live rows", n)
	}
}

// TestEachWriteHasItsOwnInstantUnderAStillClock: with a clock that does
// not move (coarse, or fixed as here), the attendance removed by an edit is
// not taken for part of the meeting deleted next.
func TestEachWriteHasItsOwnInstantUnderAStillClock(t *testing.T) {
	ctx := context.Background()
	s := newStore(t) // fixed clock
	b := addBranch(t, s, "第一党支部")
	var ids []string
	for i, name := range []string{"张三", "李四"} {
		m := validMember(b, name, 70+i)
		must(t, s.Members.Create(ctx, m))
		ids = append(ids, m.ID)
	}
	m := &data.Meeting{BranchID: data.Ref(b.ID), Kind: "支部党员大会", Date: data.NewDate(2026, 4, 10)}
	must(t, s.SaveMeeting(ctx, m, map[string]string{ids[0]: "出席", ids[1]: "出席"}))
	must(t, s.SaveMeeting(ctx, m, map[string]string{ids[0]: "出席"}))
	must(t, s.DeleteMeeting(ctx, m))
	items := trashOf(t, s)
	if len(items) != 1 || items[0].Parts != 1 {
		t.Fatalf("recycle bin %+v, want the meeting with its one remaining attendance", items)
	}
	must(t, s.RestoreDeleted(ctx, "meetings", m.ID))
	if got, _ := s.MeetingAttendanceOf(ctx, m.ID); len(got) != 1 {
		t.Errorf("attendance after restore: %v", got)
	}
}

// TestTableRestoreBringsBackTheParts: undoing a deletion through the
// record's table restores what was deleted with it, as the recycle bin does.
func TestTableRestoreBringsBackTheParts(t *testing.T) {
	ctx := context.Background()
	s := tickingStore(t)
	_, ms := people(t, s)
	tr := &data.Training{Date: data.NewDate(2026, 3, 12), Hours: 2, Form: "集体学习", Topic: "党史学习"}
	must(t, s.RecordTraining(ctx, tr, []string{ms["张三"].ID, ms["李四"].ID}))
	must(t, s.DeleteTraining(ctx, tr))
	must(t, s.Trainings.Restore(ctx, tr.ID))
	if got, _ := s.TrainingAttendeesOf(ctx, tr.ID); len(got) != 2 {
		t.Errorf("attendees after Trainings.Restore: %v", got)
	}
}
