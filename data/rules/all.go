package rules

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"dangjian/data/hanzi"
	"dangjian/data/vocab"
)

// The rules, in the order All runs them.
const (
	rTrain32 = iota
	rTrain56
	rLecture
	rThemeDay
	rThreeOne
	rOrgLife
	rAppraise
	rDual
	rSixMonth
	rTalk
	rLiaison
	rTarget
	rTransfer
	rBirthday
	rProbation
	rFifty
	rPledge
	rVolunteer
	rLeaderLink
	rLostContact
	rAbroad
	rAway
	rGraduate
	rCorrection
	rBranchShape
	rProfile
	rDevOrder
	rDevAge
	rDevTalk
	rDevFiling
	rDevContacts
	rDevReport
	rDevReview
	rDevActivistYear
	rDevIntroducers
	rDevVetting
	rDevTraining
	rDevPublicity
	rDevQuorum
	rDevPartyTalk
	rDevApproval
	rDevProbation
	rDevConfirm
	rDevExtension
	rEval
	numRules
)

// ruleIDs are the Finding.Rule values, indexed by the constants above.
var ruleIDs = [numRules]vocab.RuleID(vocab.RuleIDs)

// RuleIDs lists the rule ids (Finding.Rule) in the order All runs them.
var RuleIDs = slices.Clone(ruleIDs[:])

// All runs every rule in RuleIDs order and returns their findings, each
// rule's findings sorted by branch name, member name and detail (numbers in
// names and details compare by value, so 2月 comes before 10月). The same
// Facts and Settings always give identical output. Shared indexes and the
// scores are computed once.
func All(f *Facts, s Settings) []Finding {
	if f == nil {
		return nil
	}
	return NewFigures(f, s).Findings()
}

// runOne runs a single rule over f.
func runOne(f *Facts, s Settings, r int) []Finding {
	if f == nil {
		return nil
	}
	return newEngine(f, s).run(r)
}

// engine holds one call's Facts, Settings, indexes and results, so that
// nothing is computed twice within All.
type engine struct {
	f   *Facts
	s   Settings
	cal calendar

	branches   map[string]*Branch
	members    map[string]*Member
	branchList []*Branch // first of each id, in finding order
	ordered    []*Member // every member, as on the reference day, in finding order
	normal     []*Member // Status 正常, in finding order
	active     []*Member // Status 正常 and Since not after the year
	// Ranks of every branch name (and "") in hanzi.CompareLabel order and
	// of every member name in hanzi.ComparePinyin order; see sort.
	branchRank map[string]int32
	memberRank map[string]int32

	results [numRules][]Finding
	done    [numRules]bool

	// built on first use
	meet     map[string]*kindMasks
	hours    map[string]int64 // centi-hours per member
	agree    map[string]agreeState
	scores   []Score
	scored   bool
	ledger   *DuesLedger
	byMember map[string][]*Transfer // letters per member, by date
	episodes []Episode              // recorded and 失联 from the member record
	ref      time.Time              // the day members are taken as on: the year's last day, or AsOf
}

func newEngine(f *Facts, s Settings) *engine {
	e := &engine{
		f:        f,
		s:        s.orDefault(),
		cal:      newCalendar(f.Year, f.AsOf),
		branches: make(map[string]*Branch, len(f.Branches)),
		members:  make(map[string]*Member, len(f.Members)),
	}
	names := make([]string, 0, len(f.Branches))
	for i := range f.Branches {
		b := &f.Branches[i]
		if _, dup := e.branches[b.ID]; !dup {
			e.branches[b.ID] = b
			e.branchList = append(e.branchList, b)
			names = append(names, b.Name)
		}
	}
	e.branchRank = nameRanks(names, hanzi.CompareLabel)
	// Members as they were on the reference day: the year's last day, or
	// AsOf while the year runs.
	ref := time.Date(f.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	if a := civil(f.AsOf); !a.IsZero() && a.Before(ref) {
		ref = a
	}
	e.ref = ref
	changes := make(map[string][]Change)
	for _, c := range f.Changes {
		changes[c.MemberID] = append(changes[c.MemberID], c)
	}
	on := make([]Member, 0, len(f.Members))
	names = make([]string, 0, len(f.Members))
	for i := range f.Members {
		if _, dup := e.members[f.Members[i].ID]; dup {
			continue
		}
		on = append(on, MemberOn(withLeft(f.Members[i], changes[f.Members[i].ID]), changes[f.Members[i].ID], ref))
		m := &on[len(on)-1]
		e.members[m.ID] = m
		names = append(names, m.Name)
	}
	e.memberRank = nameRanks(names, hanzi.ComparePinyin)

	// Visit branches and members in the order findings are sorted in, so
	// that most rules' findings come out already sorted.
	slices.SortFunc(e.branchList, func(a, b *Branch) int {
		if c := cmp.Compare(e.branchRank[a.Name], e.branchRank[b.Name]); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	type keyed struct {
		branch, member int32
		m              *Member
	}
	ks := make([]keyed, len(on))
	for i := range on {
		m := &on[i]
		ks[i] = keyed{e.branchRank[e.branchName(m.BranchID)], e.memberRank[m.Name], m}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if c := cmp.Compare(a.branch, b.branch); c != 0 {
			return c
		}
		if c := cmp.Compare(a.member, b.member); c != 0 {
			return c
		}
		return strings.Compare(a.m.ID, b.m.ID)
	})
	yearEnd := time.Date(f.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	e.ordered = make([]*Member, len(ks))
	for i, k := range ks {
		e.ordered[i] = k.m
		if k.m.Status != vocab.StatusNormal {
			continue
		}
		e.normal = append(e.normal, k.m)
		if !since(k.m).After(yearEnd) {
			e.active = append(e.active, k.m)
		}
	}
	return e
}

// run returns rule r's sorted findings, computing them on first use.
func (e *engine) run(r int) []Finding {
	if e.done[r] {
		return e.results[r]
	}
	var fs []Finding
	switch r {
	case rTrain32:
		fs = e.train(false)
	case rTrain56:
		fs = e.train(true)
	case rLecture:
		fs = e.lecture()
	case rThemeDay:
		fs = e.themeDayRule()
	case rThreeOne:
		fs = e.threeOneRule()
	case rOrgLife:
		fs = e.orgLifeRule()
	case rAppraise:
		fs = e.appraise()
	case rDual:
		fs = e.dual()
	case rSixMonth:
		fs = e.sixMonth()
	case rTalk:
		fs = e.talk()
	case rLiaison:
		fs = e.liaison()
	case rTarget:
		fs = e.target()
	case rTransfer:
		fs = e.transfer()
	case rBirthday:
		fs = e.birthday()
	case rProbation:
		fs = e.probation()
	case rFifty:
		fs = e.fifty()
	case rPledge:
		fs = e.pledge()
	case rVolunteer:
		fs = e.volunteer()
	case rLeaderLink:
		fs = e.leaderLink()
	case rLostContact:
		fs = e.lostContact()
	case rAbroad:
		fs = e.abroad()
	case rAway:
		fs = e.away()
	case rGraduate:
		fs = e.graduate()
	case rCorrection:
		fs = e.correction()
	case rBranchShape:
		fs = e.branchShape()
	case rProfile:
		fs = e.profile()
	case rEval:
		fs = e.eval()
	default:
		if r >= rDevOrder && r <= rDevExtension {
			fs = e.dev(r)
		}
	}
	e.sort(fs)
	e.results[r], e.done[r] = fs, true
	return fs
}

// branchName resolves a branch id to its name ("" when unknown).
func (e *engine) branchName(id string) string {
	if b := e.branches[id]; b != nil {
		return b.Name
	}
	return ""
}

// memberFinding is a finding about member m under rule r.
func (e *engine) memberFinding(r int, m *Member, detail string) Finding {
	return Finding{
		Rule:     ruleIDs[r],
		BranchID: m.BranchID,
		Branch:   e.branchName(m.BranchID),
		Member:   m.Name,
		MemberID: m.ID,
		Detail:   detail,
	}
}

// branchFinding is a finding about branch b under rule r.
func branchFinding(r int, b *Branch, detail string) Finding {
	return Finding{Rule: ruleIDs[r], BranchID: b.ID, Branch: b.Name, Detail: detail}
}

// inYear reports whether t is in the checked year, or unknown (zero): the
// Facts promise such records are of the year.
func (e *engine) inYear(t time.Time) bool {
	return t.IsZero() || t.Year() == e.f.Year
}

// compareFindings orders findings by branch name and member name as every
// screen orders them (branches by hanzi.CompareLabel: 第二 before 第十;
// people by hanzi.ComparePinyin, surnames read as surnames), then by detail,
// with ids as tie-breakers, so the order is total and repeatable.
func compareFindings(a, b *Finding) int {
	if c := hanzi.CompareLabel(a.Branch, b.Branch); c != 0 {
		return c
	}
	if c := hanzi.ComparePinyin(a.Member, b.Member); c != 0 {
		return c
	}
	return compareRest(a, b)
}

// compareRest breaks ties between findings of the same branch and member
// names.
func compareRest(a, b *Finding) int {
	if c := naturalCompare(a.Detail, b.Detail); c != 0 {
		return c
	}
	if c := strings.Compare(a.BranchID, b.BranchID); c != 0 {
		return c
	}
	if c := strings.Compare(a.MemberID, b.MemberID); c != 0 {
		return c
	}
	return strings.Compare(string(a.Rule), string(b.Rule))
}

// sortFindings sorts fs in compareFindings order.
func sortFindings(fs []Finding) {
	slices.SortFunc(fs, func(a, b Finding) int { return compareFindings(&a, &b) })
}

// nameRanks maps each name to its position in the order compare gives.
func nameRanks(names []string, compare func(a, b string) int) map[string]int32 {
	names = append(names, "")
	slices.SortFunc(names, compare)
	names = slices.Compact(names)
	ranks := make(map[string]int32, len(names))
	for i, n := range names {
		ranks[n] = int32(i)
	}
	return ranks
}

// sort sorts fs in place in compareFindings order. Rules visit branches and
// members in that order, so findings often come out sorted already;
// otherwise small keys holding the names' ranks are sorted, so that most
// comparisons are of two integers and the large Finding values move once.
func (e *engine) sort(fs []Finding) {
	sorted := true
	for i := 1; i < len(fs) && sorted; i++ {
		sorted = compareFindings(&fs[i-1], &fs[i]) <= 0
	}
	if sorted {
		return
	}
	if len(fs) < 64 {
		sortFindings(fs)
		return
	}
	type key struct{ branch, member, i int32 }
	keys := make([]key, len(fs))
	for i := range fs {
		br, ok1 := e.branchRank[fs[i].Branch]
		mr, ok2 := e.memberRank[fs[i].Member]
		if !ok1 || !ok2 { // a name not from Facts: cannot happen, but stay correct
			sortFindings(fs)
			return
		}
		keys[i] = key{br, mr, int32(i)}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp.Compare(a.branch, b.branch); c != 0 {
			return c
		}
		if c := cmp.Compare(a.member, b.member); c != 0 {
			return c
		}
		return compareRest(&fs[a.i], &fs[b.i])
	})
	// Move each finding to its place by following the permutation's cycles,
	// marking a place done by pointing its key at itself.
	for start := range keys {
		if int(keys[start].i) == start {
			continue
		}
		held := fs[start]
		j := start
		for {
			src := int(keys[j].i)
			keys[j].i = int32(j)
			if src == start {
				fs[j] = held
				break
			}
			fs[j] = fs[src]
			j = src
		}
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// naturalCompare compares strings byte by byte (so by code point), except
// that runs of ASCII digits compare by numeric value: "2026年2月" sorts before
// "2026年10月" and "第2党支部" before "第10党支部". Strings that differ only
// in leading zeros fall back to plain comparison.
func naturalCompare(a, b string) int {
	if a == b {
		return 0
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ca, cb := a[i], b[j]
		if !isDigit(ca) || !isDigit(cb) {
			if ca != cb {
				return cmp.Compare(ca, cb)
			}
			i++
			j++
			continue
		}
		si, sj := i, j
		for i < len(a) && isDigit(a[i]) {
			i++
		}
		for j < len(b) && isDigit(b[j]) {
			j++
		}
		na, nb := strings.TrimLeft(a[si:i], "0"), strings.TrimLeft(b[sj:j], "0")
		if len(na) != len(nb) {
			return cmp.Compare(len(na), len(nb))
		}
		if c := strings.Compare(na, nb); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(len(a)-i, len(b)-j); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}
