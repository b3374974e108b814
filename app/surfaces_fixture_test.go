package app

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/vocab"
)

// surfacesNow is the fixed clock of the cross-surface organization: the
// middle of September, so that January to August are over and September
// is under way.
var surfacesNow = time.Date(2026, 9, 15, 10, 0, 0, 0, time.UTC)

// surfacesYear is the year the surfaces show.
const surfacesYear = 2026

// The branches of the cross-surface organization.
const (
	staffBranch   = "教工第一党支部"
	studentBranch = "学生第一党支部"
)

// surfacesStore builds, through the store, an organization whose figures
// differ wherever a surface would count on its own: a member transferred
// in mid-year whose letter says 党费交至 April, one transferred out in
// May, one admitted in March, one exempt from dues, unpaid and not yet
// paid months, the current month recorded for some, training hours short
// and met (个人自学 not counted, a 书记 against 56), and months without a
// 主题党日. The dues and training records start in January, the meeting
// records in February (the first of each kind); the clock is in
// mid-September.
func surfacesStore(t *testing.T) *data.Store {
	t.Helper()
	ctx := context.Background()
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "surfaces.db"), "测试学院党委", "S",
		data.WithClock(func() time.Time { return surfacesNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	branches := map[string]string{}
	for name, typ := range map[string]vocab.BranchType{staffBranch: vocab.BranchStaff, studentBranch: vocab.BranchStudent} {
		b := &data.Branch{Name: name, Type: string(typ)}
		must(s.Branches.Create(ctx, b))
		branches[name] = b.ID
	}
	type person struct {
		name, branch string
		typ          vocab.PersonType
		base         int64 // 元
		joined       data.Date
		category     vocab.Category
		status       vocab.Status
		post, exempt string
	}
	day := data.NewDate
	people := []person{
		{"王建国", staffBranch, vocab.PersonStaff, 5000, day(2005, 7, 1), vocab.CategoryFull, vocab.StatusNormal, "书记", ""},
		{"李红梅", staffBranch, vocab.PersonStaff, 3000, day(2008, 7, 1), vocab.CategoryFull, vocab.StatusNormal, "", ""},
		{"陈转入", staffBranch, vocab.PersonStaff, 8000, day(2010, 7, 1), vocab.CategoryFull, vocab.StatusNormal, "", ""},
		{"刘转出", staffBranch, vocab.PersonStaff, 4000, day(2011, 7, 1), vocab.CategoryFull, vocab.StatusTransferred, "", ""},
		{"张新", studentBranch, vocab.PersonStudent, 0, day(2026, 3, 12), vocab.CategoryProbation, vocab.StatusNormal, "", ""},
		{"赵免", studentBranch, vocab.PersonStudent, 0, day(2020, 6, 1), vocab.CategoryFull, vocab.StatusNormal, "", "支部委员会"},
		{"孙学", studentBranch, vocab.PersonStudent, 0, day(2021, 6, 1), vocab.CategoryFull, vocab.StatusNormal, "", ""},
	}
	ids := map[string]string{}
	for i, p := range people {
		m := &data.Member{BranchID: data.Ref(branches[p.branch]), Name: p.name, PersonType: string(p.typ),
			IDNumber:   field.MakeIDNumber("420106", time.Date(1980+i, 3, 4, 0, 0, 0, 0, time.UTC), i, i%2 == 0),
			JoinedDate: p.joined, Category: string(p.category), Status: string(p.status), PartyPost: p.post,
			DuesBase: data.Yuan(p.base), DuesExemptBy: p.exempt}
		if p.category == vocab.CategoryFull {
			m.ConfirmedAt = day(p.joined.Year()+1, p.joined.Month(), p.joined.Day())
		}
		must(s.Members.Create(ctx, m))
		ids[p.name] = m.ID
	}
	must(s.Transfers.Create(ctx, &data.Transfer{MemberID: data.Ref(ids["陈转入"]), Direction: string(vocab.TransferIn),
		OtherOrg: "外国语学院党委", LetterNo: "转字〔2026〕第011号", IssuedDate: day(2026, 4, 10), ValidDays: 90,
		ReceiptDate: day(2026, 4, 20), DuesPaidUntil: "2026年4月"}))
	must(s.Transfers.Create(ctx, &data.Transfer{MemberID: data.Ref(ids["刘转出"]), Direction: string(vocab.TransferOut),
		OtherOrg: "机械学院党委", LetterNo: "转字〔2026〕第005号", IssuedDate: day(2026, 5, 20), ValidDays: 90,
		ReceiptDate: day(2026, 6, 1)}))

	pay := func(name string, from, to int, yuan string) {
		t.Helper()
		cents, err := field.ParseMoney(yuan)
		must(err)
		for mo := from; mo <= to; mo++ {
			paidOn := data.Date{}
			if cents > 0 {
				paidOn = day(surfacesYear, time.Month(mo), 10)
			}
			must(s.PayDues(ctx, ids[name], fmt.Sprintf("%d-%02d", surfacesYear, mo), data.Money(cents), paidOn))
		}
	}
	pay("王建国", 1, 9, "50")
	pay("李红梅", 1, 5, "15")
	pay("李红梅", 6, 6, "0") // recorded, unpaid
	pay("李红梅", 9, 9, "0") // recorded, the month under way
	pay("陈转入", 5, 6, "120")
	pay("刘转出", 1, 3, "40")
	pay("张新", 3, 7, "0.2")
	pay("赵免", 1, 1, "0") // 免交
	pay("孙学", 1, 8, "0.2")

	train := func(date data.Date, form vocab.TrainingForm, hours float64, topic string, names ...string) {
		t.Helper()
		var who []string
		for _, n := range names {
			who = append(who, ids[n])
		}
		must(s.RecordTraining(ctx, &data.Training{Date: date, Form: string(form), Hours: hours, Topic: topic,
			Organizer: "二级党校"}, who))
	}
	train(day(2026, 1, 20), vocab.FormCourse, 8, "学习党章", "王建国", "李红梅", "赵免", "孙学", "刘转出")
	train(day(2026, 4, 1), vocab.FormGroupStudy, 8, "学习党的创新理论", "张新")
	train(day(2026, 5, 8), vocab.FormSeminar, 16, "专题研讨", "王建国", "李红梅", "陈转入", "赵免")
	train(day(2026, 6, 10), vocab.FormSelfStudy, 20, "自学党史", "孙学")
	train(day(2026, 7, 2), vocab.FormOnline, 10, "网络培训", "李红梅", "陈转入", "赵免")

	// No meeting in January: the meeting records start in February.
	themeDays := map[string][]int{staffBranch: {2, 4, 5, 7, 8}, studentBranch: {3, 4, 5, 6, 7, 8, 9}}
	for name, months := range themeDays {
		for _, mo := range months {
			must(s.Meetings.Create(ctx, &data.Meeting{BranchID: data.Ref(branches[name]),
				Kind: string(vocab.MeetingThemeDay), Date: day(surfacesYear, time.Month(mo), 5), Topic: "主题党日"}))
		}
	}
	return s
}
