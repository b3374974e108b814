package documents

import (
	"strings"
	"testing"
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
