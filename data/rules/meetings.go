package rules

import (
	"fmt"
	"time"

	"dangjian/data/vocab"
)

// Meeting kinds, as indexes into kindMasks.
const (
	kGeneral   = iota // 支部党员大会
	kCommittee        // 支委会
	kGroup            // 党小组会
	kLecture          // 党课
	kThemeDay         // 主题党日
	kOrgLife          // 组织生活会
	kAppraisal        // 民主评议
	numKinds
)

var kindIndex = map[vocab.MeetingKind]int{
	vocab.MeetingGeneral:   kGeneral,
	vocab.MeetingCommittee: kCommittee,
	vocab.MeetingGroup:     kGroup,
	vocab.MeetingLecture:   kLecture,
	vocab.MeetingThemeDay:  kThemeDay,
	vocab.MeetingOrgLife:   kOrgLife,
	vocab.MeetingAppraisal: kAppraisal,
}

// kindMasks holds, per meeting kind, a bit per month of the year (bit 0 is
// January) set when the branch held such a meeting that month.
type kindMasks [numKinds]uint16

// quarterBits selects the three months of quarter q (0–3).
func quarterBits(q int) uint16 { return 0b111 << (3 * q) }

// ThemeDay (THEME-DAY): each month of the year the branch exists for, up to
// AsOf's month, without a 主题党日; the month under way is worded 尚未.
func ThemeDay(f *Facts, s Settings) []Finding { return runOne(f, s, rThemeDay) }

// ThreeOne (THREE-ONE, 三会一课): for each ended period the branch exists
// for, 支部党员大会 and 党课 at least once a quarter, 支委会 at least once a
// month, and 党小组会 at least once a month when the branch has groups.
func ThreeOne(f *Facts, s Settings) []Finding { return runOne(f, s, rThreeOne) }

// OrgLife (ORG-LIFE): branches that have not held the year's 专题组织生活会 or
// 民主评议党员. Branches founded on or after 1 October of the year are exempt.
func OrgLife(f *Facts, s Settings) []Finding { return runOne(f, s, rOrgLife) }

// Dual (DUAL, 双重组织生活): each 党员领导干部 who attended no meeting of their
// own branch in the year.
func Dual(f *Facts, s Settings) []Finding { return runOne(f, s, rDual) }

// meetings returns the month masks per branch id, built on first use from
// the meetings dated in the year.
func (e *engine) meetings() map[string]*kindMasks {
	if e.meet != nil {
		return e.meet
	}
	e.meet = make(map[string]*kindMasks, len(e.f.Branches))
	for _, mt := range e.f.Meetings {
		k, ok := kindIndex[mt.Kind]
		if !ok || mt.Date.IsZero() || mt.Date.Year() != e.f.Year {
			continue
		}
		km := e.meet[mt.BranchID]
		if km == nil {
			km = new(kindMasks)
			e.meet[mt.BranchID] = km
		}
		km[k] |= 1 << (mt.Date.Month() - 1)
	}
	return e.meet
}

// masks returns branch b's month masks (all clear when it held nothing).
func (e *engine) masks(b *Branch) kindMasks {
	if km := e.meetings()[b.ID]; km != nil {
		return *km
	}
	return kindMasks{}
}

// themeDay walks the months THEME-DAY requires of branch b, calling emit
// (when not nil) for each month without a 主题党日, and returns how many
// months were required and how many were held.
func (e *engine) themeDay(b *Branch, emit func(string)) (required, held int) {
	km, first := e.masks(b), e.firstRequired(b)
	for k := range e.cal.curMonths {
		mi := e.cal.jan + k
		if mi < first {
			continue
		}
		// The month under way is required once its 主题党日 is held or
		// the month has ended: until then it is a to-do (尚未开展), which
		// neither lowers the rate nor the score.
		ended := e.cal.monthEnded(mi)
		if km[kThemeDay]&(1<<k) != 0 {
			required++
			held++
			continue
		}
		if ended {
			required++
		}
		if emit != nil {
			word := "尚未"
			if ended {
				word = "未"
			}
			emit(fmt.Sprintf("%s%d月%s开展主题党日", e.cal.yearText(), k+1, word))
		}
	}
	return required, held
}

// threeOne walks the ended periods THREE-ONE requires of branch b, calling
// emit (when not nil) for each requirement not met, and returns how many
// (kind, period) requirements there were and how many were met.
func (e *engine) threeOne(b *Branch, emit func(string)) (required, met int) {
	if emit == nil {
		return e.threeOneGaps(b, nil)
	}
	return e.threeOneGaps(b, func(g MeetingGap) { emit(g.Text) })
}

// MeetingGap is one 三会一课 requirement a branch did not meet: a kind of
// meeting missing in a month (Month 1–12) or a quarter (Quarter 1–4).
type MeetingGap struct {
	Kind           vocab.MeetingKind
	Month, Quarter int
	What           string // what was not done: 未召开支委会, 未上党课
	Text           string // as the THREE-ONE finding words it: 2026年3月未召开支委会
}

// gap words a gap of kind in a month or quarter of year y ("2026年").
func gap(kind vocab.MeetingKind, month, quarter int, what, y string) MeetingGap {
	period := fmt.Sprintf("%d月", month)
	if quarter > 0 {
		period = fmt.Sprintf("第%d季度", quarter)
	}
	return MeetingGap{Kind: kind, Month: month, Quarter: quarter, What: what, Text: y + period + what}
}

// threeOneGaps walks the ended periods THREE-ONE requires of branch b,
// calling emit (when not nil) for each requirement not met, and returns
// how many (kind, period) requirements there were and how many were met.
func (e *engine) threeOneGaps(b *Branch, emit func(MeetingGap)) (required, met int) {
	km, first := e.masks(b), e.firstRequired(b)
	y := e.cal.yearText()
	check := func(ok bool, gap func() MeetingGap) {
		required++
		if ok {
			met++
		} else if emit != nil {
			emit(gap())
		}
	}
	for q := range 4 {
		if !e.cal.quarterEnded(q) || e.cal.jan+3*q < first {
			continue
		}
		check(km[kGeneral]&quarterBits(q) != 0, func() MeetingGap {
			return gap(vocab.MeetingGeneral, 0, q+1, "未召开"+string(vocab.MeetingGeneral), y)
		})
		check(km[kLecture]&quarterBits(q) != 0, func() MeetingGap {
			return gap(vocab.MeetingLecture, 0, q+1, "未上"+string(vocab.MeetingLecture), y)
		})
	}
	for k := range 12 {
		mi := e.cal.jan + k
		if !e.cal.monthEnded(mi) || mi < first {
			continue
		}
		check(km[kCommittee]&(1<<k) != 0, func() MeetingGap {
			return gap(vocab.MeetingCommittee, k+1, 0, "未召开"+string(vocab.MeetingCommittee), y)
		})
		if b.HasGroups {
			check(km[kGroup]&(1<<k) != 0, func() MeetingGap {
				return gap(vocab.MeetingGroup, k+1, 0, "未召开"+string(vocab.MeetingGroup), y)
			})
		}
	}
	return required, met
}

// orgLifeExempt reports whether b was founded, or its meetings are kept
// here from, 1 October of the year or later: too late for the year's
// 组织生活会 and 民主评议 to be required (or seen).
func (e *engine) orgLifeExempt(b *Branch) bool {
	oct := time.Date(e.f.Year, time.October, 1, 0, 0, 0, 0, time.UTC)
	start := later(civil(b.Founded), monthStart(e.cov(b.OrgID).Meetings))
	return !start.IsZero() && !start.Before(oct)
}

// firstRequired is the month index of the first month a branch's meetings
// are required and seen: the first full month it exists for, and not before
// the month its meetings are kept here from.
func (e *engine) firstRequired(b *Branch) int {
	first := firstFullMonth(b)
	if c := e.cov(b.OrgID).Meetings; !c.IsZero() {
		first = max(first, monthIndex(c))
	}
	return first
}

// orgLife reports whether b held the year's 组织生活会 and 民主评议.
func (e *engine) orgLife(b *Branch) (life, appraisal bool) {
	km := e.masks(b)
	return km[kOrgLife] != 0, km[kAppraisal] != 0
}

// eachBranch calls fn for each branch, skipping repeated ids.
func (e *engine) eachBranch(fn func(b *Branch)) {
	for _, b := range e.branchList {
		fn(b)
	}
}

func (e *engine) themeDayRule() []Finding {
	var out []Finding
	e.eachBranch(func(b *Branch) {
		e.themeDay(b, func(d string) { out = append(out, branchFinding(rThemeDay, b, d)) })
	})
	return out
}

func (e *engine) threeOneRule() []Finding {
	var out []Finding
	e.eachBranch(func(b *Branch) {
		e.threeOne(b, func(d string) { out = append(out, branchFinding(rThreeOne, b, d)) })
	})
	return out
}

func (e *engine) orgLifeRule() []Finding {
	var out []Finding
	y, word := e.cal.yearText(), e.cal.notYet()
	e.eachBranch(func(b *Branch) {
		if e.orgLifeExempt(b) {
			return
		}
		life, appraisal := e.orgLife(b)
		if !life {
			out = append(out, branchFinding(rOrgLife, b, y+word+"召开专题组织生活会"))
		}
		if !appraisal {
			out = append(out, branchFinding(rOrgLife, b, y+word+"开展民主评议党员"))
		}
	})
	return out
}

func (e *engine) dual() []Finding {
	meetingBranch := make(map[string]string, len(e.f.Meetings))
	for _, mt := range e.f.Meetings {
		if e.inYear(mt.Date) {
			meetingBranch[mt.ID] = mt.BranchID
		}
	}
	attendedOwn := make(map[string]bool)
	for _, a := range e.f.Attended {
		m := e.members[a.MemberID]
		if br, ok := meetingBranch[a.MeetingID]; ok && m != nil && br == m.BranchID {
			attendedOwn[m.ID] = true
		}
	}
	var out []Finding
	for _, m := range e.active {
		if m.IsLeader && !attendedOwn[m.ID] && e.applies(rDual, m) && e.coveredWholeYear(e.cov(m.OrgID).Meetings) {
			out = append(out, e.memberFinding(rDual, m,
				e.cal.yearText()+e.cal.notYet()+"参加所在支部组织生活（双重组织生活）"))
		}
	}
	return out
}
