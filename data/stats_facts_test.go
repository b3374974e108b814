package data_test

import (
	"context"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// TestPartyStatsFromTheStore checks the 党内统计 figures on a real database:
// 民族 and 学历 reach the figures, a member transferred in with a letter is a
// 转入, and a death recorded in the year is a 死亡 dated by the record's
// change.
func TestPartyStatsFromTheStore(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s := movableStore(t, &now)
	ctx := context.Background()
	b := addBranch(t, s, "第一党支部")
	stays := validMember(b, "甲", 1)
	stays.Ethnicity, stays.Education = "回族", string(vocab.EduPostgraduate)
	must(t, s.Members.Create(ctx, stays))
	came := validMember(b, "乙", 2)
	must(t, s.Members.Create(ctx, came))
	must(t, s.Transfers.Create(ctx, &data.Transfer{MemberID: data.Ref(came.ID), Direction: string(vocab.TransferIn),
		OtherOrg: "外校党委", LetterNo: "转字001", IssuedDate: data.NewDate(2026, 2, 20)}))
	dies := validMember(b, "丙", 3)
	must(t, s.Members.Create(ctx, dies))
	now = time.Date(2026, 8, 15, 9, 0, 0, 0, time.UTC)
	dies.Status = string(vocab.StatusDeceased)
	must(t, s.Members.Update(ctx, dies))

	fig, err := s.Figures(ctx, 2026, time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	st := fig.PartyStats(time.Time{})
	c := st.Total
	if c.Members != 2 || c.Minorities["回族"] != 1 || c.Ethnicity[rules.EthnicHan] != 1 ||
		c.Education[vocab.EduPostgraduate] != 1 || c.Education[vocab.EduBachelor] != 0 {
		t.Errorf("composition: %d members, minorities %v, 学历 %v", c.Members, c.Minorities, c.Education)
	}
	want := rules.Changes{Start: 2, TransferredIn: 1, Died: 1, End: 2}
	if c.Changes != want {
		t.Errorf("党员增减 %+v, want %+v", c.Changes, want)
	}

	// As of 1 August the death is not yet recorded.
	if st := fig.PartyStats(time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)); st.Total.Changes.End != 3 {
		t.Errorf("on 1 August: %+v", st.Total.Changes)
	}
}
