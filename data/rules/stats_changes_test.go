package rules

import (
	"testing"
	"time"

	"dangjian/data/vocab"
)

// letter is a transfer letter of member id.
func letter(id string, dir vocab.Direction, issued time.Time) Transfer {
	return Transfer{ID: "t" + id + string(dir) + issued.Format(time.DateOnly), MemberID: id, Direction: dir,
		Issued: issued}
}

// statusChange records that member id's status went from old to new on at.
func statusChange(id string, old, new vocab.Status, at time.Time) Change {
	return Change{MemberID: id, Field: FieldStatus, Old: string(old), New: string(new), At: at}
}

// checkIdentity fails t unless Start + Added − Removed = End and End is
// the members counted on the day.
func checkIdentity(t *testing.T, what string, b BranchStats) {
	t.Helper()
	c := b.Changes
	if c.Start+c.Added()-c.Removed() != c.End {
		t.Errorf("%s: 年初%d + 增加%d − 减少%d ≠ 年末%d (%+v)", what, c.Start, c.Added(), c.Removed(), c.End, c)
	}
	if c.End != b.Members {
		t.Errorf("%s: 年末%d, but %d members counted on the day", what, c.End, b.Members)
	}
}

// TestPartyStatsChanges checks the 党员增减 table of 2026 as of 31 December
// for one member at a time, each case a way of coming or going.
func TestPartyStatsChanges(t *testing.T) {
	ref := d(2026, 12, 31)
	tests := []struct {
		name      string
		m         Member
		transfers []Transfer
		changes   []Change
		want      Changes
	}{
		{"on the rolls all year", member("1", "甲", "a"), nil, nil, Changes{Start: 1, End: 1}},
		{"admitted in the year", member("1", "甲", "a", probationary, joined(d(2026, 4, 1))), nil, nil,
			Changes{Admitted: 1, End: 1}},
		{"admitted on the first day of the year", member("1", "甲", "a", probationary, joined(d(2026, 1, 1))), nil, nil,
			Changes{Admitted: 1, End: 1}},
		{"admitted on the last day of the year before", member("1", "甲", "a", probationary, joined(d(2025, 12, 31))),
			nil, nil, Changes{Start: 1, End: 1}},
		{"admitted after the day", member("1", "甲", "a", probationary, joined(d(2027, 1, 1))), nil, nil, Changes{}},
		{"预备 of last year who became 正式", member("1", "甲", "a", joined(d(2025, 6, 10)), confirmedOn(d(2026, 6, 12))),
			nil, nil, Changes{Start: 1, End: 1, Confirmed: 1}},
		{"transferred in during the year", member("1", "甲", "a", sinceDate(d(2026, 3, 2))),
			[]Transfer{letter("1", vocab.TransferIn, d(2026, 3, 2))}, nil, Changes{TransferredIn: 1, End: 1}},
		{"admitted elsewhere in the year, then transferred in: 转入, not 发展",
			member("1", "甲", "a", probationary, joined(d(2026, 2, 1)), sinceDate(d(2026, 5, 1))),
			[]Transfer{letter("1", vocab.TransferIn, d(2026, 5, 1))}, nil, Changes{TransferredIn: 1, End: 1}},
		{"transferred in last year", member("1", "甲", "a", sinceDate(d(2025, 3, 2))),
			[]Transfer{letter("1", vocab.TransferIn, d(2025, 3, 2))}, nil, Changes{Start: 1, End: 1}},
		{"transferred out during the year", member("1", "甲", "a", status(vocab.StatusTransferred), left(d(2026, 7, 1))),
			[]Transfer{letter("1", vocab.TransferOut, d(2026, 7, 1))}, nil, Changes{Start: 1, TransferredOut: 1}},
		{"transferred out last year", member("1", "甲", "a", status(vocab.StatusTransferred), left(d(2025, 7, 1))),
			[]Transfer{letter("1", vocab.TransferOut, d(2025, 7, 1))}, nil, Changes{}},
		{"a letter out of a member still 正常 did not take effect", member("1", "甲", "a"),
			[]Transfer{letter("1", vocab.TransferOut, d(2026, 7, 1))}, nil, Changes{Start: 1, End: 1}},
		{"transferred in and out within the year: both count",
			member("1", "甲", "a", status(vocab.StatusTransferred), sinceDate(d(2026, 2, 1)), left(d(2026, 9, 1))),
			[]Transfer{letter("1", vocab.TransferIn, d(2026, 2, 1)), letter("1", vocab.TransferOut, d(2026, 9, 1))}, nil,
			Changes{TransferredIn: 1, TransferredOut: 1}},
		{"admitted and transferred out within the year: both count",
			member("1", "甲", "a", probationary, joined(d(2026, 3, 1)), status(vocab.StatusTransferred), left(d(2026, 6, 1))),
			[]Transfer{letter("1", vocab.TransferOut, d(2026, 6, 1))}, nil, Changes{Admitted: 1, TransferredOut: 1}},
		{"died during the year", member("1", "甲", "a", status(vocab.StatusDeceased)), nil,
			[]Change{statusChange("1", vocab.StatusNormal, vocab.StatusDeceased, d(2026, 8, 15))},
			Changes{Start: 1, Died: 1}},
		{"died last year", member("1", "甲", "a", status(vocab.StatusDeceased)), nil,
			[]Change{statusChange("1", vocab.StatusNormal, vocab.StatusDeceased, d(2025, 8, 15))}, Changes{}},
		{"出党 during the year", member("1", "甲", "a", status(vocab.StatusExpelled)), nil,
			[]Change{statusChange("1", vocab.StatusNormal, vocab.StatusExpelled, d(2026, 10, 1))},
			Changes{Start: 1, Expelled: 1}},
		{"停止党籍 during the year", member("1", "甲", "a", status(vocab.StatusSuspended)), nil,
			[]Change{statusChange("1", vocab.StatusNormal, vocab.StatusSuspended, d(2026, 10, 1))},
			Changes{Start: 1, Suspended: 1}},
		{"恢复党籍 during the year", member("1", "甲", "a"), nil,
			[]Change{
				statusChange("1", vocab.StatusNormal, vocab.StatusSuspended, d(2024, 10, 1)),
				statusChange("1", vocab.StatusSuspended, vocab.StatusNormal, d(2026, 4, 1)),
			}, Changes{Restored: 1, End: 1}},
		{"去世 with no date: in neither count, told apart", member("1", "甲", "a", status(vocab.StatusDeceased)), nil, nil,
			Changes{UndatedLeft: 1}},
		{"已转出 with no letter and no date", member("1", "甲", "a", status(vocab.StatusTransferred)), nil, nil,
			Changes{UndatedLeft: 1}},
		{"no 入党日期: taken as on the rolls at the start, told apart",
			member("1", "甲", "a", joined(time.Time{}), confirmedOn(time.Time{})), nil, nil,
			Changes{Start: 1, End: 1, UndatedJoin: 1}},
		{"set back to 正常 from 已转出 with no letter", member("1", "甲", "a"), nil,
			[]Change{
				statusChange("1", vocab.StatusNormal, vocab.StatusTransferred, d(2025, 5, 1)),
				statusChange("1", vocab.StatusTransferred, vocab.StatusNormal, d(2026, 5, 1)),
			}, Changes{OtherIn: 1, End: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFacts(2026, ref)
			f.Branches = []Branch{branch("a", "一支部")}
			f.Members = []Member{tt.m}
			f.Transfers, f.Changes = tt.transfers, tt.changes
			st := NewFigures(f, DefaultSettings()).PartyStats(ref)
			if st.Total.Changes != tt.want {
				t.Errorf("got  %+v\nwant %+v", st.Total.Changes, tt.want)
			}
			if len(st.Branches) != 1 || st.Branches[0].Changes != tt.want {
				t.Errorf("the branch's changes differ from the total's: %+v", st.Branches)
			}
			checkIdentity(t, "total", st.Total)
		})
	}
}

// TestPartyStatsBranchMoves checks that a move between branches is a
// decrease of one and an increase of the other, and nothing for the whole.
func TestPartyStatsBranchMoves(t *testing.T) {
	ref := d(2026, 12, 31)
	f := newFacts(2026, ref)
	f.Branches = []Branch{branch("a", "一支部"), branch("b", "二支部")}
	f.Members = []Member{member("1", "甲", "b"), member("2", "乙", "a"), member("3", "丙", "b")}
	f.Changes = []Change{{MemberID: "1", Field: FieldBranch, Old: "a", New: "b", At: d(2026, 5, 1)},
		{MemberID: "3", Field: FieldBranch, Old: "a", New: "b", At: d(2025, 5, 1)}}
	st := NewFigures(f, DefaultSettings()).PartyStats(ref)
	a, b := st.Branches[0], st.Branches[1]
	if a.Branch.ID != "a" || b.Branch.ID != "b" {
		t.Fatalf("branches out of order: %s, %s", a.Branch.ID, b.Branch.ID)
	}
	if a.Changes != (Changes{Start: 2, MovedOut: 1, End: 1}) {
		t.Errorf("一支部: %+v", a.Changes)
	}
	if b.Changes != (Changes{Start: 1, MovedIn: 1, End: 2}) {
		t.Errorf("二支部: %+v", b.Changes)
	}
	if c := st.Total.Changes; c.Start != 3 || c.End != 3 || c.MovedIn != c.MovedOut || c.Added()-c.Removed() != 0 {
		t.Errorf("the whole: %+v", c)
	}
	for _, x := range append(st.Branches, st.Total) {
		checkIdentity(t, "branch", x)
	}
}

// TestPartyStatsYearSoFar checks the statistics as of a day within the
// year: the changes after it are not counted yet, and the members are as
// on that day.
func TestPartyStatsYearSoFar(t *testing.T) {
	f := newFacts(2026, d(2026, 12, 31))
	f.Branches = []Branch{branch("a", "一支部")}
	f.Members = []Member{
		member("1", "甲", "a", status(vocab.StatusTransferred), left(d(2026, 7, 1))),
		member("2", "乙", "a", probationary, joined(d(2026, 9, 1))),
		member("3", "丙", "a", joined(d(2025, 6, 10)), confirmedOn(d(2026, 6, 12))),
		member("4", "丁", "a", status(vocab.StatusDeceased)),
	}
	f.Transfers = []Transfer{letter("1", vocab.TransferOut, d(2026, 7, 1))}
	f.Changes = []Change{statusChange("4", vocab.StatusNormal, vocab.StatusDeceased, d(2026, 6, 30))}
	st := NewFigures(f, DefaultSettings()).PartyStats(d(2026, 6, 30))
	want := Changes{Start: 3, Died: 1, End: 2, Confirmed: 1}
	if st.Total.Changes != want {
		t.Errorf("as of 30 June: %+v, want %+v", st.Total.Changes, want)
	}
	if got := st.Total.Category; got[vocab.CategoryFull] != 2 || got[vocab.CategoryProbation] != 0 {
		t.Errorf("as of 30 June: categories %v, want 2 正式 (丙 转正 on 12 June)", got)
	}
	if !st.Ref.Equal(d(2026, 6, 30)) || !st.From.Equal(d(2026, 1, 1)) {
		t.Errorf("period %v – %v", st.From, st.Ref)
	}
	checkIdentity(t, "30 June", st.Total)

	// The figures' own day when none is given: the year's last day.
	st = NewFigures(f, DefaultSettings()).PartyStats(time.Time{})
	want = Changes{Start: 3, Admitted: 1, TransferredOut: 1, Died: 1, End: 2, Confirmed: 1}
	if st.Total.Changes != want || !st.Ref.Equal(d(2026, 12, 31)) {
		t.Errorf("as of the year's end: %+v, want %+v", st.Total.Changes, want)
	}
}
