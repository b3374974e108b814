package rules

import (
	"fmt"
	"math"
	"strings"
	"time"

	"dangjian/data/vocab"
)

// isCommittee reports whether m is a 班子成员: a 党内职务 containing 书记 or
// 委员.
func isCommittee(m *Member) bool { return IsCommitteePost(m.PartyPost) }

// IsCommitteePost reports whether a 党内职务 makes its holder a 班子成员 (a
// 书记 or a 委员), held to the 56 学时 of TRAIN-56.
func IsCommitteePost(post string) bool {
	return strings.Contains(post, string(vocab.PostSecretary)) || strings.Contains(post, string(vocab.PostMember))
}

// IsSecretaryPost reports whether a 党内职务 is a 书记's (支部书记, 书记),
// not a 副书记's.
func IsSecretaryPost(post string) bool {
	return strings.Contains(post, string(vocab.PostSecretary)) &&
		!strings.Contains(post, string(vocab.PostDeputySecretary))
}

// Train32 (TRAIN-32): members who are not 班子成员 with fewer 集中学习 hours
// in the year than TrainingHours, prorated by month for members who came
// under the organization during the year. 个人自学 counts only when
// SelfStudyCounts.
func Train32(f *Facts, s Settings) []Finding { return runOne(f, s, rTrain32) }

// Train56 (TRAIN-56): the same check for 班子成员 against
// LeaderTrainingHours. A 班子成员 is never also checked by TRAIN-32.
func Train56(f *Facts, s Settings) []Finding { return runOne(f, s, rTrain56) }

// LectureRule (LECTURE): each 党员领导干部 who has not given a 党课 or 形势报告 in
// the year.
func LectureRule(f *Facts, s Settings) []Finding { return runOne(f, s, rLecture) }

// trainingCentiHours sums each member's counted hours in hundredths of an
// hour, so that sums of decimals compare exactly. Built on first use.
func (e *engine) trainingCentiHours() map[string]int64 {
	if e.hours != nil {
		return e.hours
	}
	e.hours = make(map[string]int64, len(e.f.Members))
	for _, t := range e.f.Training {
		if t.Form == vocab.FormSelfStudy && !e.s.SelfStudyCounts {
			continue
		}
		e.hours[t.MemberID] += int64(math.Round(t.Hours * 100))
	}
	return e.hours
}

// train checks TRAIN-56 (committee) or TRAIN-32 (everyone else).
func (e *engine) train(committee bool) []Finding {
	rule, full := rTrain32, e.s.TrainingHours
	if committee {
		rule, full = rTrain56, e.s.LeaderTrainingHours
	}
	hours := e.trainingCentiHours()
	var out []Finding
	for _, m := range e.active {
		if isCommittee(m) != committee || !e.applies(rule, m) {
			continue
		}
		st := countFrom(m, e.cov(m.OrgID).Training)
		if !e.trainingCounted(st) {
			continue
		}
		required, months := e.prorated(full, st)
		got := hours[m.ID]
		if got >= int64(required)*100 {
			continue
		}
		var notes []string
		if committee {
			notes = append(notes, "班子成员")
		}
		if months < 12 {
			notes = append(notes, fmt.Sprintf("%d月起按%d个月折算", 12-months+1, months))
		}
		detail := fmt.Sprintf("%s集中学习%s学时，不足%d学时", e.cal.yearText(),
			formatNumber(float64(got)/100), required)
		if len(notes) > 0 {
			detail += "（" + strings.Join(notes, "，") + "）"
		}
		out = append(out, e.memberFinding(rule, m, detail))
	}
	return out
}

func (e *engine) lecture() []Finding {
	gave := make(map[string]bool, len(e.f.Lectures))
	for _, l := range e.f.Lectures {
		if e.inYear(l.Date) {
			gave[l.MemberID] = true
		}
	}
	var out []Finding
	for _, m := range e.active {
		cov := e.cov(m.OrgID)
		if m.IsLeader && !gave[m.ID] && e.applies(rLecture, m) && e.coveredWholeYear(later(cov.Training, cov.Meetings)) {
			out = append(out, e.memberFinding(rLecture, m,
				e.cal.yearText()+e.cal.notYet()+"讲授党课或作形势报告"))
		}
	}
	return out
}

// trainingCounted reports whether a member counted from st is checked for
// the year's hours: st is within or before the year, and a month counted
// for the member has ended (a member counted from AsOf's month on, such as
// on the day the records begin, is not behind yet).
func (e *engine) trainingCounted(st time.Time) bool {
	return st.Year() <= e.f.Year && (st.IsZero() || monthIndex(st) < e.cal.asOfM)
}

// prorated is a yearly requirement (学时, 志愿服务 hours) of a member counted
// from st: the whole of it, or for a member counted from within the year
// the part of its months, rounded up (ceil(full × months / 12)).
func (e *engine) prorated(full int, st time.Time) (required, months int) {
	if st.Year() != e.f.Year {
		return full, 12
	}
	months = 12 - int(st.Month()) + 1
	return (full*months + 11) / 12, months
}
