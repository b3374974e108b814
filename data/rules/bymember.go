package rules

import "slices"

// byMember indexes the facts' recorded changes (oldest first) and transfer
// letters by member id, as the rolls of a day are read from them.
func byMember(f *Facts) (changes map[string][]Change, letters map[string][]*Transfer) {
	changes = map[string][]Change{}
	for _, c := range f.Changes {
		changes[c.MemberID] = append(changes[c.MemberID], c)
	}
	for id := range changes {
		slices.SortStableFunc(changes[id], func(a, b Change) int { return a.At.Compare(b.At) })
	}
	letters = map[string][]*Transfer{}
	for i := range f.Transfers {
		t := &f.Transfers[i]
		letters[t.MemberID] = append(letters[t.MemberID], t)
	}
	return changes, letters
}
