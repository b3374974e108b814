package snapshot

import (
	"context"
	"sort"
	"time"

	"dangjian/data"
	"dangjian/data/hanzi"
	"dangjian/data/vocab"
)

// TermFigures are an organization's figures in one term's result, from
// rules.Summary; Findings are its 待整改问题 (Summary.Open).
type TermFigures struct {
	Members  int                  `json:"members"`
	Branches int                  `json:"branches"`
	Findings int                  `json:"findings"`
	ByRule   map[vocab.RuleID]int `json:"findings_by_rule"`
	Score    float64              `json:"score"`
}

// OrgTermDelta compares an organization's figures in two terms: From and
// To (nil when its snapshot is not in that term's result) and the changes
// from one to the other (To − From, a missing side counting as nothing).
type OrgTermDelta struct {
	Org      string               `json:"org"`
	Name     string               `json:"name"`
	From     *TermFigures         `json:"from"`
	To       *TermFigures         `json:"to"`
	Members  int                  `json:"members_delta"`
	Findings int                  `json:"findings_delta"`
	ByRule   map[vocab.RuleID]int `json:"findings_by_rule_delta"`
	Score    float64              `json:"score_delta"`
}

// termYear is the year whose figures a term's result gives, and the day
// they are taken on: the day the result was made, or the year's last day
// when it was made later.
func termYear(t Term, when time.Time) (int, time.Time) {
	y := t.Year()
	asOf := calDayOf(when.Local())
	if last := calDay(y, time.December, 31); asOf.After(last) {
		asOf = last
	}
	return y, asOf
}

// termFigures computes every organization's figures in the term's result
// (data.Store.OrgFigures, each under its own settings), by org id.
func termFigures(ctx context.Context, r TermResult) (map[string]TermFigures, map[string]string, error) {
	t, err := ParseTerm(r.Term)
	if err != nil {
		return nil, nil, err
	}
	s, err := data.OpenReadOnly(ctx, r.Path)
	if err != nil {
		return nil, nil, err
	}
	defer s.Close()
	year, asOf := termYear(t, r.When)
	figs, err := s.OrgFigures(ctx, year, asOf)
	if err != nil {
		return nil, nil, err
	}
	out, names := map[string]TermFigures{}, map[string]string{}
	for _, f := range figs {
		sum := f.Figures.Summary()
		// By rule as in all: the 待整改问题, not this month's to-dos nor the
		// reminders.
		open := map[vocab.RuleID]int{}
		for id := range sum.ByRule {
			if n := sum.OpenOf(id); n > 0 {
				open[id] = n
			}
		}
		out[f.Org.ID] = TermFigures{Members: sum.Members, Branches: sum.Branches, Findings: sum.Open(),
			ByRule: open, Score: sum.Score()}
		names[f.Org.ID] = f.Org.Name
	}
	return out, names, nil
}

// CompareTerms compares, organization by organization, the results of two
// terms (from, to): members, findings (in all and by rule) and the 考评
// score. Organizations are in the order of their names.
func CompareTerms(ctx context.Context, c *Committee, from, to string) ([]OrgTermDelta, error) {
	a, err := c.TermResult(from)
	if err != nil {
		return nil, err
	}
	b, err := c.TermResult(to)
	if err != nil {
		return nil, err
	}
	fa, na, err := termFigures(ctx, a)
	if err != nil {
		return nil, err
	}
	fb, nb, err := termFigures(ctx, b)
	if err != nil {
		return nil, err
	}
	ids := map[string]string{}
	for id, n := range na {
		ids[id] = n
	}
	for id, n := range nb {
		ids[id] = n // the newer name
	}
	var out []OrgTermDelta
	for id, name := range ids {
		d := OrgTermDelta{Org: id, Name: name, ByRule: map[vocab.RuleID]int{}}
		var x, y TermFigures
		if f, ok := fa[id]; ok {
			d.From, x = &f, f
		}
		if f, ok := fb[id]; ok {
			d.To, y = &f, f
		}
		d.Members, d.Findings, d.Score = y.Members-x.Members, y.Findings-x.Findings, y.Score-x.Score
		for r, n := range y.ByRule {
			d.ByRule[r] += n
		}
		for r, n := range x.ByRule {
			d.ByRule[r] -= n
		}
		for r, n := range d.ByRule {
			if n == 0 {
				delete(d.ByRule, r)
			}
		}
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool {
		if c := hanzi.CompareLabel(out[i].Name, out[j].Name); c != 0 {
			return c < 0
		}
		return out[i].Org < out[j].Org
	})
	return out, nil
}
