package rules

import (
	"regexp"
	"testing"
)

// asciiBesideHan finds ASCII punctuation written beside Chinese text, which
// GB/T 15834 writes full-width.
var asciiBesideHan = regexp.MustCompile(`[\p{Han}」”）][,:;()!?]|[,:;()!?] ?[\p{Han}「“（]`)

// TestCrossOrgDetailsUseFullWidthPunctuation: every kind of cross-organization
// finding reads 「“挂空”：…（介绍信…，…）」, not 「“挂空”: …(介绍信…,…)」.
func TestCrossOrgDetailsUseFullWidthPunctuation(t *testing.T) {
	f := xFacts()
	f.Orgs = append(f.Orgs, XOrg{ID: "c", Name: "物理学院党委", LastSnapshot: d(2026, 3, 1)}, XOrg{ID: "d", Name: "化学学院党委"})
	f.Transfers = []XTransfer{xOut(xNameB, xAsOf.AddDate(0, 0, -60), 30), xIn(xNameA)}
	f.Transfers[1].IDNumber = xID2
	f.Active = []XMember{{OrgID: xOrgA, OrgName: xNameA, Name: "李四", IDNumber: xID1}, {OrgID: xOrgB, OrgName: xNameB, Name: "李四", IDNumber: xID1}}
	kinds := map[string]bool{}
	for _, g := range CrossOrgFindings(f) {
		kinds[g.Kind] = true
		if m := asciiBesideHan.FindString(g.Detail); m != "" {
			t.Errorf("%s: ASCII punctuation %q in %q", g.Kind, m, g.Detail)
		}
	}
	for _, k := range []string{KindStranded, KindUnmatchedIn, KindDuplicateActive, KindNoSnapshot} {
		if !kinds[k] {
			t.Errorf("no %s finding: the facts do not cover every text", k)
		}
	}
}
