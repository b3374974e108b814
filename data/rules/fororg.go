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
	splitInto(f.Training, func(t TrainingTotal) *Facts { return member(t.MemberID) }, func(o *Facts) *[]TrainingTotal { return &o.Training })
	splitInto(f.Lectures, func(l Lecture) *Facts { return member(l.MemberID) }, func(o *Facts) *[]Lecture { return &o.Lectures })
	splitInto(f.Meetings, func(m Meeting) *Facts {
		if org, ok := branchOrg[m.BranchID]; ok {
			return of(org)
		}
		return nil
	}, func(o *Facts) *[]Meeting { return &o.Meetings })
	splitInto(f.Attended, func(a Attendance) *Facts { return member(a.MemberID) }, func(o *Facts) *[]Attendance { return &o.Attended })
	splitInto(f.Dues, func(d DuesRecord) *Facts { return member(d.MemberID) }, func(o *Facts) *[]DuesRecord { return &o.Dues })
	splitInto(f.Changes, func(c Change) *Facts { return member(c.MemberID) }, func(o *Facts) *[]Change { return &o.Changes })
	splitInto(f.Talks, func(t Talk) *Facts { return member(t.MemberID) }, func(o *Facts) *[]Talk { return &o.Talks })
	splitInto(f.Liaisons, func(l Liaison) *Facts { return member(l.MemberID) }, func(o *Facts) *[]Liaison { return &o.Liaisons })
	splitInto(f.Appraisals, func(a Appraisal) *Facts { return member(a.MemberID) }, func(o *Facts) *[]Appraisal { return &o.Appraisals })
	splitInto(f.Agreements, func(a Agreement) *Facts { return member(a.MemberID) }, func(o *Facts) *[]Agreement { return &o.Agreements })
	splitInto(f.Transfers, func(t Transfer) *Facts { return member(t.MemberID) }, func(o *Facts) *[]Transfer { return &o.Transfers })
	splitInto(f.Pledges, func(p Pledge) *Facts { return member(p.MemberID) }, func(o *Facts) *[]Pledge { return &o.Pledges })
	splitInto(f.Volunteer, func(v VolunteerTotal) *Facts { return member(v.MemberID) }, func(o *Facts) *[]VolunteerTotal { return &o.Volunteer })
	splitInto(f.LeaderLinks, func(l LeaderLink) *Facts { return member(l.MemberID) }, func(o *Facts) *[]LeaderLink { return &o.LeaderLinks })
	splitInto(f.Episodes, func(ep Episode) *Facts { return member(ep.MemberID) }, func(o *Facts) *[]Episode { return &o.Episodes })
	splitInto(f.Dispositions, func(d Disposition) *Facts { return member(d.MemberID) }, func(o *Facts) *[]Disposition { return &o.Dispositions })
	splitInto(f.Corrections, func(c Correction) *Facts { return member(c.MemberID) }, func(o *Facts) *[]Correction { return &o.Corrections })
	// A post term goes with its branch (a 支委会's), else with its holder.
	splitInto(f.PostTerms, func(p PostTerm) *Facts {
		if org, ok := branchOrg[p.BranchID]; ok {
			return of(org)
		}
		return member(p.MemberID)
	}, func(o *Facts) *[]PostTerm { return &o.PostTerms })
	// An applicant goes with their organization, else their branch's.
	splitInto(f.Applicants, func(a Applicant) *Facts {
		if a.OrgID != "" {
			return of(a.OrgID)
		}
		if org, ok := branchOrg[a.BranchID]; ok {
			return of(org)
		}
		return nil
	}, func(o *Facts) *[]Applicant { return &o.Applicants })
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

// splitInto appends each item to the list (field) of the organization's
// facts it belongs to (orgOf; nil for none wanted).
func splitInto[T any](items []T, orgOf func(T) *Facts, field func(*Facts) *[]T) {
	for _, it := range items {
		if o := orgOf(it); o != nil {
			list := field(o)
			*list = append(*list, it)
		}
	}
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
