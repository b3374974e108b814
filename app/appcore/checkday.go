package appcore

import (
	"time"

	"dangjian/data/rules"
)

// CheckDay is the day a year is checked as of (rules.CheckDay): today for
// the current year; for a past one, 1 January of the next.
func CheckDay(year int, today time.Time) time.Time { return rules.CheckDay(year, today) }
