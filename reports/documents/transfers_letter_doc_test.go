package documents

import (
	"context"
	"strings"
	"testing"

	"dangjian/data"
	"dangjian/reports/layout"
)

// TestTransfersLetterNumbersAndDuesPaidUntil: a letter number typed with
// any brackets prints with 〔〕 and whole on one line however long; 党费交至
// is the month a letter in names, and for a letter out the last month paid
// here; the PDF carries both.
func TestTransfersLetterNumbersAndDuesPaidUntil(t *testing.T) {
	s, b := formStore(t)
	ctx := context.Background()
	out := formMember(t, s, b, "欧阳明轩", 1)
	in := formMember(t, s, b, "王堃", 2)
	if err := s.Dues.Create(ctx, &data.Dues{MemberID: data.Ref(out.ID), Month: "2026-04", Base: data.Yuan(5000),
		Rate: "1%", Due: data.Yuan(50), Paid: data.Yuan(50), PaidDate: data.NewDate(2026, 4, 12)}); err != nil {
		t.Fatal(err)
	}
	letters := []*data.Transfer{
		{MemberID: data.Ref(out.ID), Direction: "转出", OtherOrg: "中共北京市海淀区中关村街道工作委员会组织部",
			LetterNo: "组字(2026)第0017号", IssuedDate: data.NewDate(2026, 5, 10), ValidDays: 90},
		{MemberID: data.Ref(in.ID), Direction: "转入", OtherOrg: "中共北京师范大学委员会",
			LetterNo: "京教工委转字【2026】第00123号", IssuedDate: data.NewDate(2026, 4, 2), ValidDays: 90,
			ReceiptDate: data.NewDate(2026, 4, 20), DuesPaidUntil: "2026-03"},
	}
	for _, l := range letters {
		if err := s.Transfers.Create(ctx, l); err != nil {
			t.Fatal(err)
		}
	}
	r := build(t, s, Transfers, Options{})
	tb := tables(r.doc)[0]
	want := map[string][2]string{ // name → letter number, 党费交至
		"欧阳明轩": {"组字〔2026〕第0017号", "2026.04"},
		"王堃":   {"京教工委转字〔2026〕第00123号", "2026.03"},
	}
	for _, row := range tb.Rows {
		flat := func(title string) string {
			return strings.ReplaceAll(row.Cells[column(tb, title)], string(layout.WordJoiner), "")
		}
		w, ok := want[flat("姓名")]
		if !ok {
			t.Fatalf("unexpected row %v", row.Cells)
		}
		delete(want, flat("姓名"))
		if flat("介绍信编号") != w[0] || flat("党费交至") != w[1] {
			t.Errorf("%s: letter %q, 党费交至 %q; want %q, %q", flat("姓名"), flat("介绍信编号"), flat("党费交至"), w[0], w[1])
		}
		if !tb.Columns[column(tb, "介绍信编号")].Keep || row.Cells[column(tb, "介绍信编号")] != layout.Keep(w[0]) {
			t.Errorf("%s: the letter number is not kept whole", w[0])
		}
	}
	if len(want) > 0 {
		t.Errorf("rows missing: %v", want)
	}
	text := meetPDFText(t, s, Transfers, Options{})
	for _, w := range []string{"组字〔2026〕第0017号", "京教工委转字〔2026〕第00123号", "党费交至", "回执情况", "2026.03", "2026.04"} {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF lacks %s whole on a line:\n%s", w, text)
		}
	}
}
