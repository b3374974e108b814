package rules

import "time"

// ForOrg returns the facts of one organization of a consolidated
// database: its branches and members, and every record of theirs, with
// its own coverage. The figures of the result are the figures the
// organization's own database gives (the rules never look across
// organizations). f itself is not changed.
func (f *Facts) ForOrg(orgID string) *Facts {
	out := f.split(func(id string) bool { return id == orgID })[orgID]
	if out == nil {
		out = f.orgFacts(orgID)
	}
	return out
}

// ByOrg splits the facts by organization in one pass over them: ForOrg
// of every organization that has a branch or a member.
func (f *Facts) ByOrg() map[string]*Facts {
	return f.split(func(string) bool { return true })
}

// split gives the facts of the organizations wanted, by org id.
func (f *Facts) split(wanted func(orgID string) bool) map[string]*Facts {
	out := map[string]*Facts{}
	of := func(orgID string) *Facts {
		if !wanted(orgID) {
			return nil
		}
		o := out[orgID]
		if o == nil {
			o = f.orgFacts(orgID)
			out[orgID] = o
		}
		return o
	}
	branchOrg := make(map[string]string, len(f.Branches))
	for _, b := range f.Branches {
		branchOrg[b.ID] = b.OrgID
		if o := of(b.OrgID); o != nil {
			o.Branches = append(o.Branches, b)
		}
	}
	memberOrg := make(map[string]string, len(f.Members))
	for _, m := range f.Members {
		memberOrg[m.ID] = m.OrgID
		if o := of(m.OrgID); o != nil {
			o.Members = append(o.Members, m)
		}
	}
	member := func(id string) *Facts {
		if org, ok := memberOrg[id]; ok {
			return of(org)
		}
		return nil
	}
	for _, t := range f.Training {
		if o := member(t.MemberID); o != nil {
			o.Training = append(o.Training, t)
		}
	}
	for _, l := range f.Lectures {
		if o := member(l.MemberID); o != nil {
			o.Lectures = append(o.Lectures, l)
		}
	}
	for _, m := range f.Meetings {
		if org, ok := branchOrg[m.BranchID]; ok {
			if o := of(org); o != nil {
				o.Meetings = append(o.Meetings, m)
			}
		}
	}
	for _, a := range f.Attended {
		if o := member(a.MemberID); o != nil {
			o.Attended = append(o.Attended, a)
		}
	}
	for _, d := range f.Dues {
		if o := member(d.MemberID); o != nil {
			o.Dues = append(o.Dues, d)
		}
	}
	for _, c := range f.Changes {
		if o := member(c.MemberID); o != nil {
			o.Changes = append(o.Changes, c)
		}
	}
	for _, t := range f.Talks {
		if o := member(t.MemberID); o != nil {
			o.Talks = append(o.Talks, t)
		}
	}
	for _, l := range f.Liaisons {
		if o := member(l.MemberID); o != nil {
			o.Liaisons = append(o.Liaisons, l)
		}
	}
	for _, a := range f.Appraisals {
		if o := member(a.MemberID); o != nil {
			o.Appraisals = append(o.Appraisals, a)
		}
	}
	for _, a := range f.Agreements {
		if o := member(a.MemberID); o != nil {
			o.Agreements = append(o.Agreements, a)
		}
	}
	for _, t := range f.Transfers {
		if o := member(t.MemberID); o != nil {
			o.Transfers = append(o.Transfers, t)
		}
	}
	for id, t := range f.LastAttended {
		if o := member(id); o != nil {
			o.LastAttended[id] = t
		}
	}
	for id, t := range f.LastPaid {
		if o := member(id); o != nil {
			o.LastPaid[id] = t
		}
	}
	return out
}

// orgFacts is an organization's empty facts: the year, the day and its
// own coverage.
func (f *Facts) orgFacts(orgID string) *Facts {
	o := &Facts{Year: f.Year, AsOf: f.AsOf, Coverage: f.Coverage,
		LastAttended: map[string]time.Time{}, LastPaid: map[string]time.Time{}}
	if c, ok := f.OrgCoverage[orgID]; ok {
		o.Coverage = c
		o.OrgCoverage = map[string]Coverage{orgID: c}
	}
	return o
}
