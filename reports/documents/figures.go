package documents

import (
	"time"

	"dangjian/data/rules"
)

// checkDay is the day a document's figures are computed as of, as
// `dangjian check` and the screens do: the print date for the current
// year (or a later one); for a past year, 1 January of the next, so that
// every month of it is over.
func checkDay(year int, now time.Time) time.Time { return rules.CheckDay(year, now) }

// refDay is the last day a document's year is looked at: 31 December, or
// the print date while the year runs.
func refDay(year int, now time.Time) time.Time {
	end := time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	if today.Before(end) {
		return today
	}
	return end
}

// asOf is the reference day of a roster or of the statistics:
// Options.AsOf, or refDay.
func (r *request) asOf() time.Time {
	if a := r.opts.AsOf; !a.IsZero() {
		return time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	}
	return refDay(r.year, r.now)
}

// asOfPeriod is the running header of a document as of a day:
// 「截至2026年11月26日」.
func asOfPeriod(r *request) string { return "截至" + prose(r.asOf()) }
