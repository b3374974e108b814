package rules

import (
	"time"

	"dangjian/data/vocab"
)

// Summary is an organization's (or the university's) figures of a year in
// one line, as the committee compares organizations: the 全校概览, the
// committee's documents and the comparison of terms all read it, and
// each of its numbers comes from the one calculator (Figures).
type Summary struct {
	Members  int // members on the rolls (正常) counted this year
	Branches int
	Findings int                  // open findings, every rule
	ByRule   map[vocab.RuleID]int // open findings per rule
	// Due counts this month's to-dos among the findings (Finding.Due):
	// they are not 待整改问题. DueByRule counts them per rule.
	Due       int
	DueByRule map[vocab.RuleID]int
	// TrainingChecked members have a training requirement this year, of
	// whom TrainingMet meet it.
	TrainingChecked, TrainingMet int
	// ThemeDay and ThreeOne are the months with a 主题党日 and the 三会一课
	// periods met, out of those required, summed over the branches.
	ThemeDayRequired, ThemeDayHeld int
	ThreeOneRequired, ThreeOneMet  int
	Dues                           DuesTotals // the year's 党费: 应缴, 实缴, 欠缴
	Scores                         []Score    // each branch's 考评
	// Admitted counts the people admitted (发展党员, DevStatistics) in the
	// calendar year and AdmittedSchool in the 学年 running on the figures'
	// day (DevYears).
	Admitted, AdmittedSchool int
	// Settings are the thresholds the figures were computed with (the
	// first organization's in a sum), which rule titles state.
	Settings Settings
}

// Summary sums the figures up for the organization (or organizations)
// they cover.
func (g *Figures) Summary() Summary {
	if g.parts != nil {
		var s Summary
		for _, p := range g.parts {
			s.Add(p.Summary())
		}
		s.Settings = g.e.s
		return s
	}
	s := Summary{Members: len(g.e.active), Branches: len(g.e.branchList), ByRule: map[vocab.RuleID]int{},
		DueByRule: map[vocab.RuleID]int{}, Settings: g.e.s}
	for _, f := range g.Findings() {
		s.Findings++
		s.ByRule[f.Rule]++
		if f.Due {
			s.Due++
			s.DueByRule[f.Rule]++
		}
	}
	for _, h := range g.TrainingHours() {
		if h.Checked {
			s.TrainingChecked++
			if !h.Short() {
				s.TrainingMet++
			}
		}
	}
	for _, bm := range g.Meetings() {
		s.ThemeDayRequired += bm.ThemeDayRequired
		s.ThemeDayHeld += bm.ThemeDayHeld
		s.ThreeOneRequired += bm.ThreeOneRequired
		s.ThreeOneMet += bm.ThreeOneMet
	}
	s.Dues = g.DuesLedger().Org
	s.Scores = g.Scores()
	cy, sy := DevYears(g.e.f.Year, g.e.cal.asOf)
	dev := g.DevStats(time.Time{}, cy, sy)
	s.Admitted, s.AdmittedSchool = dev.Year(cy).Total.Admitted, dev.Year(sy).Total.Admitted
	return s
}

// Score is the 考评 score of what the summary covers (OrgScore of its
// branches).
func (s Summary) Score() float64 { return OrgScore(s.Scores) }

// TrainingRate is the share of members meeting their training
// requirement, 1 when none has one.
func (s Summary) TrainingRate() float64 { return Share(s.TrainingMet, s.TrainingChecked) }

// ThemeDayRate is the share of required months that had a 主题党日.
func (s Summary) ThemeDayRate() float64 { return Share(s.ThemeDayHeld, s.ThemeDayRequired) }

// ThreeOneRate is the share of required 三会一课 periods met.
func (s Summary) ThreeOneRate() float64 { return Share(s.ThreeOneMet, s.ThreeOneRequired) }

// DuesRate is the 党费 收缴率 (paid, arrears excluded, of what was due),
// and false when nothing was due.
func (s Summary) DuesRate() (float64, bool) { return s.Dues.Rate() }

// Share is done out of required, whole when nothing was required (as the
// scores count a part with nothing required), never more than whole.
func Share(done, required int) float64 {
	if required <= 0 {
		return 1
	}
	return min(float64(done)/float64(required), 1)
}

// Add sums another organization's summary into s: counts add up, the
// branches' scores are pooled (so Score weighs every branch by its
// members, as OrgScore does for one organization).
func (s *Summary) Add(o Summary) {
	s.Members += o.Members
	s.Branches += o.Branches
	s.Findings += o.Findings
	s.Due += o.Due
	if s.ByRule == nil {
		s.ByRule = map[vocab.RuleID]int{}
		s.Settings = o.Settings
	}
	for r, n := range o.ByRule {
		s.ByRule[r] += n
	}
	if len(o.DueByRule) > 0 && s.DueByRule == nil {
		s.DueByRule = map[vocab.RuleID]int{}
	}
	for r, n := range o.DueByRule {
		s.DueByRule[r] += n
	}
	s.TrainingChecked += o.TrainingChecked
	s.TrainingMet += o.TrainingMet
	s.ThemeDayRequired += o.ThemeDayRequired
	s.ThemeDayHeld += o.ThemeDayHeld
	s.ThreeOneRequired += o.ThreeOneRequired
	s.ThreeOneMet += o.ThreeOneMet
	s.Dues.plus(o.Dues)
	s.Scores = append(s.Scores, o.Scores...)
	s.Admitted += o.Admitted
	s.AdmittedSchool += o.AdmittedSchool
}

// reminders are the rules whose findings are lists for the branches' work
// (本月政治生日, 光荣在党50年), not problems to put right.
var reminders = map[vocab.RuleID]bool{vocab.RuleBirthday: true, vocab.RuleFifty: true}

// IsReminder reports whether a rule's findings are a list for the
// branches' work rather than problems: they are not 待整改问题.
func IsReminder(id vocab.RuleID) bool { return reminders[id] }

// Problem reports whether the finding is one of the 待整改问题: not a
// reminder (IsReminder) and not one of this month's to-dos (Due).
func (f Finding) Problem() bool { return !f.Due && !IsReminder(f.Rule) }

// Open is the number of 待整改问题: the findings but the reminders and this
// month's to-dos (Due; the DEV- findings that are not Due count). Every
// surface that counts problems (工作台, 全校概览, 学期对比, the documents)
// counts these.
func (s Summary) Open() int {
	n := s.Findings - s.Due
	for id := range reminders {
		n -= s.ByRule[id]
	}
	return n
}

// OpenOf is the number of 待整改问题 under rule id: its findings but this
// month's to-dos; none for a reminder. Open is their sum.
func (s Summary) OpenOf(id vocab.RuleID) int {
	if IsReminder(id) {
		return 0
	}
	return s.ByRule[id] - s.DueByRule[id]
}
