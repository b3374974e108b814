package sheets

import (
	"cmp"
	"context"
	"slices"

	"dangjian/data"
)

// exportPerson is what an export shows of a member referred to by a row.
type exportPerson struct {
	ID       data.Ref
	Name     string
	IDNumber string
}

// loadPeople maps every member, deleted ones included, to their name and
// 公民身份号码, so that rows referring to them need no further query.
func loadPeople(ctx context.Context, s *data.Store, conds ...data.Cond) (map[data.Ref]exportPerson, error) {
	people := map[data.Ref]exportPerson{}
	err := s.Members.Each(ctx, func(m *data.Member) error {
		people[data.Ref(m.ID)] = exportPerson{ID: data.Ref(m.ID), Name: m.Name, IDNumber: m.IDNumber}
		return nil
	}, append(conds, data.WithDeleted())...)
	return people, err
}

// comparePeople orders people by name, then 公民身份号码, then id, so the
// order is total.
func comparePeople(a, b exportPerson) int {
	return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.IDNumber, b.IDNumber), cmp.Compare(a.ID, b.ID))
}

// peopleByName lists the people in name order.
func peopleByName(people map[data.Ref]exportPerson) []exportPerson {
	out := make([]exportPerson, 0, len(people))
	for _, p := range people {
		out = append(out, p)
	}
	slices.SortFunc(out, comparePeople)
	return out
}

// branchesByName lists the live branches (those meeting conds) in name
// order.
func branchesByName(ctx context.Context, s *data.Store, conds ...data.Cond) ([]data.Branch, error) {
	branches, err := s.Branches.List(ctx, conds...)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(branches, func(a, b data.Branch) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return branches, nil
}
