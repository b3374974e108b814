package app

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/field"
)

// addTestMember adds a member on the rolls of the branch with the name.
func addTestMember(t *testing.T, u *UI, name, staffNo, branch string, seq int) string {
	t.Helper()
	ctx := context.Background()
	bs, err := u.store.Branches.List(ctx, data.Where(data.ColName, branch))
	if err != nil || len(bs) != 1 {
		t.Fatalf("branch %s: %v", branch, err)
	}
	m := &data.Member{BranchID: data.Ref(bs[0].ID), Name: name, StaffNo: staffNo, Category: "正式党员",
		PersonType: "在职教职工", JoinedDate: data.NewDate(2010, 7, 1),
		IDNumber: field.MakeIDNumber("420106", time.Date(1985, 5, 6, 0, 0, 0, 0, time.UTC), 20+seq, true)}
	if err := u.store.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	return m.ID
}

func TestMemberIndexFindsByNameInitialsPinyinAndNumber(t *testing.T) {
	u, _ := newTestUI(t)
	addTestMember(t, u, "张三", "S2002", "学生第一党支部", 1)
	addTestMember(t, u, "单东阳", "T1003", "教工第一党支部", 2)
	x, err := buildMemberIndex(context.Background(), u.store)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		query string
		want  []string // the names found, best first
	}{
		{"zs", []string{"张三"}},
		{"ZS", []string{"张三"}},
		{"zhangsan", []string{"张三"}},
		{"z", []string{"张三", "张伟"}},
		{"张", []string{"张三", "张伟"}},
		{"lhm", []string{"李红梅"}},
		{"红梅", []string{"李红梅"}},
		{"t1001", []string{"王建国"}},
		{"1002", []string{"李红梅"}},
		{"sdy", []string{"单东阳"}},
		{"shan", []string{"单东阳"}},
		{"wjg", []string{"王建国"}},
		{"xyz", nil},
	} {
		var got []string
		for _, i := range x.search(c.query, memberFilter{}, pickerLimit) {
			got = append(got, x.members[i].name)
		}
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%q finds %v, want %v", c.query, got, c.want)
		}
	}
	jiao := x.branches[0].ID
	if x.branches[0].Label != "教工第一党支部" {
		jiao = x.branches[1].ID
	}
	if got := x.search("z", memberFilter{branchID: jiao}, 0); len(got) != 0 {
		t.Errorf("z within 教工第一党支部 finds %d members, want none", len(got))
	}
	e, _ := x.get(x.members[x.search("zs", memberFilter{}, 1)[0]].id)
	if e.label() != "张三 · S2002 · 学生第一党支部" {
		t.Errorf("a match shows as %q", e.label())
	}
}

func TestMemberPickerChoosesWithKeysAndClears(t *testing.T) {
	u, q := newTestUI(t)
	zhang := addTestMember(t, u, "张三", "S2002", "学生第一党支部", 1)
	p := newMemberPicker(u)
	q.settle(u)
	changed := 0
	p.OnChanged = func(string) { changed++ }
	test.Type(p.entry, "z")
	if got := p.matches(); len(got) != 2 || !p.results.Visible() {
		t.Fatalf("z lists %q", got)
	}
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.id() == "" || p.id() == zhang || p.entry.Text != "张伟 · S2001 · 学生第一党支部" || p.results.Visible() {
		t.Fatalf("Down, Up, Down, Enter chose %q, shown %q", p.id(), p.entry.Text)
	}
	test.Type(p.entry, "x")
	if p.id() != "" {
		t.Fatal("typing over the member chosen keeps the choice")
	}
	p.setID(zhang)
	if p.entry.Text != "张三 · S2002 · 学生第一党支部" || p.id() != zhang {
		t.Fatalf("setID shows %q", p.entry.Text)
	}
	p.clear()
	if p.id() != "" || p.entry.Text != "" {
		t.Fatalf("cleared picker holds %q, shows %q", p.id(), p.entry.Text)
	}
	if changed != 3 {
		t.Fatalf("OnChanged ran %d times, want 3 (chosen, dropped, cleared)", changed)
	}
}

func TestTalkRecordPicksTheMemberByInitials(t *testing.T) {
	u, q := newTestUI(t)
	zhang := addTestMember(t, u, "张三", "S2002", "学生第一党支部", 1)
	openScreen(t, u, "谈心谈话")
	q.settle(u)
	s := u.recordScreen.(*recordScreen[data.Talk, *data.Talk])
	test.Tap(findButton(t, u, "新增"))
	q.settle(u)
	p, ok := s.form.inputs["member_id"].object.(*memberPicker)
	if !ok {
		t.Fatalf("the 党员 field is a %T, not a picker", s.form.inputs["member_id"].object)
	}
	test.Type(p.entry, "zs")
	if got := p.matches(); len(got) != 1 || !strings.HasPrefix(got[0], "张三") {
		t.Fatalf("zs lists %q", got)
	}
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.id() != zhang {
		t.Fatalf("Enter chose %q", p.id())
	}
	s.form.inputs["date"].object.(*widget.Entry).SetText("2026-03-01")
	s.form.inputs["talker"].object.(*widget.Entry).SetText("支部书记")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	talks, err := u.store.Talks.List(context.Background())
	if err != nil || len(talks) != 1 || string(talks[0].MemberID) != zhang {
		t.Fatalf("stored %+v (%v; %q)", talks, err, s.form.general.Text)
	}
}

func TestRecordFormIsDirtyOnlyWhenChanged(t *testing.T) {
	u, q := newTestUI(t)
	zhang := addTestMember(t, u, "张三", "S2002", "学生第一党支部", 1)
	rec := &data.Talk{MemberID: data.Ref(zhang), Talker: "支部书记"}
	f := newRecordForm(rec, formSpec{u: u})
	q.settle(u)
	if f.dirty() {
		t.Fatal("a form just opened is dirty")
	}
	if got := f.inputs["date"].object.(*widget.Entry).Text; got != data.DateOf(u.store.Now()).String() {
		t.Fatalf("a new talk is dated %q, want today", got)
	}
	if !f.isRequired("member_id") || !f.isRequired("date") || f.isRequired("content") {
		t.Fatalf("required marks: %v", f.form.Items)
	}
	talker := f.inputs["talker"].object.(*widget.Entry)
	talker.SetText("组织委员")
	if !f.dirty() {
		t.Fatal("a changed text is not dirty")
	}
	talker.SetText("支部书记")
	if f.dirty() {
		t.Fatal("a text changed back is dirty")
	}
	f.inputs["member_id"].object.(*memberPicker).clear()
	if !f.dirty() {
		t.Fatal("a member cleared is not dirty")
	}
}

func TestPickersFollowMemberChanges(t *testing.T) {
	u, q := newTestUI(t)
	p := newMemberPicker(u)
	test.Type(p.entry, "zw") // typed before the members are read
	q.settle(u)
	if got := p.matches(); len(got) != 1 || !strings.HasPrefix(got[0], "张伟") {
		t.Fatalf("zw typed before the members were read finds %q", got)
	}
	p.clear()
	test.Type(p.entry, "zs")
	if len(p.matches()) != 0 {
		t.Fatalf("zs finds %q before 张三 is added", p.matches())
	}
	zhang := addTestMember(t, u, "张三", "S2002", "学生第一党支部", 1)
	p = newMemberPicker(u)
	q.settle(u)
	test.Type(p.entry, "zs")
	if got := p.matches(); len(got) != 1 || !strings.HasPrefix(got[0], "张三") {
		t.Fatalf("zs after 张三 was added finds %q", got)
	}
	m, _ := u.store.Members.Get(context.Background(), zhang)
	m.Name = "章三"
	if err := u.store.Members.Update(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	a := newAttendeePicker(u)
	q.settle(u)
	a.search("zs")
	if len(a.hits) != 1 || a.index.members[a.hits[0]].name != "章三" {
		t.Fatalf("after renaming, the attendee picker finds %d", len(a.hits))
	}
}

// A picker opened while the directory is still checking an older state of
// the members (the check read them before a member was added) finds that
// member once the check after it has run.
func TestPickerOpenedDuringCheckGetsTheRebuiltIndex(t *testing.T) {
	u, q := newTestUI(t)
	d := u.memberDirectory()
	first := newMemberPicker(u) // before any index: waits for the first
	q.settle(u)
	d.check()     // reads the members as they are now
	u.jobs.Wait() // its result waits on the UI queue
	id := addTestMember(t, u, "新成员", "N0001", "学生第一党支部", 7)
	p := newMemberPicker(u) // opened while that check is under way
	q.settle(u)
	if _, ok := d.current().get(id); !ok {
		t.Fatal("the directory never rebuilt its index after the member was added")
	}
	test.Type(p.entry, "xcy")
	if got := p.matches(); len(got) != 1 || !strings.HasPrefix(got[0], "新成员") {
		t.Errorf("the picker opened during the check finds %q for xcy, want 新成员", got)
	}
	test.Type(first.entry, "zw")
	if got := first.matches(); len(got) != 1 || !strings.HasPrefix(got[0], "张伟") {
		t.Errorf("the picker opened before the first index finds %q for zw", got)
	}
}

// A picker opened when reading the members fails is not left without
// members: the next check (another picker opened) hands it the index.
func TestPickerOpenedWhenReadingFailsGetsTheNextIndex(t *testing.T) {
	u, q := newTestUI(t)
	d := u.memberDirectory()
	d.stampOf = func(context.Context, *data.Store) (string, error) { return "", errors.New("磁盘暂时无法读取") }
	first := newMemberPicker(u)
	q.settle(u)
	if d.current() != nil {
		t.Fatal("an index was built although reading failed")
	}
	d.stampOf = memberStamp
	second := newMemberPicker(u)
	q.settle(u)
	for name, p := range map[string]*memberPicker{"first": first, "second": second} {
		test.Type(p.entry, "zw")
		if got := p.matches(); len(got) != 1 || !strings.HasPrefix(got[0], "张伟") {
			t.Errorf("the %s picker finds %q for zw", name, got)
		}
	}
}
