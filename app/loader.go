package app

import "context"

// latest is the one guard against stale loads: each load takes a ticket
// when it starts, and only the ticket of the load started last is
// current, so that an older load's result, arriving after a newer one
// started, is dropped. It is used on the UI goroutine only.
type latest struct {
	started  int // tickets given
	finished int // the last ticket whose result was taken
}

// ticket is one load's place in the order of loads.
type ticket struct {
	l *latest
	n int
}

// next gives the ticket of a load that starts now.
func (l *latest) next() ticket {
	l.started++
	return ticket{l, l.started}
}

// current reports whether no load started after the ticket's.
func (t ticket) current() bool { return t.n == t.l.started }

// take marks the ticket's result as taken.
func (t ticket) take() { t.l.finished = t.n }

// pending reports whether the load started last has not delivered yet.
func (l *latest) pending() bool { return l.finished != l.started }

// loader runs a screen's reads off the UI goroutine with the screen's
// context, and hands a result back on the UI goroutine only while it is
// wanted: the screen still shown and no later load started.
type loader struct {
	u   *UI
	ctx context.Context
	latest
}

// newLoader is the loader of a screen being built: its reads stop when
// the user leaves the screen.
func newLoader(u *UI) *loader { return &loader{u: u, ctx: u.screenContext()} }

// reader is a loader for one read of the screen shown now, such as the
// contents of a dialog it opens.
func (u *UI) reader() *loader { return newLoader(u) }

// wanted reports whether a result of ticket t is still to be shown.
func (l *loader) wanted(t ticket) bool { return l.ctx.Err() == nil && t.current() }

// load runs work with the loader's context and hands done its result
// when it is still wanted.
func load[T any](l *loader, work func(ctx context.Context) (T, error), done func(T, error)) {
	t := l.next()
	ctx := l.ctx
	async(l.u, func() (T, error) { return work(ctx) }, func(v T, err error) {
		if !l.wanted(t) {
			return
		}
		t.take()
		done(v, err)
	})
}
