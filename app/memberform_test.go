package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	"dangjian/data/field"
)

// openNewMember opens the member form for a new member.
func openNewMember(t *testing.T) (*UI, *uiQueue, *memberDialog) {
	t.Helper()
	u, q := newTestUI(t)
	u.open(1)
	q.settle(u)
	u.members.openMember("")
	q.settle(u)
	if u.members.dialog == nil {
		t.Fatal("no member form opened")
	}
	return u, q, u.members.dialog
}

func TestMemberFormFillsBirthAndGenderFromTheIDNumber(t *testing.T) {
	_, _, d := openNewMember(t)
	f := d.form
	birth := f.inputs["birth_date"].object.(*widget.Entry)
	gender := f.inputs["gender"].object.(*widget.Select)
	id := f.inputs["id_number"].object.(*widget.Entry)
	test.Type(id, field.MakeIDNumber("330106", time.Date(1990, 2, 3, 0, 0, 0, 0, time.UTC), 8, false))
	if birth.Text != "1990-02-03" || gender.Selected != "女" || !birth.Disabled() || !gender.Disabled() {
		t.Fatalf("from the number: 出生日期 %q, 性别 %q (disabled %v %v)", birth.Text, gender.Selected,
			birth.Disabled(), gender.Disabled())
	}
	id.SetText(field.MakeIDNumber("330106", time.Date(1988, 12, 30, 0, 0, 0, 0, time.UTC), 9, true))
	if birth.Text != "1988-12-30" || gender.Selected != "男" {
		t.Fatalf("another number: 出生日期 %q, 性别 %q", birth.Text, gender.Selected)
	}
	id.SetText("3301")
	if birth.Disabled() || gender.Disabled() {
		t.Fatal("with an incomplete number 出生日期 and 性别 stay read-only")
	}
}

func TestMemberFormMarksRequiredFieldsAndSummarizesErrors(t *testing.T) {
	u, q, d := openNewMember(t)
	f := d.form
	for col, want := range map[string]bool{"name": true, "branch_id": true, "id_number": true, "joined_date": true,
		"category": true, "phone": false, "note": false, "group_id": false, "confirmed_date": false} {
		if f.isRequired(col) != want {
			t.Errorf("%s marked required: %v, want %v", col, !want, want)
		}
	}
	f.inputs["confirmed_date"].object.(*widget.Entry).SetText("2016-07-01")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	summary := f.problems()
	for _, want := range []string{"「姓名」不能为空", "「所在支部」不能为空", "「公民身份号码」不能为空", "「入党日期」不能为空"} {
		if !strings.Contains(summary, want) {
			t.Errorf("the summary %q lacks %s", summary, want)
		}
	}
	if !f.errors["joined_date"].Visible() || !f.errors["name"].Visible() {
		t.Fatal("the messages under the fields are missing")
	}

	// A problem far down the form scrolls it there.
	f.inputs["name"].object.(*widget.Entry).SetText("孙丽")
	f.inputs["branch_id"].object.(*widget.Select).SetSelected("教工第一党支部")
	f.inputs["id_number"].object.(*widget.Entry).SetText(field.MakeIDNumber("330106", time.Date(1990, 2, 3, 0, 0, 0, 0, time.UTC), 8, false))
	f.inputs["confirmed_date"].object.(*widget.Entry).SetText("")
	f.inputs["dues_base"].object.(*widget.Entry).SetText("很多")
	f.scroll.ScrollToTop()
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if s := f.problems(); !strings.HasPrefix(s, "有1处需要修改") || !strings.Contains(s, "党费基数") {
		t.Fatalf("summary %q", s)
	}
	if f.scroll.Offset.Y <= 0 {
		t.Fatal("the form did not scroll to 党费基数")
	}
	f.inputs["dues_base"].object.(*widget.Entry).SetText("")
	f.inputs["joined_date"].object.(*widget.Entry).SetText("2015-07-01")
	test.Tap(findButtonIn(t, u, "保存"))
	q.settle(u)
	if f.problems() != "" || u.noticeText() != "已新增党员孙丽" {
		t.Fatalf("after saving: summary %q, notice %q", f.problems(), u.noticeText())
	}
}

func TestMemberFormEscAsksOnlyWithEdits(t *testing.T) {
	u, q, d := openNewMember(t)
	name := d.form.inputs["name"].view.(*escEntry)
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the form without edits")
	}
	u.members.openMember("")
	q.settle(u)
	d = u.members.dialog
	name = d.form.inputs["name"].view.(*escEntry)
	test.Type(name, "孙")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if n := len(u.win.Canvas().Overlays().List()); n != 2 {
		t.Fatalf("Esc with an edit: %d overlays, want the form and the question", n)
	}
	test.Tap(findButtonAmong(t, topOverlay(u), "继续编辑"))
	if n := len(u.win.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("继续编辑 left %d overlays", n)
	}
}

func TestMemberFormSavesOnceWhenSaveIsPressedAgain(t *testing.T) {
	u, q, d := openNewMember(t)
	f := d.form
	f.inputs["name"].object.(*widget.Entry).SetText("孙丽")
	f.inputs["branch_id"].object.(*widget.Select).SetSelected("教工第一党支部")
	f.inputs["id_number"].object.(*widget.Entry).SetText(field.MakeIDNumber("330106", time.Date(1990, 2, 3, 0, 0, 0, 0, time.UTC), 8, false))
	f.inputs["joined_date"].object.(*widget.Entry).SetText("2015-07-01")
	save := findButtonIn(t, u, "保存")
	test.Tap(save)
	if !save.Disabled() {
		t.Fatal("保存 stays enabled while the save runs")
	}
	test.Tap(save) // tapped again before the store answers
	f.submit()     // and Enter in a field
	q.settle(u)
	if n, _ := u.store.Members.Count(context.Background(), data.Where(data.ColName, "孙丽")); n != 1 {
		t.Fatalf("保存 pressed three times stored 孙丽 %d times, want once (%q)", n, f.problems())
	}
}

func TestMemberFormEscFromACheckBoxOrADropDown(t *testing.T) {
	u, q, d := openNewMember(t)
	u.win.Canvas().Focus(d.form.inputs["branch_id"].view.(fyne.Focusable))
	pressEscOnFocused(t, u)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc on the focused 所在支部 did not close the form without edits")
	}
	u.members.openMember("")
	q.settle(u)
	d = u.members.dialog
	leader := d.form.inputs["is_leader"].view.(fyne.Tappable)
	test.Tap(leader) // ticked, and the check box takes the focus
	if !d.form.inputs["is_leader"].object.(*widget.Check).Checked {
		t.Fatal("the tap did not tick 党员领导干部")
	}
	u.win.Canvas().Focus(d.form.inputs["is_leader"].view.(fyne.Focusable))
	pressEscOnFocused(t, u)
	if !showing(u, "放弃未保存的修改？") {
		t.Fatal("Esc on the focused check box with a change did not ask")
	}
}
