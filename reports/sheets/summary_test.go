package sheets_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
	"dangjian/reports/sheets"
)

// sumNow is the middle of a month: the month under way is not over.
var sumNow = time.Date(2026, 7, 15, 9, 30, 0, 0, time.UTC)

// sumFixture is an organization in the middle of 2026 whose dues ledger
// has every kind of line: a member transferred in in April whose letter
// says dues are paid up to April, one transferred out in May with months
// unpaid, one exempt, a student at the flat rate and a branch secretary
// who paid part of a month.
type sumFixture struct {
	s                                       *data.Store
	secretary, arrived, left, exempt, pupil *data.Member
}

func sumSeed(t *testing.T) sumFixture {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "org.db"), "测试学院党委", "T",
		data.WithClock(func() time.Time { return sumNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	fx := sumFixture{s: s}
	b1 := exCreate(t, s.Branches, &data.Branch{Name: "第一党支部", Type: string(vocab.BranchStaff)})
	b2 := exCreate(t, s.Branches, &data.Branch{Name: "第二党支部", Type: string(vocab.BranchMixed)})
	member := func(b *data.Branch, name string, seq int, pt vocab.PersonType, base data.Money) *data.Member {
		m := exMember(b, name, data.NewDate(1980+seq, 3, 3), seq, seq%2 == 1)
		m.PersonType, m.DuesBase = string(pt), base
		m.JoinedDate, m.ConfirmedAt = data.NewDate(2005, 6, 1), data.NewDate(2006, 6, 1)
		return m
	}
	sec := member(b1, "张三", 1, vocab.PersonStaff, data.Yuan(6000))
	sec.PartyPost = "支部书记"
	fx.secretary = exCreate(t, s.Members, sec)
	ex := member(b1, "钱七", 2, vocab.PersonRetired, data.Yuan(5000))
	ex.DuesExemptBy = "第一党支部委员会"
	fx.exempt = exCreate(t, s.Members, ex)
	fx.arrived = exCreate(t, s.Members, member(b2, "孙八", 3, vocab.PersonStaff, data.Yuan(4000)))
	fx.left = exCreate(t, s.Members, member(b2, "赵六", 4, vocab.PersonStaff, data.Yuan(3000)))
	fx.pupil = exCreate(t, s.Members, member(b2, "王五", 5, vocab.PersonStudent, 0))

	exCreate(t, s.Transfers, &data.Transfer{MemberID: data.Ref(fx.arrived.ID), Direction: string(vocab.TransferIn),
		OtherOrg: "某大学外国语学院党委", LetterNo: "外党转字第8号", IssuedDate: data.NewDate(2026, 4, 10), ValidDays: 90,
		ReceiptDate: data.NewDate(2026, 4, 12), DuesPaidUntil: "2026-04"})
	exCreate(t, s.Transfers, &data.Transfer{MemberID: data.Ref(fx.left.ID), Direction: string(vocab.TransferOut),
		OtherOrg: "某市委组织部", LetterNo: "2026-009", IssuedDate: data.NewDate(2026, 5, 20), ValidDays: 90})
	fx.left.Status = string(vocab.StatusTransferred)
	if err := s.Members.Update(ctx, fx.left); err != nil {
		t.Fatal(err)
	}

	pay := func(m *data.Member, month int, paid data.Money) {
		due, rate := rules.Dues(vocab.PersonType(m.PersonType), int64(m.DuesBase), m.DuesReduced)
		exCreate(t, s.Dues, &data.Dues{MemberID: data.Ref(m.ID), Month: fmt.Sprintf("2026-%02d", month),
			Base: m.DuesBase, Rate: rate, Due: data.Money(due), Paid: paid, PaidDate: data.NewDate(2026, time.Month(month), 10)})
	}
	for month := 1; month <= 5; month++ {
		pay(fx.secretary, month, map[bool]data.Money{true: data.Yuan(50), false: data.Yuan(90)}[month == 4])
		pay(fx.pupil, month, 20)
	}
	pay(fx.arrived, 5, data.Yuan(40))
	for month := 1; month <= 3; month++ {
		pay(fx.left, month, data.Yuan(15))
	}

	training := func(day data.Date, form vocab.TrainingForm, hours float64, topic string, who map[*data.Member]float64) {
		tr := exCreate(t, s.Trainings, &data.Training{Date: day, Hours: hours, Form: string(form), Topic: topic,
			Organizer: "二级党校"})
		for m, h := range who {
			exCreate(t, s.TrainingAttendees, &data.TrainingAttendee{TrainingID: data.Ref(tr.ID), MemberID: data.Ref(m.ID),
				Hours: h})
		}
	}
	training(data.NewDate(2026, 1, 8), vocab.FormCourse, 8, "新年专题培训",
		map[*data.Member]float64{fx.secretary: 0, fx.pupil: 6.5, fx.left: 8})
	training(data.NewDate(2026, 5, 12), vocab.FormSelfStudy, 10, "自学党章", map[*data.Member]float64{fx.secretary: 0})
	training(data.NewDate(2026, 6, 20), vocab.FormLecture, 3, "七一党课",
		map[*data.Member]float64{fx.secretary: 0, fx.arrived: 2.5, fx.pupil: 0})

	meeting := func(b *data.Branch, kind vocab.MeetingKind, day data.Date, present ...*data.Member) {
		mt := exCreate(t, s.Meetings, &data.Meeting{BranchID: data.Ref(b.ID), Kind: string(kind), Date: day,
			Topic: string(kind) + day.String()})
		for _, m := range present {
			exCreate(t, s.MeetingAttendance, &data.MeetingAttendance{MeetingID: data.Ref(mt.ID), MemberID: data.Ref(m.ID),
				Status: string(vocab.Present)})
		}
	}
	for _, month := range []int{1, 2, 4, 5, 6, 7} {
		meeting(b1, vocab.MeetingThemeDay, data.NewDate(2026, time.Month(month), 2), fx.secretary)
		meeting(b1, vocab.MeetingCommittee, data.NewDate(2026, time.Month(month), 3), fx.secretary)
	}
	meeting(b1, vocab.MeetingGeneral, data.NewDate(2026, 2, 5), fx.secretary, fx.exempt)
	meeting(b1, vocab.MeetingLecture, data.NewDate(2026, 6, 28), fx.secretary)
	meeting(b2, vocab.MeetingThemeDay, data.NewDate(2026, 1, 5), fx.pupil)
	return fx
}

// sumExport exports kind k for year and opens the workbook.
func sumExport(t *testing.T, s *data.Store, k sheets.Kind, year int) (*excelize.File, []byte, int) {
	t.Helper()
	var buf bytes.Buffer
	n, err := sheets.Export(context.Background(), s, k, &buf, year, nil)
	if err != nil {
		t.Fatalf("Export(%s, %d): %v", k, year, err)
	}
	content := bytes.Clone(buf.Bytes())
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, content, n
}

// sumSheet reads a summary sheet: its header, its data rows (up to the
// first blank row, each padded to the header's width) and the note under
// them. A title of "" has none.
func sumSheet(t *testing.T, f *excelize.File, title string) (header []string, rows [][]string, note string) {
	t.Helper()
	if title == "" {
		return nil, nil, ""
	}
	all, err := f.GetRows(title)
	if err != nil || len(all) == 0 {
		t.Fatalf("sheet %s: %q, %v", title, all, err)
	}
	header = all[0]
	i := 1
	for ; i < len(all) && len(all[i]) > 0; i++ {
		row := all[i]
		for len(row) < len(header) {
			row = append(row, "")
		}
		rows = append(rows, row)
	}
	if i+1 < len(all) && len(all[i+1]) > 0 {
		note = all[i+1][0]
	}
	return header, rows, note
}

// sumRows are a summary sheet's data rows.
func sumRows(t *testing.T, f *excelize.File, title string) [][]string {
	t.Helper()
	_, rows, _ := sumSheet(t, f, title)
	return rows
}

// cents reads an amount as the sheet shows it ("90.00") in 分.
func cents(t *testing.T, s string) int64 {
	t.Helper()
	c, err := field.ParseMoney(s)
	if err != nil {
		t.Fatalf("amount %q: %v", s, err)
	}
	return c
}

// sumBranchNames maps branch ids to names.
func sumBranchNames(fig *rules.Figures) map[string]string {
	out := map[string]string{}
	for _, b := range fig.Facts().Branches {
		out[b.ID] = b.Name
	}
	return out
}

func TestDuesSummaryIsTheLedger(t *testing.T) {
	fx := sumSeed(t)
	ctx := context.Background()
	f, _, _ := sumExport(t, fx.s, sheets.Dues, 0) // no year: the current one
	if got, want := f.GetSheetList(), []string{"党费收缴", "收缴汇总"}; !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	header, rows, note := sumSheet(t, f, "收缴汇总")
	if want := []string{"党支部", "姓名", "公民身份号码", "缴纳标准", "月应缴", "应缴合计", "实缴合计", "欠缴", "备注"}; !slices.Equal(header, want) {
		t.Fatalf("header = %q, want %q", header, want)
	}
	if !strings.Contains(note, "统计年度：2026年；数据截至2026年7月15日") {
		t.Errorf("note = %q, want the year and the day", note)
	}

	fig, err := fx.s.Figures(ctx, 2026, sumNow)
	if err != nil {
		t.Fatal(err)
	}
	ledger := fig.DuesLedger()
	// The fixture has the lines it claims.
	if l := ledger.Line(fx.arrived.ID); l == nil || !l.From.Equal(time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)) || l.Arrears != 4000 {
		t.Fatalf("arrived in April, paid up to April: line %+v, want dues from May and June unpaid", l)
	}
	if l := ledger.Line(fx.left.ID); l == nil || !l.Until.Equal(time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)) || l.Arrears != 3000 {
		t.Fatalf("left in May: line %+v, want dues until May and April, May unpaid", l)
	}
	if l := ledger.Line(fx.exempt.ID); l == nil || l.Rate != rules.DuesExemptRate || l.Due != 0 {
		t.Fatalf("exempt: line %+v", l)
	}

	names := sumBranchNames(fig)
	ids := map[string]string{}
	for _, m := range []*data.Member{fx.secretary, fx.arrived, fx.left, fx.exempt, fx.pupil} {
		ids[m.ID] = m.IDNumber
	}
	amounts := func(row []string) [3]int64 {
		return [3]int64{cents(t, row[5]), cents(t, row[6]), cents(t, row[7])}
	}
	var lines []*rules.DuesLine
	branchSeen := map[string]bool{}
	org := 0
	for i, row := range rows {
		switch {
		case row[0] == "合计":
			org++
			if got, want := amounts(row), [3]int64{ledger.Org.Due, ledger.Org.Paid, ledger.Org.Arrears}; got != want {
				t.Errorf("合计 = %v, want the ledger's %v", got, want)
			}
			if want := fmt.Sprintf("%d人，其中欠缴%d人", ledger.Org.Members, ledger.Org.Owing); !strings.HasPrefix(row[8], want) {
				t.Errorf("合计 备注 = %q, want %q", row[8], want)
			}
			if i != len(rows)-1 {
				t.Errorf("合计 is row %d of %d, want the last", i+2, len(rows)+1)
			}
		case row[1] == "小计":
			var id string
			for bid, name := range names {
				if name == row[0] {
					id = bid
				}
			}
			tot, ok := ledger.Branches[id]
			if !ok || branchSeen[id] {
				t.Errorf("小计 of %q: not a branch of the ledger, or twice", row[0])
				continue
			}
			branchSeen[id] = true
			if got, want := amounts(row), [3]int64{tot.Due, tot.Paid, tot.Arrears}; got != want {
				t.Errorf("小计 of %s = %v, want the ledger's %v", row[0], got, want)
			}
			if want := fmt.Sprintf("%d人，其中欠缴%d人", tot.Members, tot.Owing); !strings.HasPrefix(row[8], want) {
				t.Errorf("小计 of %s 备注 = %q, want %q", row[0], row[8], want)
			}
		default:
			if len(lines) >= len(ledger.Lines) {
				t.Errorf("row %d %q: more lines than the ledger's %d", i+2, row, len(ledger.Lines))
				continue
			}
			l := ledger.Lines[len(lines)]
			lines = append(lines, l)
			want := []string{names[l.BranchID], l.Member.Name, ids[l.Member.ID], l.Rate}
			if !slices.Equal(row[:4], want) || cents(t, row[4]) != l.MonthlyDue ||
				amounts(row) != [3]int64{l.Due, l.Paid, l.Arrears} {
				t.Errorf("row %d = %q, want the ledger's line %q %d %d %d %d", i+2, row, want, l.MonthlyDue, l.Due, l.Paid, l.Arrears)
			}
		}
	}
	if len(lines) != len(ledger.Lines) || len(branchSeen) != len(ledger.Branches) || org != 1 {
		t.Errorf("%d lines, %d branch totals, %d organization totals; want %d, %d, 1",
			len(lines), len(branchSeen), org, len(ledger.Lines), len(ledger.Branches))
	}
	for _, row := range rows {
		if row[1] == "孙八" && row[8] != "自2026年5月起计缴；欠缴1个月" || row[1] == "赵六" && row[8] != "计缴至2026年5月；欠缴2个月" {
			t.Errorf("备注 of %s = %q", row[1], row[8])
		}
	}

	// A past year is summed over the whole year.
	f, _, _ = sumExport(t, fx.s, sheets.Dues, 2025)
	_, rows, note = sumSheet(t, f, "收缴汇总")
	past, err := fx.s.Figures(ctx, 2025, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	last := rows[len(rows)-1]
	if tot := past.DuesLedger().Org; last[0] != "合计" || amounts(last) != [3]int64{tot.Due, tot.Paid, tot.Arrears} ||
		!strings.Contains(note, "2025年（全年）") {
		t.Errorf("2025: last row %q, note %q; want the ledger's %+v", last, note, tot)
	}
}

func TestTrainingSummaryIsTheHours(t *testing.T) {
	fx := sumSeed(t)
	f, _, _ := sumExport(t, fx.s, sheets.Training, 0)
	header, rows, note := sumSheet(t, f, "学时汇总")
	if want := []string{"党支部", "姓名", "公民身份号码", "集中学习学时", "应达学时", "是否达标", "备注"}; !slices.Equal(header, want) {
		t.Fatalf("header = %q, want %q", header, want)
	}
	if !strings.Contains(note, "不含个人自学") {
		t.Errorf("note = %q", note)
	}
	fig, err := fx.s.Figures(context.Background(), 2026, sumNow)
	if err != nil {
		t.Fatal(err)
	}
	hours := fig.TrainingHours()
	if len(rows) != len(hours) {
		t.Fatalf("%d rows, want one per member of TrainingHours (%d)", len(rows), len(hours))
	}
	names := sumBranchNames(fig)
	for i, h := range hours {
		row := rows[i]
		got, err := strconv.ParseFloat(row[3], 64)
		met := map[bool]string{true: "是", false: "否"}[!h.Short()]
		if !h.Checked {
			met = "不考核"
		}
		if err != nil || got != h.Hours || row[4] != strconv.Itoa(h.Required) || row[5] != met ||
			row[0] != names[h.Member.BranchID] || row[1] != h.Member.Name {
			t.Errorf("row %d = %q, want %s %s %v/%d %s", i+2, row, names[h.Member.BranchID], h.Member.Name, h.Hours, h.Required, met)
		}
	}
	// The secretary's 个人自学 does not count; 56 are required of a secretary.
	for _, row := range rows {
		if row[1] == "张三" && (row[3] != "11" || row[4] != "56" || row[5] != "否" || !strings.Contains(row[6], "书记")) {
			t.Errorf("secretary: %q, want 11 of 56 hours, short", row)
		}
	}
}

func TestMeetingsSummaryIsTheGaps(t *testing.T) {
	fx := sumSeed(t)
	f, _, _ := sumExport(t, fx.s, sheets.Meetings, 0)
	header, rows, _ := sumSheet(t, f, "缺项")
	if want := []string{"党支部", "未开展主题党日的月份", "三会一课缺项", "备注"}; !slices.Equal(header, want) {
		t.Fatalf("header = %q, want %q", header, want)
	}
	fig, err := fx.s.Figures(context.Background(), 2026, sumNow)
	if err != nil {
		t.Fatal(err)
	}
	gaps := fig.Meetings()
	if len(rows) != len(gaps) {
		t.Fatalf("%d rows, want one per branch (%d)", len(rows), len(gaps))
	}
	for i, bm := range gaps {
		months := make([]string, len(bm.ThemeDayMissing))
		for j, m := range bm.ThemeDayMissing {
			months[j] = fmt.Sprintf("%d月", m)
		}
		wantMonths, wantThreeOne := strings.Join(months, "、"), strings.Join(bm.ThreeOneMissing, "；")
		if wantMonths == "" {
			wantMonths = "无"
		}
		if wantThreeOne == "" {
			wantThreeOne = "无"
		}
		if row := rows[i]; row[0] != bm.Branch.Name || row[1] != wantMonths || row[2] != wantThreeOne {
			t.Errorf("row %d = %q, want %s / %s / %s", i+2, row, bm.Branch.Name, wantMonths, wantThreeOne)
		}
	}
	if rows[0][0] != "第一党支部" || rows[0][1] != "3月" {
		t.Errorf("第一党支部 held no 主题党日 in March: %q", rows[0])
	}
}

// Every export of the fixture, summary sheets and all, imports back into
// the same database with nothing changed, and exports the same again.
func TestSummarizedExportsReimportUnchanged(t *testing.T) {
	fx := sumSeed(t)
	ctx := context.Background()
	for _, k := range sheets.Kinds {
		f, content, n := sumExport(t, fx.s, k, 0)
		rep, err := sheets.Import(ctx, fx.s, k, bytes.NewReader(content), sheets.Options{})
		if err != nil || rep.Rows != n || rep.Created != 0 || rep.Updated != 0 || len(rep.Problems) != 0 {
			t.Errorf("%s: import of the export = %+v, %v; want %d rows, none changed", k, rep, err, n)
		}
		again, _, _ := sumExport(t, fx.s, k, 0)
		for _, title := range f.GetSheetList() {
			a, _ := f.GetRows(title)
			b, _ := again.GetRows(title)
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s: sheet %s changed after the import:\nbefore %q\nafter  %q", k, title, a, b)
			}
		}
	}
}
