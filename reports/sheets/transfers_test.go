package sheets

import (
	"context"
	"maps"
	"strings"
	"testing"
	"time"
)

// A letter's 党费交至 is read in every form of a month, a later month
// included (dues may be paid ahead), and may be left blank; a sheet
// without the column leaves the stored value alone.
func TestImportTransfersDuesPaidUntil(t *testing.T) {
	s := testStore(t)
	ids := seedMembers(t, s)
	ctx := context.Background()
	letter := func(no string, paidUntil any) []any {
		return []any{ids[0], "王建国", "转入", "外国语学院党委", no, "2026-05-01", "", "", paidUntil}
	}
	sheet := book(t, headersOf(Transfers),
		letter("转字第1号", "2026-04"), letter("转字第2号", "2026年4月"), letter("转字第3号", "2026/4"),
		letter("转字第4号", time.Date(2026, 4, 15, 0, 0, 0, 0, time.UTC)), letter("转字第5号", ""),
		letter("转字第6号", "2027年1月"))
	rep, err := run(t, s, Transfers, sheet, Options{})
	if err != nil || rep.Created != 6 || len(rep.Problems) > 0 {
		t.Fatalf("transfers: %+v %v\n%s", rep, err, problemsText(rep))
	}
	stored := func() map[string]string {
		out := map[string]string{}
		ts, err := s.Transfers.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range ts {
			out[x.LetterNo] = x.DuesPaidUntil
		}
		return out
	}
	want := map[string]string{"转字第1号": "2026-04", "转字第2号": "2026-04", "转字第3号": "2026-04",
		"转字第4号": "2026-04", "转字第5号": "", "转字第6号": "2027-01"}
	if got := stored(); !maps.Equal(got, want) {
		t.Fatalf("党费交至 = %v, want %v", got, want)
	}
	if rep, _ := run(t, s, Transfers, sheet, Options{}); rep.Unchanged != 6 {
		t.Fatalf("re-import: %+v", rep)
	}

	// An older sheet without the column keeps what is stored.
	older := book(t, headersOf(Transfers)[:8],
		[]any{ids[0], "王建国", "转入", "外国语学院党委", "转字第1号", "2026-05-01", "", ""})
	if rep, err := run(t, s, Transfers, older, Options{}); err != nil || rep.Unchanged != 1 {
		t.Fatalf("a sheet without 党费交至: %+v %v", rep, err)
	}
	if got := stored()["转字第1号"]; got != "2026-04" {
		t.Fatalf("a sheet without 党费交至 changed it to %q", got)
	}

	// A bad month is a problem of its row and column; nothing is written.
	bad := book(t, headersOf(Transfers),
		letter("转字第7号", "2026-05"), letter("转字第8号", "2026-13"), letter("转字第9号", "四月份"),
		letter("转字第1号", "1899-12"))
	rep, err = run(t, s, Transfers, bad, Options{})
	if err != nil || rep.Written {
		t.Fatalf("bad months: %+v %v", rep, err)
	}
	text := problemsText(rep)
	for _, w := range []string{"第3行 「党费交至」：月份不存在", "第4行 「党费交至」：月份格式无法识别：“四月份”",
		"第5行 「党费交至」：年份应在1900至2100之间"} {
		if !strings.Contains(text, w) {
			t.Errorf("missing %q in:\n%s", w, text)
		}
	}
	if len(rep.Problems) != 3 {
		t.Errorf("%d problems, want 3:\n%s", len(rep.Problems), text)
	}
	if n, _ := s.Transfers.Count(ctx); n != 6 {
		t.Errorf("%d letters after a refused sheet, want 6", n)
	}
	if got := stored(); !maps.Equal(got, want) {
		t.Errorf("a refused sheet changed 党费交至: %v", got)
	}
}
