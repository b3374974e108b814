package documents

import (
	"context"
	"io"
	"slices"
	"strings"
	"testing"

	"dangjian/assets"
	"dangjian/data/rules"
	"dangjian/reports/layout"
)

// TestCommitteeDevTableSaysWhatItCounts: the note under 表七 of the 全校党内
// 统计 says it counts the people recorded in 发展党员, admitted on the
// 支部大会's vote once the 党委 approved it, and that 表六's 发展党员 (the
// members' 入党日期) is counted otherwise, so that the two figures are not
// read as one.
func TestCommitteeDevTableSaysWhatItCounts(t *testing.T) {
	s, _ := openMerged(t)
	doc := buildCommittee(t, s, CommitteeStats, CommitteeOptions{Now: testNow})
	got := tables(doc.doc)
	if len(got) != 7 {
		t.Fatalf("%d tables, want 7", len(got))
	}
	note := got[6].Note
	for _, want := range []string{"只计在“发展党员”中记录的人员", "支部大会讨论通过接收之日", "党委审批", "表六的“发展党员”按党员的入党日期计", "口径不同"} {
		if !strings.Contains(note, want) {
			t.Errorf("表七's note lacks %q: %s", want, note)
		}
	}
}

// TestDevMissingGlyphNamesThePersonWhoseNameHasIt: a 培养联系人 and 入党介绍人
// whose name has a character the print faces lack (𠮷) is named as such
// in the message, with the row's person, not as the row's person alone.
func TestDevMissingGlyphNamesThePersonWhoseNameHasIt(t *testing.T) {
	if assets.PrintCovers('𠮷') {
		t.Skip("the print faces have 𠮷")
	}
	s := devFixture(t)
	ctx := context.Background()
	members, err := s.Members.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range members {
		if members[i].Name == "王红" {
			members[i].Name = "王𠮷"
			if err := s.Members.Update(ctx, &members[i]); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, c := range []struct {
		k    Kind
		o    Options
		want string
	}{
		{DevCandidates, Options{}, devBranchA + " 王四(2022王四)的培养联系人王𠮷、入党介绍人王𠮷"},
		{DevFiling, Options{Year: 2025}, devBranchA + " 李五(2022李五)的入党介绍人王𠮷"},
	} {
		c.o.Now = testNow
		rep, err := Write(ctx, s, c.k, PDF, io.Discard, c.o)
		if err != nil {
			t.Fatal(err)
		}
		var recs []string
		for _, m := range rep.Missing {
			recs = append(recs, m.Record)
		}
		if !slices.Contains(recs, c.want) {
			t.Errorf("%s: missing characters under %q, want %q", c.k, recs, c.want)
		}
		for _, r := range recs {
			if !strings.Contains(r, "王𠮷") {
				t.Errorf("%s: %q does not name 王𠮷", c.k, r)
			}
		}
	}
}

// TestDevLedgerStageBreaksBeforeTheBrackets: the 阶段 of one no longer
// developed, 「已终止（2026.03.02）」, breaks, if at all, before its bracket
// group (never a lone 「（」 on a line), and the column leaves the group
// room on one line: 28 mm of the landscape body's 267.
func TestDevLedgerStageBreaksBeforeTheBrackets(t *testing.T) {
	s := devFixture(t)
	r := build(t, s, DevLedger, Options{})
	found := false
	for _, tb := range tables(r.doc) {
		stage, fixed := -1, 0.0
		for i, c := range tb.Columns {
			if c.Title == "阶段" {
				stage = i
			}
			fixed += c.Width
		}
		if stage < 0 {
			t.Fatal("no 阶段 column")
		}
		if left := 267 - fixed; left < 27.5 {
			t.Errorf("the 阶段 column has %.1f mm, want at least 27.5", left)
		}
		for _, row := range tb.Rows {
			if strings.HasPrefix(row.Cells[stage], "已终止") {
				found = true
				if want := "已终止" + layout.Keep("（2026.03.02）"); row.Cells[stage] != want {
					t.Errorf("阶段 %q, want %q", row.Cells[stage], want)
				}
			}
		}
	}
	if !found {
		t.Error("nobody 已终止 in the ledger")
	}
}

// TestConfirmListNamesBothVersions: under a revised version with a 施行日期,
// the 转正名单's note says those admitted before it are counted by the
// version before.
func TestConfirmListNamesBothVersions(t *testing.T) {
	v, err := rules.ParseDevRules("2026", "某修订细则", `{"since":"2026-07-01"}`)
	if err != nil {
		t.Fatal(err)
	}
	got := versionWords(rules.WithEarlier(v, append(rules.BuiltinDevRules(), v)))
	if !strings.Contains(got, "某修订细则（2026年7月1日施行；此前接收的按《中国共产党发展党员工作细则》（2014年）") {
		t.Errorf("note: %s", got)
	}
	if got := versionWords(rules.Rules2014()); got != rules.Rules2014().Title {
		t.Errorf("2014 note: %s", got)
	}
}
