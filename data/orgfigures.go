package data

import (
	"context"
	"errors"
	"time"

	"dangjian/data/rules"
)

// OrgFigures is one organization's figures in a consolidated database.
type OrgFigures struct {
	Org     Org
	Figures *rules.Figures
}

// OrgFigures computes, for each organization of the database (one in an
// organization's own, every consolidated one in the committee's), its
// figures of a year as of a day: the facts read once and split by
// organization, each computed under that organization's own settings, so
// that the figures of an organization in the consolidated database are
// those its own database gives. Ordered by the organizations' names
// (hanzi.CompareLabel), then id.
func (s *Store) OrgFigures(ctx context.Context, year int, asOf time.Time) ([]OrgFigures, error) {
	orgs, err := s.OrgsInOrder(ctx)
	if err != nil {
		return nil, err
	}
	f, err := s.Facts(ctx, year, asOf)
	if err != nil {
		return nil, err
	}
	return s.orgFiguresFrom(ctx, orgs, f)
}

// orgFiguresFrom is each organization's figures from the facts of the
// whole database, under its own settings.
func (s *Store) orgFiguresFrom(ctx context.Context, orgs []Org, f *rules.Facts) ([]OrgFigures, error) {
	var byOrg map[string]*rules.Facts
	if len(orgs) > 1 {
		byOrg = f.ByOrg()
	}
	out := make([]OrgFigures, 0, len(orgs))
	for _, o := range orgs {
		set, err := s.RuleSettingsOf(ctx, o.ID)
		if err != nil {
			return nil, err
		}
		facts := f
		if byOrg != nil {
			if facts = byOrg[o.ID]; facts == nil {
				facts = f.ForOrg(o.ID) // no branch, no member
			}
		}
		out = append(out, OrgFigures{Org: o, Figures: rules.NewFigures(facts, set)})
	}
	return out, nil
}

// FiguresOf is one organization's figures (OrgFigures of that
// organization alone); nil when the database has no such organization.
func (s *Store) FiguresOf(ctx context.Context, orgID string, year int, asOf time.Time) (*rules.Figures, error) {
	if orgID == "" {
		return nil, nil
	}
	fig, err := s.FiguresIn(ctx, orgID, year, asOf)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	return fig, err
}

// figuresOfWhole is the figures of the whole database from its facts: a
// database of several organizations (the committee's) has them Together,
// each organization's under its own settings, so that the university's
// equal the sum of its organizations'.
func (s *Store) figuresOfWhole(ctx context.Context, f *rules.Facts) (*rules.Figures, error) {
	orgs, err := s.OrgsInOrder(ctx)
	if err != nil {
		return nil, err
	}
	if len(orgs) < 2 {
		set, err := s.RuleSettings(ctx)
		if err != nil {
			return nil, err
		}
		return rules.NewFigures(f, set), nil
	}
	parts, err := s.orgFiguresFrom(ctx, orgs, f)
	if err != nil {
		return nil, err
	}
	figs := make([]*rules.Figures, len(parts))
	for i, p := range parts {
		figs[i] = p.Figures
	}
	return rules.Together(f, figs), nil
}
