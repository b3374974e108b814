package rules

import (
	"fmt"
	"slices"
	"strings"

	"dangjian/data/hanzi"
)

// Score is a branch's 考评 score from its records. Members counts its
// checked members (正常, under the organization by the year's end). Each part
// is rounded to two decimals; Total is their sum rounded to one decimal.
type Score struct {
	BranchID string  `json:"branch_id"`
	Branch   string  `json:"branch"`
	Members  int     `json:"members"`
	Total    float64 `json:"total"`     // 0–100
	Training float64 `json:"training"`  // ≤25: share of members meeting TRAIN-32/56
	ThemeDay float64 `json:"theme_day"` // ≤20: months with 主题党日 / months required
	ThreeOne float64 `json:"three_one"` // ≤15: 三会一课 periods met / required
	OrgLife  float64 `json:"org_life"`  // ≤10: 组织生活会 5, 民主评议 5
	Target   float64 `json:"target"`    // ≤10: share with a signed 目标管理责任书
	Dues     float64 `json:"dues"`      // ≤10: months paid / months due
	Alerts   float64 `json:"alerts"`    // ≤10: less for open member alerts
}

// Part weights.
const (
	wTraining = 25
	wThemeDay = 20
	wThreeOne = 15
	wOrgLife  = 10
	wTarget   = 10
	wDues     = 10
	wAlerts   = 10
)

// alertRules are the rules whose member findings lower the alerts part:
// the obligations of the 考评 DOMAIN.md lists, and the member status
// timers (LOST-CONTACT, ABROAD, AWAY, GRADUATE, CORRECTION), which are open
// alerts about a member the branch has to act on. PLEDGE, VOLUNTEER and
// LEADER-LINK (实践锻炼 and 联系点, outside the 考评's parts), BRANCH-SHAPE
// (the branch's set-up, decided above it) and PROFILE (the record's
// completeness) are shown but do not lower the score.
var alertRules = []int{rTrain32, rTrain56, rSixMonth, rTalk, rTarget, rTransfer,
	rLostContact, rAbroad, rAway, rGraduate, rCorrection}

// Scores computes each branch's score, sorted by branch name. A part with
// nothing required scores full. Training counts members without a TRAIN-32
// or TRAIN-56 finding; ThemeDay and ThreeOne count the periods those rules
// check; Target is the share of the members TARGET applies to with a
// signed 目标管理责任书 (full when the records do not cover the year); Dues
// is the branch's 收缴率 in the 党费 ledger; Alerts is 10 × max(0, 1 − member findings of TRAIN-32, TRAIN-56,
// SIX-MONTH, TALK, TARGET, TRANSFER, LOST-CONTACT, ABROAD, AWAY, GRADUATE
// and CORRECTION ÷ members).
func Scores(f *Facts, s Settings) []Score {
	if f == nil {
		return nil
	}
	return slices.Clone(newEngine(f, s).branchScores())
}

// OrgScore is the organization's score: the mean of the branches' totals
// weighted by their members (a plain mean when no branch has members),
// rounded to one decimal; 0 without branches.
func OrgScore(scores []Score) float64 {
	if len(scores) == 0 {
		return 0
	}
	var sum, weight float64
	for _, sc := range scores {
		sum += sc.Total * float64(sc.Members)
		weight += float64(sc.Members)
	}
	if weight == 0 {
		for _, sc := range scores {
			sum += sc.Total
		}
		weight = float64(len(scores))
	}
	return round(sum/weight, 1)
}

// Eval (EVAL, 考评): each branch whose Scores total is below EvalPassScore.
func Eval(f *Facts, s Settings) []Finding { return runOne(f, s, rEval) }

func (e *engine) eval() []Finding {
	var out []Finding
	for _, sc := range e.branchScores() {
		if sc.Total < e.s.EvalPassScore {
			out = append(out, Finding{
				Rule: ruleIDs[rEval], BranchID: sc.BranchID, Branch: sc.Branch,
				Detail: fmt.Sprintf("考评得分%s分，低于%s分", formatNumber(sc.Total), formatNumber(e.s.EvalPassScore)),
			})
		}
	}
	return out
}

// part is weight × done/required, full when nothing is required.
func part(weight float64, done, required int) float64 {
	if required <= 0 {
		return weight
	}
	return weight * min(float64(done)/float64(required), 1)
}

// branchScores computes the scores once per engine, reusing the findings of
// the rules they depend on.
func (e *engine) branchScores() []Score {
	if e.scored {
		return e.scores
	}
	type tally struct {
		members, trainShort, alerts int
	}
	per := make(map[string]*tally, len(e.branches))
	get := func(id string) *tally {
		t := per[id]
		if t == nil {
			t = new(tally)
			per[id] = t
		}
		return t
	}
	for _, m := range e.active {
		get(m.BranchID).members++
	}
	agreements := e.agreementTallies()
	ledger := e.duesLedger()
	for _, r := range []int{rTrain32, rTrain56} {
		for _, fd := range e.run(r) {
			get(fd.BranchID).trainShort++
		}
	}
	for _, r := range alertRules {
		for _, fd := range e.run(r) {
			if fd.MemberID != "" {
				get(fd.BranchID).alerts++
			}
		}
	}
	var scores []Score
	e.eachBranch(func(b *Branch) {
		t := get(b.ID)
		sc := Score{BranchID: b.ID, Branch: b.Name, Members: t.members}
		sc.Training = part(wTraining, t.members-t.trainShort, t.members)
		req, held := e.themeDay(b, nil)
		sc.ThemeDay = part(wThemeDay, held, req)
		req, met := e.threeOne(b, nil)
		sc.ThreeOne = part(wThreeOne, met, req)
		if e.orgLifeExempt(b) {
			sc.OrgLife = wOrgLife
		} else {
			life, appraisal := e.orgLife(b)
			if life {
				sc.OrgLife += wOrgLife / 2
			}
			if appraisal {
				sc.OrgLife += wOrgLife / 2
			}
		}
		sc.Target = wTarget
		if a := agreements[b.ID]; a != nil {
			sc.Target = part(wTarget, a.Signed, a.Required)
		}
		sc.Dues = wDues
		if rate, ok := ledger.Branches[b.ID].Rate(); ok {
			sc.Dues = wDues * rate
		}
		if t.members > 0 {
			sc.Alerts = wAlerts * max(0, 1-float64(t.alerts)/float64(t.members))
		} else if t.alerts == 0 {
			sc.Alerts = wAlerts
		}
		total := sc.Training + sc.ThemeDay + sc.ThreeOne + sc.OrgLife + sc.Target + sc.Dues + sc.Alerts
		sc.Total = round(total, 1)
		for _, p := range []*float64{&sc.Training, &sc.ThemeDay, &sc.ThreeOne, &sc.OrgLife, &sc.Target, &sc.Dues, &sc.Alerts} {
			*p = round(*p, 2)
		}
		scores = append(scores, sc)
	})
	slices.SortFunc(scores, func(a, b Score) int {
		if c := hanzi.CompareLabel(a.Branch, b.Branch); c != 0 {
			return c
		}
		return strings.Compare(a.BranchID, b.BranchID)
	})
	e.scores, e.scored = scores, true
	return scores
}
