package rules

import (
	"testing"
	"time"

	"dangjian/data/vocab"
)

func TestCategoryOn(t *testing.T) {
	joinedOn, confirmed := d(2025, 6, 10), d(2026, 6, 12)
	tests := []struct {
		day  time.Time
		cur  vocab.Category
		conf time.Time
		want vocab.Category
	}{
		{d(2025, 6, 9), vocab.CategoryFull, confirmed, ""},
		{d(2025, 6, 10), vocab.CategoryFull, confirmed, vocab.CategoryProbation},
		{d(2026, 6, 11), vocab.CategoryFull, confirmed, vocab.CategoryProbation},
		{d(2026, 6, 12), vocab.CategoryFull, confirmed, vocab.CategoryFull},
		{d(2026, 12, 31), vocab.CategoryFull, confirmed, vocab.CategoryFull},
		{d(2026, 12, 31), vocab.CategoryFull, time.Time{}, vocab.CategoryFull},
		{d(2026, 6, 9), vocab.CategoryFull, time.Time{}, vocab.CategoryProbation}, // within the 预备期
		{d(2026, 6, 10), vocab.CategoryFull, time.Time{}, vocab.CategoryFull},
		{d(2026, 12, 31), vocab.CategoryProbation, time.Time{}, vocab.CategoryProbation},
	}
	for _, tt := range tests {
		if got := CategoryOn(tt.cur, joinedOn, tt.conf, tt.day); got != tt.want {
			t.Errorf("CategoryOn(%v, 转正 %v) = %q, want %q", tt.day.Format(time.DateOnly), tt.conf, got, tt.want)
		}
	}
}

func TestMemberOn(t *testing.T) {
	m := member("1", "甲", "b2", post("组织委员"), status(vocab.StatusTransferred), left(d(2026, 9, 1)))
	changes := []Change{
		{MemberID: "1", Field: FieldBranch, Old: "b1", New: "b2", At: d(2026, 3, 1)},
		{MemberID: "1", Field: FieldPartyPost, Old: "", New: "宣传委员", At: d(2026, 4, 1)},
		{MemberID: "1", Field: FieldPartyPost, Old: "宣传委员", New: "组织委员", At: d(2026, 7, 1)},
		{MemberID: "2", Field: FieldBranch, Old: "x", New: "y", At: d(2026, 1, 1)},
	}
	tests := []struct {
		day          time.Time
		branch, post string
		wantStatus   vocab.Status
	}{
		{d(2026, 2, 28), "b1", "", vocab.StatusNormal},
		{d(2026, 3, 1), "b2", "", vocab.StatusNormal},
		{d(2026, 5, 1), "b2", "宣传委员", vocab.StatusNormal},
		{d(2026, 8, 31), "b2", "组织委员", vocab.StatusNormal},
		{d(2026, 9, 1), "b2", "组织委员", vocab.StatusTransferred},
	}
	for _, tt := range tests {
		got := MemberOn(m, changes, tt.day)
		if got.BranchID != tt.branch || got.PartyPost != tt.post || got.Status != tt.wantStatus {
			t.Errorf("on %s: %s/%q/%s, want %s/%q/%s", tt.day.Format(time.DateOnly),
				got.BranchID, got.PartyPost, got.Status, tt.branch, tt.post, tt.wantStatus)
		}
	}
}

func TestAppraiseUsesTheCategoryAtTheYearsEnd(t *testing.T) {
	// Admitted June 2025, 转正 June 2026: 正式党员 at the end of 2026, so a
	// grade for 2026 is right; for 2025 the member was 预备 and gets none.
	m := member("1", "甲", "a", joined(d(2025, 6, 10)), confirmedOn(d(2026, 6, 12)))
	for _, tt := range []struct {
		year int
		want []string
	}{
		{2026, nil},
		{2025, []string{"预备党员参加民主评议但不评定等次，请删除等次"}},
	} {
		f := newFacts(tt.year, d(2027, 1, 5))
		f.Branches = []Branch{branch("a", "一支部")}
		f.Members = []Member{m}
		f.Appraisals = []Appraisal{{MemberID: "1", Grade: vocab.GradePass}}
		sameLines(t, details(Appraise(f, DefaultSettings())), tt.want)
	}
}

func TestLeavingWithoutALetterDatesFromTheRecordedChange(t *testing.T) {
	f := newFacts(2026, d(2026, 12, 3))
	f.Branches = []Branch{branch("a", "一支部")}
	f.Members = []Member{member("1", "甲", "a", status(vocab.StatusTransferred))}
	f.Changes = []Change{{MemberID: "1", Field: FieldStatus, Old: string(vocab.StatusNormal), New: string(vocab.StatusTransferred), At: d(2026, 7, 15)}}
	line := DuesLedgerOf(f, DefaultSettings()).Line("1")
	if line == nil || monthsText(line) != "UUUUUUU....." {
		t.Fatalf("line %v: owes January to July, the month the status changed", line)
	}
	if m := NewFigures(f, DefaultSettings()).Member("1"); m.Status != vocab.StatusTransferred {
		t.Errorf("today: %s", m.Status)
	}
	f.AsOf, f.Year = d(2026, 6, 30), 2026
	if m := NewFigures(f, DefaultSettings()).Member("1"); m.Status != vocab.StatusNormal {
		t.Errorf("on 30 June: %s, want 正常", m.Status)
	}
}
