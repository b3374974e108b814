package snapshot

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"
)

// schedWait is how long the scheduler tests wait for something that should
// happen at once: generous, so that a loaded machine does not fail them.
const schedWait = 10 * time.Second

// every returns a fixed interval.
func every(d time.Duration) func() time.Duration { return func() time.Duration { return d } }

// pushes is a push function that reports each call on a channel.
type pushes struct {
	calls chan struct{}
	n     atomic.Int64
	err   error
}

func newPushes() *pushes { return &pushes{calls: make(chan struct{}, 1000)} }

func (p *pushes) push(ctx context.Context) error {
	p.n.Add(1)
	select {
	case p.calls <- struct{}{}:
	default:
	}
	return p.err
}

// await waits for n more calls.
func (p *pushes) await(t *testing.T, n int, what string) {
	t.Helper()
	deadline := time.After(schedWait)
	for i := range n {
		select {
		case <-p.calls:
		case <-deadline:
			t.Fatalf("%s: %d of %d pushes within %v", what, i, n, schedWait)
		}
	}
}

// stopWithin stops s, failing when Stop does not return in time.
func stopWithin(t *testing.T, s *Scheduler) {
	t.Helper()
	done := make(chan struct{})
	go func() { s.Stop(); close(done) }()
	select {
	case <-done:
	case <-time.After(schedWait):
		t.Fatal("Stop did not return")
	}
}

func TestSchedulerPushesEveryInterval(t *testing.T) {
	p := newPushes()
	s := NewScheduler(p.push, every(20*time.Millisecond))
	s.Start(0)
	p.await(t, 5, "interval of 20 ms")
	if next := s.Next(); next.IsZero() || time.Until(next) > time.Second {
		t.Fatalf("Next = %v while running with a 20 ms interval", next)
	}
	stopWithin(t, s)
	if !s.Next().IsZero() || s.Running() {
		t.Fatalf("after Stop: Next %v, Running %v", s.Next(), s.Running())
	}
	// No push after Stop returned.
	n := p.n.Load()
	time.Sleep(100 * time.Millisecond)
	if got := p.n.Load(); got != n {
		t.Fatalf("%d pushes after Stop returned", got-n)
	}
	if n < 5 {
		t.Fatalf("%d pushes counted, at least 5 seen", n)
	}
}

func TestSchedulerWaitsForTheFirstDelay(t *testing.T) {
	p := newPushes()
	s := NewScheduler(p.push, every(20*time.Millisecond))
	start := time.Now()
	s.Start(300 * time.Millisecond)
	defer stopWithin(t, s)
	if next := s.Next(); next.Before(start.Add(300*time.Millisecond)) || next.After(time.Now().Add(300*time.Millisecond)) {
		t.Fatalf("Next = %v, want 300 ms after Start", next)
	}
	p.await(t, 1, "first push")
	if d := time.Since(start); d < 300*time.Millisecond {
		t.Fatalf("first push after %v, before the delay of 300 ms", d)
	}
}

func TestSchedulerTriggerPushesAtOnce(t *testing.T) {
	p := newPushes()
	s := NewScheduler(p.push, every(time.Hour))
	s.Start(time.Hour)
	defer stopWithin(t, s)
	if until := time.Until(s.Next()); until < 59*time.Minute {
		t.Fatalf("first push due in %v, want an hour", until)
	}
	select {
	case <-p.calls:
		t.Fatal("a push before it was due")
	case <-time.After(50 * time.Millisecond):
	}
	for i := range 3 {
		s.Trigger()
		p.await(t, 1, fmt.Sprintf("trigger %d", i+1))
		// After the push, the next is an interval away again.
		deadline := time.Now().Add(schedWait)
		for s.Running() || time.Until(s.Next()) < 59*time.Minute {
			if time.Now().After(deadline) {
				t.Fatalf("after a triggered push: running %v, next in %v", s.Running(), time.Until(s.Next()))
			}
			time.Sleep(time.Millisecond)
		}
	}
	if n := p.n.Load(); n != 3 {
		t.Fatalf("%d pushes for 3 triggers", n)
	}
}

func TestSchedulerStopCancelsAPushInFlight(t *testing.T) {
	started := make(chan struct{})
	ended := make(chan error, 1)
	s := NewScheduler(func(ctx context.Context) error {
		close(started)
		<-ctx.Done()
		ended <- ctx.Err()
		return ctx.Err()
	}, every(time.Hour))
	s.Start(0)
	select {
	case <-started:
	case <-time.After(schedWait):
		t.Fatal("the push did not start")
	}
	if !s.Running() {
		t.Fatal("Running is false while a push is in flight")
	}
	stopWithin(t, s)
	select {
	case err := <-ended:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("the push ended with %v, want context.Canceled", err)
		}
	default:
		t.Fatal("Stop returned before the push in flight ended")
	}
	if s.Running() {
		t.Fatal("Running after Stop")
	}
	stopWithin(t, s) // a second Stop is harmless
}

func TestSchedulerStartTwiceRunsOneLoopAndRestarts(t *testing.T) {
	var inFlight, most atomic.Int64
	p := newPushes()
	push := func(ctx context.Context) error {
		n := inFlight.Add(1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(2 * time.Millisecond)
		inFlight.Add(-1)
		return p.push(ctx)
	}
	s := NewScheduler(push, every(time.Millisecond))
	s.Start(0)
	s.Start(0)
	p.await(t, 10, "started twice")
	stopWithin(t, s)
	if m := most.Load(); m != 1 {
		t.Fatalf("%d pushes at once", m)
	}
	// Started again after Stop, it pushes again.
	s.Start(0)
	p.await(t, 1, "restarted")
	stopWithin(t, s)
}

func TestSchedulerBacksOffWhileUnreachable(t *testing.T) {
	p := newPushes()
	p.err = fmt.Errorf("%w: connection refused", ErrUnreachable)
	s := NewScheduler(p.push, every(20*time.Millisecond))
	s.Start(0)
	defer stopWithin(t, s)
	p.await(t, 1, "first push")
	deadline := time.Now().Add(schedWait)
	for s.Running() || time.Until(s.Next()) < 50*time.Second {
		if time.Now().After(deadline) {
			t.Fatalf("after an unreachable server: next push in %v, want a minute", time.Until(s.Next()))
		}
		time.Sleep(time.Millisecond)
	}
	select {
	case <-p.calls:
		t.Fatal("pushed again at the interval while the server is unreachable")
	case <-time.After(100 * time.Millisecond):
	}
	// A failure retrying will not mend waits the interval, not the backoff.
	p.err = errors.New("密钥文件已损坏")
	s.Trigger()
	p.await(t, 3, "pushes failing for another reason")
}

func TestBackoff(t *testing.T) {
	want := []time.Duration{1, 2, 4, 8, 16, 30, 30, 30}
	for i, w := range want {
		n := i + 1
		if got := Backoff(n, 30*time.Minute); got != w*time.Minute {
			t.Errorf("Backoff(%d, 30m) = %v, want %v", n, got, w*time.Minute)
		}
	}
	if got := Backoff(1000, 30*time.Minute); got != 30*time.Minute {
		t.Errorf("Backoff(1000, 30m) = %v", got)
	}
	// Never above the interval (the GUI's are whole minutes), nor 30
	// minutes, nor below a minute.
	for _, interval := range []time.Duration{time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute,
		30 * time.Minute, time.Hour, 24 * time.Hour} {
		prev := time.Duration(0)
		for n := 1; n <= 12; n++ {
			got := Backoff(n, interval)
			if got > interval || got > 30*time.Minute || got < time.Minute {
				t.Errorf("Backoff(%d, %v) = %v", n, interval, got)
			}
			if got < prev {
				t.Errorf("Backoff(%d, %v) = %v, shorter than after %d failures (%v)", n, interval, got, n-1, prev)
			}
			prev = got
		}
	}
	if got := Backoff(3, 5*time.Minute); got != 4*time.Minute {
		t.Errorf("Backoff(3, 5m) = %v, want 4m", got)
	}
	if got := Backoff(4, 5*time.Minute); got != 5*time.Minute {
		t.Errorf("Backoff(4, 5m) = %v, want 5m", got)
	}
}
