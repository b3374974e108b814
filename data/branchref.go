package data

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"dangjian/data/hanzi"
)

// BranchSeparator stands between an organization's name and a branch's
// name in 「组织 · 支部」.
const BranchSeparator = " · "

// BranchRef is a branch as people choose it: with the name of the
// organization it belongs to, and the label that tells it apart. Branch
// names are not unique: in the committee's consolidated database several
// organizations may each have a 第一党支部, so a branch is chosen by its
// id and shown by its label.
type BranchRef struct {
	Branch
	OrgName string // the name of the organization that owns the branch
	// Label is the branch's name, or 「组织 · 支部」 when the database
	// holds more than one organization.
	Label string
}

// Qualified is the branch as 「组织 · 支部」, whatever the database holds.
func (b BranchRef) Qualified() string { return b.OrgName + BranchSeparator + b.Name }

// BranchRefs lists the branches with their organizations, in the order
// every screen shows them: by the organization's name, then the branch's
// name, each as hanzi.CompareLabel orders labels (第二 before 第十, 2023级
// before 2024级, the rest by 拼音), then by id.
func (s *Store) BranchRefs(ctx context.Context) ([]BranchRef, error) {
	orgs, err := s.Orgs.List(ctx)
	if err != nil {
		return nil, err
	}
	branches, err := s.Branches.List(ctx)
	if err != nil {
		return nil, err
	}
	orgNames := make(map[string]string, len(orgs))
	for _, o := range orgs {
		orgNames[o.ID] = o.Name
	}
	refs := make([]BranchRef, len(branches))
	for i, b := range branches {
		refs[i] = BranchRef{Branch: b, OrgName: orgNames[b.OrgID], Label: b.Name}
		if len(orgs) > 1 {
			refs[i].Label = refs[i].Qualified()
		}
	}
	sortBranchRefs(refs)
	return refs, nil
}

// sortBranchRefs sorts refs as BranchRefs lists them.
func sortBranchRefs(refs []BranchRef) {
	slices.SortStableFunc(refs, func(a, b BranchRef) int {
		if c := hanzi.CompareLabel(a.OrgName, b.OrgName); c != 0 {
			return c
		}
		if c := hanzi.CompareLabel(a.Name, b.Name); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// GroupsInOrder lists the 党小组 in the order screens show them: by their
// branch, in BranchRefs' order, then by name as hanzi.CompareLabel orders
// labels (第二党小组 before 第十党小组), then by id.
func (s *Store) GroupsInOrder(ctx context.Context) ([]PartyGroup, error) {
	refs, err := s.BranchRefs(ctx)
	if err != nil {
		return nil, err
	}
	groups, err := s.Groups.List(ctx)
	if err != nil {
		return nil, err
	}
	place := make(map[Ref]int, len(refs))
	for i, r := range refs {
		place[Ref(r.ID)] = i
	}
	slices.SortStableFunc(groups, func(a, b PartyGroup) int {
		if c := place[a.BranchID] - place[b.BranchID]; c != 0 {
			return c
		}
		if c := hanzi.CompareLabel(a.Name, b.Name); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return groups, nil
}

// ResolveBranch finds the one branch that text names: its id, its name,
// or 「组织 · 支部」. A text that names no branch, or several, is a
// *BranchNameError listing the branches to choose from.
func (s *Store) ResolveBranch(ctx context.Context, text string) (BranchRef, error) {
	refs, err := s.BranchRefs(ctx)
	if err != nil {
		return BranchRef{}, err
	}
	text = strings.TrimSpace(text)
	for _, r := range refs {
		if r.ID == text {
			return r, nil
		}
	}
	var matches []BranchRef
	for _, r := range refs {
		if r.Name == text || r.Qualified() == text {
			matches = append(matches, r)
		}
	}
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		return BranchRef{}, &BranchNameError{Name: text, Branches: refs}
	}
	return BranchRef{}, &BranchNameError{Name: text, Candidates: matches}
}

// BranchNameError is a branch's name that names no branch (Branches
// lists them all) or several (Candidates lists those).
type BranchNameError struct {
	Name       string
	Candidates []BranchRef // the branches of that name, when several
	Branches   []BranchRef // every branch, when none has that name
}

// Ambiguous reports whether several branches have the name.
func (e *BranchNameError) Ambiguous() bool { return len(e.Candidates) > 1 }

func (e *BranchNameError) Error() string {
	if e.Ambiguous() {
		parts := make([]string, len(e.Candidates))
		for i, c := range e.Candidates {
			parts[i] = fmt.Sprintf("%s（编号 %s）", c.Qualified(), c.ID)
		}
		return fmt.Sprintf("有%d个支部名为“%s”，请用支部编号指定其中一个：%s", len(e.Candidates), e.Name,
			strings.Join(parts, "、"))
	}
	if len(e.Branches) == 0 {
		return fmt.Sprintf("没有名为“%s”的支部：本组织还没有任何支部。", e.Name)
	}
	labels := make([]string, len(e.Branches))
	for i, b := range e.Branches {
		labels[i] = b.Label
	}
	return fmt.Sprintf("没有名为“%s”的支部。现有支部：%s", e.Name, strings.Join(labels, "、"))
}
