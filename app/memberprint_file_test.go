package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"dangjian/data"
	"dangjian/reports/documents"
)

// TestPrintAMembersFileAndStudyFile: 打印党员档案 opens 「打印…」 with the
// 党员档案 chosen and no year to choose, and prints the member's file; the
// 学习管理档案 chosen asks the year again and prints the member's trainings.
func TestPrintAMembersFileAndStudyFile(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	m := memberNamed(t, u, "王建国")
	if err := u.store.Rewards.Create(ctx, &data.Reward{MemberID: data.Ref(m.ID), Title: "优秀党务工作者", Level: "院级",
		Date: data.NewDate(2020, 7, 1)}); err != nil {
		t.Fatal(err)
	}
	u.printMemberFile(m.ID, m.Name)
	p := u.built["memberPrint"].(*memberPrint)
	if p.form.Selected != documents.Title(documents.MemberFile) || !p.year.Disabled() ||
		!strings.HasSuffix(p.output.entry.Text, string(filepath.Separator)+"党员档案-王建国.pdf") {
		t.Fatalf("proposed %q for %q (year disabled: %v)", p.output.entry.Text, p.form.Selected, p.year.Disabled())
	}
	out := filepath.Join(t.TempDir(), "档案.pdf")
	p.output.entry.SetText(out)
	test.Tap(findButtonIn(t, u, "生成"))
	q.settle(u)
	text := pdfToText(t, out)
	if !strings.Contains(text, "党员档案") || !strings.Contains(text, "优秀党务工作者") {
		t.Errorf("the 党员档案 printed reads:\n%s", text)
	}
	if !strings.Contains(u.noticeText(), "已生成王建国的党员档案") {
		t.Errorf("notice %q", u.noticeText())
	}

	u.printMemberFile(m.ID, m.Name)
	p = u.built["memberPrint"].(*memberPrint)
	p.form.SetSelected(documents.Title(documents.StudyFile))
	if p.year.Disabled() || !strings.HasSuffix(p.output.entry.Text, "年党员学习管理档案-王建国.pdf") {
		t.Fatalf("学习管理档案: proposed %q (year disabled: %v)", p.output.entry.Text, p.year.Disabled())
	}
	out = filepath.Join(t.TempDir(), "学习档案.pdf")
	p.output.entry.SetText(out)
	test.Tap(findButtonIn(t, u, "生成"))
	q.settle(u)
	if text := pdfToText(t, out); !strings.Contains(text, "党员学习管理档案") || !strings.Contains(text, "王建国") {
		t.Errorf("the 学习管理档案 printed reads:\n%s", text)
	}
}

// The member form's 党员档案 and 学习档案 tabs each print their document.
func TestMemberFormTabsPrintTheFile(t *testing.T) {
	u, q := newTestUI(t)
	m := memberNamed(t, u, "王建国")
	openScreen(t, u, "党员")
	q.settle(u)
	for _, c := range []struct {
		button string
		kind   documents.Kind
		tab    string
	}{{"打印党员档案…", documents.MemberFile, "党员档案"}, {"打印学习管理档案…", documents.StudyFile, "学习档案"}} {
		u.members.openMember(m.ID)
		q.settle(u)
		tabs := u.members.dialog.tabs
		for i, item := range tabs.Items {
			if item.Text == c.tab {
				tabs.SelectIndex(i)
			}
		}
		test.Tap(findButtonIn(t, u, c.button))
		q.settle(u)
		p := u.built["memberPrint"].(*memberPrint)
		if p.form.Selected != documents.Title(c.kind) || p.name != "王建国" {
			t.Errorf("%s opened 「打印…」 on %q for %q", c.button, p.form.Selected, p.name)
		}
		p.dlg.Hide()
		u.members.dialog.dlg.Hide()
	}
}
