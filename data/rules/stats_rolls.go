package rules

import (
	"slices"
	"time"

	"dangjian/data/vocab"
)

// rollsTimeline answers, for one member, whether the member was on this
// organization's rolls (counted in the 党员总数) at the end of a day, and
// as what: the status, branch and category the records give for that day
// (MemberOn), and whether the member was here by the transfer letters.
type rollsTimeline struct {
	m       Member   // with Left filled from the status history (withLeft)
	changes []Change // the member's own, oldest first
	letters []*Transfer
	// undatedLeft: the member is no longer 正常 and no letter or recorded
	// change says since when, so no day can be counted on the rolls.
	undatedLeft bool
}

// rollsOn is a member as on one day, for the statistics.
type rollsOn struct {
	Member           // as MemberOn gives it for the day
	on        bool   // on the rolls: 正常, admitted and here
	here      bool   // here by the transfer letters
	suspended bool   // 停止党籍 and here
	branch    string // the branch that day
}

func newRollsTimeline(m Member, changes []Change, transfers []*Transfer) rollsTimeline {
	t := rollsTimeline{m: withLeft(m, changes), changes: changes}
	for _, l := range transfers {
		if !l.Issued.IsZero() {
			t.letters = append(t.letters, l)
		}
	}
	slices.SortStableFunc(t.letters, func(a, b *Transfer) int { return a.Issued.Compare(b.Issued) })
	// A letter out after the last letter in did not take effect while the
	// member is still 正常 here: the status, not the letter, says so.
	if t.m.Status == vocab.StatusNormal {
		for len(t.letters) > 0 && t.letters[len(t.letters)-1].Direction == vocab.TransferOut {
			t.letters = t.letters[:len(t.letters)-1]
		}
	}
	if t.m.Status != vocab.StatusNormal && t.m.Left.IsZero() {
		t.undatedLeft = !slices.ContainsFunc(changes, func(c Change) bool { return c.Field == FieldStatus })
	}
	return t
}

// hereOn reports whether the letters put the member here at the end of
// day: the latest letter on or before it decides (转入: here, 转出: gone);
// with none, the first letter after it (转出: was here, 转入: came later);
// with no letters at all, here.
func (t *rollsTimeline) hereOn(day time.Time) bool {
	last := -1
	for i, l := range t.letters {
		if civil(l.Issued).After(day) {
			break
		}
		last = i
	}
	switch {
	case last >= 0:
		return t.letters[last].Direction == vocab.TransferIn
	case len(t.letters) > 0:
		return t.letters[0].Direction == vocab.TransferOut
	}
	return true
}

// on gives the member as at the end of day.
func (t *rollsTimeline) on(day time.Time) rollsOn {
	day = civil(day)
	r := rollsOn{Member: MemberOn(t.m, t.changes, day), here: t.hereOn(day)}
	r.branch = r.BranchID
	admitted := r.Category != ""
	r.on = r.here && admitted && r.Status == vocab.StatusNormal && !t.undatedLeft
	r.suspended = r.here && admitted && r.Status == vocab.StatusSuspended
	return r
}

// undatedJoin reports whether the member is counted at the start only
// because nothing dates the arrival: no 入党日期 and no letter.
func (t *rollsTimeline) undatedJoin() bool {
	return civil(t.m.Joined).IsZero() && len(t.letters) == 0
}

// onWithin finds a day after start and on or before end on which the
// member was on the rolls, trying the days something about the member
// changed (admission, letters, recorded changes, leaving).
func (t *rollsTimeline) onWithin(start, end time.Time) (rollsOn, bool) {
	days := []time.Time{t.m.Joined, t.m.Since, t.m.Left}
	for _, l := range t.letters {
		days = append(days, l.Issued)
	}
	for _, c := range t.changes {
		days = append(days, c.At)
	}
	for _, day := range days {
		// The day before a leaving is the last one on the rolls.
		for _, d := range []time.Time{civil(day), civil(day).AddDate(0, 0, -1)} {
			if d.IsZero() || !d.After(start) || d.After(end) {
				continue
			}
			if r := t.on(d); r.on {
				return r, true
			}
		}
	}
	return rollsOn{}, false
}
