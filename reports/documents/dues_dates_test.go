package documents

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"dangjian/data"
	"dangjian/reports/layout"
)

// TestDuesLedgerPaidDatesAndSignatures: under each branch's amounts the
// ledger gives, per member and month, the day the month was paid (the
// record's 交纳日期, in the table form) with a blank for the member's
// signature, and closes with the collector's and the secretary's signature
// lines, the branch's seal and dates.
func TestDuesLedgerPaidDatesAndSignatures(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	id := branchID(t, s, "计算机系教工党支部")
	r := build(t, s, Dues, Options{BranchID: id})
	rows, err := s.DuesOfYear(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	members, err := s.Members.List(ctx, data.Where("branch_id", id))
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]string{}
	for _, m := range members {
		byName[m.Name] = m.ID
	}
	paid := map[string]string{} // member id and month → the date in the table form
	for _, d := range rows {
		if d.Paid > 0 {
			paid[string(d.MemberID)+d.Month] = layout.TableDate(d.PaidDate.Time)
		}
	}
	var table *layout.Table
	for _, tb := range tables(r.doc) {
		if column(tb, "交纳人签字") >= 0 {
			table = tb
		}
	}
	if table == nil {
		t.Fatal("no table of 交纳日期 with a column for the member's signature")
	}
	dated := 0
	var dates []string // the branch's 交纳日期 in the table
	for _, row := range table.Rows {
		name := strings.ReplaceAll(row.Cells[0], string(layout.WordJoiner), "")
		mid, ok := byName[name]
		if !ok {
			continue // a member transferred out of another branch, or a duplicate name
		}
		for mo := 1; mo <= 12; mo++ {
			got := strings.ReplaceAll(row.Cells[column(table, strconv.Itoa(mo)+"月")], string(layout.WordJoiner), "")
			want := paid[mid+fmt.Sprintf("2026-%02d", mo)]
			if got != want {
				t.Errorf("%s %d月: 交纳日期 %q, the record's %q", name, mo, got, want)
			}
			if got != "" {
				dated++
				dates = append(dates, got)
			}
		}
		if len(row.Cells) > 13 && row.Cells[13] != "" {
			t.Errorf("%s: the signature blank holds %q", name, row.Cells[13])
		}
	}
	if dated < 100 {
		t.Errorf("only %d dated months", dated)
	}
	text := strings.ReplaceAll(r.text, "\n", " ")
	for _, w := range []string{"收缴人签字：________    年  月  日", "党支部书记签字：________（盖章）    年  月  日"} {
		if !strings.Contains(text, w) {
			t.Errorf("no %q", w)
		}
	}
	pdf := strings.Join(strings.Fields(meetPDFText(t, s, Dues, Options{BranchID: id})), "")
	for _, w := range []string{"交纳人签字", "收缴人签字", "党支部书记签字", "（盖章）", "党费交纳日期"} {
		if !strings.Contains(pdf, w) {
			t.Errorf("the PDF lacks %s", w)
		}
	}
	for _, v := range dates {
		if !strings.Contains(pdf, v) {
			t.Errorf("the PDF lacks the 交纳日期 %s", v)
			break
		}
	}
}
