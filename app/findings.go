package app

import (
	"fmt"

	"dangjian/data/rules"
)

// findingItem is a line of the list: a rule heading or one finding.
type findingItem struct {
	heading bool
	text    string
}

// groupFindings lays findings out under a heading per rule, with counts.
func groupFindings(fs []rules.Finding) []findingItem {
	var items []findingItem
	for i := 0; i < len(fs); {
		j := i
		for j < len(fs) && fs[j].Rule == fs[i].Rule {
			j++
		}
		items = append(items, findingItem{heading: true,
			text: fmt.Sprintf("%s %s(%d项)", fs[i].Rule, rules.RuleTitle(fs[i].Rule), j-i)})
		for _, f := range fs[i:j] {
			who := f.Branch
			if f.Member != "" {
				who += " · " + f.Member
			}
			items = append(items, findingItem{text: "    " + who + ":" + f.Detail})
		}
		i = j
	}
	return items
}
