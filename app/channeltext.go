package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2/widget"

	"dangjian/data"
)

// channelSoonDays is how many days before its deadline a task not done
// shows as near.
const channelSoonDays = 7

// deadlineText says a deadline for a line of the committee's notices and
// tasks, seen on the day today: 截止 1月10日 (the year only when it is not
// today's). For a task still open (open), one past shows 已逾期 in red and
// one within channelSoonDays days 即将截止, highlighted. "" for none.
func deadlineText(deadline data.Date, today time.Time, open bool) (string, widget.Importance) {
	if deadline.IsZero() {
		return "", widget.MediumImportance
	}
	day := fmt.Sprintf("%d月%d日", int(deadline.Month()), deadline.Day())
	if deadline.Year() != today.Year() {
		day = fmt.Sprintf("%d年%s", deadline.Year(), day)
	}
	if !open {
		return "截止 " + day, widget.MediumImportance
	}
	days := daysBetween(today, deadline.Time)
	switch {
	case days < 0:
		return "已逾期 · 截止 " + day, widget.DangerImportance
	case days == 0:
		return "今天截止", widget.WarningImportance
	case days <= channelSoonDays:
		return fmt.Sprintf("还剩%d天 · 截止 %s", days, day), widget.WarningImportance
	}
	return "截止 " + day, widget.MediumImportance
}

// daysBetween counts the calendar days from the day of from to the day of
// to (negative when to is earlier), whatever their times of day.
func daysBetween(from, to time.Time) int {
	a := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	b := time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}
