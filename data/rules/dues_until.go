package rules

import (
	"time"

	"dangjian/data/field"
	"dangjian/data/vocab"
)

// DuesPaidUntil is a transfer letter's 党费交至, the first day of its month:
// the month the letter records (recorded, as stored: 「2026-04」); else, for
// a letter out, the latest month f shows the member paid (Facts.LastPaid).
// Zero when neither is known. The 组织关系转接台账 and the 介绍信 of a mail
// merge both print this month.
func DuesPaidUntil(f *Facts, memberID string, dir vocab.Direction, recorded string) time.Time {
	if mo, err := field.ParseMonth(recorded); err == nil {
		return mo
	}
	if dir != vocab.TransferOut || f == nil {
		return time.Time{}
	}
	return f.LastPaid[memberID]
}
