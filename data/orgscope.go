package data

import (
	"context"
	"slices"
	"strings"
	"time"

	"dangjian/data/hanzi"
	"dangjian/data/rules"
)

// The queries of one 二级党组织 in the committee's consolidated database,
// which holds many: the screens of committee mode look at the university
// (orgID "") or at one organization, chosen by its id.

// InOrg keeps the rows of one organization; "" keeps every row.
func InOrg(orgID string) Cond {
	if orgID == "" {
		return func(*query) error { return nil }
	}
	return Where(ColOrgID, orgID)
}

// OrgsInOrder lists the organizations of the database by name, as
// hanzi.CompareLabel orders labels, then by id.
func (s *Store) OrgsInOrder(ctx context.Context) ([]Org, error) {
	orgs, err := s.Orgs.List(ctx)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(orgs, func(a, b Org) int {
		if c := hanzi.CompareLabel(a.Name, b.Name); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return orgs, nil
}

// BranchRefsIn lists the branches of one organization ("" for every
// one) as BranchRefs does: in its order, each labelled 「组织 · 支部」
// when the database holds more than one organization.
func (s *Store) BranchRefsIn(ctx context.Context, orgID string) ([]BranchRef, error) {
	refs, err := s.BranchRefs(ctx)
	if err != nil || orgID == "" {
		return refs, err
	}
	return slices.DeleteFunc(refs, func(r BranchRef) bool { return r.OrgID != orgID }), nil
}

// FiguresIn is the figures of one organization ("" for the whole
// database) of a year as of a day: those of OrgFigures, under that
// organization's own settings, which equal those of its own database. An
// organization the database does not hold is ErrNotFound.
func (s *Store) FiguresIn(ctx context.Context, orgID string, year int, asOf time.Time) (*rules.Figures, error) {
	if orgID == "" {
		return s.Figures(ctx, year, asOf)
	}
	f, err := s.ReadYearFacts(ctx, year, asOf)
	if err != nil {
		return nil, err
	}
	return f.Figures(ctx, orgID)
}

// YearFacts are the facts of a year of the database as of a day, read
// once, from which any organization's figures are computed without
// reading the database again: the committee's screens switch between
// organizations of a consolidated database, which changes only when it
// is consolidated again. They are the facts of the moment they were read,
// and are not changed afterwards, so that several goroutines may compute
// figures from them at once.
type YearFacts struct {
	s     *Store
	facts *rules.Facts
	orgs  map[string]bool // the organizations the database holds
}

// ReadYearFacts reads the facts of a year as of a day.
func (s *Store) ReadYearFacts(ctx context.Context, year int, asOf time.Time) (*YearFacts, error) {
	orgs, err := s.Orgs.List(ctx)
	if err != nil {
		return nil, err
	}
	f, err := s.Facts(ctx, year, asOf)
	if err != nil {
		return nil, err
	}
	y := &YearFacts{s: s, facts: f, orgs: make(map[string]bool, len(orgs))}
	for _, o := range orgs {
		y.orgs[o.ID] = true
	}
	return y, nil
}

// Figures is the figures of one organization ("" for the whole
// database) under its own settings, read now, as FiguresIn gives them. An
// organization the database does not hold is ErrNotFound.
func (y *YearFacts) Figures(ctx context.Context, orgID string) (*rules.Figures, error) {
	if orgID == "" {
		return y.s.figuresOfWhole(ctx, y.facts)
	}
	if !y.orgs[orgID] {
		return nil, ErrNotFound
	}
	set, err := y.s.RuleSettingsOf(ctx, orgID)
	if err != nil {
		return nil, err
	}
	facts := y.facts
	if len(y.orgs) > 1 {
		facts = facts.ForOrg(orgID)
	}
	return rules.NewFigures(facts, set), nil
}

// TrashIn is Trash of one organization ("" for every one): the deleted
// records it kept, newest first.
func (s *Store) TrashIn(ctx context.Context, orgID string) ([]TrashItem, error) {
	items, err := s.Trash(ctx)
	if err != nil || orgID == "" {
		return items, err
	}
	ours := map[string]bool{} // table + "\x00" + id of the organization's deleted rows
	for _, table := range recordTables {
		if !slices.ContainsFunc(items, func(it TrashItem) bool { return it.Table == table }) {
			continue
		}
		// table is one of this program's tables, never outside text.
		rows, err := s.db.QueryContext(ctx,
			"SELECT id FROM "+table+" WHERE org_id = ? AND deleted_at IS NOT NULL", orgID)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			ours[table+"\x00"+id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return slices.DeleteFunc(items, func(it TrashItem) bool { return !ours[it.Table+"\x00"+it.ID] }), nil
}
