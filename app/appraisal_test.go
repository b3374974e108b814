package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/field"
)

// branchID returns the id of the test store's branch with the name.
func branchID(t *testing.T, u *UI, name string) string {
	t.Helper()
	bs, err := u.store.Branches.List(context.Background(), data.Where("name", name))
	if err != nil || len(bs) != 1 {
		t.Fatalf("branch %s: %v", name, err)
	}
	return bs[0].ID
}

// addMember adds a member to the branch with the name.
func addMember(t *testing.T, u *UI, branch, name, category string, seq int) {
	t.Helper()
	m := &data.Member{BranchID: data.Ref(branchID(t, u, branch)), Name: name, Category: category,
		PersonType: "在职教职工", JoinedDate: data.NewDate(2015, 7, 1),
		IDNumber: field.MakeIDNumber("420106", time.Date(1990, 1, seq, 0, 0, 0, 0, time.UTC), 10+seq, seq%2 == 0)}
	if category == "正式党员" {
		m.ConfirmedAt = data.NewDate(2016, 7, 1)
	} else {
		m.JoinedDate = data.DateOf(time.Now().AddDate(0, -3, 0))
	}
	if err := u.store.Members.Create(context.Background(), m); err != nil {
		t.Fatal(err)
	}
}

func rowIndex[R any](t *testing.T, rows []R, name func(R) string, want string) int {
	t.Helper()
	for i, r := range rows {
		if name(r) == want {
			return i
		}
	}
	t.Fatalf("no row for %s", want)
	return -1
}

func TestAppraisalWarnsWhenExcellentExceedsAThird(t *testing.T) {
	u, q := newTestUI(t)
	addMember(t, u, "教工第一党支部", "赵一", "正式党员", 1)
	addMember(t, u, "教工第一党支部", "钱二", "正式党员", 2)
	addMember(t, u, "教工第一党支部", "孙三", "预备党员", 3)
	showScreen(u, newAppraisalScreen)
	q.settle(u)
	s := u.built["appraisal"].(*appraisalScreen)
	s.pick.selectBranch("教工第一党支部")
	q.settle(u)
	if len(s.rows) != 5 || s.cell(0, 2) != "(未评议)" {
		t.Fatalf("%d rows, first grade %q", len(s.rows), s.cell(0, 2))
	}

	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	ctx := context.Background()
	year := time.Now().Year()
	if n, _ := u.store.Appraisals.Count(ctx, data.Where("year", year)); n != 5 {
		t.Fatalf("新增 created %d appraisals, want one per member of the branch (5): %q", n, s.message.Text)
	}
	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	if n, _ := u.store.Appraisals.Count(ctx); n != 5 || !strings.Contains(s.message.Text, "均已建立") {
		t.Fatalf("新增 again: %d appraisals, %q", n, s.message.Text)
	}

	name := func(r appraisalRow) string { return r.member.Name }
	grade := func(member, g string) {
		t.Helper()
		s.table.Select(widget.TableCellID{Row: rowIndex(t, s.rows, name, member), Col: 0})
		s.dialog.form.inputs["grade"].object.(*widget.Select).SetSelected(g)
		test.Tap(findButtonIn(t, u, "保存"))
		q.settle(u)
		if got := s.rows[rowIndex(t, s.rows, name, member)].appraisal.Grade; got != g {
			t.Fatalf("%s graded %q, want %q (%q)", member, got, g, s.dialog.form.general.Text)
		}
	}
	grade("王建国", "优秀")
	grade("李红梅", "合格")
	grade("赵一", "合格")
	grade("钱二", "合格")
	if s.warning.Visible() {
		t.Fatalf("1 优秀 of 4 graded warns: %q", s.warning.Text)
	}
	grade("李红梅", "优秀")
	if !s.warning.Visible() || !strings.Contains(s.warning.Text, "超过") || !strings.Contains(s.warning.Text, "三分之一") {
		t.Fatalf("2 优秀 of 4 graded: warning %v %q", s.warning.Visible(), s.warning.Text)
	}

	// The threshold is the setting's.
	if err := u.store.SetSetting(ctx, "appraise.excellent_max", "1/2"); err != nil {
		t.Fatal(err)
	}
	s.load()
	q.settle(u)
	if s.warning.Visible() {
		t.Fatalf("2 of 4 with a limit of 1/2 warns: %q", s.warning.Text)
	}

	// A 预备党员 is not graded.
	s.table.Select(widget.TableCellID{Row: rowIndex(t, s.rows, name, "孙三"), Col: 0})
	d := s.dialog
	if _, shown := d.form.inputs["grade"]; shown || d.note.Text != "预备党员不评定等次" {
		t.Fatalf("预备党员 form: grade shown %v, note %q", shown, d.note.Text)
	}
	d.form.inputs["branch_opinion"].object.(*widget.Entry).SetText("积极参加组织生活")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	r := s.rows[rowIndex(t, s.rows, name, "孙三")]
	if r.appraisal.Grade != "" || s.cell(rowIndex(t, s.rows, name, "孙三"), 2) != "不评定等次" ||
		s.cell(rowIndex(t, s.rows, name, "孙三"), 3) != "已填写" {
		t.Fatalf("预备党员 row: %+v", r.appraisal)
	}
}

func TestAppraisalShowsTheFollowUpOfUnsatisfactory(t *testing.T) {
	u, q := newTestUI(t)
	showScreen(u, newAppraisalScreen)
	q.settle(u)
	s := u.built["appraisal"].(*appraisalScreen)
	s.pick.selectBranch("教工第一党支部")
	q.settle(u)
	name := func(r appraisalRow) string { return r.member.Name }
	i := rowIndex(t, s.rows, name, "王建国")
	s.table.Select(widget.TableCellID{Row: i, Col: 0})
	s.dialog.form.inputs["grade"].object.(*widget.Select).SetSelected("不合格")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	i = rowIndex(t, s.rows, name, "王建国")
	if got := s.cell(i, 4); !strings.Contains(got, "须教育处置") {
		t.Fatalf("不合格 without follow-up shows %q", got)
	}
	s.table.Select(widget.TableCellID{Row: i, Col: 0})
	s.dialog.form.inputs["follow_up"].object.(*widget.Entry).SetText("限期改正")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if got := s.cell(rowIndex(t, s.rows, name, "王建国"), 4); got != "限期改正" {
		t.Fatalf("follow-up shows %q", got)
	}
	if n, _ := u.store.Appraisals.Count(context.Background()); n != 1 {
		t.Fatalf("%d appraisals after editing one", n)
	}
}
