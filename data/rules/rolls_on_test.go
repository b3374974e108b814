package rules

import (
	"testing"
	"time"

	"dangjian/data/vocab"
)

// TestOnRolls checks who is on the rolls at the end of a day, and as
// what, one member at a time.
func TestOnRolls(t *testing.T) {
	day := d(2026, 3, 31)
	tests := []struct {
		name      string
		m         Member
		transfers []Transfer
		changes   []Change
		on        bool
		branch    string
		category  vocab.Category
		post      string
	}{
		{"on the rolls for years", member("1", "甲", "a"), nil, nil, true, "a", vocab.CategoryFull, ""},
		{"admitted on the day", member("1", "甲", "a", probationary, joined(day)), nil, nil, true, "a", vocab.CategoryProbation, ""},
		{"admitted the day after", member("1", "甲", "a", probationary, joined(d(2026, 4, 1))), nil, nil, false, "", "", ""},
		{"正式 today, 预备 on the day", member("1", "甲", "a", joined(d(2025, 6, 1)), confirmedOn(d(2026, 6, 1))), nil, nil,
			true, "a", vocab.CategoryProbation, ""},
		{"moved to another branch after the day", member("1", "甲", "b"), nil,
			[]Change{{MemberID: "1", Field: FieldBranch, Old: "a", New: "b", At: d(2026, 5, 1)}}, true, "a", vocab.CategoryFull, ""},
		{"became 书记 after the day", member("1", "甲", "a", post("党支部书记")), nil,
			[]Change{{MemberID: "1", Field: FieldPartyPost, Old: "组织委员", New: "党支部书记", At: d(2026, 4, 2)}},
			true, "a", vocab.CategoryFull, "组织委员"},
		{"transferred out after the day", member("1", "甲", "a", status(vocab.StatusTransferred), left(d(2026, 7, 1))),
			[]Transfer{letter("1", vocab.TransferOut, d(2026, 7, 1))}, nil, true, "a", vocab.CategoryFull, ""},
		{"transferred out before the day", member("1", "甲", "a", status(vocab.StatusTransferred), left(d(2026, 2, 1))),
			[]Transfer{letter("1", vocab.TransferOut, d(2026, 2, 1))}, nil, false, "", "", ""},
		{"transferred in after the day", member("1", "甲", "a", sinceDate(d(2026, 5, 2))),
			[]Transfer{letter("1", vocab.TransferIn, d(2026, 5, 2))}, nil, false, "", "", ""},
		{"died before the day", member("1", "甲", "a", status(vocab.StatusDeceased)), nil,
			[]Change{statusChange("1", vocab.StatusNormal, vocab.StatusDeceased, d(2026, 1, 15))}, false, "", "", ""},
		{"停止党籍 after the day", member("1", "甲", "a", status(vocab.StatusSuspended)), nil,
			[]Change{statusChange("1", vocab.StatusNormal, vocab.StatusSuspended, d(2026, 10, 1))}, true, "a", vocab.CategoryFull, ""},
		{"去世 with no date is on no day's rolls", member("1", "甲", "a", status(vocab.StatusDeceased)), nil, nil, false, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFacts(2026, d(2026, 12, 3))
			f.Branches = []Branch{branch("a", "一支部"), branch("b", "二支部")}
			f.Members = []Member{tt.m}
			f.Transfers, f.Changes = tt.transfers, tt.changes
			got := NewFigures(f, DefaultSettings()).OnRolls(day)
			if !tt.on {
				if len(got) != 0 {
					t.Fatalf("on the rolls: %+v", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%d members on the rolls, want 1", len(got))
			}
			m := got[0]
			if m.BranchID != tt.branch || m.Category != tt.category || m.PartyPost != tt.post || m.Status != vocab.StatusNormal {
				t.Errorf("as on the day: branch %q, category %q, post %q, status %q; want %q, %q, %q, 正常",
					m.BranchID, m.Category, m.PartyPost, m.Status, tt.branch, tt.category, tt.post)
			}
		})
	}
}

// TestOnRollsAsCounted: the members on the rolls on a day are the ones
// the statistics count in 党员总数 that day, branch by branch.
func TestOnRollsAsCounted(t *testing.T) {
	f := newFacts(2026, d(2026, 12, 31))
	f.Branches = []Branch{branch("a", "一支部"), branch("b", "二支部")}
	f.Members = []Member{
		member("1", "甲", "a", status(vocab.StatusTransferred), left(d(2026, 7, 1))),
		member("2", "乙", "a", probationary, joined(d(2026, 9, 1))),
		member("3", "丙", "b", joined(d(2025, 6, 10)), confirmedOn(d(2026, 6, 12))),
		member("4", "丁", "b"),
		member("5", "戊", "b", sinceDate(d(2026, 8, 1))),
	}
	f.Transfers = []Transfer{letter("1", vocab.TransferOut, d(2026, 7, 1)), letter("5", vocab.TransferIn, d(2026, 8, 1))}
	f.Changes = []Change{{MemberID: "4", Field: FieldBranch, Old: "a", New: "b", At: d(2026, 10, 1)}}
	g := NewFigures(f, DefaultSettings())
	for _, day := range []time.Time{d(2026, 1, 1), d(2026, 6, 30), d(2026, 7, 1), d(2026, 9, 1), d(2026, 12, 31)} {
		st := g.PartyStats(day)
		byBranch := map[string]int{}
		for _, m := range g.OnRolls(day) {
			byBranch[m.BranchID]++
		}
		for _, b := range st.Branches {
			if byBranch[b.Branch.ID] != b.Members {
				t.Errorf("%s, %s: %d on the rolls, the statistics count %d", day.Format(time.DateOnly), b.Branch.Name,
					byBranch[b.Branch.ID], b.Members)
			}
		}
	}
}
