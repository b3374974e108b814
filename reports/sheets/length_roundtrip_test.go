package sheets

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"dangjian/data"
)

// long is text of exactly n characters, with characters outside the Basic
// Multilingual Plane among them (two UTF-16 units each in a workbook).
func long(unit string, n int) string {
	r := []rune(strings.Repeat(unit, n))
	return string(r[:n])
}

// TestLongestTextsSurviveTheRoundTrip: a member, branch, training, meeting
// and transfer whose texts are as long as the store allows export, import
// into a fresh database and export again unchanged, cell for cell, and the
// imported records hold the texts whole.
func TestLongestTextsSurviveTheRoundTrip(t *testing.T) {
	ctx := context.Background()
	src, dst := testStore(t), testStore(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	limit := func(table, col string) int { return int(data.MaxChars(table, col)) }
	branchName := long("𠀀党支部", limit("branches", "name"))
	b := &data.Branch{Name: branchName, Type: "教工"}
	must(src.Branches.Create(ctx, b))
	name := long("𠀀王", limit("members", "name"))
	m := &data.Member{BranchID: data.Ref(b.ID), Name: name, Ethnicity: "汉族",
		IDNumber: id("420106", 1980, 3, 4, 1, true), NativePlace: long("湖北武汉", limit("members", "native_place")),
		Education: "研究生", PersonType: "在职教职工", StaffNo: long("T0", limit("members", "staff_no")),
		Position: long("计算机系讲师", limit("members", "position")), Category: "正式党员",
		PartyPost:  long("支部委员", limit("members", "party_post")),
		JoinedDate: data.NewDate(2005, 7, 1), ConfirmedAt: data.NewDate(2006, 7, 1), DuesBase: data.Yuan(6000)}
	must(src.Members.Create(ctx, m))
	tr := &data.Training{Date: data.NewDate(2026, 3, 5), Hours: 4, Form: "培训班",
		Topic: long("学习贯彻𠀀", limit("trainings", "topic")), Organizer: long("二级党校", limit("trainings", "organizer"))}
	must(src.Trainings.Create(ctx, tr))
	must(src.TrainingAttendees.Create(ctx, &data.TrainingAttendee{TrainingID: data.Ref(tr.ID), MemberID: data.Ref(m.ID), Hours: 4}))
	mt := &data.Meeting{BranchID: data.Ref(b.ID), Kind: "主题党日", Date: data.NewDate(2026, 4, 1),
		Topic: long("重温入党誓词", limit("meetings", "topic")), Host: long("书记𠀀", limit("meetings", "host")),
		Recorder: long("组织委员", limit("meetings", "recorder"))}
	must(src.Meetings.Create(ctx, mt))
	must(src.MeetingAttendance.Create(ctx, &data.MeetingAttendance{MeetingID: data.Ref(mt.ID), MemberID: data.Ref(m.ID), Status: "出席"}))
	must(src.Transfers.Create(ctx, &data.Transfer{MemberID: data.Ref(m.ID), Direction: "转入",
		OtherOrg: long("外国语学院党委", limit("transfers", "other_org")), LetterNo: long("转字〔2026〕", limit("transfers", "letter_no")),
		IssuedDate: data.NewDate(2026, 1, 5), ValidDays: 60}))

	for _, k := range Kinds {
		var first bytes.Buffer
		n, err := Export(ctx, src, k, &first, 0, nil)
		if err != nil {
			t.Fatalf("%s: export: %v", k, err)
		}
		if n == 0 {
			continue
		}
		rep, err := Import(ctx, dst, k, bytes.NewReader(first.Bytes()), Options{})
		if err != nil || len(rep.Problems) > 0 || rep.Created != n {
			t.Fatalf("%s: import: %+v %v\n%s", k, rep, err, problemsText(rep))
		}
		var second bytes.Buffer
		if _, err := Export(ctx, dst, k, &second, 0, nil); err != nil {
			t.Fatal(err)
		}
		if a, b := cells(t, first.Bytes()), cells(t, second.Bytes()); !reflect.DeepEqual(a, b) {
			t.Errorf("%s: the round trip changed the records", k)
		}
	}

	ms, _ := dst.Members.List(ctx)
	bs, _ := dst.Branches.List(ctx)
	ts, _ := dst.Trainings.List(ctx)
	as, _ := dst.TrainingAttendees.List(ctx)
	mts, _ := dst.Meetings.List(ctx)
	tfs, _ := dst.Transfers.List(ctx)
	if len(ms) != 1 || ms[0].Name != name || ms[0].PartyPost != m.PartyPost || ms[0].Position != m.Position ||
		ms[0].NativePlace != m.NativePlace || ms[0].StaffNo != m.StaffNo {
		t.Fatalf("members after the round trip: %d", len(ms))
	}
	if len(bs) != 1 || bs[0].Name != branchName {
		t.Fatalf("branches after the round trip: %d", len(bs))
	}
	if len(ts) != 1 || ts[0].Topic != tr.Topic || ts[0].Organizer != tr.Organizer || len(as) != 1 || as[0].Hours != 4 {
		t.Fatalf("trainings after the round trip: %d, attendees %d", len(ts), len(as))
	}
	if len(mts) != 1 || mts[0].Topic != mt.Topic || mts[0].Host != mt.Host || mts[0].Recorder != mt.Recorder {
		t.Fatalf("meetings after the round trip: %d", len(mts))
	}
	if len(tfs) != 1 || tfs[0].OtherOrg != long("外国语学院党委", limit("transfers", "other_org")) {
		t.Fatalf("transfers after the round trip: %d", len(tfs))
	}
}
