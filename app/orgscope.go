package app

// orgScope is the 二级党组织 filter of committee mode: the organization
// every screen looks at, "" for the whole university. Outside committee
// mode it stays "" (the database holds one organization).
type orgScope struct {
	orgID     string
	listeners []func(orgID string)
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
	for _, f := range u.scope.listeners {
		f(orgID)
	}
}

// onOrgScope registers f to be told when the organization filter changes.
func (u *UI) onOrgScope(f func(orgID string)) {
	u.scope.listeners = append(u.scope.listeners, f)
}
