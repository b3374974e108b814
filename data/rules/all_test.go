package rules

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"slices"
	"testing"

	"dangjian/data/vocab"
)

// ruleFuncs are the exported rules in RuleIDs order.
var ruleFuncs = []func(*Facts, Settings) []Finding{
	Train32, Train56, LectureRule, ThemeDay, ThreeOne, OrgLife, Appraise, Dual,
	SixMonth, TalkRule, LiaisonRule, Target, TransferRule, Birthday, Probation, Fifty,
	PledgeRule, VolunteerRule, LeaderLinkRule, LostContact, Abroad, Away, Graduate, CorrectionRule,
	BranchShape, Profile,
	devRule(rDevOrder), devRule(rDevAge), devRule(rDevTalk), devRule(rDevFiling), devRule(rDevContacts),
	devRule(rDevReport), devRule(rDevReview), devRule(rDevActivistYear), devRule(rDevIntroducers),
	devRule(rDevVetting), devRule(rDevTraining), devRule(rDevPublicity), devRule(rDevQuorum),
	devRule(rDevPartyTalk), devRule(rDevApproval), devRule(rDevProbation), devRule(rDevConfirm),
	devRule(rDevExtension), Eval,
}

// devRule runs the DEV- rule r alone.
func devRule(r int) func(*Facts, Settings) []Finding {
	return func(f *Facts, s Settings) []Finding { return runOne(f, s, r) }
}

func TestAllDeterministic(t *testing.T) {
	f := synthetic(3000, 80, 4000)
	first, err := json.Marshal(All(f, DefaultSettings()))
	if err != nil {
		t.Fatal(err)
	}
	second, _ := json.Marshal(All(f, DefaultSettings()))
	if !bytes.Equal(first, second) {
		t.Fatal("All gave different output for the same Facts")
	}
	// The order of the input slices does not matter either.
	r := rand.New(rand.NewPCG(3, 4))
	shuffle := func(n int, swap func(i, j int)) { r.Shuffle(n, swap) }
	g := *f
	g.Branches, g.Members, g.Meetings = slices.Clone(f.Branches), slices.Clone(f.Members), slices.Clone(f.Meetings)
	g.Training, g.Appraisals, g.Transfers = slices.Clone(f.Training), slices.Clone(f.Appraisals), slices.Clone(f.Transfers)
	shuffle(len(g.Branches), func(i, j int) { g.Branches[i], g.Branches[j] = g.Branches[j], g.Branches[i] })
	shuffle(len(g.Members), func(i, j int) { g.Members[i], g.Members[j] = g.Members[j], g.Members[i] })
	shuffle(len(g.Meetings), func(i, j int) { g.Meetings[i], g.Meetings[j] = g.Meetings[j], g.Meetings[i] })
	shuffle(len(g.Training), func(i, j int) { g.Training[i], g.Training[j] = g.Training[j], g.Training[i] })
	shuffle(len(g.Appraisals), func(i, j int) { g.Appraisals[i], g.Appraisals[j] = g.Appraisals[j], g.Appraisals[i] })
	shuffle(len(g.Transfers), func(i, j int) { g.Transfers[i], g.Transfers[j] = g.Transfers[j], g.Transfers[i] })
	g.Episodes, g.Dispositions, g.PostTerms = slices.Clone(f.Episodes), slices.Clone(f.Dispositions), slices.Clone(f.PostTerms)
	g.Pledges, g.LeaderLinks, g.Corrections = slices.Clone(f.Pledges), slices.Clone(f.LeaderLinks), slices.Clone(f.Corrections)
	shuffle(len(g.Episodes), func(i, j int) { g.Episodes[i], g.Episodes[j] = g.Episodes[j], g.Episodes[i] })
	shuffle(len(g.Dispositions), func(i, j int) { g.Dispositions[i], g.Dispositions[j] = g.Dispositions[j], g.Dispositions[i] })
	shuffle(len(g.PostTerms), func(i, j int) { g.PostTerms[i], g.PostTerms[j] = g.PostTerms[j], g.PostTerms[i] })
	shuffle(len(g.Pledges), func(i, j int) { g.Pledges[i], g.Pledges[j] = g.Pledges[j], g.Pledges[i] })
	shuffle(len(g.LeaderLinks), func(i, j int) { g.LeaderLinks[i], g.LeaderLinks[j] = g.LeaderLinks[j], g.LeaderLinks[i] })
	shuffle(len(g.Corrections), func(i, j int) { g.Corrections[i], g.Corrections[j] = g.Corrections[j], g.Corrections[i] })
	third, _ := json.Marshal(All(&g, DefaultSettings()))
	if !bytes.Equal(first, third) {
		t.Fatal("All depends on the order of the input slices")
	}
}

func TestAllIsEveryRuleInOrder(t *testing.T) {
	f := synthetic(2000, 60, 3000)
	devSynthetic(f)
	s := DefaultSettings()
	s.VolunteerHours = [numPersonTypes]int{8, 4, 0, 0}
	all := All(f, s)
	var want []Finding
	seen := map[vocab.RuleID]int{}
	for i, fn := range ruleFuncs {
		fs := fn(f, s)
		for _, fd := range fs {
			if fd.Rule != RuleIDs[i] {
				t.Fatalf("rule %d gave a %s finding", i, fd.Rule)
			}
		}
		seen[RuleIDs[i]] = len(fs)
		want = append(want, fs...)
	}
	if !slices.Equal(all, want) {
		t.Fatal("All differs from the rules run one by one")
	}
	// The synthetic data exercises every rule.
	for _, id := range RuleIDs {
		if seen[id] == 0 {
			t.Errorf("synthetic data gave no %s finding", id)
		}
	}
	if len(RuleIDs) != numRules || len(ruleFuncs) != numRules {
		t.Errorf("%d rule ids, %d functions, want %d", len(RuleIDs), len(ruleFuncs), numRules)
	}
}

func TestAllNil(t *testing.T) {
	if All(nil, DefaultSettings()) != nil || Train32(nil, DefaultSettings()) != nil || Scores(nil, DefaultSettings()) != nil {
		t.Error("nil Facts should give nil")
	}
	empty := newFacts(2026, d(2026, 5, 1))
	if got := All(empty, Settings{}); len(got) != 0 {
		t.Errorf("empty Facts gave %v", lines(got))
	}
}

func TestSortOrder(t *testing.T) {
	fs := []Finding{
		{Branch: "第10党支部", Member: "甲", Detail: "x"},
		{Branch: "第2党支部", Member: "乙", Detail: "2026年10月未开展主题党日"},
		{Branch: "第2党支部", Member: "乙", Detail: "2026年2月未开展主题党日"},
		{Branch: "第2党支部", Member: "", Detail: "z"},
		{Branch: "第2党支部", Member: "乙", MemberID: "2", Detail: "2026年2月未开展主题党日"},
		{Branch: "第2党支部", Member: "乙", MemberID: "1", Detail: "2026年2月未开展主题党日"},
	}
	sortFindings(fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.Branch+"|"+f.Member+"|"+f.MemberID+"|"+f.Detail)
	}
	sameLines(t, got, []string{
		"第2党支部|||z",
		"第2党支部|乙||2026年2月未开展主题党日",
		"第2党支部|乙|1|2026年2月未开展主题党日",
		"第2党支部|乙|2|2026年2月未开展主题党日",
		"第2党支部|乙||2026年10月未开展主题党日",
		"第10党支部|甲||x",
	})
}

func TestNaturalCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"", "a", -1}, {"a", "", 1},
		{"2月", "10月", -1}, {"10月", "2月", 1}, {"第2季度", "2月", 1},
		{"a2", "a02", 1}, {"a02", "a2", -1}, {"a2b", "a2", 1},
		{"甲", "乙", 1}, {"x9y", "x10y", -1}, {"x10", "x10", 0},
	}
	for _, tt := range tests {
		if got := naturalCompare(tt.a, tt.b); got != tt.want {
			t.Errorf("naturalCompare(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func BenchmarkAll(b *testing.B) {
	f := synthetic(20000, 540, 25000)
	s := DefaultSettings()
	var n int
	for b.Loop() {
		n = len(All(f, s))
	}
	b.ReportMetric(float64(n), "findings")
}

func TestEngineSortMatchesComparator(t *testing.T) {
	f := synthetic(3000, 80, 4000)
	e := newEngine(f, DefaultSettings())
	r := rand.New(rand.NewPCG(5, 6))
	for rule := range numRules {
		sorted := e.run(rule)
		if !slices.IsSortedFunc(sorted, func(a, b Finding) int { return compareFindings(&a, &b) }) {
			t.Errorf("%s findings are not sorted", RuleIDs[rule])
		}
		shuffled := slices.Clone(sorted)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		e.sort(shuffled)
		if !slices.Equal(shuffled, sorted) {
			t.Errorf("%s: sorting a shuffled copy gave a different order", RuleIDs[rule])
		}
	}
}
