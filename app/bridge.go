package app

// async runs work off the UI goroutine and hands its result to done on the
// UI goroutine (through u.post, which is fyne.Do in the application), so
// that database reads never freeze the window. u.jobs tracks work in flight.
func async[T any](u *UI, work func() (T, error), done func(T, error)) {
	u.jobs.Add(1)
	go func() {
		defer u.jobs.Done()
		v, err := work()
		u.post(func() { done(v, err) })
	}()
}
