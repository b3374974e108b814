package app

import (
	"cmp"
	"slices"

	"dangjian/data"
	"dangjian/data/hanzi"
	"dangjian/data/rules"
	"dangjian/data/vocab"
)

// findingGroup is a line of the 工作台's summary: a rule or a branch, and
// the calculator's findings under it.
type findingGroup struct {
	key      string // the rule's id, or the branch's
	label    string // the rule's Chinese name, or the branch's label
	findings []rules.Finding
}

// findingGroups are the findings summarised two ways: by rule, in the
// order the rules are checked, and by branch, most findings first.
type findingGroups struct {
	byRule, byBranch []findingGroup
	// branches names each branch of a finding by its label, by id.
	branches map[string]string
	// set are the thresholds the findings were computed with.
	set rules.Settings
}

// noBranch labels findings about no branch.
const noBranch = "未归属党支部"

// groupFindings sorts the calculator's findings by rule and by branch,
// keeping each group's findings in the calculator's order. branches are
// the database's branches in the store's order, each named by its Label:
// its own name, 「组织 · 支部」 only in a database of several
// organizations. set are the thresholds the findings were computed with,
// which the rules' titles state.
func groupFindings(fs []rules.Finding, branches []data.BranchRef, set rules.Settings) findingGroups {
	labels := make(map[string]string, len(branches))
	place := make(map[string]int, len(branches))
	for i, b := range branches {
		labels[b.ID], place[b.ID] = b.Label, i
	}
	g := findingGroups{branches: map[string]string{}, set: set}
	rule := map[vocab.RuleID]int{}
	branch := map[string]int{}
	for _, f := range fs {
		i, ok := rule[f.Rule]
		if !ok {
			i = len(g.byRule)
			rule[f.Rule] = i
			g.byRule = append(g.byRule, findingGroup{key: string(f.Rule), label: g.title(f.Rule)})
		}
		g.byRule[i].findings = append(g.byRule[i].findings, f)

		j, ok := branch[f.BranchID]
		if !ok {
			j = len(g.byBranch)
			branch[f.BranchID] = j
			label := labels[f.BranchID]
			switch {
			case label != "":
			case f.Branch != "":
				label = f.Branch
			default:
				label = noBranch
			}
			g.byBranch = append(g.byBranch, findingGroup{key: f.BranchID, label: label})
			g.branches[f.BranchID] = label
		}
		g.byBranch[j].findings = append(g.byBranch[j].findings, f)
	}
	order := map[vocab.RuleID]int{}
	for i, id := range vocab.RuleIDs {
		order[id] = i
	}
	slices.SortStableFunc(g.byRule, func(a, b findingGroup) int {
		return cmp.Compare(order[vocab.RuleID(a.key)], order[vocab.RuleID(b.key)])
	})
	slices.SortStableFunc(g.byBranch, func(a, b findingGroup) int {
		if c := cmp.Compare(len(b.findings), len(a.findings)); c != 0 {
			return c
		}
		pa, oka := place[a.key]
		pb, okb := place[b.key]
		switch {
		case oka && okb:
			return cmp.Compare(pa, pb)
		case oka != okb: // a branch the store lists before one it does not
			if oka {
				return -1
			}
			return 1
		}
		return hanzi.CompareLabel(a.label, b.label)
	})
	return g
}

// title is a rule as the groups' findings name it: with the thresholds
// they were computed with.
func (g findingGroups) title(id vocab.RuleID) string { return rules.RuleTitleIn(id, g.set) }

// ruleName is a rule as every screen names it: its Chinese title, never
// its code.
func ruleName(id vocab.RuleID) string { return rules.RuleTitle(id) }
