package rules

import (
	"fmt"
	"strings"
	"time"

	"dangjian/data/vocab"
)

// Appraise (APPRAISE, 民主评议): per branch, 优秀 above ExcellentMaxRatio of
// the graded 正式党员 (exact comparison); each 不合格 without a follow-up
// (教育/处置) record; each 预备党员 given a grade, since 预备党员 take part
// but are not graded.
func Appraise(f *Facts, s Settings) []Finding { return runOne(f, s, rAppraise) }

// SixMonth (SIX-MONTH, 党章第九条): members who, by AsOf, have gone
// InactiveMonths full calendar months without attending organizational life
// or without paying dues (自行脱党 risk), or InactiveWarnMonths (warning).
// The count runs from the month of the last attendance or payment, or of
// Since(m) when there is none or it is later; members exempt from dues are
// checked for attendance only; members who came under the organization in
// AsOf's month or later are not checked.
func SixMonth(f *Facts, s Settings) []Finding { return runOne(f, s, rSixMonth) }

// TalkRule (TALK): members with no 谈心谈话 in the year.
func TalkRule(f *Facts, s Settings) []Finding { return runOne(f, s, rTalk) }

// LiaisonRule (LIAISON): members without a 群众 or 困难学生 contact (every
// member has one of each), and 党员领导干部 also without a 支部 or 班级
// contact; one finding per member listing what is missing.
func LiaisonRule(f *Facts, s Settings) []Finding { return runOne(f, s, rLiaison) }

// Target (TARGET, 目标管理): members without a signed 目标管理责任书 for the
// year and, once the year has ended, signed ones whose completion is not
// scored.
func Target(f *Facts, s Settings) []Finding { return runOne(f, s, rTarget) }

// AppraisalTally is a branch's 民主评议 of the year as APPRAISE counts it:
// the graded 正式党员 (category on the reference day) and the 优秀 among
// them, with the most 优秀 the ExcellentMaxRatio setting allows.
type AppraisalTally struct {
	Graded, Excellent, MaxExcellent int
}

// Exceeded reports whether 优秀 is above its share.
func (t AppraisalTally) Exceeded() bool { return t.Excellent > t.MaxExcellent }

// appraisalTallies counts each branch's graded 正式党员 and 优秀, calling
// probation for each 预备党员 given a grade; built on each call.
func (e *engine) appraisalTallies(probation func(m *Member)) map[string]*AppraisalTally {
	per := make(map[string]*AppraisalTally)
	for _, a := range e.f.Appraisals {
		m := e.members[a.MemberID]
		if m == nil || m.Status != vocab.StatusNormal || a.Grade == "" || !e.applies(rAppraise, m) {
			continue
		}
		switch m.Category {
		case vocab.CategoryFull:
			t := per[m.BranchID]
			if t == nil {
				t = new(AppraisalTally)
				per[m.BranchID] = t
			}
			t.Graded++
			if a.Grade == vocab.GradeExcellent {
				t.Excellent++
			}
		case vocab.CategoryProbation:
			if probation != nil {
				probation(m)
			}
		}
	}
	r := e.s.ExcellentMaxRatio
	for _, t := range per {
		t.MaxExcellent = t.Graded
		if r.Den > 0 {
			t.MaxExcellent = int(int64(t.Graded) * r.Num / r.Den)
		}
	}
	return per
}

func (e *engine) appraise() []Finding {
	var out []Finding
	y := e.cal.yearText()
	per := e.appraisalTallies(func(m *Member) {
		out = append(out, e.memberFinding(rAppraise, m, "预备党员参加民主评议但不评定等次，请删除等次"))
	})
	for _, a := range e.f.Appraisals {
		m := e.members[a.MemberID]
		if m == nil || m.Status != vocab.StatusNormal || !e.applies(rAppraise, m) {
			continue
		}
		if a.Grade == vocab.GradeFail && strings.TrimSpace(a.FollowUp) == "" {
			out = append(out, e.memberFinding(rAppraise, m, y+"民主评议为不合格，尚无教育或处置记录"))
		}
	}
	r := e.s.ExcellentMaxRatio
	if r.Den <= 0 {
		return out
	}
	e.eachBranch(func(b *Branch) {
		if t := per[b.ID]; t != nil && r.exceededBy(t.Excellent, t.Graded) {
			out = append(out, branchFinding(rAppraise, b, fmt.Sprintf(
				"%s民主评议优秀%d人，超过参评%d人的%s", y, t.Excellent, t.Graded, r.chinese())))
		}
	})
	return out
}

// AgreementTally is a branch's 目标管理责任书 of the year as TARGET counts
// it: the members it applies to, those who signed and those whose
// completion is assessed.
type AgreementTally struct {
	Required, Signed, Scored int
}

// agreementTallies counts each branch's agreements over the members TARGET
// applies to (none when the records do not cover the whole year).
func (e *engine) agreementTallies() map[string]*AgreementTally {
	per := make(map[string]*AgreementTally)
	agree := e.agreements()
	for _, m := range e.active {
		if !e.applies(rTarget, m) || !e.coveredWholeYear(e.cov(m.OrgID).Agreements) {
			continue
		}
		t := per[m.BranchID]
		if t == nil {
			t = new(AgreementTally)
			per[m.BranchID] = t
		}
		t.Required++
		st := agree[m.ID]
		if st.signed {
			t.Signed++
		}
		if st.scored {
			t.Scored++
		}
	}
	return per
}

// monthsWithout counts the whole calendar months strictly between the month
// of last and AsOf's month.
func (e *engine) monthsWithout(last time.Time) int {
	return e.cal.asOfM - monthIndex(last) - 1
}

func (e *engine) sixMonth() []Finding {
	var out []Finding
	// check counts the months since the later of last (the last attendance
	// or payment) and start (where counting starts for the member); cov is
	// where the records of the kind start, named when counting starts there.
	// The first month counted is itself without when it is owed whole: for
	// dues always (as the 党费 ledger owes it), for attendance when counting
	// starts where the records do; a member arriving within a month is
	// counted from the next.
	check := func(m *Member, last, start, cov time.Time, what string, dues bool) {
		if start.IsZero() || monthIndex(start) >= e.cal.asOfM {
			return // not counted yet: new here, or records start this month
		}
		// Months without: after the month of the last attendance or
		// payment, or from the first month counted when there is none
		// since (that month itself was owed and not met either).
		n := e.monthsWithout(civil(last))
		note := ""
		if civil(last).Before(start) {
			atCoverage := monthStart(cov).Equal(start)
			n = e.monthsWithout(start)
			if dues || atCoverage {
				n++
			}
			if atCoverage {
				note = recordsSinceText(cov)
			}
		}
		switch {
		case n >= e.s.InactiveMonths:
			out = append(out, e.memberFinding(rSixMonth, m,
				fmt.Sprintf("已连续%d个月未%s，存在自行脱党风险%s", n, what, note)))
		case n >= e.s.InactiveWarnMonths:
			out = append(out, e.memberFinding(rSixMonth, m,
				fmt.Sprintf("已连续%d个月未%s（预警）%s", n, what, note)))
		}
	}
	for _, m := range e.normal {
		if !e.applies(rSixMonth, m) {
			continue
		}
		cov := e.cov(m.OrgID)
		check(m, e.f.LastAttended[m.ID], countFrom(m, cov.Meetings), cov.Meetings, "参加党的组织生活", false)
		if !m.DuesExempt {
			check(m, e.f.LastPaid[m.ID], DuesFrom(m, cov), cov.Dues, "交纳党费", true)
		}
	}
	return out
}

func (e *engine) talk() []Finding {
	talked := make(map[string]bool, len(e.f.Talks))
	for _, t := range e.f.Talks {
		if e.inYear(t.Date) {
			talked[t.MemberID] = true
		}
	}
	var out []Finding
	for _, m := range e.active {
		if !talked[m.ID] && e.applies(rTalk, m) && e.coveredWholeYear(e.cov(m.OrgID).Talks) {
			out = append(out, e.memberFinding(rTalk, m, e.cal.yearText()+e.cal.notYet()+"开展谈心谈话"))
		}
	}
	return out
}

// Liaison kinds in the order findings list them, with how they read after
// 联系.
var liaisonKinds = []struct {
	kind vocab.LiaisonKind
	text string
}{
	{vocab.LiaisonMasses, string(vocab.LiaisonMasses)}, {vocab.LiaisonStudent, string(vocab.LiaisonStudent)},
	{vocab.LiaisonBranch, "党支部"}, {vocab.LiaisonClass, string(vocab.LiaisonClass)},
}

func (e *engine) liaison() []Finding {
	have := make(map[string]uint8, len(e.f.Members))
	for _, l := range e.f.Liaisons {
		for i, k := range liaisonKinds {
			if l.Kind == k.kind {
				have[l.MemberID] |= 1 << i
			}
		}
	}
	var out []Finding
	for _, m := range e.active {
		// A standing relation is looked at where the records are kept: not
		// for a year that ended before the organization's records began.
		if !e.applies(rLiaison, m) || e.ref.Before(monthStart(e.cov(m.OrgID).start())) {
			continue
		}
		need := uint8(0b0011) // every member: one 群众 and one 困难学生
		if m.IsLeader {
			need |= 0b1100
		}
		missing := need &^ have[m.ID]
		if missing == 0 {
			continue
		}
		var names []string
		for i, k := range liaisonKinds {
			if missing&(1<<i) != 0 {
				names = append(names, k.text)
			}
		}
		out = append(out, e.memberFinding(rLiaison, m, "未落实联系"+strings.Join(names, "、")))
	}
	return out
}

// agreeState is a member's 目标管理责任书 state for the year.
type agreeState struct{ signed, scored bool }

// agreements returns the agreement state per member id, built on first use.
func (e *engine) agreements() map[string]agreeState {
	if e.agree != nil {
		return e.agree
	}
	e.agree = make(map[string]agreeState, len(e.f.Agreements))
	for _, a := range e.f.Agreements {
		if a.Signed.IsZero() {
			continue
		}
		st := e.agree[a.MemberID]
		st.signed = true
		st.scored = st.scored || a.Scored
		e.agree[a.MemberID] = st
	}
	return e.agree
}

func (e *engine) target() []Finding {
	agree := e.agreements()
	y := e.cal.yearText()
	var out []Finding
	for _, m := range e.active {
		if !e.applies(rTarget, m) || !e.coveredWholeYear(e.cov(m.OrgID).Agreements) {
			continue
		}
		switch st := agree[m.ID]; {
		case !st.signed:
			out = append(out, e.memberFinding(rTarget, m, y+e.cal.notYet()+"签订党员目标管理责任书"))
		case e.cal.yearEnded && !st.scored:
			out = append(out, e.memberFinding(rTarget, m, y+"目标管理责任书完成情况尚未评定"))
		}
	}
	return out
}
