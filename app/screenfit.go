package app

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// The window's size fits the screen: a size remembered from a larger
// screen, or the default, is cut to the work area of the screen the window
// opens on (the screen less the task bar), so that no part of the window,
// the status bar least of all, lies beyond its edge.

// windowChrome is what the window manager adds around the window's content:
// borders on the sides, and the title bar and borders in the height.
var windowChrome = fyne.NewSize(16, 48)

// fitWindowSize is want cut to a work area of work (both in the window's
// units): the content and the window's chrome fit in it. A zero work area
// (unknown) leaves want as it is.
func fitWindowSize(want, work fyne.Size) fyne.Size {
	if work.Width <= 0 || work.Height <= 0 {
		return want
	}
	return fyne.NewSize(min(want.Width, work.Width-windowChrome.Width), min(want.Height, work.Height-windowChrome.Height))
}

// fitToScreen cuts the size of w, about to show, to the primary screen's
// work area. It runs on the main goroutine before the window shows (the
// toolkit has started the windowing system by then).
func fitToScreen(a fyne.App, w fyne.Window) {
	work := workArea(a)
	size := w.Canvas().Size()
	if fitted := fitWindowSize(size, work); fitted != size {
		w.Resize(fitted)
	}
}

// workArea is the primary screen's work area in the window's units; zero
// when it cannot be known.
func workArea(a fyne.App) (work fyne.Size) {
	defer func() {
		if recover() != nil { // the windowing system is not running
			work = fyne.Size{}
		}
	}()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}
	}
	_, _, width, height := m.GetWorkarea()
	if width <= 0 || height <= 0 {
		return fyne.Size{}
	}
	return fyne.NewSize(float32(width)/screenScale(a, m), float32(height)/screenScale(a, m))
}

// screenScale is how many pixels of m a unit of the window takes: the
// toolkit's scale for the screen's density (at least 1) times the user's
// own (FYNE_SCALE), or the system's content scale when larger.
func screenScale(a fyne.App, m *glfw.Monitor) float32 {
	scale := float32(1)
	if mm, _ := m.GetPhysicalSize(); mm > 0 {
		if mode := m.GetVideoMode(); mode != nil {
			dpi := float32(mode.Width) / (float32(mm) / 25.4)
			if dpi > 10 && dpi < 1000 {
				scale = max(scale, dpi/120) // the toolkit's baseline density
			}
		}
	}
	if x, _ := m.GetContentScale(); x > scale {
		scale = x
	}
	if user := a.Settings().Scale(); user > 0 {
		scale *= user
	}
	return scale
}
