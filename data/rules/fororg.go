package rules

import "time"

// ForOrg returns the facts of one organization of a consolidated
// database: its branches and members, and every record of theirs, with
// its own coverage. The figures of the result are the figures the
// organization's own database gives (the rules never look across
// organizations). f itself is not changed.
func (f *Facts) ForOrg(orgID string) *Facts {
	out := &Facts{Year: f.Year, AsOf: f.AsOf, Coverage: f.Coverage,
		LastAttended: map[string]time.Time{}, LastPaid: map[string]time.Time{}}
	if c, ok := f.OrgCoverage[orgID]; ok {
		out.Coverage = c
		out.OrgCoverage = map[string]Coverage{orgID: c}
	}
	branches := map[string]bool{}
	for _, b := range f.Branches {
		if b.OrgID == orgID {
			out.Branches = append(out.Branches, b)
			branches[b.ID] = true
		}
	}
	members := map[string]bool{}
	for _, m := range f.Members {
		if m.OrgID == orgID {
			out.Members = append(out.Members, m)
			members[m.ID] = true
		}
	}
	out.Training = keep(f.Training, members, func(t TrainingTotal) string { return t.MemberID })
	out.Lectures = keep(f.Lectures, members, func(l Lecture) string { return l.MemberID })
	out.Meetings = keep(f.Meetings, branches, func(m Meeting) string { return m.BranchID })
	out.Attended = keep(f.Attended, members, func(a Attendance) string { return a.MemberID })
	out.Dues = keep(f.Dues, members, func(d DuesRecord) string { return d.MemberID })
	out.Changes = keep(f.Changes, members, func(c Change) string { return c.MemberID })
	out.Talks = keep(f.Talks, members, func(t Talk) string { return t.MemberID })
	out.Liaisons = keep(f.Liaisons, members, func(l Liaison) string { return l.MemberID })
	out.Appraisals = keep(f.Appraisals, members, func(a Appraisal) string { return a.MemberID })
	out.Agreements = keep(f.Agreements, members, func(a Agreement) string { return a.MemberID })
	out.Transfers = keep(f.Transfers, members, func(t Transfer) string { return t.MemberID })
	for id, t := range f.LastAttended {
		if members[id] {
			out.LastAttended[id] = t
		}
	}
	for id, t := range f.LastPaid {
		if members[id] {
			out.LastPaid[id] = t
		}
	}
	return out
}

// keep is the items whose key is in the set, in their order.
func keep[T any](items []T, set map[string]bool, key func(T) string) []T {
	var out []T
	for _, it := range items {
		if set[key(it)] {
			out = append(out, it)
		}
	}
	return out
}
