package rules

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// civil returns t's calendar date at midnight UTC; the zero time stays zero.
func civil(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// monthIndex numbers months consecutively: year×12 + month − 1.
func monthIndex(t time.Time) int {
	return t.Year()*12 + int(t.Month()) - 1
}

// later returns the later of two times, treating zero as unknown.
func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// since is when the member came under this organization: the later of
// Joined and Since (zero when both are unknown).
func since(m *Member) time.Time {
	return later(civil(m.Joined), civil(m.Since))
}

// firstFullMonth is the month index of the first month a branch exists for
// (founded on or before its first day); very small when Founded is zero.
func firstFullMonth(b *Branch) int {
	if b.Founded.IsZero() {
		return math.MinInt32
	}
	f := civil(b.Founded)
	if f.Day() == 1 {
		return monthIndex(f)
	}
	return monthIndex(f) + 1
}

// calendar places the checked year relative to AsOf.
type calendar struct {
	year      int
	asOf      time.Time // civil
	asOfM     int       // month index of AsOf
	jan       int       // month index of January of year
	yearEnded bool      // AsOf is after 31 December of year
	curMonths int       // months of year up to and including AsOf's month, 0–12
}

func newCalendar(year int, asOf time.Time) calendar {
	c := calendar{year: year, asOf: civil(asOf), jan: year * 12}
	c.asOfM = monthIndex(c.asOf)
	c.yearEnded = c.asOfM > c.jan+11
	c.curMonths = min(max(c.asOfM-c.jan+1, 0), 12)
	return c
}

// monthEnded reports whether the month with index mi has ended: its last day
// is before AsOf.
func (c calendar) monthEnded(mi int) bool { return mi < c.asOfM }

// quarterEnded reports whether quarter q (0–3) of the year has ended.
func (c calendar) quarterEnded(q int) bool { return c.monthEnded(c.jan + 3*q + 2) }

// notYet is the 尚未/未 wording for a requirement over the whole year: 未
// once the year has ended, 尚未 while it runs.
func (c calendar) notYet() string {
	if c.yearEnded {
		return "未"
	}
	return "尚未"
}

// yearText is "2026年".
func (c calendar) yearText() string { return strconv.Itoa(c.year) + "年" }

// dateText formats a date as 2026年6月1日.
func dateText(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// formatNumber prints a number without trailing zeros: 18, 18.5, 52.25.
func formatNumber(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// round rounds f to the given number of decimals.
func round(f float64, decimals int) float64 {
	p := math.Pow10(decimals)
	return math.Round(f*p) / p
}
