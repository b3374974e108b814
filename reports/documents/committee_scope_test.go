package documents

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"dangjian/data"
)

// TestOrgScopedDocumentEqualsTheOrganizationsOwn makes every document of
// each organization from the consolidated database (Options.OrgID) and
// from the organization's own database: the two must be the same text —
// the same branches under their own names, the same figures under the
// organization's own settings, nothing of the other organization.
func TestOrgScopedDocumentEqualsTheOrganizationsOwn(t *testing.T) {
	merged, fx := openMerged(t)
	for _, name := range []string{orgForeign, orgComputer} {
		own := openAt(t, fx.own[name])
		for _, k := range Kinds {
			t.Run(name+"/"+string(k), func(t *testing.T) {
				got := build(t, merged, k, Options{OrgID: fx.ids[name]})
				want := build(t, own, k, Options{})
				if got.text != want.text {
					t.Errorf("the document of %s from the consolidated database differs from its own:\n%s", name, firstDiff(got.text, want.text))
				}
			})
		}
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n got  %s\n want %s", i+1, al[i], bl[i])
		}
	}
	return "one text is longer"
}

// TestSameNamedBranchesNeverMix chooses each organization's 第一党支部 by
// id in the consolidated database: the roster names that organization's
// 王同名 only (by 工号或学号 there is one each), under the organization's name.
func TestSameNamedBranchesNeverMix(t *testing.T) {
	s, fx := openMerged(t)
	refs, err := s.BranchRefs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, b := range refs {
		if b.Name != sameBranch {
			continue
		}
		seen++
		for _, k := range []Kind{Roster, Stats, Evaluation} {
			r := build(t, s, k, Options{BranchID: b.ID})
			if r.doc.Org != b.OrgName {
				t.Errorf("%s of %s: the header names %q", k, b.Qualified(), r.doc.Org)
			}
			if k == Roster && strings.Count(r.text, sameName) != 1 {
				t.Errorf("the roster of %s names %s %d times, want once:\n%s", b.Qualified(), sameName, strings.Count(r.text, sameName), r.text)
			}
		}
		// With the organization chosen, the other organization's branch is refused.
		for name, id := range fx.ids {
			if id == b.OrgID {
				continue
			}
			_, err := Build(context.Background(), s, Roster, Options{OrgID: id, BranchID: b.ID, Now: testNow})
			var be *BranchError
			if !errors.As(err, &be) || strings.Contains(strings.Join(be.Branches, "、"), b.OrgName) {
				t.Errorf("%s's branch chosen with %s: %v", b.OrgName, name, err)
			}
		}
	}
	if seen != 2 {
		t.Fatalf("the consolidated database has %d branches named %s, want 2", seen, sameBranch)
	}
}

// TestUniversityScopeNamesBranchesByOrganization makes the roster of the
// whole consolidated database: the header says 全校 and every branch is
// 「组织 · 支部」, so the two 第一党支部 are told apart.
func TestUniversityScopeNamesBranchesByOrganization(t *testing.T) {
	s, _ := openMerged(t)
	r := build(t, s, Roster, Options{})
	if r.doc.Org != University {
		t.Errorf("the header of the whole names %q, want %s", r.doc.Org, University)
	}
	for _, org := range []string{orgForeign, orgComputer} {
		if !strings.Contains(r.text, org+data.BranchSeparator+sameBranch) {
			t.Errorf("the roster of the whole has no %s%s%s", org, data.BranchSeparator, sameBranch)
		}
	}
	if strings.Count(r.text, sameName) != 2 {
		t.Errorf("the roster of the whole names %s %d times, want twice", sameName, strings.Count(r.text, sameName))
	}
	if st := build(t, s, Stats, Options{}); !strings.Contains(st.text, "为各二级党组织内党支部之间的调整") {
		t.Errorf("the statistics of the whole speak of one organization's branches:\n%.400s", st.text)
	}
	ev := build(t, s, Evaluation, Options{})
	if !strings.Contains(ev.text, "全校考评得分") || strings.Contains(ev.text, "本组织考评得分") {
		t.Errorf("the evaluation of the whole does not speak of 全校:\n%.400s", ev.text)
	}
}

// TestUnknownOrganizationIsRefused: an organization id or name that the
// database does not hold is refused with the organizations there are.
func TestUnknownOrganizationIsRefused(t *testing.T) {
	s, fx := openMerged(t)
	_, err := Build(context.Background(), s, Roster, Options{OrgID: "no-such-org", Now: testNow})
	var oe *OrgError
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), orgForeign) || !strings.Contains(err.Error(), orgComputer) {
		t.Fatalf("an unknown organization: %v", err)
	}
	for _, tc := range []struct{ text, want string }{
		{orgForeign, fx.ids[orgForeign]},
		{" " + orgComputer + " ", fx.ids[orgComputer]},
		{fx.ids[orgComputer], fx.ids[orgComputer]},
		{"外国语学院", ""},
	} {
		o, err := ResolveOrg(context.Background(), s, tc.text)
		if o.ID != tc.want || (tc.want == "") != (err != nil) {
			t.Errorf("ResolveOrg(%q) = %q, %v; want %q", tc.text, o.ID, err, tc.want)
		}
	}
}
