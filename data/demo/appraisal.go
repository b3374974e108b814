package demo

import (
	"fmt"
	"time"

	"dangjian/data"
	"dangjian/data/vocab"
)

// entry is one member's part in the year's 民主评议.
type entry struct {
	p      *person
	graded bool // a 正式党员 on the day: 预备党员 take part without a grade
	grade  vocab.Grade
	// followUp: a 不合格 member with an 教育/处置 record
	followUp bool
}

// writeAppraisals writes the year's 民主评议 results and 目标管理责任书.
func (g *gen) writeAppraisals() error {
	if err := g.writeGrades(); err != nil {
		return err
	}
	return g.writeAgreements()
}

// writeGrades grades the members of every branch that held its 民主评议:
// most 合格, 20–30% 优秀 (over a third in one branch), a few 基本合格, and
// two 不合格 in the organization, one of them with a follow-up record.
func (g *gen) writeGrades() error {
	var entries []*entry
	perBranch := make([][]*entry, len(g.branches))
	// A member is graded as the category on the year's last day (or today
	// while the year runs) has it, as the rules and the printed form do.
	ref := minTime(g.asOf, date(g.year, time.December, 31))
	for _, b := range g.branches {
		if b.appraisedOn.IsZero() {
			continue
		}
		for _, p := range g.roll(b, b.appraisedOn) {
			e := &entry{p: p, graded: !p.rec.ConfirmedAt.IsZero() && !p.rec.ConfirmedAt.After(ref)}
			entries = append(entries, e)
			i := p.branch.index
			perBranch[i] = append(perBranch[i], e)
		}
	}
	// Shares are counted per branch the member is in now, as the rules do.
	for i, es := range perBranch {
		var counted, eligible []*entry
		for _, e := range es {
			if !e.graded {
				continue
			}
			e.grade = vocab.GradePass
			if e.p.until.IsZero() {
				counted = append(counted, e)
				if e.p.quietFrom == 0 && e.p.unpaidFrom == 0 {
					eligible = append(eligible, e)
				}
			}
		}
		n := len(counted) * g.between(20, 30) / 100
		n = min(n, len(counted)/3)
		if g.branches[i].manyExcel {
			n = len(counted)*2/5 + 1
		}
		g.r.Shuffle(len(eligible), func(a, b int) { eligible[a], eligible[b] = eligible[b], eligible[a] })
		for k, e := range eligible {
			switch {
			case k < n:
				e.grade = vocab.GradeExcellent
			case g.chance(0.02):
				e.grade = vocab.GradeBasic
			}
		}
	}
	g.failTwo(entries)
	heads := g.branchHeads()
	a := &data.Appraisal{}
	for _, e := range entries {
		*a = data.Appraisal{Year: g.year, MemberID: e.p.id, Grade: string(e.grade), SelfAssessment: g.pick(selfAssessments),
			BranchOpinion: "预备党员参加评议,不评定等次"}
		if e.graded {
			a.BranchOpinion = "经支部党员大会评议,评定为" + string(e.grade)
			i := e.p.branch.index
			g.votes(a, e.grade, min(len(perBranch[i]), heads[i]))
			a.SuperiorOpinion = superiorOpinion(e.grade)
		}
		if e.followUp {
			a.FollowUp = followUp
		}
		if err := put(g, g.tx.Appraisals, a, &g.sum.Appraisals); err != nil {
			return err
		}
	}
	return nil
}

// failTwo grades two members 不合格, those who stopped taking part first: the
// first gets a follow-up (教育/处置), the second none yet.
func (g *gen) failTwo(entries []*entry) {
	var first, rest []*entry
	for _, e := range entries {
		if e.grade != vocab.GradePass || !e.p.until.IsZero() {
			continue
		}
		if e.p.quietFrom > 0 || e.p.unpaidFrom > 0 {
			first = append(first, e)
		} else {
			rest = append(rest, e)
		}
	}
	g.r.Shuffle(len(rest), func(a, b int) { rest[a], rest[b] = rest[b], rest[a] })
	for k, e := range append(first, rest...)[:min(2, len(first)+len(rest))] {
		e.grade, e.followUp = vocab.GradeFail, k == 0
	}
}

// followUp is the 教育/处置 record of the first 不合格 member.
const followUp = "支部书记进行谈话教育,责令限期改正,列为重点帮教对象;三个月后复评"

// writeAgreements has every member on the rolls sign the year's 目标管理责任书
// with 4–6 targets, in February–March or soon after joining the
// organization; about 5% have not signed.
func (g *gen) writeAgreements() error {
	a := &data.Agreement{}
	t := &data.AgreementTarget{}
	for i, p := range g.people {
		if i%64 == 0 {
			g.advance(min(64, len(g.people)-i))
		}
		if !p.until.IsZero() {
			continue
		}
		sign := date(g.year, time.February, 15).AddDate(0, 0, g.intn(45))
		if p.from.After(date(g.year, time.February, 1)) {
			sign = p.from.AddDate(0, 0, g.between(7, 30))
		}
		*a = data.Agreement{Year: g.year, MemberID: p.id, Note: "尚未签订"}
		if !g.chance(0.05) && !sign.After(g.asOf) && !p.branch.weak {
			a.SignedDate, a.Note = dt(sign), ""
		}
		if err := put(g, g.tx.Agreements, a, &g.sum.Agreements); err != nil {
			return err
		}
		aid := data.Ref(a.ID)
		for k, content := range g.targets(p) {
			*t = data.AgreementTarget{AgreementID: aid, Seq: k + 1, Content: content}
			if err := put(g, g.tx.AgreementTargets, t, &g.sum.AgreementTargets); err != nil {
				return err
			}
		}
	}
	return nil
}

// targets are 4–6 targets of a member's agreement: the yearly hours first.
func (g *gen) targets(p *person) []string {
	hours := 32
	if p.committee {
		hours = 56
	}
	extra := targetsStaff
	switch {
	case p.leader:
		extra = targetsLeader
	case p.student():
		extra = targetsStudent
	case p.retired():
		extra = targetsRetired
	}
	out := []string{fmt.Sprintf("每年参加集中学习培训不少于%d学时", hours)}
	pool := []string{targetsCommon[0], targetsCommon[1], extra[0], targetsCommon[2], extra[1], targetsCommon[3]}
	return append(out, pool[:g.between(3, 5)]...)
}
