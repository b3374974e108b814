package sheets_test

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/sheets"
)

var exNow = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

// exFixture is a small organization: two branches, five members (one
// transferred out, one with membership suspended), trainings, meetings,
// dues and transfers, with a deleted row or two that exports must skip.
type exFixture struct {
	s                           *data.Store
	zhang, li, qian, wang, zhao *data.Member
}

func exCreate[T any, P interface {
	*T
	data.Record
}](t *testing.T, table data.Table[T, P], rec P) P {
	t.Helper()
	if err := table.Create(context.Background(), rec); err != nil {
		t.Fatalf("create %T: %v", rec, err)
	}
	return rec
}

func exMember(b *data.Branch, name string, birth data.Date, seq int, male bool) *data.Member {
	gender := map[bool]string{true: "男", false: "女"}[male]
	return &data.Member{
		BranchID: data.Ref(b.ID), Name: name, Gender: gender, Ethnicity: "汉族", BirthDate: birth,
		IDNumber: field.MakeIDNumber("110101", birth.Time, seq, male), PersonType: "在职教职工",
		Category: "正式党员", Status: "正常",
	}
}

func exSeed(t *testing.T) exFixture {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "org.db"), "测试学院党委", "T",
		data.WithClock(func() time.Time { return exNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	fx := exFixture{s: s}
	// Created second-first, so the export's order is not the insertion order.
	b2 := exCreate(t, s.Branches, &data.Branch{Name: "第二党支部", Type: "学生"})
	b1 := exCreate(t, s.Branches, &data.Branch{Name: "第一党支部", Type: "教工"})

	wang := exMember(b2, "王五", data.NewDate(2003, 2, 2), 4, true)
	wang.PersonType, wang.StaffNo, wang.Position = "学生", "2021001234", "计算机学院2021级1班"
	wang.JoinedDate, wang.ConfirmedAt, wang.InDifficulty = data.NewDate(2022, 5, 1), data.NewDate(2023, 5, 1), true
	fx.wang = exCreate(t, s.Members, wang)

	qian := exMember(b1, "钱七", data.NewDate(1960, 1, 1), 3, true)
	qian.PersonType, qian.Status = "离退休", "停止党籍"
	qian.JoinedDate, qian.ConfirmedAt, qian.DuesBase = data.NewDate(1985, 7, 1), data.NewDate(1986, 7, 1), data.Yuan(5000)
	fx.qian = exCreate(t, s.Members, qian)

	li := exMember(b1, "李四", data.NewDate(1990, 8, 8), 2, false)
	li.Category, li.JoinedDate, li.DuesBase = "预备党员", data.NewDate(2026, 1, 10), 400050
	fx.li = exCreate(t, s.Members, li)

	zhang := exMember(b1, "张三", data.NewDate(1985, 4, 12), 1, true)
	zhang.NativePlace, zhang.Education, zhang.StaffNo, zhang.Position = "湖北武汉", "研究生", "0012345", "计算机学院教师"
	zhang.JoinedDate, zhang.ConfirmedAt = data.NewDate(2008, 6, 1), data.NewDate(2009, 6, 1)
	zhang.PartyPost, zhang.IsLeader, zhang.Phone, zhang.DuesBase = "支部书记", true, "13800138000", data.Yuan(6000)
	fx.zhang = exCreate(t, s.Members, zhang)

	zhao := exMember(b2, "赵六", data.NewDate(1995, 5, 5), 5, false)
	zhao.Status, zhao.JoinedDate, zhao.ConfirmedAt = "已转出", data.NewDate(2016, 6, 1), data.NewDate(2017, 6, 1)
	zhao.Note = "2024年转往外校"
	fx.zhao = exCreate(t, s.Members, zhao)

	t1 := exCreate(t, s.Trainings, &data.Training{Date: data.NewDate(2025, 5, 10), Hours: 4, Form: "党课",
		Topic: "学习党章", Organizer: "二级党校", Location: "学院会议室(行政楼305)"})
	exCreate(t, s.TrainingAttendees, &data.TrainingAttendee{TrainingID: data.Ref(t1.ID), MemberID: data.Ref(li.ID)})
	exCreate(t, s.TrainingAttendees, &data.TrainingAttendee{TrainingID: data.Ref(t1.ID), MemberID: data.Ref(zhang.ID), Hours: 2.5})
	t2 := exCreate(t, s.Trainings, &data.Training{Date: data.NewDate(2026, 3, 1), Hours: 3, Form: "集体学习",
		Topic: "学习二十大精神", Organizer: "第二党支部"})
	exCreate(t, s.TrainingAttendees, &data.TrainingAttendee{TrainingID: data.Ref(t2.ID), MemberID: data.Ref(wang.ID), Hours: 3})
	gone := exCreate(t, s.Trainings, &data.Training{Date: data.NewDate(2026, 4, 1), Hours: 1, Form: "党课", Topic: "已删除"})
	if err := s.Trainings.Delete(ctx, gone); err != nil {
		t.Fatal(err)
	}

	m1 := exCreate(t, s.Meetings, &data.Meeting{BranchID: data.Ref(b1.ID), Kind: "支部党员大会",
		Date: data.NewDate(2026, 3, 5), Topic: "学习贯彻全会精神", Host: "张三", HostID: data.Ref(zhang.ID), Recorder: "李四",
		Location: "党员活动室"})
	for _, a := range []struct {
		m      *data.Member
		status string
		reason string
	}{{li, "出席", ""}, {zhang, "出席", ""}, {qian, "请假", "病假"}} {
		exCreate(t, s.MeetingAttendance, &data.MeetingAttendance{MeetingID: data.Ref(m1.ID), MemberID: data.Ref(a.m.ID),
			Status: a.status, Reason: a.reason})
	}
	exCreate(t, s.Meetings, &data.Meeting{BranchID: data.Ref(b1.ID), Kind: "支委会",
		Date: data.NewDate(2026, 3, 5), Topic: "研究发展党员", Host: "张三", HostID: data.Ref(zhang.ID)})
	m3 := exCreate(t, s.Meetings, &data.Meeting{BranchID: data.Ref(b2.ID), Kind: "主题党日",
		Date: data.NewDate(2025, 7, 1), Topic: "参观纪念馆", Host: "王五", HostID: data.Ref(wang.ID), Recorder: "王五"})
	exCreate(t, s.MeetingAttendance, &data.MeetingAttendance{MeetingID: data.Ref(m3.ID), MemberID: data.Ref(wang.ID), Status: "缺席"})

	dues := func(m *data.Member, month string, paid data.Money, paidDate data.Date) *data.Dues {
		due, rate := rules.Dues(vocab.PersonType(m.PersonType), int64(m.DuesBase), m.DuesReduced)
		return exCreate(t, s.Dues, &data.Dues{MemberID: data.Ref(m.ID), Month: month, Base: m.DuesBase, Rate: rate,
			Due: data.Money(due), Paid: paid, PaidDate: paidDate})
	}
	dues(zhang, "2026-01", data.Yuan(90), data.NewDate(2026, 1, 15))
	dues(wang, "2026-02", 20, data.NewDate(2026, 2, 3))
	dues(li, "2026-01", 0, data.Date{})
	dues(zhang, "2025-12", data.Yuan(100), data.NewDate(2025, 12, 20))
	if err := s.Dues.Delete(ctx, dues(wang, "2026-03", 20, data.Date{})); err != nil {
		t.Fatal(err)
	}

	exCreate(t, s.Transfers, &data.Transfer{MemberID: data.Ref(zhao.ID), Direction: "转出", OtherOrg: "某大学计算机学院党委",
		LetterNo: "2026-002", IssuedDate: data.NewDate(2026, 2, 1), ValidDays: 90, ReceiptDate: data.NewDate(2026, 3, 1)})
	exCreate(t, s.Transfers, &data.Transfer{MemberID: data.Ref(wang.ID), Direction: "转入", OtherOrg: "某中学党支部",
		LetterNo: "2025-017", IssuedDate: data.NewDate(2025, 9, 1), ValidDays: 60, DuesPaidUntil: "2025-08"})
	return fx
}

// exExport runs an export and opens the result.
func exExport(t *testing.T, s *data.Store, k sheets.Kind, year int) (*excelize.File, int, [][2]int) {
	t.Helper()
	var buf bytes.Buffer
	var calls [][2]int
	n, err := sheets.Export(context.Background(), s, k, &buf, year, func(done, total int) {
		calls = append(calls, [2]int{done, total})
	})
	if err != nil {
		t.Fatalf("Export(%s, %d): %v", k, year, err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("reopen export: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, n, calls
}

// exRows reads the export's sheet as formatted text, every row padded to
// the header's width.
func exRows(t *testing.T, f *excelize.File, k sheets.Kind) [][]string {
	t.Helper()
	l := sheets.LayoutOf(k)
	want := []string{l.Title}
	if sum := sheets.SummaryTitle(k); sum != "" {
		want = append(want, sum)
	}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	if i := f.GetActiveSheetIndex(); i != 0 {
		t.Errorf("active sheet = %d, want 0 (the records)", i)
	}
	rows, err := f.GetRows(l.Title)
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		for len(rows[i]) < len(l.Columns) {
			rows[i] = append(rows[i], "")
		}
	}
	return rows
}

func exHeaders(k sheets.Kind) []string {
	var out []string
	for _, c := range sheets.LayoutOf(k).Columns {
		out = append(out, c.Header)
	}
	return out
}

// exCheck compares the export of kind k for year with the header row and
// the data rows given.
func exCheck(t *testing.T, s *data.Store, k sheets.Kind, year int, want ...[]string) *excelize.File {
	t.Helper()
	f, n, calls := exExport(t, s, k, year)
	rows := exRows(t, f, k)
	if len(rows) == 0 || !slices.Equal(rows[0], exHeaders(k)) {
		t.Fatalf("header = %q, want %q", rows[:min(len(rows), 1)], exHeaders(k))
	}
	if n != len(want) || len(rows)-1 != len(want) {
		t.Errorf("Export returned %d rows and wrote %d, want %d", n, len(rows)-1, len(want))
	}
	// Columns added at the end of a kind (学位 …, 证书编号) are blank
	// unless a want row gives them.
	for i, w := range want {
		for len(w) < len(rows[0]) {
			w = append(w, "")
		}
		want[i] = w
	}
	for i := 1; i < len(rows); i++ {
		if i-1 >= len(want) || !slices.Equal(rows[i], want[i-1]) {
			t.Errorf("row %d = %q", i+1, rows[i])
			if i-1 < len(want) {
				t.Errorf("   want %q", want[i-1])
			}
		}
	}
	// Progress counts the summary sheet's rows too.
	all := n + len(sumRows(t, f, sheets.SummaryTitle(k)))
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{all, all} {
		t.Errorf("progress calls %v, want the last to be (%d, %d)", calls, all, all)
	}
	return f
}

func TestExportMembers(t *testing.T) {
	fx := exSeed(t)
	f := exCheck(t, fx.s, sheets.Members, 2025, // the year does not matter for members
		[]string{"张三", "男", "汉族", "1985-04-12", fx.zhang.IDNumber, "湖北武汉", "研究生", "在职教职工", "0012345", "计算机学院教师",
			"第一党支部", "2008-06-01", "2009-06-01", "正式党员", "支部书记", "是", "13800138000", "否", "6000.00", "正常", ""},
		[]string{"李四", "女", "汉族", "1990-08-08", fx.li.IDNumber, "", "", "在职教职工", "", "",
			"第一党支部", "2026-01-10", "", "预备党员", "", "否", "", "否", "4000.50", "正常", ""},
		[]string{"钱七", "男", "汉族", "1960-01-01", fx.qian.IDNumber, "", "", "离退休", "", "",
			"第一党支部", "1985-07-01", "1986-07-01", "正式党员", "", "否", "", "否", "5000.00", "停止党籍", ""},
		[]string{"王五", "男", "汉族", "2003-02-02", fx.wang.IDNumber, "", "", "学生", "2021001234", "计算机学院2021级1班",
			"第二党支部", "2022-05-01", "2023-05-01", "正式党员", "", "否", "", "是", "0.00", "正常", ""},
		[]string{"赵六", "女", "汉族", "1995-05-05", fx.zhao.IDNumber, "", "", "在职教职工", "", "",
			"第二党支部", "2016-06-01", "2017-06-01", "正式党员", "", "否", "", "否", "0.00", "已转出", "2024年转往外校"},
	)
	title := sheets.LayoutOf(sheets.Members).Title
	// 出生日期 (D2) is a date cell: an Excel serial shown as yyyy-mm-dd.
	exDateCell(t, f, title, "D2", data.NewDate(1985, 4, 12))
	exDateCell(t, f, title, "L5", data.NewDate(2022, 5, 1))
	// 公民身份号码 and 工号 are text, never numbers.
	for _, cell := range []string{"E2", "I2", "I5", "Q2"} {
		if ct, err := f.GetCellType(title, cell); err != nil || ct != excelize.CellTypeInlineString {
			t.Errorf("%s: cell type %v (%v), want an inline string", cell, ct, err)
		}
	}
	// 党费基数 is a number with two decimals.
	exNumberCell(t, f, title, "S3", "4000.5", 2)
	panes, err := f.GetPanes(title)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes = %+v (%v), want the header frozen", panes, err)
	}
	if w, err := f.GetColWidth(title, "E"); err != nil || w != sheets.LayoutOf(sheets.Members).Columns[4].Width {
		t.Errorf("width of E = %v (%v)", w, err)
	}
}

func TestExportTraining(t *testing.T) {
	fx := exSeed(t)
	all := [][]string{
		{fx.zhang.IDNumber, "张三", "2025-05-10", "2.5", "党课", "学习党章", "二级党校", "学院会议室(行政楼305)"},
		{fx.li.IDNumber, "李四", "2025-05-10", "4", "党课", "学习党章", "二级党校", "学院会议室(行政楼305)"}, // the session's hours
		{fx.wang.IDNumber, "王五", "2026-03-01", "3", "集体学习", "学习二十大精神", "第二党支部", ""},
	}
	f := exCheck(t, fx.s, sheets.Training, 0, all...)
	title := sheets.LayoutOf(sheets.Training).Title
	exDateCell(t, f, title, "C2", data.NewDate(2025, 5, 10))
	exNumberCell(t, f, title, "D2", "2.5", 0)
	exCheck(t, fx.s, sheets.Training, 2025, all[:2]...)
	exCheck(t, fx.s, sheets.Training, 2026, all[2:]...)
	exCheck(t, fx.s, sheets.Training, 2024)
}

func TestExportMeetings(t *testing.T) {
	fx := exSeed(t)
	all := [][]string{
		{"第一党支部", "支委会", "2026-03-05", "研究发展党员", "张三", "", "", "", "", ""},
		{"第一党支部", "支部党员大会", "2026-03-05", "学习贯彻全会精神", "张三", "李四", "张三、李四", "钱七（病假）", "", "党员活动室"},
		{"第二党支部", "主题党日", "2025-07-01", "参观纪念馆", "王五", "王五", "", "", "王五", ""},
	}
	f := exCheck(t, fx.s, sheets.Meetings, 0, all...)
	exDateCell(t, f, sheets.LayoutOf(sheets.Meetings).Title, "C4", data.NewDate(2025, 7, 1))
	exCheck(t, fx.s, sheets.Meetings, 2026, all[:2]...)
	exCheck(t, fx.s, sheets.Meetings, 2025, all[2:]...)
}

func TestExportDues(t *testing.T) {
	fx := exSeed(t)
	headers := exHeaders(sheets.Dues)
	if want := []string{"公民身份号码", "姓名", "月份", "实缴金额", "缴纳日期", "党费基数", "应缴金额"}; !slices.Equal(headers, want) {
		t.Fatalf("dues layout = %q, want %q", headers, want)
	}
	all := [][]string{
		{fx.zhang.IDNumber, "张三", "2025-12", "100.00", "2025-12-20", "6000.00", "90.00"},
		{fx.zhang.IDNumber, "张三", "2026-01", "90.00", "2026-01-15", "6000.00", "90.00"},
		{fx.li.IDNumber, "李四", "2026-01", "0.00", "", "4000.50", "40.01"},
		{fx.wang.IDNumber, "王五", "2026-02", "0.20", "2026-02-03", "0.00", "0.20"},
	}
	f := exCheck(t, fx.s, sheets.Dues, 0, all...)
	title := sheets.LayoutOf(sheets.Dues).Title
	if ct, err := f.GetCellType(title, "C2"); err != nil || ct != excelize.CellTypeInlineString {
		t.Errorf("月份: cell type %v (%v), want text", ct, err)
	}
	exNumberCell(t, f, title, "D2", "100", 2)
	exNumberCell(t, f, title, "G4", "40.01", 2)
	exDateCell(t, f, title, "E3", data.NewDate(2026, 1, 15))
	exCheck(t, fx.s, sheets.Dues, 2025, all[:1]...)
	exCheck(t, fx.s, sheets.Dues, 2026, all[1:]...)
}

func TestExportTransfers(t *testing.T) {
	fx := exSeed(t)
	all := [][]string{
		{fx.wang.IDNumber, "王五", "转入", "某中学党支部", "2025-017", "2025-09-01", "60", "", "2025-08"},
		{fx.zhao.IDNumber, "赵六", "转出", "某大学计算机学院党委", "2026-002", "2026-02-01", "90", "2026-03-01", ""},
	}
	f := exCheck(t, fx.s, sheets.Transfers, 0, all...)
	title := sheets.LayoutOf(sheets.Transfers).Title
	exDateCell(t, f, title, "H3", data.NewDate(2026, 3, 1))
	exNumberCell(t, f, title, "G2", "60", 0)
	// 党费交至 is a month written as text, as the dues sheet's 月份.
	if ct, err := f.GetCellType(title, "I2"); err != nil || ct != excelize.CellTypeInlineString {
		t.Errorf("党费交至: cell type %v (%v), want text", ct, err)
	}
	exCheck(t, fx.s, sheets.Transfers, 2026, all[1:]...)
}

func TestExportEmptyDatabaseAndNilProgress(t *testing.T) {
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "org.db"), "测试学院党委", "T",
		data.WithClock(func() time.Time { return exNow }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, k := range sheets.Kinds {
		var buf bytes.Buffer
		n, err := sheets.Export(ctx, s, k, &buf, 0, nil)
		if err != nil || n != 0 {
			t.Fatalf("Export(%s) of nothing = %d, %v", k, n, err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		rows := exRows(t, f, k)
		if len(rows) != 1 || !slices.Equal(rows[0], exHeaders(k)) {
			t.Errorf("%s: rows = %q, want only the header", k, rows)
		}
		f.Close()
	}
	if _, err := sheets.Export(ctx, s, "cadres", &bytes.Buffer{}, 0, nil); err == nil {
		t.Error("Export of an unknown kind succeeded")
	}
}

func TestExportStopsWhenCancelled(t *testing.T) {
	fx := exSeed(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, k := range sheets.Kinds {
		var buf bytes.Buffer
		if _, err := sheets.Export(ctx, fx.s, k, &buf, 0, nil); err == nil {
			t.Errorf("a cancelled %s export succeeded", k)
		}
		if buf.Len() != 0 {
			t.Errorf("a cancelled %s export wrote %d bytes", k, buf.Len())
		}
	}
}

// exDateCell checks that a cell holds the date as an Excel serial number
// shown as yyyy-mm-dd.
func exDateCell(t *testing.T, f *excelize.File, sheet, cell string, d data.Date) {
	t.Helper()
	serial := int(d.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	raw, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil || raw != strconv.Itoa(serial) {
		t.Errorf("%s raw value = %q (%v), want the serial %d", cell, raw, err, serial)
	}
	shown, err := f.GetCellValue(sheet, cell)
	if err != nil || shown != d.String() {
		t.Errorf("%s shows %q (%v), want %s", cell, shown, err, d)
	}
	if st := tplStyle(t, f, sheet, cell); st.CustomNumFmt == nil || *st.CustomNumFmt != "yyyy-mm-dd" {
		t.Errorf("%s number format = %v, want yyyy-mm-dd", cell, st.CustomNumFmt)
	}
}

// exNumberCell checks that a cell holds a number, with the built-in number
// format numFmt (0 general, 2 "0.00").
func exNumberCell(t *testing.T, f *excelize.File, sheet, cell, raw string, numFmt int) {
	t.Helper()
	got, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil || got != raw {
		t.Errorf("%s raw value = %q (%v), want %s", cell, got, err, raw)
	}
	if ct, err := f.GetCellType(sheet, cell); err != nil || (ct != excelize.CellTypeUnset && ct != excelize.CellTypeNumber) {
		t.Errorf("%s: cell type %v (%v), want a number", cell, ct, err)
	}
	if st := tplStyle(t, f, sheet, cell); st.NumFmt != numFmt {
		t.Errorf("%s number format = %d, want %d", cell, st.NumFmt, numFmt)
	}
}

// An export imported back into the same database changes nothing: the
// columns, formats and values are those the import reads.
func TestExportReimportChangesNothing(t *testing.T) {
	fx := exSeed(t)
	ctx := context.Background()
	for _, k := range sheets.Kinds {
		var buf bytes.Buffer
		n, err := sheets.Export(ctx, fx.s, k, &buf, 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := sheets.Import(ctx, fx.s, k, &buf, sheets.Options{})
		if err != nil {
			t.Fatalf("import the %s export: %v", k, err)
		}
		// 李四 is stored with 0 学时 (the session's); the export shows the
		// session's hours, which the import takes as the same.
		if rep.Rows != n || rep.Created != 0 || rep.Updated != 0 || len(rep.Problems) != 0 {
			t.Errorf("%s: import of the export = %+v, want %d rows, none changed", k, rep, n)
		}
	}
}
