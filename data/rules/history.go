package rules

import (
	"time"

	"dangjian/data/vocab"
)

// MemberField is a field of a member whose history is kept.
type MemberField int

// The fields whose value on a past day the documents and rules use.
const (
	FieldBranch MemberField = iota + 1
	FieldPartyPost
	FieldStatus
	FieldCategory
)

// Change is one recorded change of a member's field: on day At (a civil
// date), Old became New.
type Change struct {
	MemberID string
	Field    MemberField
	Old, New string
	At       time.Time
}

// CategoryOn returns the member's 党员类别 on day: 正式党员 from 转正日期, 预备党员
// from 入党日期 until then. A 正式党员 recorded without 转正日期 (an imported
// record often lacks it) is taken as 预备 in the year after admission, the
// 预备期; a 预备党员 stays one. Before admission it is empty.
func CategoryOn(current vocab.Category, joined, confirmed, day time.Time) vocab.Category {
	day = civil(day)
	switch {
	case !joined.IsZero() && day.Before(civil(joined)):
		return ""
	case !confirmed.IsZero() && !day.Before(civil(confirmed)):
		return vocab.CategoryFull
	case !confirmed.IsZero():
		return vocab.CategoryProbation
	case current == vocab.CategoryFull && !joined.IsZero() && day.Before(civil(joined).AddDate(1, 0, 0)):
		return vocab.CategoryProbation
	}
	return current
}

// withLeft fills, for a member no longer 正常 whose leaving no transfer
// letter dates, the day the records changed the status to the present one.
func withLeft(m Member, changes []Change) Member {
	if m.Status == vocab.StatusNormal || !m.Left.IsZero() {
		return m
	}
	for i := len(changes) - 1; i >= 0; i-- {
		if c := changes[i]; c.Field == FieldStatus && c.New == string(m.Status) {
			m.Left = c.At
			break
		}
	}
	return m
}

// MemberOn returns m as it was at the end of day: its branch, 党内职务 and
// status as recorded then (from changes, oldest first, of any members), its
// category from its dates (CategoryOn), and 正常 before the day it left the
// rolls when it has left by transfer.
func MemberOn(m Member, changes []Change, day time.Time) Member {
	day = civil(day)
	settled := map[MemberField]bool{}
	for _, c := range changes {
		if c.MemberID != m.ID || !civil(c.At).After(day) || settled[c.Field] {
			continue
		}
		// The first change after day: its old value held on day.
		settled[c.Field] = true
		switch c.Field {
		case FieldBranch:
			m.BranchID = c.Old
		case FieldPartyPost:
			m.PartyPost = c.Old
		case FieldStatus:
			m.Status = vocab.Status(c.Old)
		case FieldCategory:
			m.Category = vocab.Category(c.Old)
		}
	}
	if m.Status != vocab.StatusNormal && !m.Left.IsZero() && day.Before(civil(m.Left)) && !settled[FieldStatus] {
		m.Status = vocab.StatusNormal
	}
	m.Category = CategoryOn(m.Category, m.Joined, m.Confirmed, day)
	return m
}
