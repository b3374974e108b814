package app

import "fyne.io/fyne/v2/widget"

// saveOnce keeps a dialog from saving the same record twice: while a save
// runs (from 保存 tapped twice, or Enter pressed twice, before the store
// answers) its 保存 button is disabled and a second save does nothing;
// the button comes back once the save is done, whether stored or refused.
type saveOnce struct {
	button  *widget.Button // the dialog's 保存; may be nil
	running bool
	// waiting, when set, tells that something the save needs is still
	// being read (a branch's members): 保存 stays disabled meanwhile.
	waiting func() bool
}

// begin starts a save: false when one is running already.
func (s *saveOnce) begin() bool {
	if s.running {
		return false
	}
	s.running = true
	s.update()
	return true
}

// end marks the save done (stored or refused).
func (s *saveOnce) end() {
	s.running = false
	s.update()
}

// update enables 保存 unless a save runs or the dialog waits for a read.
func (s *saveOnce) update() {
	if s.button == nil {
		return
	}
	if s.running || s.waiting != nil && s.waiting() {
		s.button.Disable()
	} else {
		s.button.Enable()
	}
}
