package sheets

import (
	"bytes"
	"context"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
)

// seedRecords writes a small organization with every kind of record,
// including a member who has transferred out.
func seedRecords(t *testing.T, s *data.Store) {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	b1 := &data.Branch{Name: "计算机系教工党支部", Type: "教工"}
	b2 := &data.Branch{Name: "2023级本科生第一党支部", Type: "学生"}
	must(s.Branches.Create(ctx, b1))
	must(s.Branches.Create(ctx, b2))
	people := []struct {
		name   string
		branch *data.Branch
		seq    int
		male   bool
	}{{"王建国", b1, 1, true}, {"李红梅", b1, 2, false}, {"张伟", b2, 3, true}, {"刘洋", b2, 4, false}}
	var ms []*data.Member
	for i, p := range people {
		m := &data.Member{BranchID: data.Ref(p.branch.ID), Name: p.name, Ethnicity: "汉族",
			IDNumber: id("420106", 1980+i, 3, 4, p.seq, p.male), NativePlace: "湖北武汉", Education: "研究生",
			PersonType: "在职教职工", StaffNo: "T00" + itoa(i), Position: "讲师", Category: "正式党员",
			JoinedDate: data.NewDate(2005, 7, 1), ConfirmedAt: data.NewDate(2006, 7, 1), Phone: "1380000000" + itoa(i),
			DuesBase: data.Money(523456 + i), IsLeader: i == 0, InDifficulty: i == 3}
		if i == 3 {
			m.Category, m.ConfirmedAt, m.JoinedDate = "预备党员", data.Date{}, data.NewDate(2026, 2, 1)
		}
		if i == 1 {
			m.Note = "2025年度优秀共产党员;兼任工会委员"
		}
		must(s.Members.Create(ctx, m))
		ms = append(ms, m)
	}
	tr := &data.Training{Date: data.NewDate(2026, 3, 5), Hours: 4, Form: "培训班", Topic: "学习党章", Organizer: "二级党校",
		Location: "学院报告厅(行政楼一楼)"}
	must(s.Trainings.Create(ctx, tr))
	for i, m := range ms {
		must(s.TrainingAttendees.Create(ctx, &data.TrainingAttendee{TrainingID: data.Ref(tr.ID), MemberID: data.Ref(m.ID),
			Hours: []float64{4, 3.5, 4, 2}[i]}))
	}
	mt := &data.Meeting{BranchID: data.Ref(b1.ID), Kind: "主题党日", Date: data.NewDate(2026, 4, 1), Topic: "重温入党誓词",
		Host: "王建国", HostID: data.Ref(ms[0].ID), Recorder: "李红梅", Location: "党员活动室(行政楼201)"}
	must(s.Meetings.Create(ctx, mt))
	must(s.MeetingAttendance.Create(ctx, &data.MeetingAttendance{MeetingID: data.Ref(mt.ID), MemberID: data.Ref(ms[0].ID), Status: "出席"}))
	must(s.MeetingAttendance.Create(ctx, &data.MeetingAttendance{MeetingID: data.Ref(mt.ID), MemberID: data.Ref(ms[1].ID), Status: "请假",
		Reason: "出差(北京)"}))
	// 李红梅 was in the student branch at its 支委会 and has moved since.
	moved := &data.Meeting{BranchID: data.Ref(b2.ID), Kind: "支委会", Date: data.NewDate(2026, 3, 2), Topic: "研究发展对象",
		Recorder: "张伟"}
	must(s.Meetings.Create(ctx, moved))
	must(s.MeetingAttendance.Create(ctx, &data.MeetingAttendance{MeetingID: data.Ref(moved.ID), MemberID: data.Ref(ms[1].ID), Status: "出席"}))
	for _, month := range []string{"2026-01", "2026-02"} {
		must(s.Dues.Create(ctx, &data.Dues{MemberID: data.Ref(ms[0].ID), Month: month, Base: ms[0].DuesBase,
			Rate: "1.5%", Due: 7852, Paid: 7852, PaidDate: data.NewDate(2026, 2, 10)}))
	}
	gone := &data.Member{BranchID: data.Ref(b2.ID), Name: "赵敏", IDNumber: id("330106", 1996, 6, 6, 7, false),
		PersonType: "学生", Category: "正式党员", JoinedDate: data.NewDate(2016, 6, 1), ConfirmedAt: data.NewDate(2017, 6, 1)}
	must(s.Members.Create(ctx, gone))
	must(s.TrainingAttendees.Create(ctx, &data.TrainingAttendee{TrainingID: data.Ref(tr.ID), MemberID: data.Ref(gone.ID), Hours: 4}))
	must(s.Transfers.Create(ctx, &data.Transfer{MemberID: data.Ref(gone.ID), Direction: "转出", OtherOrg: "外国语学院党委",
		LetterNo: "转字〔2026〕第011号", IssuedDate: data.NewDate(2026, 5, 5), ValidDays: 90}))
	gone.Status = "已转出"
	must(s.Members.Update(ctx, gone))
	must(s.Transfers.Create(ctx, &data.Transfer{MemberID: data.Ref(ms[2].ID), Direction: "转入", OtherOrg: "外国语学院党委",
		LetterNo: "转字〔2026〕第003号", IssuedDate: data.NewDate(2026, 1, 5), ValidDays: 60, ReceiptDate: data.NewDate(2026, 1, 20),
		DuesPaidUntil: "2025-12"}))
}

// cells reads every sheet's formatted cell text of a workbook.
func cells(t *testing.T, content []byte) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestExportImportIntoFreshDatabase exports every kind, imports the sheets
// into an empty database in dependency order, and exports again: the
// records come back the same, cell for cell.
func TestExportImportIntoFreshDatabase(t *testing.T) {
	ctx := context.Background()
	src, dst := testStore(t), testStore(t)
	seedRecords(t, src)
	for _, k := range Kinds {
		var first bytes.Buffer
		n, err := Export(ctx, src, k, &first, 0, nil)
		if err != nil || n == 0 {
			t.Fatalf("%s: export %d rows, %v", k, n, err)
		}
		rep, err := Import(ctx, dst, k, bytes.NewReader(first.Bytes()), Options{})
		if err != nil || len(rep.Problems) > 0 || rep.Created != n {
			t.Fatalf("%s: import into a fresh database: %+v %v\n%s", k, rep, err, problemsText(rep))
		}
		var second bytes.Buffer
		if _, err := Export(ctx, dst, k, &second, 0, nil); err != nil {
			t.Fatal(err)
		}
		if a, b := cells(t, first.Bytes()), cells(t, second.Bytes()); !reflect.DeepEqual(a, b) {
			t.Errorf("%s: the round trip changed the records:\nbefore %q\nafter  %q", k, a, b)
		}
	}
}
