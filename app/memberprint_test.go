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

// TestPrintTheSelectedMembersForm: 「打印…」 on the 党员 screen prints the
// selected member's 民主评议党员登记表 of the year, and no one else's; with
// no member selected it says to select one.
func TestPrintTheSelectedMembersForm(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	year := u.store.Now().Year()
	for _, name := range []string{"王建国", "李红梅"} {
		m := memberNamed(t, u, name)
		if err := u.store.Appraisals.Create(ctx, &data.Appraisal{Year: year, MemberID: data.Ref(m.ID), SelfAssessment: name + "的自我评价"}); err != nil {
			t.Fatal(err)
		}
	}
	u.open(1)
	q.settle(u)
	s := findMembersScreen(t, u)

	test.Tap(findButton(t, u, "打印…"))
	if !strings.Contains(u.noticeText(), "请先在表格中选中一名党员") {
		t.Fatalf("without a selection: notice %q", u.noticeText())
	}

	row := -1
	for i, r := range s.shown {
		if r.cells[0] == "李红梅" {
			row = i
		}
	}
	s.table.selectRow(row)
	test.Tap(findButton(t, u, "打印…"))
	p, ok := u.built["memberPrint"].(*memberPrint)
	if !ok || p.id != memberNamed(t, u, "李红梅").ID {
		t.Fatal("「打印…」 did not open for 李红梅")
	}
	if p.form.Selected != documents.Title(documents.Appraisal) || !strings.HasSuffix(p.output.entry.Text, "民主评议党员登记表-李红梅.pdf") {
		t.Errorf("proposed %q for %q", p.output.entry.Text, p.form.Selected)
	}
	out := filepath.Join(t.TempDir(), "登记表.pdf")
	p.output.entry.SetText(out)
	test.Tap(findButtonIn(t, u, "生成"))
	q.settle(u)
	text := pdfToText(t, out)
	if !strings.Contains(text, "李红梅的自我评价") || strings.Contains(text, "王建国") {
		t.Errorf("the form printed reads:\n%s", text)
	}
	if !strings.Contains(u.noticeText(), "已生成李红梅的民主评议党员登记表") {
		t.Errorf("notice %q", u.noticeText())
	}
}

// TestPrintAMembersAgreementAsWord: the 目标管理责任书 chosen as Word is
// proposed with .docx and written as a Word document.
func TestPrintAMembersAgreementAsWord(t *testing.T) {
	u, q := newTestUI(t)
	ctx := context.Background()
	m := memberNamed(t, u, "王建国")
	a := &data.Agreement{Year: u.store.Now().Year(), MemberID: data.Ref(m.ID), SignedDate: data.NewDate(u.store.Now().Year(), 3, 1)}
	if err := u.store.Agreements.Create(ctx, a); err != nil {
		t.Fatal(err)
	}
	u.printMember(m.ID, m.Name)
	p := u.built["memberPrint"].(*memberPrint)
	p.form.SetSelected(documents.Title(documents.Agreement))
	p.format.SetSelected("Word")
	if !strings.HasSuffix(p.output.entry.Text, "党员目标管理责任书-王建国.docx") || p.output.kind.key != wordFiles.key {
		t.Fatalf("proposed %q (%s)", p.output.entry.Text, p.output.kind.label)
	}
	out := filepath.Join(t.TempDir(), "责任书.docx")
	p.output.entry.SetText(out)
	test.Tap(findButtonIn(t, u, "生成"))
	q.settle(u)
	// The name is kept whole by word joiners between its characters.
	if text := strings.ReplaceAll(documentText(t, out), "\u2060", ""); !strings.Contains(text, "王建国") {
		t.Errorf("the Word form does not name the member (notice %q)", u.noticeText())
	}
}
