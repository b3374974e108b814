package app

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2/widget"
)

// yearsOffered is how many years a 年度 choice offers, ending with the
// current one.
const yearsOffered = 5

// recentYears lists the years a 年度 choice offers, newest first: the
// yearsOffered years ending with now's.
func recentYears(now time.Time) []string {
	years := make([]string, yearsOffered)
	for i := range years {
		years[i] = strconv.Itoa(now.Year() - i)
	}
	return years
}

// newYearSelect is the 年度 choice: first (such as 全部年度), when given,
// then recentYears of now (the store's clock), the first option selected.
// The screen sets OnChanged.
func newYearSelect(now time.Time, first ...string) *widget.Select {
	sel := widget.NewSelect(append(first, recentYears(now)...), nil)
	sel.SetSelected(sel.Options[0])
	return sel
}

// selectedYear is the year chosen, 0 when the choice is not a year (全部年度).
func selectedYear(sel *widget.Select) int {
	y, err := strconv.Atoi(sel.Selected)
	if err != nil {
		return 0
	}
	return y
}
