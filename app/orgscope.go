package app

import (
	"context"
	"errors"
	"slices"
	"sync"
	"time"

	"dangjian/data"
	"dangjian/data/rules"
)

// orgScope is the 二级党组织 filter of committee mode: the organization
// every screen looks at, "" for the whole university. Outside committee
// mode it stays "" (the database holds one organization).
type orgScope struct {
	orgID     string
	listeners []scopeListener
	// orgs are the organizations the filter offers, read once per
	// database (store); nil until read.
	orgs  []data.Org
	store *data.Store
	// filter is the filter shown last, for the tests.
	filter *orgFilter
	// facts keeps the consolidated database's facts of each year as
	// read once (see figuresIn); read and written off the UI goroutine.
	factsMu sync.Mutex
	facts   map[factsKey]*factsEntry
}

// factsKey is a year's facts of one database as of a day.
type factsKey struct {
	store *data.Store
	year  int
	asOf  time.Time
}

// factsEntry is a year's facts, read once however many screens ask.
type factsEntry struct {
	once  sync.Once
	facts *data.YearFacts
	err   error
}

// scopeListener is a screen told when the filter changes, while the
// screen lives (life is its screen context).
type scopeListener struct {
	life context.Context
	f    func(orgID string)
}

// orgScopeID is the organization the screens look at, "" for all.
func (u *UI) orgScopeID() string { return u.scope.orgID }

// setOrgScope makes every screen look at one organization ("" for all)
// and tells the screens that listen; call it on the UI goroutine.
func (u *UI) setOrgScope(orgID string) {
	if u.scope.orgID == orgID {
		return
	}
	u.scope.orgID = orgID
	// Screens left since they registered are forgotten.
	u.scope.listeners = slices.DeleteFunc(u.scope.listeners, func(l scopeListener) bool { return l.life.Err() != nil })
	for _, l := range slices.Clone(u.scope.listeners) {
		l.f(orgID)
	}
}

// onOrgScope registers f to be told when the organization filter changes,
// for as long as the screen being built (or shown) lives.
func (u *UI) onOrgScope(f func(orgID string)) {
	u.scope.listeners = append(u.scope.listeners, scopeListener{life: u.screenContext(), f: f})
}

// inCommittee reports whether the window shows the committee's
// consolidated database, whose records the organizations own: the
// screens then filter by organization and change no record.
func (u *UI) inCommittee() bool { return u.committee != nil }

// editable is a row's action that changes a record: itself outside
// committee mode, nil in it (the table then offers no such action).
func (u *UI) editable(action func(row int)) func(row int) {
	if u.inCommittee() {
		return nil
	}
	return action
}

// viewOnlyNote is what committee mode says above every screen of records.
const viewOnlyNote = "汇总数据中的记录由各组织维护，此处只供查看。"

// orgNames are the organizations' names by id, as the filter read them
// (empty until it has).
func (s *orgScope) orgNames() map[string]string {
	names := make(map[string]string, len(s.orgs))
	for _, o := range s.orgs {
		names[o.ID] = o.Name
	}
	return names
}

// figuresIn is the figures of a year as of a day of one organization
// ("" for the whole database), for a screen's read off the UI goroutine.
// In committee mode the consolidated database changes only when it is
// consolidated again (a new store), so its facts of a year are read once
// and each organization's figures computed from them: switching the
// filter does not read the database again. Otherwise the store computes
// them afresh.
func (u *UI) figuresIn(ctx context.Context, store *data.Store, orgID string, year int, asOf time.Time) (*rules.Figures, error) {
	if !u.inCommittee() {
		return store.FiguresIn(ctx, orgID, year, asOf)
	}
	key := factsKey{store, year, asOf}
	facts, err := u.scope.yearFacts(ctx, key)
	// A read cancelled by the screen that started it (left since) is read
	// again for a screen still shown.
	for try := 0; try < 3 && errors.Is(err, context.Canceled) && ctx.Err() == nil; try++ {
		facts, err = u.scope.yearFacts(ctx, key)
	}
	if err != nil {
		return nil, err
	}
	return facts.Figures(ctx, orgID)
}

// yearFacts is the facts of key, read by the first to ask and kept; a
// failed read is forgotten, to be tried again.
func (sc *orgScope) yearFacts(ctx context.Context, key factsKey) (*data.YearFacts, error) {
	sc.factsMu.Lock()
	if sc.facts == nil {
		sc.facts = map[factsKey]*factsEntry{}
	}
	for k := range sc.facts {
		if k.store != key.store { // a database consolidated over since
			delete(sc.facts, k)
		}
	}
	e := sc.facts[key]
	if e == nil {
		e = &factsEntry{}
		sc.facts[key] = e
	}
	sc.factsMu.Unlock()
	e.once.Do(func() { e.facts, e.err = key.store.ReadYearFacts(ctx, key.year, key.asOf) })
	if e.err != nil {
		sc.factsMu.Lock()
		if sc.facts[key] == e {
			delete(sc.facts, key)
		}
		sc.factsMu.Unlock()
	}
	return e.facts, e.err
}

// branchRefsIn lists the branches of one organization ("" for every one)
// as data.BranchRefsIn does, each labelled by its plain name when one
// organization is chosen (the filter already names it), and 「组织 · 支部」
// under 全部组织 in a database of several organizations.
func branchRefsIn(ctx context.Context, store *data.Store, orgID string) ([]data.BranchRef, error) {
	refs, err := store.BranchRefsIn(ctx, orgID)
	if err != nil || orgID == "" {
		return refs, err
	}
	for i := range refs {
		refs[i].Label = refs[i].Name
	}
	return refs, nil
}
