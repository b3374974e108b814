package documents

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"dangjian/data"
	"dangjian/data/hanzi"
	"dangjian/data/rules"
)

// University names the whole in the running header of a document of the
// committee's consolidated database made for every organization.
const University = "全校"

// scope is what part of the database a document covers: the database's
// own organization, or in a consolidated database one organization or all
// of them.
type scope struct {
	orgs  []data.Org // the organizations of the database, by name
	orgID string     // the organization covered; "" for every one
	name  string     // the running header's left: the organization, or University
}

// consolidated reports whether the database holds several organizations.
func (s *scope) consolidated() bool { return len(s.orgs) > 1 }

// OrgError is an organization chosen that the database does not hold.
type OrgError struct {
	Text string   // the id or name asked for
	Orgs []string // the names of the organizations there are
	// Several: the name is that of several organizations (choose by id).
	Several []data.Org
}

func (e *OrgError) Error() string {
	if len(e.Several) > 1 {
		parts := make([]string, len(e.Several))
		for i, o := range e.Several {
			parts[i] = fmt.Sprintf("%s（编号 %s）", o.Name, o.ID)
		}
		return fmt.Sprintf("有%d个二级党组织名为“%s”，请用编号指定其中一个：%s", len(e.Several), e.Text, strings.Join(parts, "、"))
	}
	return fmt.Sprintf("没有“%s”这个二级党组织。现有组织：%s", e.Text, strings.Join(e.Orgs, "、"))
}

// Orgs lists the organizations of a database in the order documents list
// them: by name (hanzi.CompareLabel), then id.
func Orgs(ctx context.Context, s *data.Store) ([]data.Org, error) {
	orgs, err := s.Orgs.List(ctx)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(orgs, func(a, b data.Org) int {
		if c := hanzi.CompareLabel(a.Name, b.Name); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return orgs, nil
}

// ResolveOrg finds the one organization that text names, by id or name;
// an *OrgError when none or several do.
func ResolveOrg(ctx context.Context, s *data.Store, text string) (data.Org, error) {
	orgs, err := Orgs(ctx, s)
	if err != nil {
		return data.Org{}, err
	}
	return resolveOrg(orgs, text)
}

func resolveOrg(orgs []data.Org, text string) (data.Org, error) {
	text = strings.TrimSpace(text)
	var named []data.Org
	for _, o := range orgs {
		if o.ID == text {
			return o, nil
		}
		if o.Name == text {
			named = append(named, o)
		}
	}
	if len(named) == 1 {
		return named[0], nil
	}
	names := make([]string, len(orgs))
	for i, o := range orgs {
		names[i] = o.Name
	}
	return data.Org{}, &OrgError{Text: text, Orgs: names, Several: named}
}

// chooseScope sets the organization and the branches the document
// covers (Options.OrgID, Options.BranchID) and the name in its running
// header. A document of one organization of a consolidated database names
// its branches as that organization's own database does.
func (r *request) chooseScope() error {
	orgs, err := Orgs(r.ctx, r.store)
	if err != nil {
		return err
	}
	r.scope.orgs = orgs
	refs, err := r.store.BranchRefs(r.ctx)
	if err != nil {
		return err
	}
	if id := r.opts.OrgID; id != "" {
		o, err := resolveOrg(orgs, id)
		if err != nil || o.ID != id {
			names := make([]string, len(orgs))
			for i, o := range orgs {
				names[i] = o.Name
			}
			return &OrgError{Text: id, Orgs: names}
		}
		r.scope.orgID = id
	}
	var inScope []data.BranchRef
	for _, b := range refs {
		if r.inOrg(b.OrgID) {
			inScope = append(inScope, b)
		}
	}
	r.branches = inScope
	if id := r.opts.BranchID; id != "" {
		i := slices.IndexFunc(inScope, func(b data.BranchRef) bool { return b.ID == id })
		if i < 0 {
			labels := make([]string, len(inScope))
			for k, b := range inScope {
				labels[k] = b.Label
			}
			return &BranchError{ID: id, Branches: labels}
		}
		r.branches = []data.BranchRef{inScope[i]}
		if r.scope.consolidated() {
			r.scope.orgID = inScope[i].OrgID
		}
	}
	switch {
	case r.scope.orgID != "":
		for _, o := range orgs {
			if o.ID == r.scope.orgID {
				r.scope.name = o.Name
			}
		}
		if r.scope.consolidated() {
			for i := range r.branches {
				r.branches[i].Label = r.branches[i].Name
			}
		}
	case r.scope.consolidated():
		r.scope.name = University
	default:
		r.scope.name = r.store.Org().Name
	}
	return nil
}

// inOrg reports whether a record of organization orgID is covered.
func (r *request) inOrg(orgID string) bool { return r.scope.orgID == "" || orgID == r.scope.orgID }

// scopeWord is how a document's text names what it covers as a whole:
// 本组织, or 全校 for every organization of a consolidated database.
func (r *request) scopeWord() string {
	if r.scope.orgID == "" && r.scope.consolidated() {
		return University
	}
	return "本组织"
}

// figures returns the one calculator's figures of the document's year as
// of its check day: every figure a document prints comes from there. A
// document of one organization of a consolidated database has that
// organization's figures, under its own settings.
func (r *request) figures() (*rules.Figures, error) {
	day := checkDay(r.year, r.now)
	if r.scope.consolidated() && r.scope.orgID != "" {
		return r.store.FiguresOf(r.ctx, r.scope.orgID, r.year, day)
	}
	return r.store.Figures(r.ctx, r.year, day)
}
