package sheets

import (
	"context"
	"testing"

	"dangjian/data"
)

// Text typed with Chinese punctuation is stored as typed, never folded to
// half-width; a choice matches whichever width its brackets are typed in;
// digits typed full-width are still read; and importing the same sheet
// again changes nothing.
func TestImportKeepsChinesePunctuation(t *testing.T) {
	fx := newRecordFixture(t)
	ctx := context.Background()
	rows := [][]any{
		{fx.memberID, "李红梅", "出国（境）学习研究", "2025-09-01", "", "英国（伦敦）", "", "导师：张三；每月联系", "", "访学，为期一年"},
		{fx.leaderID, "王建国", "出国(境)学习研究", "２０２５-１０-０１", "", "美国", "", "", "", ""},
	}
	content := book(t, headersOf(Episodes), rows...)
	rep, err := run(t, fx.s, Episodes, content, Options{})
	if err != nil || !rep.Written {
		t.Fatalf("import: %v\n%s", err, problemsText(rep))
	}
	eps, err := fx.s.Episodes.List(ctx, data.OrderBy(data.ColSince))
	if err != nil || len(eps) != 2 {
		t.Fatalf("%d episodes, %v", len(eps), err)
	}
	first, second := eps[0], eps[1]
	if first.Place != "英国（伦敦）" || first.Searches != "导师：张三；每月联系" || first.Note != "访学，为期一年" {
		t.Errorf("texts folded: %q %q %q", first.Place, first.Searches, first.Note)
	}
	for _, e := range eps {
		if e.Kind != "出国（境）学习研究" {
			t.Errorf("kind stored as %q, want the listed value", e.Kind)
		}
	}
	if second.Since.String() != "2025-10-01" {
		t.Errorf("full-width date read as %q", second.Since.String())
	}
	again, err := run(t, fx.s, Episodes, content, Options{})
	if err != nil || again.Created+again.Updated != 0 {
		t.Fatalf("re-import changed rows: %+v %v", again, err)
	}
}
