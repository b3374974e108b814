package sheets

import (
	"context"
	"slices"
	"strings"
	"testing"

	"dangjian/data"
)

func TestSplitNamesReadsReasonsInEitherBracket(t *testing.T) {
	cases := []struct {
		in   string
		want []nameEntry
		bad  string
	}{
		{"张三、李四", []nameEntry{{name: "张三"}, {name: "李四"}}, ""},
		{"张三(出差)、李四（病假）", []nameEntry{{"张三", "出差", true}, {"李四", "病假", true}}, ""},
		{"张三（出差),李四(病假）", []nameEntry{{"张三", "出差", true}, {"李四", "病假", true}}, ""},
		{"张三 ( 上课 ) ;李四", []nameEntry{{"张三", "上课", true}, {name: "李四"}}, ""},
		{"张三(出差、开会),李四", []nameEntry{{"张三", "出差、开会", true}, {name: "李四"}}, ""},
		{"张三(出差(北京))", []nameEntry{{"张三", "出差(北京)", true}}, ""},
		{"张三()", []nameEntry{{"张三", "", true}}, ""},
		{"张三(出差、李四", nil, "张三(出差、李四"},
		{"张三)出差、李四", []nameEntry{{name: "李四"}}, "张三)"},
		{"(出差)、李四", []nameEntry{{name: "李四"}}, "(出差)"},
		{"张三(出差)补、李四", []nameEntry{{name: "李四"}}, "张三(出差)补"},
		{"", nil, ""},
	}
	for _, tc := range cases {
		got, bad := splitNames(tc.in)
		if !slices.Equal(got, tc.want) || bad != tc.bad {
			t.Errorf("splitNames(%q) = %+v, %q; want %+v, %q", tc.in, got, bad, tc.want, tc.bad)
		}
	}
}

// FuzzSplitNames: a list that reads without a problem reads the same once
// written back as the export writes it.
func FuzzSplitNames(f *testing.F) {
	for _, s := range []string{"张三(出差)、李四（病假）", "张三(出差(北京)),李四", "王五()", "(", "））", "a(b)c、d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		entries, bad := splitNames(s)
		if bad != "" {
			return
		}
		parts := make([]string, len(entries))
		for i, e := range entries {
			parts[i] = e.name
			if e.bracketed {
				parts[i] += "(" + e.reason + ")"
			}
		}
		again, bad := splitNames(strings.Join(parts, "、"))
		if bad != "" || !slices.Equal(again, entries) {
			t.Fatalf("%q read %+v; written back and read again %+v (%q)", s, entries, again, bad)
		}
	})
}

func TestImportMeetingReasonsAndPlace(t *testing.T) {
	s := testStore(t)
	seedMembers(t, s)
	ctx := context.Background()
	sheet := book(t, headersOf(Meetings),
		[]any{"一支部", "主题党日", "2026-03-10", "重温入党誓词", "王建国", "王建国", "王建国", "李红梅（出差）", "张伟(病假)", "党员活动室"},
	)
	rep, err := run(t, s, Meetings, sheet, Options{})
	if err != nil || rep.Created != 1 || len(rep.Problems) > 0 {
		t.Fatalf("meetings: %+v %v\n%s", rep, err, problemsText(rep))
	}
	ms, _ := s.Meetings.List(ctx)
	if len(ms) != 1 || ms[0].Location != "党员活动室" {
		t.Fatalf("the meeting's 地点: %+v", ms)
	}
	reasons := func() []string {
		r, err := s.MeetingAbsenceReasons(ctx, ms[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, v := range r {
			out = append(out, v)
		}
		slices.Sort(out)
		return out
	}
	if got := reasons(); !slices.Equal(got, []string{"出差", "病假"}) {
		t.Fatalf("reasons %q, want 出差 and 病假", got)
	}
	// An older sheet, without 地点 and without reasons, changes neither.
	old := book(t, []string{"所在支部", "类型", "日期", "主题", "主持人", "记录人", "出席", "请假", "缺席"},
		[]any{"一支部", "主题党日", "2026-03-10", "重温入党誓词", "王建国", "王建国", "王建国", "李红梅", "张伟"},
	)
	if rep, err := run(t, s, Meetings, old, Options{}); err != nil || rep.Unchanged != 1 {
		t.Fatalf("the older sheet again: %+v %v\n%s", rep, err, problemsText(rep))
	}
	if got, _ := s.Meetings.Get(ctx, ms[0].ID); got.Location != "党员活动室" {
		t.Fatalf("an older sheet changed the 地点 to %q", got.Location)
	}
	// Empty brackets clear a reason; a member now present has none.
	clear := book(t, headersOf(Meetings),
		[]any{"一支部", "主题党日", "2026-03-10", "重温入党誓词", "王建国", "王建国", "王建国、张伟", "李红梅()", "", "党员活动室"},
	)
	if rep, err := run(t, s, Meetings, clear, Options{}); err != nil || rep.Updated != 1 {
		t.Fatalf("clearing: %+v %v\n%s", rep, err, problemsText(rep))
	}
	if got := reasons(); len(got) != 0 {
		t.Fatalf("reasons after clearing: %q", got)
	}

	bad := book(t, headersOf(Meetings),
		[]any{"一支部", "支委会", "2026-03-11", "", "", "", "王建国(主持)", "", "", ""},
		[]any{"一支部", "支委会", "2026-03-12", "", "", "", "王建国", "李红梅(出差", "", ""},
		[]any{"一支部", "支委会", "2026-03-13", "", "", "", "王建国", "", "张伟(病假)补", ""},
	)
	rep, _ = run(t, s, Meetings, bad, Options{})
	text := problemsText(rep)
	for _, want := range []string{"第2行 「出席」：“王建国（主持）”：出席的党员不填原因",
		"第3行 「请假」：“李红梅(出差”的写法不对", "第4行 「缺席」：“张伟(病假)补”的写法不对"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in:\n%s", want, text)
		}
	}
}

func TestImportTrainingPlaceAndMemberNote(t *testing.T) {
	s := testStore(t)
	ids := seedMembers(t, s)
	ctx := context.Background()
	// The first row of a session without 地点; a later one gives it, and a
	// third, another, which the session does not take.
	sheet := book(t, headersOf(Training),
		[]any{ids[0], "王建国", "2026-03-05", 4, "培训班", "学习党章", "二级党校", ""},
		[]any{ids[1], "李红梅", "2026-03-05", 4, "培训班", "学习党章", "二级党校", "学院报告厅(行政楼一楼)"},
		[]any{ids[2], "张伟", "2026-03-05", 4, "培训班", "学习党章", "二级党校", "图书馆报告厅"},
	)
	rep, err := run(t, s, Training, sheet, Options{})
	if err != nil || rep.Created != 3 || len(rep.Problems) > 0 {
		t.Fatalf("training: %+v %v\n%s", rep, err, problemsText(rep))
	}
	ts, _ := s.Trainings.List(ctx)
	if len(ts) != 1 || ts[0].Location != "学院报告厅(行政楼一楼)" {
		t.Fatalf("sessions %+v, want one at 学院报告厅(行政楼一楼)", ts)
	}

	row := append(memberRow("王建国", ids[0], "男", "一支部"), "2025年度优秀共产党员")
	rep, err = run(t, s, Members, book(t, headersOf(Members), row), Options{})
	if err != nil || rep.Updated != 1 {
		t.Fatalf("members with 备注: %+v %v\n%s", rep, err, problemsText(rep))
	}
	m, _ := s.Members.List(ctx, data.Where(data.ColIDNumber, ids[0]))
	if len(m) != 1 || m[0].Note != "2025年度优秀共产党员" {
		t.Fatalf("the member's 备注: %+v", m)
	}
	// A sheet without 备注 leaves it.
	rep, err = run(t, s, Members, book(t, headersOf(Members)[:19], memberRow("王建国", ids[0], "男", "一支部")), Options{})
	if err != nil || rep.Unchanged != 1 {
		t.Fatalf("members without 备注: %+v %v\n%s", rep, err, problemsText(rep))
	}
}
