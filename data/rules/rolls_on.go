package rules

import (
	"slices"
	"time"
)

// OnRolls gives the members on this organization's rolls at the end of
// day — 正常, admitted and here by the transfer letters — each as the
// records give it for that day (MemberOn: branch, 党内职务, status and
// 党员类别). They are the members PartyStats counts in 党员总数 on that day,
// in the order of the facts.
func (g *Figures) OnRolls(day time.Time) []Member { return OnRolls(g.e.f, day) }

// OnRolls is Figures.OnRolls over facts that need hold only the members,
// the transfer letters and the recorded changes (data.Store.RollsFacts),
// without the cost of preparing the year's other figures.
func OnRolls(f *Facts, day time.Time) []Member {
	day = civil(day)
	changes := map[string][]Change{}
	for _, c := range f.Changes {
		changes[c.MemberID] = append(changes[c.MemberID], c)
	}
	for id := range changes {
		slices.SortStableFunc(changes[id], func(a, b Change) int { return a.At.Compare(b.At) })
	}
	letters := map[string][]*Transfer{}
	for i := range f.Transfers {
		t := &f.Transfers[i]
		letters[t.MemberID] = append(letters[t.MemberID], t)
	}
	var out []Member
	seen := map[string]bool{}
	for i := range f.Members {
		m := f.Members[i]
		if seen[m.ID] {
			continue
		}
		seen[m.ID] = true
		t := newRollsTimeline(m, changes[m.ID], letters[m.ID])
		if on := t.on(day); on.on {
			out = append(out, on.Member)
		}
	}
	return out
}
