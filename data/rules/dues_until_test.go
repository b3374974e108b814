package rules

import (
	"testing"
	"time"

	"dangjian/data/vocab"
)

// TestDuesPaidUntil: a letter's 党费交至 is the month it records; a letter out
// without one falls back to the last month paid, a letter in never does.
func TestDuesPaidUntil(t *testing.T) {
	f := &Facts{LastPaid: map[string]time.Time{"1": d(2026, 3, 1)}}
	for _, c := range []struct {
		name     string
		member   string
		dir      vocab.Direction
		recorded string
		want     time.Time
	}{
		{"letter out with its month", "1", vocab.TransferOut, "2026-05", d(2026, 5, 1)},
		{"letter out without: the last month paid", "1", vocab.TransferOut, "", d(2026, 3, 1)},
		{"letter out, unreadable month: the last month paid", "1", vocab.TransferOut, "五月", d(2026, 3, 1)},
		{"letter out, nothing paid: unknown", "2", vocab.TransferOut, "", time.Time{}},
		{"letter in with its month", "1", vocab.TransferIn, "2025-12", d(2025, 12, 1)},
		{"letter in without: unknown, not what was paid here", "1", vocab.TransferIn, "", time.Time{}},
	} {
		if got := DuesPaidUntil(f, c.member, c.dir, c.recorded); !got.Equal(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	if got := DuesPaidUntil(nil, "1", vocab.TransferOut, ""); !got.IsZero() {
		t.Errorf("no facts: %v", got)
	}
}
