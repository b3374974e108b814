package documents

import (
	"context"
	"strings"
	"testing"

	"dangjian/data"
	"dangjian/reports/layout"
)

// blankFormMember is a member of a new store's one branch with every
// particular a form prints, and no record of any year.
func blankFormMember(t *testing.T) (*data.Store, *data.Member) {
	t.Helper()
	s, b := formStore(t)
	m := formMember(t, s, b, "王空表", 1)
	m.Ethnicity, m.Education, m.StaffNo, m.PartyPost = "回族", "硕士研究生", "T0042", "组织委员"
	if err := s.Members.Update(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	return s, m
}

// formCells is the text of every cell of a part's forms, label then value.
func formCells(p layout.Part) []string {
	var out []string
	for _, b := range p.Blocks {
		if f, ok := b.(*layout.Form); ok {
			for _, row := range f.Rows {
				for _, c := range row.Cells {
					out = append(out, unjoin(c.Text))
				}
			}
		}
	}
	return out
}

// after is the cell after the label cell label, or "<none>".
func after(cells []string, label string) string {
	for i, c := range cells {
		if c == label && i+1 < len(cells) {
			return cells[i+1]
		}
	}
	return "<none>"
}

// TestAppraisalBlankFormForMemberWithoutRecord: asked for one member who
// has no 民主评议 record of the year, the 登记表 is printed with the
// member's particulars filled and the rest blank to fill in by hand; asked
// for every member, a year without records still says there is nothing.
func TestAppraisalBlankFormForMemberWithoutRecord(t *testing.T) {
	s, m := blankFormMember(t)
	r := build(t, s, Appraisal, Options{Year: 2026, MemberID: m.ID})
	if r.parts() != 1 {
		t.Fatalf("%d parts:\n%s", r.parts(), r.text)
	}
	p := r.doc.Parts[0]
	if p.Record != "测试党支部 王空表(T0042)" {
		t.Errorf("record %q", p.Record)
	}
	cells := formCells(p)
	for label, want := range map[string]string{
		"姓名": "王空表", "性别": "男", "民族": "回族", "出生年月": "1980.03", "学历": "硕士研究生",
		"入党日期": "2005.06.01", "党员类别": "正式党员", "党内职务": "组织委员", "所在支部": "测试党支部",
		"评议年度": "2026年度", "个人自我评价": "", "评议等次": "", "党支部意见": "", "上级党组织意见": "",
	} {
		if got := after(cells, label); got != want {
			t.Errorf("%s: %q, want %q", label, got, want)
		}
	}
	if got := after(cells, "民主测评情况"); !strings.Contains(got, "优秀____票") {
		t.Errorf("民主测评情况 %q, want blanks to write the votes", got)
	}
	if strings.Contains(r.text, "没有党员民主评议记录") {
		t.Error("the blank form says there is no record")
	}
	all := build(t, s, Appraisal, Options{Year: 2026})
	if all.parts() != 1 || !strings.Contains(all.text, "2026年度没有党员民主评议记录。") {
		t.Errorf("every member, no record: %s", all.text)
	}
}

// TestAgreementBlankFormForMemberWithoutRecord: asked for one member who
// has no 目标管理责任书 of the year, the 责任书 is printed with the member's
// particulars, numbered blank rows to write the targets on, and the score
// and dates blank.
func TestAgreementBlankFormForMemberWithoutRecord(t *testing.T) {
	s, m := blankFormMember(t)
	r := build(t, s, Agreement, Options{Year: 2026, MemberID: m.ID})
	if r.parts() != 1 {
		t.Fatalf("%d parts:\n%s", r.parts(), r.text)
	}
	p := r.doc.Parts[0]
	if p.Record != "测试党支部 王空表(T0042)" {
		t.Errorf("record %q", p.Record)
	}
	cells := formCells(p)
	for label, want := range map[string]string{
		"姓名": "王空表", "所在支部": "测试党支部", "党员类别": "正式党员", "人员类别": "在职教职工",
		"党内职务": "组织委员", "完成得分": "", "评定日期": "",
	} {
		if got := after(cells, label); got != want {
			t.Errorf("%s: %q, want %q", label, got, want)
		}
	}
	tb := tables(r.doc)[0]
	if len(tb.Rows) != agreementBlankTargets {
		t.Fatalf("%d target rows, want %d", len(tb.Rows), agreementBlankTargets)
	}
	for i, row := range tb.Rows {
		if row.Cells[0] != string(rune('1'+i)) || len(row.Cells) > 1 && row.Cells[1] != "" || row.MinHeight < 10 {
			t.Errorf("target row %d: %q, %.0f mm high", i+1, row.Cells, row.MinHeight)
		}
	}
	for _, want := range []string{"党员王空表签订2026年度党员目标管理责任书", "签订日期：　　　　年　　月　　日"} {
		if !strings.Contains(r.text, want) {
			t.Errorf("lacks %q:\n%s", want, r.text)
		}
	}
	if strings.Contains(r.text, "尚未填写目标") {
		t.Error("the blank form says no target was written")
	}
	all := build(t, s, Agreement, Options{Year: 2026})
	if all.parts() != 1 || !strings.Contains(all.text, "2026年度没有党员目标管理责任书。") {
		t.Errorf("every member, no record: %s", all.text)
	}
}

// TestBlankFormsInPDF: the blank forms of a member without records print
// in the PDF with the member's particulars and the places to write on.
func TestBlankFormsInPDF(t *testing.T) {
	s, m := blankFormMember(t)
	for _, c := range []struct {
		kind Kind
		want []string
	}{
		{Appraisal, []string{"王空表", "回族", "硕士研究生", "2005.06.01", "组织委员", "测试党支部", "2026年度",
			"个人自我评价", "优秀____票", "本人签字"}},
		{Agreement, []string{"王空表", "在职教职工", "党员王空表签订2026年度党员目标管理责任书", "完成得分", "签订日期"}},
	} {
		text, _ := pdfText(t, s, c.kind, Options{Year: 2026, MemberID: m.ID})
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the PDF lacks %q:\n%s", c.kind, w, text)
			}
		}
		if strings.Contains(text, "没有党员") {
			t.Errorf("%s: the PDF says there is no record", c.kind)
		}
	}
}
