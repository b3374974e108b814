package data_test

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/data"
)

func TestLocationsReasonsAndVotesAreStoredAndReadBack(t *testing.T) {
	s, b, ids := meetingFixture(t)
	ctx := context.Background()
	tr := &data.Training{Date: data.NewDate(2026, 3, 5), Hours: 2, Form: "集体学习", Topic: "学习党章",
		Location: "学院会议室(行政楼305)"}
	must(t, s.RecordTraining(ctx, tr, []string{ids["赵一"]}))
	if got, err := s.Trainings.Get(ctx, tr.ID); err != nil || got.Location != "学院会议室(行政楼305)" {
		t.Fatalf("the session's 地点 reads back as %q (%v)", got.Location, err)
	}

	m := &data.Meeting{BranchID: data.Ref(b.ID), Kind: "主题党日", Date: data.NewDate(2026, 3, 6), Topic: "重温入党誓词",
		Location: "党员活动室", Recorder: "钱二"}
	att := map[string]string{ids["赵一"]: "出席", ids["钱二"]: "请假", ids["孙三"]: "缺席", ids["李四"]: "请假"}
	reasons := map[string]string{ids["钱二"]: "出差", ids["孙三"]: " 病假 "}
	must(t, s.SaveMeetingWithReasons(ctx, m, att, reasons))
	if got, _ := s.Meetings.Get(ctx, m.ID); got.Location != "党员活动室" {
		t.Fatalf("the meeting's 地点 reads back as %q", got.Location)
	}
	want := map[string]string{ids["钱二"]: "出差", ids["孙三"]: "病假"}
	if got, err := s.MeetingAbsenceReasons(ctx, m.ID); err != nil || !maps.Equal(got, want) {
		t.Fatalf("reasons read back %v (%v), want %v", got, err, want)
	}

	a := &data.Appraisal{Year: 2026, MemberID: data.Ref(ids["赵一"]), Grade: "优秀", VotesExcellent: 3, VotesQualified: 1,
		SuperiorOpinion: "同意支部意见。"}
	must(t, s.Appraisals.Create(ctx, a))
	got, err := s.Appraisals.Get(ctx, a.ID)
	if err != nil || got.VotesExcellent != 3 || got.VotesQualified != 1 || got.VoteTotal() != 4 ||
		got.SuperiorOpinion != "同意支部意见。" {
		t.Fatalf("the appraisal reads back as %+v (%v)", got, err)
	}
}

func TestSaveMeetingKeepsTheReasonsUnlessAMemberAttends(t *testing.T) {
	s, b, ids := meetingFixture(t)
	ctx := context.Background()
	m := &data.Meeting{BranchID: data.Ref(b.ID), Kind: "主题党日", Date: data.NewDate(2026, 3, 6)}
	must(t, s.SaveMeetingWithReasons(ctx, m, map[string]string{ids["赵一"]: "请假", ids["钱二"]: "缺席"},
		map[string]string{ids["赵一"]: "上课", ids["钱二"]: "病假"}))
	// Saved again without reasons (an older caller): 钱二's stays, 赵一
	// now attends and has none.
	must(t, s.SaveMeeting(ctx, m, map[string]string{ids["赵一"]: "出席", ids["钱二"]: "缺席"}))
	if got, _ := s.MeetingAbsenceReasons(ctx, m.ID); !maps.Equal(got, map[string]string{ids["钱二"]: "病假"}) {
		t.Fatalf("reasons after a save without them: %v", got)
	}
	// A reason changed alone is a change of the meeting: its history says so.
	before := m.Version
	must(t, s.SaveMeetingWithReasons(ctx, m, map[string]string{ids["赵一"]: "出席", ids["钱二"]: "缺席"},
		map[string]string{ids["钱二"]: "出差"}))
	if m.Version == before {
		t.Fatal("changing a reason alone did not move the meeting's version")
	}
	hist, err := s.History(ctx, m.ID)
	if err != nil || len(hist) == 0 {
		t.Fatal(err)
	}
	last := hist[len(hist)-1]
	if _, ok := last.Changes["出席情况"]; !ok {
		t.Fatalf("the meeting's last history entry is %+v, want the attendance's change", last)
	}
}

func TestAReasonForAMemberWhoAttendedIsRefused(t *testing.T) {
	s, b, ids := meetingFixture(t)
	ctx := context.Background()
	m := &data.Meeting{BranchID: data.Ref(b.ID), Kind: "主题党日", Date: data.NewDate(2026, 3, 6)}
	err := s.SaveMeetingWithReasons(ctx, m, map[string]string{ids["赵一"]: "出席"}, map[string]string{ids["赵一"]: "出差"})
	if err == nil || !strings.Contains(err.Error(), "「请假或缺席原因」出席的党员不填原因") {
		t.Fatalf("a reason for a member present: %v", err)
	}
	if n, _ := s.Meetings.Count(ctx); n != 0 {
		t.Fatal("the refused meeting was written")
	}
}

func TestAppraisalVoteCountsAreChecked(t *testing.T) {
	s, _, ids := meetingFixture(t) // a branch of 4 members
	ctx := context.Background()
	cases := []struct {
		name                string
		exc, qual, bas, bad int
		want                string // "" when accepted
	}{
		{"no vote recorded", 0, 0, 0, 0, ""},
		{"every member voted", 2, 1, 1, 0, ""},
		{"fewer votes than members", 1, 1, 0, 0, ""},
		{"a negative count", -1, 0, 0, 0, "「优秀票数」不能为负数"},
		{"a negative 不合格 count", 0, 0, 0, -2, "「不合格票数」不能为负数"},
		{"more votes than the branch's members", 3, 2, 0, 0, "「优秀票数」四项票数合计5票，多于所在支部的党员人数（4人）"},
		{"beyond any branch", data.MaxVotes + 1, 0, 0, 0, "「优秀票数」不能超过100000票"},
		{"a sum beyond any branch", data.MaxVotes, 1, 0, 0, "「优秀票数」四项票数合计100001票，不能超过100000票"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := &data.Appraisal{Year: 2026, MemberID: data.Ref(ids["钱二"]),
				VotesExcellent: tc.exc, VotesQualified: tc.qual, VotesBasic: tc.bas, VotesFail: tc.bad}
			err := s.Appraisals.Create(ctx, a)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			if err == nil {
				must(t, s.Appraisals.Delete(ctx, a))
			}
		})
	}
}

func TestTheNewFieldsAreInTheHistoryAndComeBackFromTheRecycleBin(t *testing.T) {
	s, b, ids := meetingFixture(t)
	ctx := context.Background()
	a := &data.Appraisal{Year: 2026, MemberID: data.Ref(ids["赵一"])}
	must(t, s.Appraisals.Create(ctx, a))
	a.VotesQualified, a.SuperiorOpinion = 4, "同意。"
	must(t, s.Appraisals.Update(ctx, a))
	hist, _ := s.History(ctx, a.ID)
	last := hist[len(hist)-1].Changes
	if _, ok := last["votes_qualified"]; !ok {
		t.Fatalf("the history of the change lists %v, want 合格票数", last)
	}
	if _, ok := last["superior_opinion"]; !ok {
		t.Fatalf("the history of the change lists %v, want 上级党组织意见", last)
	}

	m := &data.Meeting{BranchID: data.Ref(b.ID), Kind: "主题党日", Date: data.NewDate(2026, 3, 6), Location: "三楼会议室"}
	must(t, s.SaveMeetingWithReasons(ctx, m, map[string]string{ids["赵一"]: "请假"}, map[string]string{ids["赵一"]: "出差"}))
	must(t, s.DeleteMeeting(ctx, m))
	must(t, s.RestoreDeleted(ctx, m.Table(), m.ID))
	got, err := s.Meetings.Get(ctx, m.ID)
	if err != nil || got.Location != "三楼会议室" {
		t.Fatalf("restored meeting %+v (%v)", got, err)
	}
	if r, _ := s.MeetingAbsenceReasons(ctx, m.ID); r[ids["赵一"]] != "出差" {
		t.Fatalf("the restored attendance's reasons: %v", r)
	}
}

// oldSchemaVersion is the schema before the printed documents' fields.
const oldSchemaVersion = 2

func TestADatabaseOfThePreviousSchemaOpensWithItsRecordsAndTakesTheNewFields(t *testing.T) {
	ctx := context.Background()
	s, b, ids := meetingFixture(t)
	m := &data.Meeting{BranchID: data.Ref(b.ID), Kind: "主题党日", Date: data.NewDate(2026, 3, 6), Topic: "重温入党誓词"}
	must(t, s.SaveMeeting(ctx, m, map[string]string{ids["赵一"]: "出席", ids["钱二"]: "请假"}))
	tr := &data.Training{Date: data.NewDate(2026, 3, 5), Hours: 2, Form: "集体学习", Topic: "学习党章"}
	must(t, s.RecordTraining(ctx, tr, []string{ids["赵一"]}))
	a := &data.Appraisal{Year: 2026, MemberID: data.Ref(ids["赵一"]), Grade: "合格"}
	must(t, s.Appraisals.Create(ctx, a))
	old := filepath.Join(t.TempDir(), "old.db")
	must(t, data.CopyAtVersion(ctx, s.Path(), old, oldSchemaVersion))

	o, err := data.Open(ctx, old, data.WithClock(clock))
	if err != nil {
		t.Fatalf("the previous schema's file does not open: %v", err)
	}
	defer o.Close()
	if got, err := o.Meetings.Get(ctx, m.ID); err != nil || got.Topic != "重温入党誓词" || got.Location != "" {
		t.Fatalf("the meeting after the upgrade: %+v (%v)", got, err)
	}
	if got, _ := o.MeetingAttendanceOf(ctx, m.ID); len(got) != 2 {
		t.Fatalf("the attendance after the upgrade: %v", got)
	}
	ga, err := o.Appraisals.Get(ctx, a.ID)
	if err != nil || ga.Grade != "合格" || ga.VoteTotal() != 0 || ga.SuperiorOpinion != "" {
		t.Fatalf("the appraisal after the upgrade: %+v (%v)", ga, err)
	}
	ga.VotesQualified = 2
	must(t, o.Appraisals.Update(ctx, ga))
	gm, _ := o.Meetings.Get(ctx, m.ID)
	gm.Location = "党员活动室"
	must(t, o.SaveMeetingWithReasons(ctx, gm, map[string]string{ids["赵一"]: "出席", ids["钱二"]: "请假"},
		map[string]string{ids["钱二"]: "病假"}))
	gt, _ := o.Trainings.Get(ctx, tr.ID)
	gt.Location = "报告厅"
	must(t, o.RecordTraining(ctx, gt, []string{ids["赵一"]}))
	if got, _ := o.Trainings.Get(ctx, tr.ID); got.Location != "报告厅" {
		t.Fatalf("the session's 地点 after the upgrade: %q", got.Location)
	}
	if ok, err := o.IntegrityCheck(ctx); err != nil || ok != "ok" {
		t.Fatalf("integrity after the upgrade: %q (%v)", ok, err)
	}
}

func TestASnapshotOfThePreviousSchemaConsolidatesWithOneOfThisSchema(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	newer := snapStoreIn(t, filepath.Join(dir, "a"))
	nb := addBranch(t, newer, "第一党支部")
	m := &data.Meeting{BranchID: data.Ref(nb.ID), Kind: "主题党日", Date: data.NewDate(2026, 3, 6), Location: "党员活动室"}
	must(t, newer.SaveMeeting(ctx, m, nil))
	newSnap := snapshotTo(t, newer, dir, "new.db")

	olderStore := snapStoreIn(t, filepath.Join(dir, "b"))
	ob := addBranch(t, olderStore, "第一党支部")
	om := &data.Meeting{BranchID: data.Ref(ob.ID), Kind: "主题党日", Date: data.NewDate(2026, 3, 7), Topic: "旧版本的会议"}
	must(t, olderStore.SaveMeeting(ctx, om, nil))
	full := snapshotTo(t, olderStore, dir, "b-full.db")
	oldSnap := filepath.Join(dir, "old.db")
	must(t, data.CopyAtVersion(ctx, full, oldSnap, oldSchemaVersion))

	info, err := data.InspectSnapshot(ctx, oldSnap)
	if err != nil || info.SchemaVersion != oldSchemaVersion {
		t.Fatalf("the previous schema's snapshot is refused: %+v %v", info, err)
	}
	out := filepath.Join(dir, "merged.db")
	must(t, data.Merge(ctx, out, []string{oldSnap, newSnap}))
	merged, err := data.OpenReadOnly(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	defer merged.Close()
	got, err := merged.Meetings.Get(ctx, m.ID)
	if err != nil || got.Location != "党员活动室" {
		t.Fatalf("the newer snapshot's meeting in the merge: %+v (%v)", got, err)
	}
	got, err = merged.Meetings.Get(ctx, om.ID)
	if err != nil || got.Topic != "旧版本的会议" || got.Location != "" {
		t.Fatalf("the older snapshot's meeting in the merge: %+v (%v)", got, err)
	}

	// A file claiming the previous version but holding this schema is not
	// a snapshot any build wrote.
	forged := execCopy(t, newSnap, dir, "forged", "PRAGMA user_version = 2")
	if _, err := data.InspectSnapshot(ctx, forged); !errors.Is(err, data.ErrSchemaVersion) {
		t.Fatalf("a snapshot of this schema numbered 2: %v", err)
	}
	_ = os.Remove(forged)
}
