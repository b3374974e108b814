package demo

import (
	"math/rand/v2"
	"time"
)

// stream is a random stream of its own, for records added to the demo
// after others: drawing from it leaves the choices of the main stream
// (gen.r) where they were.
type stream struct{ r *rand.Rand }

// newFileStream is the stream of the member file's records and of the
// policy's other records (memberfile.go, practice.go, school.go).
func newFileStream(seed uint64) stream {
	return stream{rand.New(rand.NewPCG(seed^0x2545f4914f6cdd1d, seed+0x632be59bd9b4e019))}
}

func (s stream) intn(n int) int { return s.r.IntN(n) }

// between returns a number in [lo, hi].
func (s stream) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + s.r.IntN(hi-lo+1)
}

func (s stream) chance(p float64) bool { return s.r.Float64() < p }

func (s stream) pick(list []string) string { return list[s.r.IntN(len(list))] }

// dayIn returns a day in [from, to]; from when to is earlier.
func (s stream) dayIn(from, to time.Time) time.Time {
	n := int(to.Sub(from).Hours() / 24)
	if n <= 0 {
		return from
	}
	return from.AddDate(0, 0, s.r.IntN(n+1))
}

// shuffled returns a shuffled copy of ps.
func (s stream) shuffled(ps []*person) []*person {
	out := append([]*person(nil), ps...)
	s.r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}
