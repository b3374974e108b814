package app

import (
	"context"
	"slices"

	"dangjian/data"
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
