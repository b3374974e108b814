package app

import "context"

// The life of the screen shown. Each screen reads with the context it is
// built with; that context is cancelled when the user leaves the screen
// (opens another, or closes the window), so that its reads stop and their
// results are dropped instead of reaching a screen no longer shown.

// screenContext is the context of the screen shown now, cancelled when
// the user leaves it.
func (u *UI) screenContext() context.Context {
	if u.life == nil {
		u.enterScreen() // a screen built before any was opened (tests)
	}
	return u.life
}

// enterScreen ends the life of the screen shown and starts the next one's.
func (u *UI) enterScreen() {
	u.leaveScreen()
	u.life, u.endLife = context.WithCancel(context.Background())
}

// leaveScreen ends the life of the screen shown: its context is cancelled.
func (u *UI) leaveScreen() {
	if u.endLife != nil {
		u.endLife()
		u.endLife = nil
	}
}

// closeRequested runs when the user closes the window: the screen shown
// is left, then the window closes (in an organization's window after the
// last push, see syncSession.closeWindow).
func (u *UI) closeRequested() {
	u.leaveScreen()
	if u.sync != nil {
		u.sync.closeWindow()
		return
	}
	u.win.Close()
}
