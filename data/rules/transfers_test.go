package rules

import (
	"testing"
	"time"
)

func TestTransfer(t *testing.T) {
	const late = "转出至某大学党委（介绍信2026-001）已超过有效期未收到回执，存在“挂空”风险"
	out := Transfer{ID: "t", MemberID: "1", Direction: "转出", OtherOrg: "某大学党委",
		LetterNo: "2026-001", Issued: d(2026, 1, 1)} // 90 days: valid through 2026-04-01
	with := func(change func(*Transfer)) Transfer {
		t := out
		change(&t)
		return t
	}
	tests := []struct {
		name string
		asOf time.Time
		t    Transfer
		want []string
	}{
		{"one day before the deadline", d(2026, 3, 31), out, nil},
		{"on the deadline", d(2026, 4, 1), out, nil},
		{"one day after the deadline", d(2026, 4, 2), out, []string{"TRANSFER|一支部|甲|" + late}},
		{"own validity, one day after", d(2026, 2, 1), with(func(t *Transfer) { t.ValidDays = 30 }),
			[]string{"TRANSFER|一支部|甲|" + late}},
		{"own validity, on the deadline", d(2026, 1, 31), with(func(t *Transfer) { t.ValidDays = 30 }), nil},
		{"receipt returned", d(2026, 12, 1), with(func(t *Transfer) { t.Receipt = d(2026, 2, 1) }), nil},
		{"transfer in", d(2026, 12, 1), with(func(t *Transfer) { t.Direction = "转入" }), nil},
		{"no letter number", d(2026, 12, 1), with(func(t *Transfer) { t.LetterNo = "" }),
			[]string{"TRANSFER|一支部|甲|转出至某大学党委已超过有效期未收到回执，存在“挂空”风险"}},
		{"issue date unknown", d(2026, 12, 1), with(func(t *Transfer) { t.Issued = time.Time{} }), nil},
		{"older year still counts", d(2026, 12, 1), with(func(t *Transfer) { t.Issued = d(2024, 1, 1) }),
			[]string{"TRANSFER|一支部|甲|" + late}},
		{"member not on record", d(2026, 12, 1), with(func(t *Transfer) { t.MemberID = "9" }),
			[]string{"TRANSFER|||" + late}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFacts(2026, tt.asOf)
			f.Branches = []Branch{branch("b", "一支部")}
			// Transferred out members are no longer 正常 but are still named.
			f.Members = []Member{member("1", "甲", "b", status("已转出"))}
			f.Transfers = []Transfer{tt.t}
			got := TransferRule(f, DefaultSettings())
			sameLines(t, lines(got), tt.want)
			if len(got) == 1 && got[0].MemberID != tt.t.MemberID {
				t.Errorf("MemberID = %q, want %q", got[0].MemberID, tt.t.MemberID)
			}
		})
	}
}
