package documents

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// scenarioNow is the scenario's today: in the middle of September, so
// that September is under way and August is over.
var scenarioNow = time.Date(2026, 9, 15, 9, 0, 0, 0, time.UTC)

// scenario is a small organization whose records start in January 2026,
// with the members whose dues, hours and meetings are counted from or up
// to a month within the year.
type scenario struct {
	s      *data.Store
	now    *time.Time // the store's clock; tests may move it
	a, b   *data.Branch
	member map[string]*data.Member // by name
}

// The scenario's members.
const (
	scSteady     = "王建国" // 第一党支部, all year, August unpaid
	scArrived    = "李明华" // 第二党支部, transferred in on 20 May, 党费交至 May
	scLeft       = "张卫东" // 第一党支部, transferred out on 10 April
	scAdmitted   = "赵小雨" // 第二党支部, a student admitted on 5 March
	scExempt     = "孙德胜" // 第一党支部, exempted from dues
	scAlwaysPaid = "周立新" // 第二党支部, paid every month including September
	scBranchA    = "第一党支部"
	scBranchB    = "第二党支部" // founded on 10 February
)

// newScenario builds the scenario's database.
func newScenario(t *testing.T) *scenario {
	t.Helper()
	ctx := context.Background()
	now := scenarioNow
	sc := &scenario{now: &now, member: map[string]*data.Member{}}
	s, err := data.Create(ctx, filepath.Join(t.TempDir(), "sc.db"), "计算机科学与技术学院党委", "SC",
		data.WithClock(func() time.Time { return *sc.now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	sc.s = s
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SetSetting(ctx, rules.RecordsSinceKey, "2026-01"))
	sc.a = &data.Branch{Name: scBranchA, Type: string(vocab.BranchStaff)}
	sc.b = &data.Branch{Name: scBranchB, Type: string(vocab.BranchStaff), Founded: data.NewDate(2026, 2, 10)}
	must(s.Branches.Create(ctx, sc.a))
	must(s.Branches.Create(ctx, sc.b))

	add := func(name string, b *data.Branch, seq int, f func(m *data.Member)) {
		birth := time.Date(1985, 1, seq, 0, 0, 0, 0, time.UTC)
		m := &data.Member{BranchID: data.Ref(b.ID), Name: name, Gender: string(vocab.Male), PersonType: string(vocab.PersonStaff),
			IDNumber: field.MakeIDNumber("110101", birth, seq, true), JoinedDate: data.NewDate(2010, 7, 1),
			ConfirmedAt: data.NewDate(2011, 7, 1), Category: string(vocab.CategoryFull), DuesBase: 5000_00}
		if f != nil {
			f(m)
		}
		must(s.Members.Create(ctx, m))
		sc.member[name] = m
	}
	add(scSteady, sc.a, 1, nil)
	add(scArrived, sc.b, 2, func(m *data.Member) { m.DuesBase = 8000_00 })
	add(scLeft, sc.a, 3, func(m *data.Member) { m.DuesBase = 4000_00 })
	add(scAdmitted, sc.b, 4, func(m *data.Member) {
		m.PersonType, m.DuesBase = string(vocab.PersonStudent), 0
		m.JoinedDate, m.ConfirmedAt, m.Category = data.NewDate(2026, 3, 5), data.Date{}, string(vocab.CategoryProbation)
		m.BirthDate = data.NewDate(2005, 1, 4)
		m.IDNumber = field.MakeIDNumber("110101", m.BirthDate.Time, 4, true)
	})
	add(scExempt, sc.a, 5, func(m *data.Member) { m.DuesBase, m.DuesExemptBy = 3000_00, "支部委员会" })
	add(scAlwaysPaid, sc.b, 6, func(m *data.Member) { m.DuesBase = 6000_00 })

	pay := func(name string, months ...int) {
		t.Helper()
		m := sc.member[name]
		for _, mo := range months {
			month := fmt.Sprintf("2026-%02d", mo)
			due, _ := data.DueFor(m)
			date := data.NewDate(2026, time.Month(mo), 10)
			if due == 0 {
				date = data.Date{}
			}
			must(s.PayDues(ctx, m.ID, month, due, date))
		}
	}
	pay(scSteady, 1, 2, 3, 4, 5, 6, 7)
	pay(scArrived, 6, 7)
	pay(scLeft, 1, 2, 3)
	pay(scAdmitted, 3, 4, 5, 6, 7)
	pay(scExempt, 1, 2)
	pay(scAlwaysPaid, 1, 2, 3, 4, 5, 6, 7, 8, 9)

	must(s.Transfers.Create(ctx, &data.Transfer{MemberID: data.Ref(sc.member[scArrived].ID), Direction: string(vocab.TransferIn),
		OtherOrg: "外校党委", LetterNo: "转入001", IssuedDate: data.NewDate(2026, 5, 20), ValidDays: 90,
		ReceiptDate: data.NewDate(2026, 5, 25), DuesPaidUntil: "2026-05"}))
	// 张卫东 leaves on 10 April: the letter out, and his status changed that day.
	left := sc.member[scLeft]
	must(s.Transfers.Create(ctx, &data.Transfer{MemberID: data.Ref(left.ID), Direction: string(vocab.TransferOut),
		OtherOrg: "外校党委", LetterNo: "转出001", IssuedDate: data.NewDate(2026, 4, 10), ValidDays: 90,
		ReceiptDate: data.NewDate(2026, 4, 20)}))
	*sc.now = time.Date(2026, 4, 10, 9, 0, 0, 0, time.UTC)
	left.Status = string(vocab.StatusTransferred)
	must(s.Members.Update(ctx, left))
	*sc.now = scenarioNow

	train := func(date data.Date, form vocab.TrainingForm, hours float64, names ...string) {
		tr := &data.Training{Date: date, Hours: hours, Form: string(form), Topic: string(form) + date.Format("0102"), Organizer: "二级党校"}
		must(s.Trainings.Create(ctx, tr))
		for _, n := range names {
			must(s.TrainingAttendees.Create(ctx, &data.TrainingAttendee{TrainingID: data.Ref(tr.ID),
				MemberID: data.Ref(sc.member[n].ID)}))
		}
	}
	train(data.NewDate(2026, 3, 10), vocab.FormCourse, 8, scSteady, scLeft, scAlwaysPaid, scExempt)
	train(data.NewDate(2026, 6, 15), vocab.FormGroupStudy, 4, scArrived, scAdmitted, scAlwaysPaid)
	train(data.NewDate(2026, 7, 1), vocab.FormSelfStudy, 3, scSteady)
	train(data.NewDate(2026, 8, 20), vocab.FormOnline, 24, scAlwaysPaid)

	meet := func(b *data.Branch, kind vocab.MeetingKind, dates ...data.Date) {
		for _, d := range dates {
			must(s.Meetings.Create(ctx, &data.Meeting{BranchID: data.Ref(b.ID), Kind: string(kind), Date: d, Topic: string(kind),
				Host: scSteady}))
		}
	}
	monthly := func(day int, months ...int) []data.Date {
		var out []data.Date
		for _, mo := range months {
			out = append(out, data.NewDate(2026, time.Month(mo), day))
		}
		return out
	}
	// 第一党支部: no 主题党日 in August, no 支委会 in March, no 党课 in the
	// second quarter.
	meet(sc.a, vocab.MeetingThemeDay, monthly(12, 1, 2, 3, 4, 5, 6, 7)...)
	meet(sc.a, vocab.MeetingCommittee, monthly(5, 1, 2, 4, 5, 6, 7, 8)...)
	meet(sc.a, vocab.MeetingGeneral, monthly(20, 3, 6)...)
	meet(sc.a, vocab.MeetingLecture, monthly(21, 2, 8)...)
	// 第二党支部, founded in February: March onwards, a 主题党日 in
	// September already, no 支委会 in June or July, no 支部党员大会 at all.
	meet(sc.b, vocab.MeetingThemeDay, monthly(12, 3, 4, 5, 6, 7, 8, 9)...)
	meet(sc.b, vocab.MeetingCommittee, monthly(5, 3, 4, 5, 8)...)
	meet(sc.b, vocab.MeetingLecture, monthly(21, 3, 5)...)
	return sc
}

// figures is the calculator's figures of 2026 as of the scenario's today.
func (sc *scenario) figures(t *testing.T) *rules.Figures {
	t.Helper()
	fig, err := sc.s.Figures(context.Background(), 2026, *sc.now)
	if err != nil {
		t.Fatal(err)
	}
	return fig
}

// render writes document k of the scenario as of its today.
func (sc *scenario) render(t *testing.T, k Kind, o Options) built {
	t.Helper()
	o.Now = *sc.now
	return build(t, sc.s, k, o)
}
