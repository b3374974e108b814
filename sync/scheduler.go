package snapshot

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Backoff bounds for pushes that fail because the server is unreachable.
const (
	firstRetry = time.Minute
	lastRetry  = 30 * time.Minute
)

// Scheduler pushes periodically in the background: every interval after a
// success, and sooner, doubling from a minute, after a failure. The
// application keeps working whatever happens here.
type Scheduler struct {
	push     func(ctx context.Context) error
	interval func() time.Duration
	now      func() time.Time

	startStop sync.Mutex // Start and Stop, one at a time
	mu        sync.Mutex
	cancel    context.CancelFunc
	wake      chan struct{}
	done      chan struct{}
	next      time.Time
	failures  int
	running   bool
	pending   bool // a Trigger came during a push
	// scheduled, when set, is told after each push when the next is due.
	scheduled func(next time.Time, err error)
}

// OnScheduled sets fn to be told, after each push, the push's error and
// when the next one is due; set it before Start.
func (s *Scheduler) OnScheduled(fn func(next time.Time, err error)) { s.scheduled = fn }

// Unreachable tells whether the last push could not reach the server.
func (s *Scheduler) Unreachable() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.failures > 0
}

// NewScheduler makes a scheduler calling push; interval is read before
// each wait, so a changed setting takes effect at once.
func NewScheduler(push func(ctx context.Context) error, interval func() time.Duration) *Scheduler {
	return &Scheduler{push: push, interval: interval, now: time.Now, wake: make(chan struct{}, 1)}
}

// Start begins the loop; the first push runs after delay.
func (s *Scheduler) Start(delay time.Duration) {
	s.startStop.Lock()
	defer s.startStop.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel, s.done = cancel, make(chan struct{})
	s.next = s.now().Add(delay)
	go s.loop(ctx, s.done)
}

// Stop ends the loop, cancelling a push in flight, and waits for it.
func (s *Scheduler) Stop() {
	s.startStop.Lock()
	defer s.startStop.Unlock()
	s.mu.Lock()
	cancel, done := s.cancel, s.done
	s.cancel = nil
	s.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
}

// Trigger asks for a push now.
func (s *Scheduler) Trigger() {
	s.mu.Lock()
	s.next = s.now()
	s.pending = s.running
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Next is when the next push is due (zero when stopped).
func (s *Scheduler) Next() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel == nil {
		return time.Time{}
	}
	return s.next
}

// Running tells whether a push is in flight.
func (s *Scheduler) Running() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.running
}

func (s *Scheduler) loop(ctx context.Context, done chan struct{}) {
	defer close(done)
	for {
		s.mu.Lock()
		wait := s.next.Sub(s.now())
		s.mu.Unlock()
		if wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-s.wake:
				t.Stop()
				continue
			case <-t.C:
			}
		}
		s.mu.Lock()
		s.running = true
		s.mu.Unlock()
		err := s.push(ctx)
		s.mu.Lock()
		s.running = false
		s.next = s.now().Add(s.delayAfter(err))
		if s.pending {
			s.next, s.pending = s.now(), false
		}
		next := s.next
		s.mu.Unlock()
		if ctx.Err() != nil {
			return
		}
		if s.scheduled != nil {
			s.scheduled(next, err)
		}
	}
}

// delayAfter is the wait after a push that ended with err: the interval
// after a success or a failure retrying will not mend, exponential backoff
// while the server is unreachable.
func (s *Scheduler) delayAfter(err error) time.Duration {
	interval := s.interval()
	if err == nil || !errors.Is(err, ErrUnreachable) {
		s.failures = 0
		return interval
	}
	s.failures++
	return Backoff(s.failures, interval)
}

// Backoff is the wait after n consecutive failures to reach the server:
// one minute doubled each time, never more than 30 minutes nor than the
// interval, unless the interval is under a minute.
func Backoff(n int, interval time.Duration) time.Duration {
	d := firstRetry
	for i := 1; i < n && d < lastRetry; i++ {
		d *= 2
	}
	return min(d, lastRetry, max(interval, firstRetry))
}
