package sheets

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/field"
)

var testNow = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

func testStore(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Create(context.Background(), filepath.Join(t.TempDir(), "t.db"), "测试学院党委", "T",
		data.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// book builds an .xlsx with the header row and rows; a cell may be a
// string, a number or a time.Time (written as an Excel date cell).
func book(t testing.TB, headers []string, rows ...[]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetName(0)
	cell := func(c, r int) string { name, _ := excelize.CoordinatesToCellName(c, r); return name }
	for i, h := range headers {
		f.SetCellValue(sheet, cell(i+1, 1), h)
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	for r, values := range rows {
		for c, v := range values {
			f.SetCellValue(sheet, cell(c+1, r+2), v)
			if _, ok := v.(time.Time); ok {
				f.SetCellStyle(sheet, cell(c+1, r+2), cell(c+1, r+2), dateStyle)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func headersOf(k Kind) []string {
	var hs []string
	for _, c := range LayoutOf(k).Columns {
		if !c.Computed && !c.ExportOnly {
			hs = append(hs, c.Header)
		}
	}
	return hs
}

func id(region string, y, m, d, seq int, male bool) string {
	return field.MakeIDNumber(region, time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), seq, male)
}

// memberRow is a valid members row for the given name and number.
func memberRow(name, idNumber, gender, branch string) []any {
	return []any{name, gender, "汉族", "", idNumber, "湖北武汉", "大学本科", "在职教职工", "T001", "计算机系 讲师",
		branch, "2010-06-01", "2011/6/1", "正式", "", "否", "13800000000", "否", "6000"}
}

func run(t *testing.T, s *data.Store, k Kind, content []byte, o Options) (*Report, error) {
	t.Helper()
	return Import(context.Background(), s, k, bytes.NewReader(content), o)
}

func problemsText(rep *Report) string {
	var b strings.Builder
	for _, p := range rep.Problems {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}

func TestImportMembersCreatesBranchesAndIsIdempotent(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	sheet := book(t, headersOf(Members),
		memberRow("王建国", id("420106", 1980, 3, 4, 1, true), "男", "计算机系教工党支部"),
		memberRow("李红梅", id("420106", 1982, 5, 6, 2, false), "女", "计算机系教工党支部"),
		memberRow(" 张伟 ", id("110101", 1990, 1, 2, 3, true), "", "2023级本科生第一党支部"),
	)
	rep, err := run(t, s, Members, sheet, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Created != 3 || !rep.Written || len(rep.Problems) != 0 {
		t.Fatalf("first import: %+v\n%s", rep, problemsText(rep))
	}
	if strings.Join(rep.NewBranches, ",") != "计算机系教工党支部,2023级本科生第一党支部" {
		t.Fatalf("new branches %v", rep.NewBranches)
	}
	audit, _ := s.AuditCount(ctx)
	rep, err = run(t, s, Members, sheet, Options{})
	if err != nil || rep.Unchanged != 3 || rep.Created+rep.Updated != 0 {
		t.Fatalf("re-import changed something: %+v %v", rep, err)
	}
	if after, _ := s.AuditCount(ctx); after != audit {
		t.Fatalf("re-import wrote %d audit entries", after-audit)
	}
	if n, _ := s.Members.Count(ctx); n != 3 {
		t.Fatalf("%d members after two imports", n)
	}
	ms, _ := s.Members.List(ctx, data.Where("name", "张伟"))
	if len(ms) != 1 || ms[0].Gender != "男" || ms[0].Category != "正式党员" || ms[0].DuesBase != data.Yuan(6000) {
		t.Fatalf("normalized values not stored: %+v", ms)
	}
	// A changed cell updates the member, matched on 公民身份号码.
	changed := memberRow("王建国", id("420106", 1980, 3, 4, 1, true), "男", "计算机系教工党支部")
	changed[14] = "支部书记"
	rep, err = run(t, s, Members, book(t, headersOf(Members), changed), Options{})
	if err != nil || rep.Updated != 1 {
		t.Fatalf("update: %+v %v", rep, err)
	}
}

func TestImportMembersReportsEveryBadValueAndWritesNothing(t *testing.T) {
	s := testStore(t)
	good := id("420106", 1980, 3, 4, 1, true)
	badCheck := good[:17] + map[bool]string{true: "1", false: "0"}[good[17] == '0']
	rows := [][]any{
		memberRow("好人", good, "男", "一支部"),                                                           // row 2: fine
		memberRow("校验错", badCheck, "男", "一支部"),                                                      // row 3
		withCell(memberRow("日期错", id("420106", 1981, 1, 1, 4, true), "男", "一支部"), 11, "2019-02-30"), // row 4
		withCell(memberRow("未来", id("420106", 1981, 1, 1, 6, true), "男", "一支部"), 11, "2027-01-01"),  // row 5
		withCell(memberRow("枚举", id("420106", 1981, 1, 1, 8, true), "男", "一支部"), 7, "临时工"),          // row 6
		memberRow("重复", good, "男", "一支部"),                                                           // row 7
		withCell(memberRow("", id("420106", 1981, 1, 1, 10, true), "男", "一支部"), 0, ""),              // row 8
		withCell(memberRow("负数", id("420106", 1981, 1, 1, 12, true), "男", "一支部"), 18, "-5"),         // row 9
		withCell(memberRow("太早", id("420106", 1981, 1, 1, 14, true), "男", "一支部"), 11, "1990-01-01"), // row 10
	}
	rep, err := run(t, s, Members, book(t, headersOf(Members), rows...), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := problemsText(rep)
	for _, want := range []string{
		"第3行 「公民身份号码」：校验码错误",
		"第4行 「入党日期」：日期不存在",
		"第5行 「入党日期」：日期2027-01-01晚于今天",
		"第6行 「人员类别」：“临时工”应为以下之一",
		"第7行 「公民身份号码」：与第2行重复",
		"第8行 「姓名」：不能为空",
		"第9行 「党费基数」：金额不能为负数",
		"第10行 「入党日期」：入党时应年满十八岁",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing problem %q in:\n%s", want, text)
		}
	}
	if strings.Contains("\n"+text, "\n第2行") {
		t.Errorf("the good row was reported:\n%s", text)
	}
	if strings.Contains(text, good) || strings.Contains(text, badCheck) {
		t.Error("a problem repeats a 公民身份号码")
	}
	if rep.Written {
		t.Fatal("an import with bad rows was written")
	}
	if n, _ := s.Members.Count(context.Background()); n != 0 {
		t.Fatalf("%d members written by a refused import", n)
	}
	if n, _ := s.Branches.Count(context.Background()); n != 0 {
		t.Fatalf("%d branches written by a refused import", n)
	}

	rep, err = run(t, s, Members, book(t, headersOf(Members), rows...), Options{SkipInvalid: true})
	if err != nil || !rep.Written || rep.Created != 1 || rep.Skipped != 8 {
		t.Fatalf("--skip-invalid: %+v %v", rep, err)
	}
}

func withCell(r []any, i int, v any) []any {
	r[i] = v
	return r
}

func TestImportDryRunWritesNothing(t *testing.T) {
	s := testStore(t)
	rep, err := run(t, s, Members, book(t, headersOf(Members),
		memberRow("王建国", id("420106", 1980, 3, 4, 1, true), "男", "一支部")), Options{DryRun: true})
	if err != nil || rep.Created != 1 || rep.Written {
		t.Fatalf("dry run: %+v %v", rep, err)
	}
	if n, _ := s.Members.Count(context.Background()); n != 0 {
		t.Fatal("a dry run wrote members")
	}
}

func TestImportUnusableFiles(t *testing.T) {
	s := testStore(t)
	cases := []struct {
		name    string
		content []byte
		want    string
	}{
		{"not xlsx", []byte("姓名,公民身份号码\n张三,1\n"), "不是有效的Excel"},
		{"missing headers", book(t, []string{"姓名", "性别"}), "缺少必需的列：公民身份号码、人员类别、所在支部、入党日期、党员类别"},
		{"empty file", nil, "不是有效的Excel"},
	}
	for _, tc := range cases {
		_, err := run(t, s, Members, tc.content, Options{})
		var ie *InputError
		if !asInputError(err, &ie) || !strings.Contains(ie.Msg, tc.want) {
			t.Errorf("%s: %v (want %q)", tc.name, err, tc.want)
		}
	}
	folder := filepath.Join(t.TempDir(), "名单.xlsx")
	os.Mkdir(folder, 0o700)
	_, err := ImportFile(context.Background(), s, Members, folder, Options{})
	var ie *InputError
	if !asInputError(err, &ie) || !strings.Contains(ie.Msg, "是一个文件夹") {
		t.Errorf("a folder: %v", err)
	}
	missing := filepath.Join(t.TempDir(), "没有的名单.xlsx")
	_, err = ImportFile(context.Background(), s, Members, missing, Options{})
	if !asInputError(err, &ie) || ie.Msg != "无法打开文件“"+missing+"”：文件不存在" {
		t.Errorf("a file that does not exist: %v", err)
	}
}

func asInputError(err error, target **InputError) bool {
	ie, ok := err.(*InputError)
	if ok {
		*target = ie
	}
	return ok
}

// seedMembers imports three members of one branch and returns their numbers.
func seedMembers(t *testing.T, s *data.Store) []string {
	t.Helper()
	ids := []string{id("420106", 1980, 3, 4, 1, true), id("420106", 1982, 5, 6, 2, false), id("110101", 1990, 1, 2, 3, true)}
	rep, err := run(t, s, Members, book(t, headersOf(Members),
		memberRow("王建国", ids[0], "男", "一支部"), memberRow("李红梅", ids[1], "女", "一支部"),
		memberRow("张伟", ids[2], "男", "一支部")), Options{})
	if err != nil || rep.Created != 3 {
		t.Fatalf("seeding members: %+v %v", rep, err)
	}
	return ids
}

func TestImportTraining(t *testing.T) {
	s := testStore(t)
	ids := seedMembers(t, s)
	day := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	sheet := book(t, headersOf(Training),
		[]any{ids[0], "王建国", day, 4, "培训班", "学习党章", "二级党校"},
		[]any{ids[1], "李红梅", "2026年3月5日", "4", "培训班", "学习党章", "二级党校"},
		[]any{ids[2], "张伟", "2026.03.06", "2.5", "集体学习", "党史学习", ""},
	)
	rep, err := run(t, s, Training, sheet, Options{})
	if err != nil || rep.Created != 3 || len(rep.Problems) > 0 {
		t.Fatalf("training: %+v %v\n%s", rep, err, problemsText(rep))
	}
	ctx := context.Background()
	if n, _ := s.Trainings.Count(ctx); n != 2 {
		t.Fatalf("%d sessions, want 2 (same date and topic is one session)", n)
	}
	rep, _ = run(t, s, Training, sheet, Options{})
	if rep.Unchanged != 3 {
		t.Fatalf("re-import: %+v", rep)
	}
	bad := book(t, headersOf(Training),
		[]any{id("310104", 1975, 1, 1, 5, true), "无此人", "2026-03-05", 4, "培训班", "学习党章", ""},
		[]any{ids[0], "王建国", "2026-03-05", -1, "培训班", "学习党章", ""},
		[]any{ids[0], "王小明", "2026-03-05", 1, "午休", "学习党章", ""},
	)
	rep, _ = run(t, s, Training, bad, Options{})
	text := problemsText(rep)
	for _, want := range []string{"第2行 「公民身份号码」：本库中没有", "第3行 「学时」：学时不能为负数",
		"第4行 「姓名」：与公民身份号码不符", "第4行 「形式」：“午休”应为以下之一"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in:\n%s", want, text)
		}
	}
}

func TestImportMeetingsResolvesNamesInBranch(t *testing.T) {
	s := testStore(t)
	seedMembers(t, s)
	sheet := book(t, headersOf(Meetings),
		[]any{"一支部", "主题党日", "2026-03-10", "重温入党誓词", "王建国", "李红梅", "王建国、李红梅", "张伟", ""},
	)
	rep, err := run(t, s, Meetings, sheet, Options{})
	if err != nil || rep.Created != 1 || len(rep.Problems) > 0 {
		t.Fatalf("meetings: %+v %v\n%s", rep, err, problemsText(rep))
	}
	ctx := context.Background()
	if n, _ := s.MeetingAttendance.Count(ctx, data.Where("status", "出席")); n != 2 {
		t.Fatalf("%d present", n)
	}
	ms, _ := s.Meetings.List(ctx)
	if len(ms) != 1 || ms[0].HostID == "" {
		t.Fatalf("host not resolved to a member: %+v", ms)
	}
	rep, _ = run(t, s, Meetings, sheet, Options{})
	if rep.Unchanged != 1 {
		t.Fatalf("re-import: %+v", rep)
	}
	bad := book(t, headersOf(Meetings),
		[]any{"二支部", "主题党日", "2026-03-10", "", "", "", "", "", ""},
		[]any{"一支部", "支委会", "2026-03-11", "", "", "", "王建国,赵六", "", ""},
		[]any{"一支部", "茶话会", "2026-03-12", "", "", "", "", "", ""},
	)
	rep, _ = run(t, s, Meetings, bad, Options{})
	text := problemsText(rep)
	for _, want := range []string{"第2行 「所在支部」：本库中没有支部“二支部”", "第3行 「出席」：“赵六”不是本支部在册党员",
		"第4行 「类型」：“茶话会”应为以下之一"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in:\n%s", want, text)
		}
	}
}

func TestImportDuesComputesAmountDue(t *testing.T) {
	s := testStore(t)
	ids := seedMembers(t, s)
	sheet := book(t, headersOf(Dues),
		[]any{ids[0], "王建国", "2026-03", "90", "2026-03-15"},
		[]any{ids[0], "王建国", "2026年4月", "90.00", ""},
	)
	rep, err := run(t, s, Dues, sheet, Options{})
	if err != nil || rep.Created != 2 {
		t.Fatalf("dues: %+v %v\n%s", rep, err, problemsText(rep))
	}
	ds, _ := s.Dues.List(context.Background(), data.OrderBy("month"))
	if len(ds) != 2 || ds[0].Due != 9000 || ds[0].Rate != "1.5%" || ds[0].Paid != 9000 {
		t.Fatalf("6000元 at 1.5%%: %+v", ds)
	}
	rep, _ = run(t, s, Dues, sheet, Options{})
	if rep.Unchanged != 2 {
		t.Fatalf("re-import: %+v", rep)
	}
	rep, _ = run(t, s, Dues, book(t, headersOf(Dues), []any{ids[0], "王建国", "2026-13", "1", ""}), Options{})
	if !strings.Contains(problemsText(rep), "第2行 「月份」") {
		t.Fatalf("bad month accepted: %s", problemsText(rep))
	}
}

func TestImportTransfersMatchOnLetterNumber(t *testing.T) {
	s := testStore(t)
	ids := seedMembers(t, s)
	sheet := book(t, headersOf(Transfers),
		[]any{ids[2], "张伟", "转出", "外国语学院党委", "转字〔2026〕第012号", "2026-05-01", "", ""},
	)
	rep, err := run(t, s, Transfers, sheet, Options{})
	if err != nil || rep.Created != 1 {
		t.Fatalf("transfers: %+v %v\n%s", rep, err, problemsText(rep))
	}
	ts, _ := s.Transfers.List(context.Background())
	if len(ts) != 1 || ts[0].ValidDays != 90 {
		t.Fatalf("default validity not applied: %+v", ts)
	}
	receipt := book(t, headersOf(Transfers),
		[]any{ids[2], "张伟", "转出", "外国语学院党委", "转字〔2026〕第012号", "2026-05-01", "", "2026-05-20"},
	)
	rep, _ = run(t, s, Transfers, receipt, Options{})
	if rep.Updated != 1 {
		t.Fatalf("receipt update: %+v", rep)
	}
	rep, _ = run(t, s, Transfers, receipt, Options{})
	if rep.Unchanged != 1 {
		t.Fatalf("re-import: %+v", rep)
	}
}

func TestImportTwoGroupMeetingsOnOneDay(t *testing.T) {
	s := testStore(t)
	seedMembers(t, s)
	sheet := book(t, headersOf(Meetings),
		[]any{"一支部", "党小组会", "2026-10-12", "第一小组:学习党章", "王建国", "", "王建国", "", ""},
		[]any{"一支部", "党小组会", "2026-10-12", "第二小组:学习党史", "李红梅", "", "李红梅、张伟", "", ""},
	)
	rep, err := run(t, s, Meetings, sheet, Options{})
	if err != nil || rep.Created != 2 {
		t.Fatalf("two meetings sharing branch, type and date: %+v %v\n%s", rep, err, problemsText(rep))
	}
	for i := 0; i < 2; i++ {
		rep, _ = run(t, s, Meetings, sheet, Options{})
		if rep.Unchanged != 2 {
			t.Fatalf("re-import %d changed something: %+v", i+1, rep)
		}
	}
	ms, _ := s.Meetings.List(context.Background(), data.OrderBy("topic"))
	if len(ms) != 2 || ms[0].Topic != "第一小组:学习党章" || ms[1].Topic != "第二小组:学习党史" {
		t.Fatalf("meetings after re-imports: %+v", ms)
	}
}

func TestImportMeetingWithNamesakes(t *testing.T) {
	s := testStore(t)
	seedMembers(t, s)
	// A second 王建国 in the same branch.
	rep, err := run(t, s, Members, book(t, headersOf(Members),
		memberRow("王建国", id("510107", 1991, 7, 8, 9, true), "男", "一支部")), Options{})
	if err != nil || rep.Created != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	one := book(t, headersOf(Meetings), []any{"一支部", "主题党日", "2026-03-10", "", "", "", "王建国", "", ""})
	rep, _ = run(t, s, Meetings, one, Options{})
	if !strings.Contains(problemsText(rep), "本支部有2名“王建国”") || strings.Count(problemsText(rep), "\n") != 1 {
		t.Fatalf("one 王建国 of two should be ambiguous, once:\n%s", problemsText(rep))
	}
	both := book(t, headersOf(Meetings), []any{"一支部", "主题党日", "2026-03-10", "", "", "", "王建国", "王建国", ""})
	rep, err = run(t, s, Meetings, both, Options{})
	if err != nil || rep.Created != 1 || len(rep.Problems) != 0 {
		t.Fatalf("both namesakes named: %+v %v\n%s", rep, err, problemsText(rep))
	}
	rep, _ = run(t, s, Meetings, both, Options{})
	if rep.Unchanged != 1 {
		t.Fatalf("re-import: %+v\n%s", rep, problemsText(rep))
	}
}

func TestReturningMemberGetsARowOfTheirOwn(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	ids := seedMembers(t, s)
	ms, _ := s.Members.List(ctx, data.Where("id_number", ids[2]))
	ms[0].Status = "已转出"
	if err := s.Members.Update(ctx, &ms[0]); err != nil {
		t.Fatal(err)
	}
	rep, err := run(t, s, Members, book(t, headersOf(Members), memberRow("张伟", ids[2], "男", "一支部")), Options{})
	if err != nil || rep.Created != 1 {
		t.Fatalf("a returning member: %+v %v\n%s", rep, err, problemsText(rep))
	}
	rows, _ := s.Members.List(ctx, data.Where("id_number", ids[2]), data.OrderBy("id"))
	if len(rows) != 2 || rows[0].Status != "已转出" || rows[1].Status != "正常" {
		t.Fatalf("rows of the returning member: %+v", rows)
	}
}

func TestImportToleratesFloatNoiseAndPaddedNames(t *testing.T) {
	if got := trimFloatNoise("90.45000000000000284"); got != "90.45" {
		t.Fatalf("trimFloatNoise = %q", got)
	}
	if got := trimFloatNoise("43647"); got != "43647" {
		t.Fatalf("an Excel date serial changed: %q", got)
	}
	s := testStore(t)
	number := id("420106", 1980, 3, 4, 1, true)
	rep, err := run(t, s, Members, book(t, headersOf(Members), memberRow("王　毅", number, "男", "一 支部")), Options{})
	if err != nil || rep.Created != 1 {
		t.Fatalf("%+v %v\n%s", rep, err, problemsText(rep))
	}
	ms, _ := s.Members.List(context.Background())
	if ms[0].Name != "王毅" {
		t.Fatalf("name stored as %q", ms[0].Name)
	}
	bs, _ := s.Branches.List(context.Background())
	if bs[0].Name != "一支部" {
		t.Fatalf("branch stored as %q", bs[0].Name)
	}
	rep, err = run(t, s, Training, book(t, headersOf(Training),
		[]any{number, "王毅", "2026-03-05", 0.1 * 25, "培训班", "学习党章", ""}), Options{})
	if err != nil || rep.Created != 1 {
		t.Fatalf("training by the unpadded name: %+v %v\n%s", rep, err, problemsText(rep))
	}
}

func TestImportReportsAKeyGivenTwiceInOneSheet(t *testing.T) {
	s := testStore(t)
	ids := seedMembers(t, s)
	rep, _ := run(t, s, Dues, book(t, headersOf(Dues),
		[]any{ids[0], "王建国", "2026-03", "90", "2026-03-15"},
		[]any{ids[0], "王建国", "2026年3月", "50", ""}), Options{})
	if !strings.Contains(problemsText(rep), "第3行 「月份」：与第2行重复") || rep.Written {
		t.Fatalf("dues: %+v\n%s", rep, problemsText(rep))
	}
	rep, _ = run(t, s, Training, book(t, headersOf(Training),
		[]any{ids[0], "王建国", "2026-03-05", 4, "培训班", "学习党章", ""},
		[]any{ids[0], "王建国", "2026-03-05", 2, "培训班", "学习党章", ""}), Options{})
	if !strings.Contains(problemsText(rep), "第3行 「主题」：与第2行重复") {
		t.Fatalf("training: %s", problemsText(rep))
	}
}
