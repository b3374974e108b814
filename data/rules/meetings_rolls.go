package rules

import (
	"slices"

	"dangjian/data/vocab"
)

// MeetingRolls gives, per meeting of the year (by id), the members
// expected at it (应到), by id in the order of the facts: those on this
// organization's rolls at the end of the meeting's day (正常, admitted and
// here by the transfer letters) whose branch that day was the meeting's;
// for a 支委会 only the 班子成员 (a 党内职务 that day containing 书记 or
// 委员), for a 党小组会 only the members of its 党小组. groupOf gives a
// member's 党小组 by id as recorded now: the records keep no history of it.
func (g *Figures) MeetingRolls(groupOf map[string]string) map[string][]string {
	e := g.e
	changes, letters := byMember(e.f)
	// A branch's candidates: the members in it now or in it by a recorded
	// change, so that each meeting looks at its branch's people only.
	candidates := map[string][]*rollsTimeline{}
	seen := map[string]bool{}
	for i := range e.f.Members {
		m := e.f.Members[i]
		if seen[m.ID] {
			continue
		}
		seen[m.ID] = true
		t := newRollsTimeline(m, changes[m.ID], letters[m.ID])
		branches := []string{m.BranchID}
		for _, c := range changes[m.ID] {
			if c.Field == FieldBranch {
				branches = append(branches, c.Old, c.New)
			}
		}
		slices.Sort(branches)
		for _, b := range slices.Compact(branches) {
			candidates[b] = append(candidates[b], &t)
		}
	}
	out := make(map[string][]string, len(e.f.Meetings))
	for _, mt := range e.f.Meetings {
		ids := []string{}
		for _, t := range candidates[mt.BranchID] {
			on := t.on(mt.Date)
			switch {
			case !on.on || on.BranchID != mt.BranchID:
				continue
			case mt.Kind == vocab.MeetingCommittee && !IsCommitteePost(on.PartyPost):
				continue
			case mt.Kind == vocab.MeetingGroup && mt.GroupID != "" && groupOf[on.ID] != mt.GroupID:
				continue
			}
			ids = append(ids, on.ID)
		}
		out[mt.ID] = ids
	}
	return out
}
