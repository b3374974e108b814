package rules

import (
	"math"
	"slices"
	"time"

	"dangjian/data/vocab"
)

// Figures is the one calculator of every figure the program shows for a
// year as of a day: findings, scores, the 党费 ledger, each member's training
// hours and each branch's meeting gaps. Screens, documents, exports, the
// check and the committee all take their numbers from here, so that two
// surfaces never disagree. Each figure is computed once, on first use.
// A Figures is not safe for concurrent use.
type Figures struct {
	e *engine
	// parts are the organizations' own figures of figures made Together
	// (nil otherwise), from which every figure that depends on the
	// settings is taken; ledger is their 党费 ledger once made.
	parts  []*Figures
	ledger *DuesLedger
}

// NewFigures prepares the figures of f under s.
func NewFigures(f *Facts, s Settings) *Figures {
	if f == nil {
		f = &Facts{}
	}
	return &Figures{e: newEngine(f, s)}
}

// Facts returns the facts the figures are computed from.
func (g *Figures) Facts() *Facts { return g.e.f }

// Settings returns the settings in force.
func (g *Figures) Settings() Settings { return g.e.s }

// Findings runs every rule (as All).
func (g *Figures) Findings() []Finding {
	if g.parts != nil {
		return g.findingsOfParts()
	}
	n := 0
	for r := range numRules {
		n += len(g.e.run(r))
	}
	out := make([]Finding, 0, n)
	for r := range numRules {
		out = append(out, g.e.results[r]...)
	}
	return out
}

// Scores gives each branch's 考评 score (as Scores).
func (g *Figures) Scores() []Score {
	if g.parts != nil {
		var out []Score
		for _, p := range g.parts {
			out = append(out, p.e.branchScores()...)
		}
		return out
	}
	return slices.Clone(g.e.branchScores())
}

// Appraisals gives each branch's 民主评议 tally (by branch id), as APPRAISE
// counts it.
func (g *Figures) Appraisals() map[string]AppraisalTally {
	out := map[string]AppraisalTally{}
	for _, e := range g.engines() {
		for id, t := range e.appraisalTallies(nil) {
			out[id] = *t
		}
	}
	return out
}

// Agreements gives each branch's 目标管理责任书 tally (by branch id), as
// TARGET counts it; empty when the records do not cover the whole year.
func (g *Figures) Agreements() map[string]AgreementTally {
	out := map[string]AgreementTally{}
	for _, e := range g.engines() {
		for id, t := range e.agreementTallies() {
			out[id] = *t
		}
	}
	return out
}

// DuesLedger gives the year's 党费 ledger.
func (g *Figures) DuesLedger() *DuesLedger {
	if g.parts != nil {
		return g.ledgerOfParts()
	}
	return g.e.duesLedger()
}

// engines are the engines every figure that depends on the settings is
// computed by: each organization's of figures made Together, else g's.
func (g *Figures) engines() []*engine {
	if g.parts == nil {
		return []*engine{g.e}
	}
	out := make([]*engine, len(g.parts))
	for i, p := range g.parts {
		out[i] = p.e
	}
	return out
}

// Member returns a member as on the figures' reference day (the year's
// last day, or AsOf while the year runs), or nil.
func (g *Figures) Member(id string) *Member { return g.e.members[id] }

// MemberHours is a member's 集中学习培训 in the year against the requirement.
type MemberHours struct {
	Member    *Member
	Hours     float64 // counted hours (个人自学 only when the setting says so)
	Uncounted float64 // hours recorded in forms that do not count (个人自学 by default)
	Required  int     // 32 or 56, prorated for a member counted from within the year
	Months    int     // months counted, 1–12
	Committee bool    // 书记 or 班子成员: checked against 56 (TRAIN-56)
	Checked   bool    // the rule applies to the member this year
}

// Short reports whether the member has fewer hours than required.
func (h MemberHours) Short() bool {
	return h.Checked && math.Round(h.Hours*100) < float64(h.Required)*100
}

// TrainingHours gives, for every member on the rolls (正常) this year, the
// hours counted and the hours required, in findings order.
func (g *Figures) TrainingHours() []MemberHours {
	var out []MemberHours
	for _, e := range g.engines() {
		out = append(out, e.trainingHours()...)
	}
	return out
}

func (e *engine) trainingHours() []MemberHours {
	hours := e.trainingCentiHours()
	uncounted := map[string]int64{}
	if !e.s.SelfStudyCounts {
		for _, t := range e.f.Training {
			if t.Form == vocab.FormSelfStudy {
				uncounted[t.MemberID] += int64(math.Round(t.Hours * 100))
			}
		}
	}
	var out []MemberHours
	for _, m := range e.active {
		h := MemberHours{Member: m, Hours: float64(hours[m.ID]) / 100, Committee: isCommittee(m),
			Uncounted: float64(uncounted[m.ID]) / 100}
		rule, full := rTrain32, e.s.TrainingHours
		if h.Committee {
			rule, full = rTrain56, e.s.LeaderTrainingHours
		}
		st := countFrom(m, e.cov(m.OrgID).Training)
		h.Required, h.Months = e.prorated(full, st)
		h.Checked = e.trainingCounted(st) && e.applies(rule, m)
		out = append(out, h)
	}
	return out
}

// BranchMeetings are a branch's meeting figures for the year: the months
// (1–12) that required a 主题党日 and had none, the 三会一课 requirements not
// met (as findings word them), and the counts behind the coverage rates.
type BranchMeetings struct {
	Branch                         *Branch
	ThemeDayMissing                []int // ended months without a 主题党日
	ThemeDayPending                bool  // AsOf's month has none yet
	ThemeDayRequired, ThemeDayHeld int
	ThreeOneMissing                []string     // as the findings word them
	ThreeOneGaps                   []MeetingGap // the same, by kind and period
	ThreeOneRequired, ThreeOneMet  int
	OrgLifeHeld, AppraisalHeld     bool
	OrgLifeExempt                  bool
	FirstRequired                  time.Time // first month required: founding or where records start
}

// Meetings gives every branch's meeting figures, in findings order.
func (g *Figures) Meetings() []BranchMeetings {
	var out []BranchMeetings
	for _, e := range g.engines() {
		out = append(out, e.branchMeetings()...)
	}
	return out
}

func (e *engine) branchMeetings() []BranchMeetings {
	out := make([]BranchMeetings, 0, len(e.branchList))
	for _, b := range e.branchList {
		bm := BranchMeetings{Branch: b, OrgLifeExempt: e.orgLifeExempt(b)}
		if first := e.firstRequired(b); first > math.MinInt32 {
			bm.FirstRequired = time.Date(first/12, time.Month(first%12+1), 1, 0, 0, 0, 0, time.UTC)
		}
		km := e.masks(b)
		bm.ThemeDayRequired, bm.ThemeDayHeld = e.themeDay(b, func(string) {})
		for k := range e.cal.curMonths {
			mi := e.cal.jan + k
			if mi < e.firstRequired(b) || km[kThemeDay]&(1<<k) != 0 {
				continue
			}
			if e.cal.monthEnded(mi) {
				bm.ThemeDayMissing = append(bm.ThemeDayMissing, k+1)
			} else {
				bm.ThemeDayPending = true
			}
		}
		bm.ThreeOneRequired, bm.ThreeOneMet = e.threeOneGaps(b, func(g MeetingGap) {
			bm.ThreeOneGaps = append(bm.ThreeOneGaps, g)
			bm.ThreeOneMissing = append(bm.ThreeOneMissing, g.Text)
		})
		bm.OrgLifeHeld, bm.AppraisalHeld = e.orgLife(b)
		out = append(out, bm)
	}
	return out
}
