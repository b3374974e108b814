package appcore

import "time"

// CheckDay is the day a year is checked as of: today for the current year;
// for a past one, 1 January of the next, so that December has ended.
func CheckDay(year int, today time.Time) time.Time {
	if year < today.Year() {
		return time.Date(year+1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return today
}
