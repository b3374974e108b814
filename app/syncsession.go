package app

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dangjian/data"
	snapshot "dangjian/sync"
)

// Timing of the automatic sync.
const (
	firstPushDelay   = time.Minute      // after the keys are unlocked
	finalPushTimeout = 60 * time.Second // the push when the window closes
)

// syncSession is the organization's sync for this run of the program: the
// keys, unlocked once, the scheduler that pushes in the background, and
// the status line. Failures never open a dialog: they show in the status
// line and on the 同步 screen, and the program keeps working offline.
type syncSession struct {
	u        *UI
	store    *data.Store            // the database synced
	keys     *snapshot.Keys         // unlocked keys, nil until unlocked
	keysFor  string                 // the key file keys came from
	declined bool                   // no passphrase given when asked at start: no automatic sync
	waiters  []func(*snapshot.Keys) // waiting for the passphrase dialog
	sched    *snapshot.Scheduler    // nil while automatic sync is off
	minutes  atomic.Int64           // the push interval, read by the scheduler
	busy     chan struct{}          // holds a token while a push runs: one at a time
}

func newSyncSession(u *UI) *syncSession {
	s := &syncSession{u: u, busy: make(chan struct{}, 1)}
	s.minutes.Store(int64(snapshot.DefaultInterval / time.Minute))
	return s
}

// syncInfo is what the files beside the database say about its sync.
type syncInfo struct {
	state   snapshot.State
	public  snapshot.PublicKeys
	hasKeys bool
	keysErr error // a key file that cannot be used; nil when fine or missing
}

// loadSyncInfo reads the sync state and the public keys of the database at
// dbPath; it does file I/O, so it runs off the UI goroutine.
func loadSyncInfo(dbPath string) (syncInfo, error) {
	var info syncInfo
	st, err := snapshot.LoadState(snapshot.StatePath(dbPath))
	if err != nil {
		return info, err
	}
	info.state = st
	pub, err := snapshot.ReadPublicKeys(snapshot.KeyPath(dbPath))
	switch {
	case err == nil:
		info.public, info.hasKeys = pub, true
	case !errors.Is(err, snapshot.ErrNoKeys):
		info.keysErr = err
	}
	return info, nil
}

// attach makes store the database synced; automatic sync starts when the
// database is enrolled, has keys and is not paused, asking the passphrase
// once per session.
func (s *syncSession) attach(store *data.Store) {
	if s.store != store {
		if s.sched != nil {
			s.stop(nil)
		}
		if s.keys != nil && (s.keys.Public.OrgID != store.Org().ID || s.keysFor != snapshot.KeyPath(store.Path())) {
			s.keys = nil
		}
		s.store = store
	}
	s.autoStart()
}

// autoStart starts automatic sync when it should run and is not running.
func (s *syncSession) autoStart() {
	store := s.store
	async(s.u, func() (syncInfo, error) { return loadSyncInfo(store.Path()) }, func(info syncInfo, err error) {
		if store != s.store {
			return
		}
		if err == nil {
			s.minutes.Store(int64(info.state.Interval() / time.Minute))
		}
		if err != nil || s.sched != nil || info.state.Enrollment == nil || !info.hasKeys || info.state.Paused ||
			s.keys == nil && s.declined {
			s.refresh()
			return
		}
		s.unlock(func(k *snapshot.Keys) {
			if k == nil {
				s.declined = true
			} else if s.store == store && !info.state.Paused {
				s.start(k)
			}
			s.refresh()
		})
	})
}

// unlock hands done the organization's keys, asking the passphrase when
// they are not unlocked yet (the environment's first, when set); done gets
// nil when the dialog is cancelled.
func (s *syncSession) unlock(done func(*snapshot.Keys)) {
	if s.keys != nil {
		done(s.keys)
		return
	}
	s.waiters = append(s.waiters, done)
	if len(s.waiters) > 1 {
		return // the passphrase is being asked already
	}
	store := s.store
	path := snapshot.KeyPath(store.Path())
	finish := func(k *snapshot.Keys) {
		if k != nil && store == s.store {
			s.setKeys(k, path)
		}
		waiters := s.waiters
		s.waiters = nil
		for _, w := range waiters {
			w(k)
		}
	}
	try := func(pass string) (*snapshot.Keys, error) { return snapshot.UnlockKeys(path, pass) }
	ask := func(prompt string) {
		askPassphrase(s.u, "解锁同步密钥", prompt, false, try, func(k *snapshot.Keys, ok bool) { finish(k) })
	}
	pass := envPassphrase()
	if pass == "" {
		ask("请输入本组织同步密钥的口令（本次运行只需输入一次）。")
		return
	}
	async(s.u, func() (*snapshot.Keys, error) { return try(pass) }, func(k *snapshot.Keys, err error) {
		if err == nil {
			finish(k)
			return
		}
		ask("环境变量 " + snapshot.PassphraseEnv + " 中的口令无法解开密钥文件（" + err.Error() + "），请输入口令。")
	})
}

// setKeys remembers unlocked (or new) keys for the session.
func (s *syncSession) setKeys(k *snapshot.Keys, path string) {
	s.keys, s.keysFor, s.declined = k, path, false
}

// start runs the scheduler with the keys.
func (s *syncSession) start(keys *snapshot.Keys) {
	if s.sched != nil {
		return
	}
	store := s.store
	s.sched = snapshot.NewScheduler(func(ctx context.Context) error {
		_, err := s.push(ctx, store, keys, nil)
		return err
	}, s.interval)
	s.sched.OnScheduled(func(time.Time, error) { s.u.post(s.refresh) })
	s.sched.Start(firstPushDelay)
}

// interval is the push period, for the scheduler.
func (s *syncSession) interval() time.Duration { return time.Duration(s.minutes.Load()) * time.Minute }

// running tells whether automatic sync is on.
func (s *syncSession) running() bool { return s.sched != nil }

// nextPush is when the scheduler pushes next; zero when it is off.
func (s *syncSession) nextPush() time.Time {
	if s.sched == nil {
		return time.Time{}
	}
	return s.sched.Next()
}

// stop ends automatic sync. The scheduler is stopped off the UI goroutine
// (a push in flight is cancelled and waited for); then, when set, runs on
// the UI goroutine afterwards.
func (s *syncSession) stop(then func()) {
	sched := s.sched
	s.sched = nil
	async(s.u, func() (struct{}, error) {
		if sched != nil {
			sched.Stop()
		}
		return struct{}{}, nil
	}, func(struct{}, error) {
		if then != nil {
			then()
		}
	})
}

// push runs one push, waiting for one in flight to finish first.
func (s *syncSession) push(ctx context.Context, store *data.Store, keys *snapshot.Keys, stage func(snapshot.Stage)) (snapshot.PushResult, error) {
	select {
	case s.busy <- struct{}{}:
	case <-ctx.Done():
		return snapshot.PushResult{}, ctx.Err()
	}
	defer func() { <-s.busy }()
	return snapshot.Push(ctx, snapshot.PushOptions{Store: store, Keys: keys, OnStage: stage})
}

// refresh reads the sync files again and shows them in the status line
// and on the 同步 screen.
func (s *syncSession) refresh() {
	store := s.store
	if store == nil {
		return
	}
	async(s.u, func() (syncInfo, error) { return loadSyncInfo(store.Path()) }, func(info syncInfo, err error) {
		if store != s.store {
			return
		}
		text := "同步设置无法读取"
		if err == nil {
			text = syncLineText(info, s.running(), s.nextPush())
		}
		s.u.syncLine.SetText(text)
		s.u.statusBar.Refresh() // the line's width changed
		if v := s.u.syncView; v != nil {
			v.show(info, err)
		}
		s.u.reloadChannel() // a push fetches the committee's channel
	})
}

// closeWindow closes the window; when automatic sync runs, it stops it and
// pushes one last time first, for at most finalPushTimeout, behind a small
// dialog, so that an unreachable server cannot hold the window open.
func (s *syncSession) closeWindow() {
	sched, store, keys := s.sched, s.store, s.keys
	if sched == nil {
		s.u.win.Close()
		return
	}
	s.sched = nil
	if sched.Unreachable() { // the last push could not reach the server: do not make people wait
		sched.Stop() // cancels a retry in flight, which stops at once
		s.u.win.Close()
		return
	}
	bar := widget.NewProgressBarInfinite()
	var once sync.Once
	var dlg *dialog.CustomDialog
	closeNow := func() {
		once.Do(func() {
			s.u.post(func() {
				bar.Stop()
				dlg.Hide()
				s.u.win.Close()
			})
		})
	}
	ctx, cancel := context.WithTimeout(context.Background(), finalPushTimeout)
	// Cancelling stops the push cleanly (its temporary copy removed, no
	// manifest written); the window closes as soon as it has stopped.
	skip := widget.NewButton("不等待，直接关闭", cancel)
	dlg = dialog.NewCustomWithoutButtons("正在同步…", container.NewVBox(
		widget.NewLabel("正在上传最后的更改，最长等待1分钟；下次打开时会再同步。"), bar, skip), s.u.win)
	dlg.Show()
	// Should stopping hang, the window closes all the same.
	timer := time.AfterFunc(finalPushTimeout+5*time.Second, closeNow)
	s.u.jobs.Add(1)
	go func() {
		defer s.u.jobs.Done()
		defer closeNow()
		defer timer.Stop()
		defer cancel()
		sched.Stop()
		s.push(ctx, store, keys, nil)
	}()
}
