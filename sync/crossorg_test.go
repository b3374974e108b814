package snapshot

import (
	"context"
	"strings"
	"testing"
	"time"

	"dangjian/data"
	"dangjian/data/field"
	"dangjian/data/rules"
)

// addMember puts a member on o's rolls in a branch of its own.
func (o *org) addMember(t *testing.T, name, idNumber, status string) *data.Member {
	t.Helper()
	ctx := context.Background()
	b := &data.Branch{Name: "核查支部" + name, Type: "教工"}
	if err := o.store.Branches.Create(ctx, b); err != nil {
		t.Fatal(err)
	}
	m := &data.Member{BranchID: data.Ref(b.ID), Name: name, IDNumber: idNumber, PersonType: "在职教职工",
		Category: "正式党员", Status: status, JoinedDate: data.DateOf(time.Date(2010, 6, 1, 0, 0, 0, 0, time.UTC))}
	if err := o.store.Members.Create(ctx, m); err != nil {
		t.Fatal(err)
	}
	return m
}

func (o *org) addTransfer(t *testing.T, m *data.Member, direction, other, letter string, issued time.Time) {
	t.Helper()
	tr := &data.Transfer{MemberID: data.Ref(m.ID), Direction: direction, OtherOrg: other, LetterNo: letter,
		IssuedDate: data.DateOf(issued), ValidDays: 90}
	if err := o.store.Transfers.Create(context.Background(), tr); err != nil {
		t.Fatal(err)
	}
}

func idNumber(seq int) string {
	return field.MakeIDNumber("110101", time.Date(1985, 3, seq, 0, 0, 0, 0, time.UTC), seq, seq%2 == 1)
}

func TestCrossOrganizationFindings(t *testing.T) {
	w := newWorld(t)
	a := w.newOrg("甲学院党委", 0, 0)
	b := w.newOrg("乙学院党委", 0, 0)
	w.newOrg("丙学院党委", 0, 0) // enrolled, never pushes

	// 张明 moves from A to B: A keeps a row 已转出, B has the active one.
	moved := idNumber(1)
	zA := a.addMember(t, "张明", moved, "已转出")
	a.addTransfer(t, zA, "转出", "乙学院党委", "ZJ-2026-001", asOf.AddDate(0, -1, 0))
	zB := b.addMember(t, "张明", moved, "正常")
	b.addTransfer(t, zB, "转入", "甲学院党委", "ZJ-2026-001", asOf.AddDate(0, -1, 0))
	// 李华 left A for B half a year ago; B never recorded the arrival.
	lA := a.addMember(t, "李华", idNumber(2), "已转出")
	a.addTransfer(t, lA, "转出", "乙学院党委", "ZJ-2026-002", asOf.AddDate(0, -6, 0))
	// 王芳 is on the rolls of both.
	twice := idNumber(3)
	a.addMember(t, "王芳", twice, "正常")
	b.addMember(t, "王芳", twice, "正常")
	a.push(t)
	b.push(t)

	rep, path := w.consolidate()
	merged := openMerged(t, path)
	active, err := merged.Members.List(context.Background(), data.Where("id_number", moved), data.WhereIn("status", data.ActiveStatuses))
	if err != nil {
		t.Fatal(err)
	}
	if len(active) != 1 || active[0].OrgID != b.store.Org().ID {
		t.Errorf("the transferred member is active %d times (want once, in B)", len(active))
	}

	kinds := map[string][]string{}
	for _, f := range rep.Findings {
		kinds[f.Kind] = append(kinds[f.Kind], f.Detail)
		for _, secret := range []string{moved, twice, idNumber(2)} {
			if strings.Contains(f.Detail, secret) {
				t.Errorf("a finding shows a 公民身份号码: %s", f.Detail)
			}
		}
	}
	if got := kinds[rules.KindStranded]; len(got) != 1 || !strings.Contains(got[0], "李华") {
		t.Errorf("挂空 findings: %v", got)
	}
	if got := kinds[rules.KindDuplicateActive]; len(got) != 1 || !strings.Contains(got[0], "王芳") {
		t.Errorf("double membership findings: %v", got)
	}
	if got := kinds[rules.KindNoSnapshot]; len(got) != 1 || !strings.Contains(got[0], "丙学院党委") {
		t.Errorf("missing snapshot findings: %v", got)
	}
	for _, d := range kinds[rules.KindStranded] {
		if strings.Contains(d, "张明") {
			t.Errorf("a received transfer is reported: %s", d)
		}
	}
	if n := len(rep.Findings); n != 3 {
		t.Errorf("want 3 findings, got %d: %+v", n, rep.Findings)
	}
	for _, o := range rep.Orgs {
		if o.Name == "丙学院党委" && o.Status != StatusMissing {
			t.Errorf("an organization that never pushed: %+v", o)
		}
	}
}
