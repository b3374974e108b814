package documents

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"dangjian/data"
)

// TestRosterColumnsAsChosen: the roster prints the columns chosen, in the
// roster's order whatever the order given, after 序号; an unknown column
// is refused with its name.
func TestRosterColumnsAsChosen(t *testing.T) {
	s := demoStore(t)
	all, defaults := RosterColumns()
	if len(defaults) == 0 || !slices.Contains(all, "工号或学号") || slices.Contains(defaults, "工号或学号") {
		t.Fatalf("columns %v, defaults %v", all, defaults)
	}
	r := build(t, s, Roster, Options{Columns: []string{"工号或学号", "姓名"}})
	tb := tables(r.doc)[0]
	var titles []string
	for _, c := range tb.Columns {
		titles = append(titles, c.Title)
	}
	if strings.Join(titles, " ") != "序号 工号或学号 姓名" {
		t.Errorf("columns %v, want them in the order asked for", titles)
	}
	for _, row := range tb.Rows {
		if row.Cells[1] == "" || row.Record == "" || !strings.Contains(row.Record, row.Cells[1]) {
			t.Fatalf("row %q, record %q: the 工号或学号 is not printed or not in the record", row.Cells, row.Record)
		}
	}
	_, err := Build(context.Background(), s, Roster, Options{Now: testNow, Columns: []string{"姓名", "血型"}})
	if err == nil || !strings.Contains(err.Error(), "血型") {
		t.Errorf("an unknown column: %v", err)
	}
}

// TestRosterAsOfADay: Options.AsOf is the roster's reference day: a member
// admitted after it is not listed, and the running header says 截至 the day.
func TestRosterAsOfADay(t *testing.T) {
	s, b := formStore(t)
	formMember(t, s, b, "王早入", 1)
	late := formMember(t, s, b, "李晚入", 2)
	late.JoinedDate, late.ConfirmedAt, late.Category = data.NewDate(2026, 6, 1), data.Date{}, "预备党员"
	if err := s.Members.Update(context.Background(), late); err != nil {
		t.Fatal(err)
	}
	r := build(t, s, Roster, Options{AsOf: time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)})
	if !strings.Contains(r.text, "王早入") || strings.Contains(r.text, "李晚入") || r.doc.Period != "截至2026年3月31日" {
		t.Errorf("as of 31 March (period %q):\n%s", r.doc.Period, r.text)
	}
	if r := build(t, s, Roster, Options{}); !strings.Contains(r.text, "李晚入") {
		t.Error("a member admitted before the print day is missing")
	}
}

// TestOneMembersForms: Options.MemberID prints that member's forms only.
func TestOneMembersForms(t *testing.T) {
	s, b := formStore(t)
	ctx := context.Background()
	var ids []string
	for i, name := range []string{"王甲", "李乙"} {
		m := formMember(t, s, b, name, i+1)
		ids = append(ids, m.ID)
		if err := s.Appraisals.Create(ctx, &data.Appraisal{Year: 2026, MemberID: data.Ref(m.ID), Grade: "合格"}); err != nil {
			t.Fatal(err)
		}
		a := &data.Agreement{Year: 2026, MemberID: data.Ref(m.ID), SignedDate: data.NewDate(2026, 3, 1)}
		if err := s.Agreements.Create(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range []Kind{Appraisal, Agreement} {
		if r := build(t, s, k, Options{}); r.parts() != 2 {
			t.Errorf("%s: %d forms for the branch, want 2", k, r.parts())
		}
		r := build(t, s, k, Options{MemberID: ids[1]})
		if r.parts() != 1 || !strings.Contains(r.text, "李乙") || strings.Contains(r.text, "王甲") {
			t.Errorf("%s for 李乙 alone:\n%s", k, r.text)
		}
	}
}
