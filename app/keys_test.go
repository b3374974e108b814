package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// editDialog is a guarded dialog with one field, dirty once the field
// differs from what it started with.
type editDialog struct {
	d      dialog.Dialog
	entry  *escEntry
	cancel func()
}

func showEditDialog(u *UI) *editDialog {
	e := &editDialog{entry: newEntry()}
	e.entry.SetText("原来的内容")
	e.d = dialog.NewCustomWithoutButtons("编辑", container.NewVBox(e.entry), u.win)
	e.cancel = u.guardDialog(e.d, func() bool { return e.entry.Text != "原来的内容" })
	e.d.Show()
	u.win.Canvas().Focus(e.entry)
	return e
}

// showing tells whether the window shows a dialog whose text has want.
func showing(u *UI, want string) bool {
	for _, o := range u.win.Canvas().Overlays().List() {
		if o.Visible() && strings.Contains(test.RenderObjectToMarkup(o), want) {
			return true
		}
	}
	return false
}

func pressEsc(o fyne.Focusable) { o.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) }

func TestEscInAFieldOfAnEditedDialogAsksFirst(t *testing.T) {
	u := bareUI(t)
	e := showEditDialog(u)
	test.Type(e.entry, "又添了几个字")
	pressEsc(e.entry) // Esc typed in the field
	if !showing(u, "放弃未保存的修改？") || !showing(u, "又添了几个字") {
		t.Fatal("Esc in a field with unsaved edits does not ask, or closed the dialog")
	}
	if buttonIn(u.win.Canvas().Overlays().Top(), "放弃修改") == nil || buttonIn(u.win.Canvas().Overlays().Top(), "继续编辑") == nil {
		t.Fatal("the question does not offer 放弃修改 and 继续编辑")
	}
	// Esc again (nothing focused now): the question goes, the edits stay.
	u.win.Canvas().Unfocus()
	u.escape()
	if showing(u, "放弃未保存的修改？") || !showing(u, "又添了几个字") {
		t.Fatal("Esc on the question does not go back to the edits")
	}
	// 取消 asks too; 放弃修改 closes the dialog.
	e.cancel()
	test.Tap(buttonIn(u.win.Canvas().Overlays().Top(), "继续编辑"))
	if !showing(u, "又添了几个字") {
		t.Fatal("继续编辑 closed the dialog")
	}
	e.cancel()
	test.Tap(buttonIn(u.win.Canvas().Overlays().Top(), "放弃修改"))
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("放弃修改 left %s", test.RenderObjectToMarkup(top))
	}
	if len(u.guards) != 0 {
		t.Fatalf("%d guards left after the dialogs closed", len(u.guards))
	}
}

func TestEscClosesADialogWithoutEditsAtOnce(t *testing.T) {
	u := bareUI(t)
	e := showEditDialog(u)
	pressEsc(e.entry)
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Esc on a dialog without edits left %s", test.RenderObjectToMarkup(top))
	}
	// A plain dialog closes on Esc from the window too.
	dialog.ShowInformation("提示", "已保存", u.win)
	u.escape()
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc does not close an information dialog")
	}
}

func TestEscFromATableReachesTheGuard(t *testing.T) {
	u := bareUI(t)
	f := newTableFixture(t, u, "test.esc")
	e := showEditDialog(u)
	e.entry.SetText("改过")
	u.win.Canvas().Focus(f.t.table) // the focus left the field
	pressEsc(f.t.table)
	if !showing(u, "放弃未保存的修改？") {
		t.Fatal("Esc with the focus out of the field discards the edits silently")
	}
}

func TestDialogsOfFyneAreFoundForTheGuard(t *testing.T) {
	u := bareUI(t)
	for name, d := range map[string]dialog.Dialog{
		"custom":  dialog.NewCustom("标题", "关闭", newEntry(), u.win),
		"confirm": dialog.NewConfirm("标题", "内容", func(bool) {}, u.win),
		"form":    dialog.NewForm("标题", "保存", "取消", nil, func(bool) {}, u.win),
	} {
		g := &guard{d: d, popup: popupOf(d)} // found before the dialog shows, as guardDialog is called
		d.Show()
		u.guards = []*guard{g}
		if u.guardOn(u.win.Canvas().Overlays().Top()) != g {
			t.Errorf("the %s dialog's overlay is not found", name)
		}
		d.Hide()
	}
}

func TestWindowShortcutsWorkFromAField(t *testing.T) {
	u := bareUI(t)
	found := 0
	find := &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	u.win.Canvas().AddShortcut(find, func(fyne.Shortcut) { found++ })
	e := newEntry()
	u.win.SetContent(e)
	u.win.Canvas().Focus(e)
	e.TypedShortcut(find)
	test.Type(e, "王")
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedShortcut(&fyne.ShortcutCut{Clipboard: u.app.Clipboard()})
	if found != 1 || e.Text != "" || u.app.Clipboard().Content() != "王" {
		t.Fatalf("Ctrl+F reached the window %d times; the field's own shortcuts left %q, clipboard %q", found, e.Text, u.app.Clipboard().Content())
	}
}

func TestAPassphraseFieldPassesEscAndHidesWhatIsTyped(t *testing.T) {
	u := bareUI(t)
	e := newPasswordEntry()
	d := dialog.NewCustomWithoutButtons("口令", e, u.win)
	u.guardDialog(d, nil)
	d.Show()
	u.win.Canvas().Focus(e)
	test.Type(e, "口令123")
	if !e.Password || strings.Contains(test.RenderObjectToMarkup(e), "口令123") {
		t.Fatal("a passphrase shows in clear")
	}
	test.Tap(e.ActionItem.(fyne.Tappable))
	if e.Password {
		t.Fatal("the eye does not show the passphrase")
	}
	pressEsc(e)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc in the passphrase field does not close its dialog")
	}
}

func TestEscFromADropDownOrACheckBoxReachesTheGuard(t *testing.T) {
	u := bareUI(t)
	branch := newEscSelect([]string{"教工第一党支部", "学生第一党支部"}, nil)
	leader := newEscCheck("党员领导干部", nil)
	d := dialog.NewCustomWithoutButtons("编辑", container.NewVBox(branch, leader), u.win)
	u.guardDialog(d, func() bool { return branch.Selected != "" || leader.Checked })
	d.Show()
	test.Tap(leader) // the check box takes the focus
	if u.win.Canvas().Focused() != leader {
		t.Fatal("the check box did not take the focus")
	}
	pressEsc(leader)
	if !showing(u, "放弃未保存的修改？") {
		t.Fatal("Esc on a focused check box discards the edit silently")
	}
	u.win.Canvas().Unfocus()
	u.escape() // 继续编辑
	leader.SetChecked(false)
	branch.SetSelected("学生第一党支部")
	u.win.Canvas().Focus(branch)
	pressEsc(branch)
	if !showing(u, "放弃未保存的修改？") {
		t.Fatal("Esc on a focused drop-down discards the choice silently")
	}
	branch.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // other keys still reach it
}
