package rules

import (
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
	changes, letters := byMember(f)
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
